import { fixture, type Page } from './fixture-site';

/** Saved LinkedIn pages served at the URLs they were saved from (see tests/fixtures/linkedin/README.md). */
export const linkedin = {
  sofia: 'https://www.linkedin.com/in/sofia-andersson-reyes/',
  arjun: 'https://www.linkedin.com/in/arjun-mehta-4f8a21/',
  audiense: 'https://www.linkedin.com/company/audiense/',
  audiensePeople: 'https://www.linkedin.com/company/audiense/people/',
} as const;

export const linkedinPages: Record<string, Page> = {
  [linkedin.sofia]: fixture('linkedin/li-profile-loggedin-2024.html'),
  [linkedin.arjun]: fixture('linkedin/li-profile-public-2026.html'),
  [linkedin.audiense]: fixture('linkedin/li-company-public-2024.html'),
  [linkedin.audiensePeople]: fixture('linkedin/written/li-company-people-loggedin.html'),
};
