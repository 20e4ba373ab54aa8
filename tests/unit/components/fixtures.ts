import { Alumnus, Offer, Organization } from '../../../utils/api';
import type { OrganizationMatch, PersonMatch } from '../../../utils/messaging/protocol';

// Records shaped like the demo seed (server/seed/demo-data.ts), parsed with the API contract so a
// test can never render data the backend could not send.

export const yamada = Alumnus.parse({
  id: 'E1001',
  names: { display: '山田 太郎', kana: 'やまだ たろう', latin: 'Taro Yamada', former: ['佐藤 太郎'] },
  tenure: [{ from: '2012-04', to: '2018-03', department: 'Engineering' }],
  currentEmployer: { name: '株式会社みらい銀行', organizationId: 'org-mirai-bank' },
  currentTitle: 'Engineering Manager',
  consent: { recognition: true, offers: true },
  rehireEligible: true,
  relationshipOwner: { name: 'Kenji Watanabe' },
  updatedAt: '2026-11-01T00:00:00Z',
});

export const sofia = Alumnus.parse({
  id: 'E2001',
  names: { display: 'Sofia Andersson Reyes', latin: 'Sofia Andersson Reyes' },
  profileUrls: ['https://www.linkedin.com/in/sofia-andersson-reyes'],
  tenure: [{ from: '2009-04', to: '2011-08', department: 'Design' }],
  currentEmployer: { name: 'Spotify', organizationId: 'org-spotify' },
  currentTitle: 'Engineering Education Team Lead',
  consent: { recognition: true, offers: true },
  rehireEligible: true,
  relationshipOwner: { name: 'Kenji Watanabe' },
  updatedAt: '2026-11-01T00:00:00Z',
});

/** What the server sends a salesperson: the same record without rehire eligibility. */
export const sofiaForSales = Alumnus.parse({ ...sofia, rehireEligible: undefined });

export const marcos = Alumnus.parse({
  id: 'E2010',
  names: { display: 'Marcos Ruiz', latin: 'Marcos Ruiz' },
  tenure: [{ from: '2014-01', to: '2017-06', department: 'Sales' }],
  currentEmployer: { name: 'Audiense', organizationId: 'org-audiense' },
  currentTitle: 'Head of Partnerships',
  consent: { recognition: true, offers: true },
  relationshipOwner: { name: 'Aiko Tanaka' },
  updatedAt: '2026-11-01T00:00:00Z',
});

export const julien = Alumnus.parse({
  id: 'E2011',
  names: { display: 'Julien Moreau', latin: 'Julien Moreau' },
  tenure: [{ from: '2015-09', to: '2019-02' }],
  currentEmployer: { name: 'Audiense', organizationId: 'org-audiense' },
  currentTitle: 'Data Scientist',
  consent: { recognition: true, offers: true },
  updatedAt: '2026-11-01T00:00:00Z',
});

export const audiense = Organization.parse({
  id: 'org-audiense',
  name: 'Audiense',
  aliases: [],
  domains: ['audiense.com'],
  profileUrls: ['https://www.linkedin.com/company/audiense'],
  updatedAt: '2026-11-01T00:00:00Z',
});

export const audienseOffer = Offer.parse({
  id: 'offer-1',
  title: 'Audience analytics pilot with Audiense',
  summary: 'We are looking for alumni to co-design a pilot.',
  kind: 'project',
  skills: ['analytics', 'marketing'],
  organizationId: 'org-audiense',
  status: 'open',
  closesOn: '2026-12-31',
  contact: { name: 'Aiko Tanaka' },
  updatedAt: '2026-11-01T00:00:00Z',
});

export const sofiaMatch: PersonMatch = {
  ref: 0,
  alumnus: sofia,
  confidence: 'confirmed',
  evidence: [
    { kind: 'profile-url', values: { url: 'linkedin.com/in/sofia-andersson-reyes', alumnus: 'Sofia Andersson Reyes' } },
    { kind: 'experience-overlap', values: { organization: 'Sakura Digital', from: '2009-04', to: '2011-08', tenure: [{ from: '2009-04', to: '2011-08' }] } },
  ],
  offers: [],
};

export const audienseMatch: OrganizationMatch = { ref: 0, organization: audiense, alumni: [marcos, julien], offers: [audienseOffer] };
