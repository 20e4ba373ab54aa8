import { describe, expect, it } from 'vitest';
import type { Alumnus, Offer, Showcase } from '../../../utils/api';
import { alumniFitting, fittingOffers, fitOf, profileOf, rankOffers, type MatchProfile } from '../../../utils/matching/rank';
import { mentions, normaliseTag } from '../../../utils/matching/tags';
import { demoOffers } from '../../../server/seed/demo-data';

const offers: Offer[] = demoOffers
  .filter((offer) => offer.status === 'open')
  .map(({ status, ...offer }) => ({ ...offer, status: status ?? 'open', updatedAt: '2026-11-01T00:00:00.000Z' }));
const offer = (id: string) => offers.find((o) => o.id === id)!;

const showcase = (tags: Partial<Showcase['tags']>): Showcase => ({
  businessName: 'Test',
  offering: 'Test',
  tags: { skills: [], industries: [], services: [], ...tags },
  sharedContact: {},
  published: true,
  updatedAt: '2026-11-01T00:00:00.000Z',
});

const alumnus = (id: string, extra: Partial<Alumnus> = {}): Alumnus => ({
  id,
  names: { display: `Person ${id}` },
  tenure: [{ from: '2010-04', to: '2015-03' }],
  consent: { recognition: true, offers: true },
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...extra,
});

describe('tags', () => {
  it('compare by meaning: width, case, separators and -isation/-ization', () => {
    expect(normaliseTag('Data visualisation')).toBe(normaliseTag('data-visualization'));
    expect(normaliseTag('ＴｙｐｅＳｃｒｉｐｔ')).toBe('typescript');
    expect(normaliseTag('Design  systems')).toBe(normaliseTag('design_systems'));
  });

  it('a latin tag is mentioned only as whole words; a Japanese one anywhere', () => {
    expect(mentions(normaliseTag('We build JavaScript apps'), 'java')).toBe(false);
    expect(mentions(normaliseTag('Java and Kotlin back ends'), 'java')).toBe(true);
    expect(mentions(normaliseTag('モバイルバンキング刷新プロジェクト'), normaliseTag('モバイル'))).toBe(true);
    expect(mentions('anything', 'a')).toBe(false);
  });
});

describe('offers ranked for a person, with the reasons', () => {
  it('matches skills however they are spelled, naming them as the offer does', () => {
    const profile = profileOf(alumnus('a'), showcase({ skills: ['typescript', 'Data visualization', 'Cooking'] }));
    const fit = fitOf(profile, offer('offer-audiense-dashboard'));
    expect(fit.reasons).toEqual([{ code: 'skills', params: { skills: 'TypeScript, Data visualisation' } }]);
    expect(fit.score).toBeGreaterThan(0);
  });

  it('says an offer concerns the organisation where the person works now', () => {
    const profile = profileOf(alumnus('a', { currentEmployer: { name: 'ひかりヘルスケア株式会社', organizationId: 'org-hikari-health' } }), null);
    const care = { ...offer('offer-audiense-dashboard'), id: 'care', organizationId: 'org-hikari-health', skills: [] };
    expect(fitOf(profile, care).reasons).toEqual([{ code: 'employer', params: { org: 'ひかりヘルスケア株式会社' } }]);
    // The employer's name alone (no organisation id) is not enough to say an offer concerns it.
    expect(fitOf(profileOf(alumnus('b', { currentEmployer: { name: 'ひかりヘルスケア株式会社' } }), null), care).reasons).toEqual([]);
  });

  it('finds tags the offer’s title or summary is about, in Japanese too', () => {
    const profile = profileOf(alumnus('a'), showcase({ skills: ['iOS'], industries: ['金融'], services: ['モバイルバンキング'] }));
    const fit = fitOf(profile, offer('offer-mirai-bank-mobile'));
    expect(fit.reasons).toEqual([
      { code: 'skills', params: { skills: 'iOS' } },
      { code: 'mentions', params: { tags: 'モバイルバンキング' } },
    ]);
  });

  it('puts suggested and fitting offers first, and keeps the rest in their order', () => {
    const profile: MatchProfile = {
      ...profileOf(alumnus('a', { currentEmployer: { name: 'Spotify', organizationId: 'org-spotify' } }), showcase({ skills: ['Kubernetes'] })),
      suggestions: new Map([['offer-alumni-meetup-speaker', 'Kenji Watanabe']]),
    };
    const ranked = rankOffers(profile, offers);
    expect(ranked.slice(0, 3).map((fit) => fit.offer.id)).toEqual(['offer-alumni-meetup-speaker', 'offer-spotify-frontend-guild', 'offer-audiense-sre-referral']);
    expect(ranked[0]!.reasons).toEqual([{ code: 'suggested', params: { name: 'Kenji Watanabe' } }]);
    expect(ranked[1]!.reasons).toEqual([{ code: 'employer', params: { org: 'Spotify' } }]);
    const rest = ranked.slice(3).map((fit) => fit.offer.id);
    expect(rest).toEqual(offers.map((o) => o.id).filter((id) => !ranked.slice(0, 3).some((fit) => fit.offer.id === id)));
    expect(ranked.slice(3).every((fit) => fit.score === 0 && fit.reasons.length === 0)).toBe(true);
  });

  it('lists only offers with a reason when asked for the fitting ones', () => {
    expect(fittingOffers(profileOf(alumnus('a'), null), offers)).toEqual([]);
    const fits = fittingOffers(profileOf(alumnus('a'), showcase({ skills: ['Accessibility', 'Frontend', 'Public speaking'] })), offers);
    expect(fits.map((fit) => fit.offer.id)).toEqual(['offer-spotify-frontend-guild', 'offer-alumni-meetup-speaker']);
  });
});

describe('alumni who fit the offers concerning an organisation', () => {
  const audienseOffers = offers.filter((o) => o.organizationId === 'org-audiense');
  it('lists people by showcase or employer, best first, each reason naming its offer; never those who declined offers', () => {
    const hannah = alumnus('hannah', { names: { display: 'Hannah Schmidt' }, showcase: showcase({ skills: ['Data visualisation', 'TypeScript'] }) });
    const marcos = alumnus('marcos', { names: { display: 'Marcos Ruiz' }, currentEmployer: { name: 'Audiense', organizationId: 'org-audiense' } });
    const quiet = alumnus('quiet', { consent: { recognition: true, offers: false }, currentEmployer: { name: 'Audiense', organizationId: 'org-audiense' } });
    const unrelated = alumnus('unrelated', { showcase: showcase({ skills: ['Cooking'] }) });
    const fits = alumniFitting(audienseOffers, [unrelated, marcos, quiet, hannah]);
    // Two matching skills weigh more than working there.
    expect(fits.map((fit) => fit.alumnus.id)).toEqual(['hannah', 'marcos']);
    expect(fits[0]!.reasons).toEqual([
      { code: 'skills', params: { skills: 'TypeScript, Data visualisation', offer: 'Audience-insight dashboard for Audiense' } },
    ]);
    expect(fits[1]!.reasons.map((reason) => [reason.code, reason.params.org, reason.params.offer])).toEqual([
      ['employer', 'Audiense', 'Audience-insight dashboard for Audiense'],
      ['employer', 'Audiense', 'Referral: SRE for the Audiense integration team'],
    ]);
    expect(alumniFitting([], [marcos])).toEqual([]);
  });
});
