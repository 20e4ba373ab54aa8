import { castFor, type Lang, type Member, SUBJECT, type Subject, WORDS } from './cast';
import { type Generation, globalNav, type ListKind, messagingOverlay, renderCards } from './cards';
import { escapeHtml as e, hashedClasses, page, type Random, seeded } from './markup';
import { renderDetails, renderProfile } from './profiles';

// Pages of every kind the LinkedIn adapter reads, in every markup generation, written from meaning
// (cast.ts says who is on them, cards.ts and profiles.ts how each generation draws them), each with
// what a correct reader must say. "unseen" pages are drawn at random per seed: the readers never saw
// them, so they pass only by reading what any layout must show a person.

export const GENERATIONS: Generation[] = ['ember-2024', 'ember-2025', 'app-2026', 'unseen'];
export const LANGS: Lang[] = ['en', 'ja'];
/** Page kinds, as the adapter names them; "company" is the overview with its people module. */
export const KINDS = ['profile', 'profile-details', 'search-people', 'connections', 'company-people', 'company'] as const;
export type GeneratedKind = (typeof KINDS)[number];

export interface ExpectedPerson {
  name: string;
  profileUrl: string;
  headline?: string;
  role: 'subject' | 'listed' | 'related';
  currentOrganization?: string;
  experience?: Subject['roles'];
}

export interface GeneratedPage {
  kind: GeneratedKind;
  generation: Generation;
  lang: Lang;
  seed: number;
  /** e.g. "2026 app before Experience arrived". */
  variant?: string;
  url: string;
  html: string;
  people: ExpectedPerson[];
  /** Texts that must never come out as a name. */
  notNames: string[];
  organization?: string;
}

const COMPANY = { slug: 'mirai-bank', name: 'Mirai Bank', ja: 'みらい銀行' };

const expectedMember = (member: Member, role: ExpectedPerson['role']): ExpectedPerson[] =>
  member.name === undefined ? [] : [{ name: member.name, profileUrl: `https://www.linkedin.com/in/${member.slug}`, headline: member.headline, role }];

function notNames(lang: Lang, members: Member[]): string[] {
  const words = WORDS[lang];
  return [
    words.placeholder,
    words.presence('offline'),
    words.presence('online'),
    words.presence('reachable'),
    words.membersName,
    ...members.flatMap((member) => [member.shown !== member.name ? member.shown : '', member.mutual?.name ?? '', words.viewProfile(member.shown)]).filter(Boolean),
    'Asha N',
  ];
}

function main(generation: Generation, random: Random, inner: string, screen: string): string {
  if (generation === 'app-2026') return `<main class="${hashedClasses(random)}" id="workspace"><div data-sdui-screen="com.linkedin.sdui.flagshipnav.${screen}" role="main">${inner}</div></main>`;
  if (generation === 'unseen') return random.chance(0.5) ? `<main class="${hashedClasses(random)}">${inner}</main>` : `<div class="${hashedClasses(random)}" role="main">${inner}</div>`;
  return `<div class="application-outlet"><main class="scaffold-layout__main" id="main">${inner}</main></div>`;
}

function listPage(kind: ListKind, generation: Generation, lang: Lang, random: Random): { title: string; body: string; members: Member[] } {
  const words = WORDS[lang];
  // Connections are one's own: nobody among them is hidden.
  const members = castFor(lang).filter((member) => kind !== 'connections' || member.name !== undefined);
  const cards = renderCards(generation, members, { kind, words, random });
  const company = lang === 'ja' ? COMPANY.ja : COMPANY.name;
  const heading = (text: string, level = 'h1') => `<${level} class="${hashedClasses(random)}">${e(text)}</${level}>`;
  let inner: string;
  let title: string;
  let screen: string;
  switch (kind) {
    case 'search-people':
      title = words.searchTitle;
      screen = 'search.SearchResultsPeople';
      inner = `<h1 class="visually-hidden">Search results</h1><div class="${hashedClasses(random)}"><button>People</button><button>Locations</button></div>${cards}`;
      break;
    case 'connections':
      title = words.connectionsTitle;
      screen = 'mynetwork.Connections';
      inner = `${generation === 'app-2026' ? `<p class="${hashedClasses(random)}">${e(words.connectionsCount)}</p>` : heading(words.connectionsCount)}<div><input aria-label="Search by name" type="search"></div>${cards}`;
      break;
    case 'company-people':
      title = `${company}: ${words.peopleTab} | LinkedIn`;
      screen = 'company.People';
      inner = `<section class="${hashedClasses(random)}">${heading(company)}<p>Banking · Tokyo</p></section><nav><a href="/company/${COMPANY.slug}/">Home</a><a href="/company/${COMPANY.slug}/people/">${e(words.peopleTab)}</a></nav><section>${heading(lang === 'ja' ? '1,204人の社員' : '1,204 associated members', 'h2')}${cards}</section>`;
      break;
    default:
      title = `${company} | LinkedIn`;
      screen = 'company.Home';
      inner = `<section class="${hashedClasses(random)}">${heading(company)}<p>Banking · Tokyo</p></section><section><h2>About</h2><p>A bank for the next hundred years.</p></section><section class="${hashedClasses(random)}">${heading(words.peopleYouMayKnow, 'h2')}${cards}</section>`;
  }
  const body = `${globalNav(words, random)}${main(generation, random, inner, screen)}${messagingOverlay(words, random)}`;
  return { title, body, members };
}

const URLS: Record<Exclude<GeneratedKind, 'profile' | 'profile-details'>, string> = {
  'search-people': 'https://www.linkedin.com/search/results/people/?keywords=tokyo&origin=SWITCH_SEARCH_VERTICAL',
  connections: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
  'company-people': `https://www.linkedin.com/company/${COMPANY.slug}/people/`,
  company: `https://www.linkedin.com/company/${COMPANY.slug}/`,
};

export function generate(kind: GeneratedKind, generation: Generation, lang: Lang, seed: number, withExperience = true): GeneratedPage {
  const random = seeded(seed * 7919 + GENERATIONS.indexOf(generation) * 101 + KINDS.indexOf(kind) * 13 + (lang === 'ja' ? 1 : 0));
  const words = WORDS[lang];
  if (kind === 'profile-details') {
    const subject = SUBJECT[lang];
    const { title, body } = renderDetails({ generation, lang, words, random, subject, rail: [], withExperience: true });
    return {
      kind,
      generation,
      lang,
      seed,
      url: `https://www.linkedin.com/in/${subject.slug}/details/experience/`,
      html: page({ lang, title, body }),
      people: [{ name: subject.name, profileUrl: `https://www.linkedin.com/in/${subject.slug}`, role: 'subject', currentOrganization: subject.roles[0].company, experience: subject.roles }],
      notNames: notNames(lang, []),
    };
  }
  if (kind === 'profile') {
    const subject = SUBJECT[lang];
    const rail = castFor(lang).slice(3, 8);
    const { title, body } = renderProfile({ generation, lang, words, random, subject, rail, withExperience });
    const current = withExperience ? subject.roles.find((role) => role.to === null)?.company : subject.company;
    return {
      kind,
      generation,
      lang,
      seed,
      ...(withExperience ? {} : { variant: 'before Experience arrived' }),
      url: `https://www.linkedin.com/in/${subject.slug}/`,
      html: page({ lang, title, body }),
      people: [
        {
          name: subject.name,
          profileUrl: `https://www.linkedin.com/in/${subject.slug}`,
          headline: subject.headline,
          role: 'subject',
          ...(current ? { currentOrganization: current } : {}),
          ...(withExperience ? { experience: subject.roles } : {}),
        },
        ...rail.flatMap((member) => expectedMember(member, 'related')),
      ],
      notNames: notNames(lang, rail),
    };
  }
  const { title, body, members } = listPage(kind === 'company' ? 'module' : kind, generation, lang, random);
  return {
    kind,
    generation,
    lang,
    seed,
    url: URLS[kind],
    html: page({ lang, title, body }),
    people: members.flatMap((member) => expectedMember(member, 'listed')),
    notNames: notNames(lang, members),
    ...(kind === 'company' || kind === 'company-people' ? { organization: lang === 'ja' ? COMPANY.ja : COMPANY.name } : {}),
  };
}

/** Every page: each kind × generation × language, `unseenSeeds` random layouts for "unseen", and the 2026 profile before its Experience arrived. */
export function allPages(unseenSeeds = 16): GeneratedPage[] {
  const pages: GeneratedPage[] = [];
  for (const kind of KINDS) {
    for (const generation of GENERATIONS) {
      for (const lang of LANGS) {
        const seeds = generation === 'unseen' ? unseenSeeds : 2;
        for (let seed = 1; seed <= seeds; seed++) {
          pages.push(generate(kind, generation, lang, seed));
          if (kind === 'profile' && generation !== 'ember-2024' && generation !== 'ember-2025') pages.push(generate(kind, generation, lang, seed, false));
        }
      }
    }
  }
  return pages;
}
