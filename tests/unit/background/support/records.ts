import type { Alumnus, Me, Offer, Organization } from '../../../../utils/api';

// Contract-shaped records for the scripted backend; names echo the demo company's data.

export const UPDATED = '2026-11-01T09:00:00.000Z';

export function alumnus(id: string, overrides: Partial<Alumnus> = {}): Alumnus {
  return {
    id,
    names: { display: 'Sofia Andersson Reyes', latin: 'Sofia Andersson Reyes' },
    profileUrls: ['https://www.linkedin.com/in/sofia-andersson-reyes'],
    tenure: [{ from: '2009-04', to: '2011-08', department: 'Design' }],
    currentEmployer: { name: 'Spotify' },
    consent: { recognition: true, offers: true },
    rehireEligible: true,
    relationshipOwner: { name: 'Kenji Watanabe' },
    updatedAt: UPDATED,
    ...overrides,
  };
}

export function organization(id: string, overrides: Partial<Organization> = {}): Organization {
  return {
    id,
    name: 'Audiense',
    aliases: [],
    domains: ['audiense.com'],
    profileUrls: ['https://www.linkedin.com/company/audiense'],
    updatedAt: UPDATED,
    ...overrides,
  };
}

export function offer(id: string, overrides: Partial<Offer> = {}): Offer {
  return {
    id,
    title: 'Design system audit',
    summary: 'Review the design system of a client.',
    kind: 'project',
    skills: ['design'],
    status: 'open',
    contact: { name: 'Kenji Watanabe' },
    updatedAt: UPDATED,
    ...overrides,
  };
}

export const company: Me['company'] = {
  name: 'Sakura Digital',
  aliases: ['株式会社さくらデジタル', 'さくらデジタル', 'Sakura Digital Inc.', 'Sakura Soft', 'サクラソフト'],
  domains: ['sakura-digital.example'],
};

export function me(role: Me['user']['role'], name = 'Test User'): Me {
  return { user: { name, role }, company };
}
