import { runReader } from './finish';
import { websiteHost } from './host';
import { meta } from './structured';
import { cleanText, queryAll, textOf } from './text';
import type { DraftResult, OrganizationSignal, PageKind, SiteAdapter } from './types';

// GitHub user profiles (and organisation pages, which share the URL shape): github.com/<login>. The profile is an h-card (microformats) with schema.org
// itemprops, both kept stable for years because other tools read them: .p-name / itemprop=name,
// .p-nickname, itemprop=worksFor (the free-text "company" field), .p-note bio, and organisation
// avatars (a[data-hovercard-type="organization"]). Fixtures: tests/fixtures/github/.

const LOGIN = /^\/([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/?$/i;
/** Top-level paths that are GitHub's own pages, not users. */
const RESERVED = new Set(
  'about account apps blog codespaces collections contact customer-stories dashboard enterprise enterprises events explore features gist issues join login logout marketplace new notifications orgs organizations pricing pulls readme search security settings site sitemap sponsors stars team teams topics trending users'.split(' '),
);

function detect(url: URL): PageKind | undefined {
  if (!/^https?:$/.test(url.protocol) || !/^(www\.)?github\.com$/.test(url.hostname)) return undefined;
  const match = LOGIN.exec(url.pathname);
  return match && !RESERVED.has(match[1].toLowerCase()) ? 'profile' : undefined;
}

/** "@sakura-digital" (a mention of an organisation) or free text "LINE Yahoo Corporation". */
function worksFor(card: ParentNode): OrganizationSignal | undefined {
  const element = card.querySelector('[itemprop="worksFor"]');
  if (!element) return undefined;
  const mention = element.querySelector('a[data-hovercard-type="organization"][href]');
  const name = cleanText(textOf(element.querySelector('.p-org') ?? element).replace(/^@/, ''));
  if (!name) return undefined;
  const login = mention?.getAttribute('href')?.replace(/^https:\/\/github\.com/, '').replace(/^\//, '');
  return { name, ...(login ? { url: `https://github.com/${login.toLowerCase()}` } : {}) };
}

function memberships(card: ParentNode): OrganizationSignal[] {
  return queryAll(card, 'a[data-hovercard-type="organization"][itemprop="follows"], a[data-hovercard-type="organization"].avatar-group-item', 50).flatMap((link) => {
    const login = (link.getAttribute('href') ?? '').replace(/^https:\/\/github\.com/, '').replace(/^\//, '');
    const name = cleanText(link.getAttribute('aria-label') || link.querySelector('img')?.getAttribute('alt')).replace(/^@/, '');
    return name && LOGIN.test(`/${login}`) ? [{ name, url: `https://github.com/${login.toLowerCase()}` }] : [];
  });
}

/**
 * An organisation's page (github.com/<org>, the same URL shape as a user's): no person, the
 * organisation with its website — a salesperson on a client's GitHub sees the alumni working there.
 */
function readOrganization(card: Element, login: string): DraftResult {
  const name = textOf(card.querySelector('h1, [itemprop="name"]'), 300) || login;
  const domain = websiteHost(card.querySelector('a[itemprop="url"][href]')?.getAttribute('href'));
  return { people: [], organizations: [{ name, url: `https://github.com/${login}`, ...(domain ? { domain } : {}) }] };
}

function read(doc: Document, url: URL): DraftResult {
  const login = LOGIN.exec(url.pathname)?.[1].toLowerCase();
  const card = doc.querySelector('[itemtype="http://schema.org/Person"], .h-card');
  const organization = doc.querySelector('[itemtype="http://schema.org/Organization"]');
  if (login && !card && organization) return readOrganization(organization, login);
  if (!login || !card) return { missing: 'profile h-card ([itemtype="http://schema.org/Person"]) or organisation header' };
  const nameElement = card.querySelector('.p-name, [itemprop="name"]');
  const nickname = textOf(card.querySelector('.p-nickname, [itemprop="additionalName"]')) || meta(doc, 'profile:username');
  // People without a display name are shown by login; the login is then the only name we have.
  const name = textOf(nameElement) || nickname;
  if (!name) return { missing: 'profile name (.p-name or .p-nickname)' };
  const bio = cleanText(card.querySelector('[data-bio-text]')?.getAttribute('data-bio-text')) || textOf(card.querySelector('.p-note, .user-profile-bio'));
  const employer = worksFor(card);
  return {
    people: [
      {
        signal: {
          name,
          ...(bio ? { headline: bio } : {}),
          profileUrl: `https://github.com/${login}`,
          ...(employer ? { currentOrganization: employer.name } : {}),
        },
        element: textOf(nameElement) ? nameElement : card.querySelector('.p-nickname'),
        role: 'subject',
      },
    ],
    // The company field and the organisations the user belongs to; the personal website is not an employer's.
    organizations: [...(employer ? [employer] : []), ...memberships(card)],
  };
}

export const githubAdapter: SiteAdapter = {
  id: 'github',
  matches: ['https://github.com/*'],
  anchors: { profile: ['.h-card', '[itemtype="http://schema.org/Person"]', '[itemtype="http://schema.org/Organization"]'] },
  detect,
  extract: (doc, kind, url) => runReader('github', kind, url, () => read(doc, url)),
  pageKey: (url) => `github:profile:${LOGIN.exec(url.pathname)?.[1].toLowerCase() ?? url.pathname}`,
};

/* Rejected on purpose: github.com/<owner>/<repo>, /orgs/<org>/people, /settings, /marketplace. */
