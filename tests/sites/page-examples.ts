import type { PageKind } from '../../utils/signals/schema';

/**
 * Example URLs per adapter and page kind: the detection matrix (detection-matrix.test.ts) checks each kind accepts its
 * own and rejects the others'. Kept here, not in the adapters, so the content scripts do not ship them.
 */
export const pageExamples: Record<string, Partial<Record<PageKind, string[]>>> = {
  linkedin: {
    profile: [
      'https://www.linkedin.com/in/sofia-andersson-reyes/',
      'https://se.linkedin.com/in/sofia-andersson-reyes',
      'https://www.linkedin.com/in/arjun-mehta-4f8a21?trk=public_profile_browsemap',
      'https://www.linkedin.com/in/sofia-andersson-reyes/overlay/contact-info/',
      'https://www.linkedin.com/in/%E5%B1%B1%E7%94%B0-%E5%A4%AA%E9%83%8E-1a2b3c/',
    ],
    'profile-details': ['https://www.linkedin.com/in/sofia-andersson-reyes/details/experience/'],
    company: ['https://www.linkedin.com/company/audiense/', 'https://uk.linkedin.com/company/audiense', 'https://www.linkedin.com/company/audiense/about/'],
    'company-people': ['https://www.linkedin.com/company/audiense/people/', 'https://www.linkedin.com/company/audiense/people/?keywords=engineer'],
    'search-people': [
      'https://www.linkedin.com/search/results/people/?keywords=audiense&origin=SWITCH_SEARCH_VERTICAL',
      'https://www.linkedin.com/search/results/people/?keywords=accenture',
    ],
    connections: ['https://www.linkedin.com/mynetwork/invite-connect/connections/', 'https://jp.linkedin.com/mynetwork/invite-connect/connections'],
  },
  github: { profile: ['https://github.com/taroyamada', 'https://github.com/lena-hoffmann?tab=repositories', 'https://www.github.com/octocat/', 'https://github.com/sakura-digital'] },
  'org-website': { 'org-website': ['https://www.audiense.com/about', 'https://sakura-digital.example/', 'https://careers.sakura-digital.example/jobs?team=design'] },
  wantedly: { profile: ['https://www.wantedly.com/id/misaki_sato', 'https://www.wantedly.com/id/taro-yamada/?from=search'] },
  xing: { profile: ['https://www.xing.com/profile/Lena_Hoffmann', 'https://www.xing.com/profile/Lena_Hoffmann/cv'] },
  demo: {
    profile: ['http://127.0.0.1:8787/demo/in/taro-yamada/'],
    'company-people': ['http://127.0.0.1:8787/demo/company/mirai-bank/people/'],
    'org-website': ['http://127.0.0.1:8787/demo/sites/hikari-health.example/', 'http://localhost:8787/demo/sites/sakura-digital.example/'],
  },
};
