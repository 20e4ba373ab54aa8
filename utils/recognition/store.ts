import type { RecognitionFields } from '../api';
import { monthNumber } from './dates';
import { COMMON_FAMILY_NAMES, COMMON_GIVEN_NAMES } from './data/common-names';
import { parseName, type NameForm } from './names';
import { canonicalProfileUrl } from './profile-url';

/** What the index keeps of one alumnus: enough to match and explain, nothing the sidebar shows. */
export interface Row {
  id: string;
  /** The HR name, shown in evidence. */
  display: string;
  /** Current names: display, kana, latin. */
  names: string[];
  former: string[];
  urls: string[];
  /** [from, to] month pairs. */
  tenure: Array<[number, number]>;
  employer: string;
  employerOrgId: string;
  common: boolean;
}

export function rowFromAlumnus(alumnus: RecognitionFields, parse: (name: string) => NameForm[] = parseName): Row {
  const names = [alumnus.names.display, alumnus.names.kana, alumnus.names.latin].filter((n): n is string => !!n);
  const tenure: Array<[number, number]> = [];
  for (const t of alumnus.tenure) {
    const from = monthNumber(t.from);
    const to = monthNumber(t.to);
    if (from !== null && to !== null) tenure.push([from, to]);
  }
  return {
    id: alumnus.id,
    display: alumnus.names.display,
    names,
    former: alumnus.names.former ?? [],
    urls: (alumnus.profileUrls ?? []).map(canonicalProfileUrl).filter((u): u is string => !!u),
    tenure,
    employer: alumnus.currentEmployer?.name ?? '',
    employerOrgId: alumnus.currentEmployer?.organizationId ?? '',
    common: names.some((name) => parse(name).some(isCommonForm)),
  };
}

function isCommonForm(form: NameForm): boolean {
  const [a, b] = form.tokens;
  if (form.tokens.length !== 2) return false;
  return (COMMON_FAMILY_NAMES.has(a) && COMMON_GIVEN_NAMES.has(b)) || (COMMON_FAMILY_NAMES.has(b) && COMMON_GIVEN_NAMES.has(a));
}
