import type { Alumnus, Offer, Showcase } from '../api';
import { mentions, normaliseTag } from './tags';

// Which open offers fit a person, and why, computed in the extension on synced data: the backend never learns
// who was looked at. Reasons are codes with parameters; the UI words them for the audience ("matches your
// skills: …" for the alumnus, "matches their skills: …" for staff).

export type MatchReasonCode = 'skills' | 'mentions' | 'employer' | 'suggested';
export interface MatchReason {
  code: MatchReasonCode;
  params: Record<string, string>;
}

/** What an offer is matched against: the person's showcase tags and current employer. */
export interface MatchProfile {
  skills: string[];
  /** Industries and services from the showcase. */
  otherTags: string[];
  employer?: { organizationId?: string; name: string };
  /** Offers staff suggested to this person, with who suggested them. */
  suggestions?: Map<string, string>;
}

export interface OfferFit {
  offer: Offer;
  score: number;
  reasons: MatchReason[];
}

const WEIGHT = { skill: 3, mention: 1, employer: 4, suggested: 5 } as const;

export function profileOf(alumnus: Pick<Alumnus, 'currentEmployer'>, showcase: Showcase | null | undefined): MatchProfile {
  return {
    skills: showcase?.tags.skills ?? [],
    otherTags: [...(showcase?.tags.industries ?? []), ...(showcase?.tags.services ?? [])],
    ...(alumnus.currentEmployer && { employer: alumnus.currentEmployer }),
  };
}

/** How one offer fits a profile: a score (0 = no reason at all) and the reasons, strongest first. */
export function fitOf(profile: MatchProfile, offer: Offer): OfferFit {
  const reasons: MatchReason[] = [];
  let score = 0;
  const suggestedBy = profile.suggestions?.get(offer.id);
  if (suggestedBy) {
    score += WEIGHT.suggested;
    reasons.push({ code: 'suggested', params: { name: suggestedBy } });
  }
  if (offer.organizationId && offer.organizationId === profile.employer?.organizationId) {
    score += WEIGHT.employer;
    reasons.push({ code: 'employer', params: { org: profile.employer.name } });
  }
  // Named as the offer spells them, in the offer's order.
  const ownSkills = new Set(profile.skills.map(normaliseTag));
  const matchedSkills: string[] = [];
  const used = new Set<string>();
  for (const skill of offer.skills) {
    const key = normaliseTag(skill);
    if (ownSkills.has(key) && !used.has(key)) {
      matchedSkills.push(skill);
      used.add(key);
    }
  }
  if (matchedSkills.length > 0) {
    score += WEIGHT.skill * matchedSkills.length;
    reasons.push({ code: 'skills', params: { skills: matchedSkills.join(', ') } });
  }
  // Tags the offer's skills did not match may still be what its title or summary is about.
  const text = normaliseTag(`${offer.title} ${offer.summary}`);
  const mentioned: string[] = [];
  for (const tag of [...profile.skills, ...profile.otherTags]) {
    const key = normaliseTag(tag);
    if (!used.has(key) && mentions(text, key)) {
      mentioned.push(tag);
      used.add(key);
    }
  }
  if (mentioned.length > 0) {
    score += WEIGHT.mention * mentioned.length;
    reasons.push({ code: 'mentions', params: { tags: mentioned.join(', ') } });
  }
  return { offer, score, reasons };
}

/** Every offer, best fit first; offers that fit equally keep their order (newest first, as synced). */
export function rankOffers(profile: MatchProfile, offers: Offer[]): OfferFit[] {
  return offers
    .map((offer, position) => ({ fit: fitOf(profile, offer), position }))
    .sort((a, b) => b.fit.score - a.fit.score || a.position - b.position)
    .map(({ fit }) => fit);
}

/** Only the offers with a reason to fit, best first, at most `limit`. */
export function fittingOffers(profile: MatchProfile, offers: Offer[], limit = 5): OfferFit[] {
  return rankOffers(profile, offers)
    .filter((fit) => fit.score > 0)
    .slice(0, limit);
}

export interface AlumnusFit {
  alumnus: Alumnus;
  score: number;
  /** Each reason names the offer it is about (`offer` parameter). */
  reasons: MatchReason[];
}

/**
 * The alumni whose showcase or current employer fits any of `offers` (those concerning one organisation), best
 * first: each alumnus's best offers give the reasons. Only alumni who agreed to hear about offers are listed.
 */
export function alumniFitting(offers: Offer[], candidates: Alumnus[], limit = 10): AlumnusFit[] {
  if (offers.length === 0) return [];
  const fits: AlumnusFit[] = [];
  for (const alumnus of candidates) {
    if (!alumnus.consent.offers) continue;
    const ranked = fittingOffers(profileOf(alumnus, alumnus.showcase), offers, 2);
    if (ranked.length === 0) continue;
    fits.push({
      alumnus,
      score: ranked[0]!.score,
      reasons: ranked.flatMap((fit) => fit.reasons.map((reason) => ({ code: reason.code, params: { ...reason.params, offer: fit.offer.title } }))),
    });
  }
  return fits.sort((a, b) => b.score - a.score || a.alumnus.names.display.localeCompare(b.alumnus.names.display)).slice(0, limit);
}
