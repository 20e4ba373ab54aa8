// Recognition engine: who on a page is one of our alumni, and why we think so (issue 3).
// Pure TypeScript with no browser or Node APIs, so it runs in the MV3 service worker.
import type { Organization, RecognitionFields } from '../api';
import { DirectoryIndex } from './recognition-index';
import type { RecognitionIndex } from './types';

export type { CompanyNames, Confidence, Evidence, MatchResult, PagePersonMatch, PageRole, PersonContext, RecognitionIndex, ScanHit } from './types';
export { pageListing, pageRoles } from './page';
export { registrableDomain } from './domain';
export { canonicalProfileUrl } from './profile-url';
export { parseName, nameKeys } from './names';
export { organizationKey, organizationKeys } from './organizations';
export { INDEX_FORMAT } from './index-persistence';

/** Builds the index from directory records, or just what it reads of them (alumni without recognition consent are left out). */
export function buildIndex(alumni: readonly RecognitionFields[], organizations: readonly Organization[]): RecognitionIndex {
  return DirectoryIndex.build(alumni, organizations);
}

/** Restores an index from `index.serialize()`; much faster than building it again. Throws on a foreign format. */
export function loadIndex(serialized: string): RecognitionIndex {
  return DirectoryIndex.load(serialized);
}
