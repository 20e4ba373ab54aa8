// How many path segments identify a profile on each site; anything after them is a sub-page
// (LinkedIn's /details/experience/, a locale such as /ja) of the same profile.
export const PROFILE_PATH_SEGMENTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'linkedin.com': { in: 2, company: 2, school: 2, showcase: 2, pub: 5, '*': 2 },
  'wantedly.com': { id: 2, companies: 2, '*': 2 },
  'xing.com': { profile: 2, pages: 2, companies: 2, '*': 2 },
  'github.com': { '*': 1 },
  'twitter.com': { '*': 1 },
  'x.com': { '*': 1 },
};
