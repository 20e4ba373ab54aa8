import { dateRange, type Lang, type Member, type Subject, type UiWords } from './cast';
import { type Generation, globalNav, messagingOverlay, renderCards } from './cards';
import { escapeHtml as e, hashedClasses, type Random, wrap } from './markup';

// A member profile in each generation, written from what each is made of: the Ember layout (an <h1>,
// the "Current company" button label, an Experience card behind the #experience anchor with
// profile-component-entity rows, a "People also viewed" rail), the 2026 app (no <h1>: an <h2> in a
// top card keyed by the member's URN, the "Company · School" line over its two pill buttons,
// Experience drawn later in a keyed section) and "unseen" (any heading level, no keys, an Experience
// heading over a plain list, a rail under a "People you may know" heading). No structured data: the
// readers must manage with what a person sees.

export interface ProfileOptions {
  generation: Generation;
  lang: Lang;
  words: UiWords;
  random: Random;
  subject: Subject;
  /** Members in the side rail. */
  rail: Member[];
  /** false: the 2026 app before the Experience section arrived (it is drawn lazily). */
  withExperience: boolean;
}

/** Roles grouped by company, in order: a company with several roles is one entry with a list. */
function grouped(subject: Subject): Array<{ company: string; roles: Subject['roles'] }> {
  const groups: Array<{ company: string; roles: Subject['roles'] }> = [];
  for (const role of subject.roles) {
    const last = groups.at(-1);
    if (last && last.company === role.company) last.roles.push(role);
    else groups.push({ company: role.company, roles: [role] });
  }
  return groups;
}

const logo = (lang: Lang, company: string) => (lang === 'ja' ? `${company}のロゴ` : `${company} logo`);

// ——— Ember ———

/** Ember text comes twice: aria-hidden for the eye, visually-hidden for screen readers. */
const twice = (text: string, sr = text) => `<span aria-hidden="true">${e(text)}</span><span class="visually-hidden">${e(sr)}</span>`;

function emberEntity(random: Random, inner: string, logoAlt?: string): string {
  const image = logoAlt ? `<a data-field="experience_company_logo" href="https://www.linkedin.com/company/${random.int(1000, 9999)}/"><img alt="${e(logoAlt)}"></a>` : '';
  return `<li class="artdeco-list__item"><div data-view-name="profile-component-entity"><div>${image}</div><div class="display-flex flex-column">${inner}</div></div></li>`;
}

function emberExperience(options: ProfileOptions, anchor: boolean): string {
  const { lang, words, random, subject } = options;
  const items = grouped(subject).map(({ company, roles }) => {
    if (roles.length === 1) {
      const [role] = roles;
      return emberEntity(
        random,
        `<div class="t-bold">${twice(role.title)}</div><span class="t-14 t-normal">${twice(`${company} · ${words.fullTime}`)}</span><span class="t-14 t-normal t-black--light">${twice(dateRange(lang, role.from, role.to))}</span><span class="t-14 t-normal t-black--light">${twice('Tokyo, Japan')}</span>`,
        logo(lang, company),
      );
    }
    const inner = roles
      .map((role) => `<li><div data-view-name="profile-component-entity"><div class="t-bold">${twice(role.title)}</div><span class="t-14 t-normal t-black--light">${twice(dateRange(lang, role.from, role.to))}</span></div></li>`)
      .join('');
    return emberEntity(random, `<div class="t-bold">${twice(company)}</div><span class="t-14 t-normal">${twice(`${words.fullTime} · 6 yrs 6 mos`)}</span><ul>${inner}</ul>`, logo(lang, company));
  });
  return `<section class="artdeco-card" data-view-name="profile-card">${anchor ? '<div id="experience" class="pv-profile-card__anchor"></div>' : ''}
    <div class="pvs-header__container"><h2 class="pvs-header__title">${twice(words.experience)}</h2></div><div><ul>${items.join('')}</ul></div></section>`;
}

/** Education: dated like a job, and never one. */
function emberEducation(options: ProfileOptions, anchor: boolean): string {
  const { lang, words, random, subject } = options;
  return `<section class="artdeco-card">${anchor ? '<div id="education" class="pv-profile-card__anchor"></div>' : ''}<div><h2>${twice(words.education)}</h2></div>
    <ul>${emberEntity(random, `<div class="t-bold">${twice(subject.school)}</div><span class="t-14 t-normal">${twice('BSc, Computer Science')}</span><span class="t-14 t-normal t-black--light">${twice('2010 - 2014')}</span>`, logo(lang, subject.school))}</ul></section>`;
}



function emberRail(options: ProfileOptions): string {
  const { words, random, rail } = options;
  const rows = rail.map((member) => {
    const hidden = member.name === undefined;
    const href = `https://www.linkedin.com/in/${member.slug}/`;
    return `<li class="artdeco-list__item"><div data-view-name="profile-component-entity">
      ${hidden ? '<div><img alt=""></div>' : `<a href="${href}"><img alt="${e(member.shown)}"></a>`}
      <div>${hidden ? `<div class="t-bold">${twice(member.shown)}</div>` : `<a href="${href}"><div class="t-bold">${twice(member.shown)}</div><span>${twice(`· ${member.degree}`, words.degreeLong(member.degree))}</span><div class="t-14">${twice(member.headline)}</div></a>`}</div>
      <div><button aria-label="${e(words.invite(member.shown))}"><span>${words.connect}</span></button></div></div></li>`;
  });
  return `<aside class="scaffold-layout__aside ${hashedClasses(random)}"><section class="artdeco-card"><div id="browsemap_recommendation"></div><div><h2>${twice(words.peopleAlsoViewed)}</h2></div><ul>${rows.join('')}</ul></section></aside>`;
}

function emberProfile(options: ProfileOptions): string {
  const { generation, words, random, subject } = options;
  // Ember of 2025 on: obfuscated class names; keep only what Ember kept (ids, data-* and aria).
  const newer = generation === 'ember-2025';
  const anchor = !newer || random.chance(0.5);
  const topCard = `<section class="artdeco-card ${newer ? hashedClasses(random) : 'pv-top-card'}"><div class="ph5 pb5"><div class="mt2 relative"><div>
      <span><a href="https://www.linkedin.com/in/${subject.slug}/overlay/about-this-profile/" aria-label="${e(subject.name)}"><h1 class="${newer ? hashedClasses(random) : 'text-heading-xlarge inline t-24'}">${e(subject.name)}</h1></a></span>
      <div class="text-body-medium break-words"${!newer || random.chance(0.5) ? ' data-generated-suggestion-target="urn:li:fsu_profileActionDelegate:-1"' : ''}>${e(subject.headline)}</div></div>
    <ul><li><button aria-label="Current company: ${e(subject.company)}. Click to skip to experience card"><span><div>${e(subject.company)}</div></span></button></li>
      <li><button aria-label="Education: ${e(subject.school)}. Click to skip to education card"><span><div>${e(subject.school)}</div></span></button></li></ul>
    <div><span class="text-body-small">Tokyo, Japan</span></div></div>
    <div><button aria-label="${e(words.invite(subject.name))}"><span>${words.connect}</span></button><button aria-label="${e(words.message(subject.name))}">${words.messageButton}</button></div></div></section>`;
  return `${globalNav(words, random)}<div class="application-outlet"><div class="scaffold-layout__inner"><main class="scaffold-layout__main" id="main">${topCard}${emberExperience(options, anchor)}${emberEducation(options, anchor)}</main>${emberRail(options)}</div></div>${messagingOverlay(words, random)}`;
}

// ——— 2026 app ———

function appExperience(options: ProfileOptions, urn: string, keyed: boolean, card = 'ExperienceTopLevelSection'): string {
  const { lang, words, random, subject } = options;
  const h = () => hashedClasses(random);
  const items = grouped(subject).map(({ company, roles }, i) => {
    const key = keyed ? ` componentkey="entity-collection-item-${urn}${i}"` : '';
    const logoSvg = `<svg role="img" aria-label="${e(logo(lang, company))}"></svg>`;
    if (roles.length === 1) {
      const [role] = roles;
      return `<div${key} class="${h()}">${logoSvg}<div class="${h()}"><p class="${h()}">${e(role.title)}</p><p class="${h()}">${e(`${company} · ${words.fullTime}`)}</p><p class="${h()}">${e(dateRange(lang, role.from, role.to))}</p><p class="${h()}">Tokyo, Japan</p></div></div>`;
    }
    const list = roles.map((role) => `<li class="${h()}"><p class="${h()}">${e(role.title)}</p><p class="${h()}">${e(dateRange(lang, role.from, role.to))}</p></li>`).join('');
    return `<div${key} class="${h()}">${logoSvg}<div class="${h()}"><p class="${h()}">${e(company)}</p><p class="${h()}">${e(`${words.fullTime} · 6 yrs 6 mos`)}</p><ul class="${h()}">${list}</ul></div></div>`;
  });
  const sectionKey = keyed ? ` componentkey="com.linkedin.sdui.profile.card.ref${urn}${card}"` : '';
  return `<section${sectionKey} class="${h()}"><div class="${h()}"><h2 class="${h()}">${e(words.experience)}</h2></div><div class="${h()}">${items.join('')}</div></section>`;
}

function appProfile(options: ProfileOptions): string {
  const { words, random, subject, rail, withExperience } = options;
  const h = () => hashedClasses(random);
  const urn = `ACoAAB${random.int(100000, 999999)}xYz`;
  const card = (name: string, inner: string) => `<div componentkey="com.linkedin.sdui.profile.card.ref${urn}${name}"><section class="${h()}">${inner}</section></div>`;
  const pill = (text: string) => `<div role="button" tabindex="0" class="${h()}"><figure aria-hidden="true"><img alt=""></figure><div><p class="${h()}">${e(text)}</p></div></div>`;
  const topCard = card(
    'Topcard',
    `<a href="https://www.linkedin.com/in/${subject.slug}/"><div aria-label="Profile photo"><figure aria-hidden="true"><img alt=""></figure></div></a>
     <div class="${h()}"><div><a href="https://www.linkedin.com/in/${subject.slug}/"><div><h2 class="${h()}">${e(subject.name)}</h2></div></a><p class="${h()}">${e(words.degreeShort('2nd').replace('•', '·'))}</p></div>
       <p class="${h()}">${e(subject.headline)}</p><p class="${h()}">${e(`${subject.company} · ${subject.school}`)}</p><div><p>Tokyo, Japan</p><p>·</p><p><a href="https://www.linkedin.com/in/${subject.slug}/overlay/contact-info/">Contact info</a></p></div></div>
     <div class="${h()}">${pill(subject.company)}${pill(subject.school)}</div>
     <div><a aria-label="${e(words.invite(subject.name))}" href="/preload/custom-invite/?vanityName=${subject.slug}"><span>${words.connect}</span></a><a href="/messaging/compose/?recipient=${urn}"><span>${words.messageButton}</span></a></div>`,
  );
  const about = card('About', `<h2 class="${h()}">About</h2><p class="${h()}">Ten years of building marketplaces; before that Sakura Digital and Rakuten.</p>`);
  const lazy = `<div componentkey="profileCardsBelowActivityPart1${subject.slug}">${withExperience ? appExperience(options, urn, random.chance(0.7)) : ''}</div>`;
  const railList = renderCards('app-2026', rail, { kind: 'module', words, random });
  const aside = `<aside class="${h()}"><div componentkey="profileAsideMoreProfiles${random.int(1, 99)}"><section class="${h()}"><h2 class="${h()}">${e(words.peopleYouMayKnow)}</h2>${railList}</section></div></aside>`;
  return `${globalNav(words, random)}<main class="${h()}" id="workspace"><div data-sdui-screen="com.linkedin.sdui.flagshipnav.profile.Profile" role="main"><div data-component-type="LazyColumn">${topCard}${about}${lazy}</div>${aside}</div></main>${messagingOverlay(words, random)}`;
}

// ——— unseen ———

/** Experience under a heading of its level, as list items of either kind, in any nesting. */
function unseenExperience(options: ProfileOptions, headingLevel: string): string {
  const { lang, words, random, subject } = options;
  const h = () => hashedClasses(random);
  const itemTag = random.pick(['li', 'listitem']);
  const open = () => (itemTag === 'li' ? `<li class="${h()}">` : `<div class="${h()}" role="listitem">`);
  const close = () => (itemTag === 'li' ? '</li>' : '</div>');
  const entries = grouped(subject).map(({ company, roles }) => {
    if (roles.length === 1) {
      const [role] = roles;
      return `${open()}<img alt="${e(logo(lang, company))}" class="${h()}">${paragraphs(random, [role.title, `${company} · ${words.fullTime}`, dateRange(lang, role.from, role.to)])}${close()}`;
    }
    const inner = roles.map((role) => `${open()}${paragraphs(random, [role.title, dateRange(lang, role.from, role.to)])}${close()}`).join('');
    return `${open()}<img alt="${e(logo(lang, company))}" class="${h()}">${paragraphs(random, [company, `${words.fullTime} · 6 yrs 6 mos`])}${itemTag === 'li' ? `<ul class="${h()}">${inner}</ul>` : `<div role="list" class="${h()}">${inner}</div>`}${close()}`;
  });
  const list = itemTag === 'li' ? `<ul class="${h()}">${entries.join('')}</ul>` : `<div role="list" class="${h()}">${entries.join('')}</div>`;
  return `<section class="${h()}"><${headingLevel} class="${h()}">${e(words.experience)}</${headingLevel}>${wrap(random, list)}</section>`;
}

function unseenProfile(options: ProfileOptions): string {
  const { words, random, subject, rail, withExperience } = options;
  const h = () => hashedClasses(random);
  const level = random.pick(['h1', 'h2', 'h3']);
  const nameHeading = `<${level} class="${h()}">${e(subject.name)}</${level}>`;
  const linkCompany = random.chance(0.5);
  const org = (text: string, path: string) => (linkCompany ? `<a class="${h()}" href="https://www.linkedin.com/${path}/${random.int(100, 999)}/">${e(text)}</a>` : `<button class="${h()}" type="button">${e(text)}</button>`);
  const topCard = `<section class="${h()}">${wrap(random, nameHeading)}${wrap(random, `<div class="${h()}">${e(subject.headline)}</div>`)}
    <div class="${h()}">${e(`${subject.company} · ${subject.school}`)}</div><div class="${h()}">${org(subject.company, 'company')}${org(subject.school, 'school')}</div>
    <div class="${h()}"><button aria-label="${e(words.invite(subject.name))}" class="${h()}">${words.connect}</button><button aria-label="${e(words.follow(subject.name))}" class="${h()}">${words.followButton}</button></div></section>`;
  const headingLevel = random.pick(['h2', 'h3']);
  const experience = withExperience ? unseenExperience(options, headingLevel) : '';
  const education = `<section class="${h()}"><${headingLevel}>${e(words.education)}</${headingLevel}><ul><li>${paragraphs(random, [subject.school, '2010 - 2014'])}</li></ul></section>`;
  const railList = renderCards('unseen', rail, { kind: 'module', words, random });
  const aside = `<aside class="${h()}"><section class="${h()}"><h2 class="${h()}">${e(random.pick([words.peopleYouMayKnow, words.peopleAlsoViewed]))}</h2>${railList}</section></aside>`;
  return `${globalNav(words, random)}<main class="${h()}">${topCard}${experience}${education}</main>${aside}${messagingOverlay(words, random)}`;
}

function paragraphs(random: Random, texts: string[]): string {
  return texts.map((text) => {
    const tag = random.pick(['p', 'span', 'div']);
    return wrap(random, `<${tag} class="${hashedClasses(random)}">${e(text)}</${tag}>`, random.int(0, 1));
  }).join('');
}

/**
 * /details/experience/: no top card, only the Experience list and a header linking back to the
 * profile with the member's name (the 2026 app's sticky toolbar; Ember's page header).
 */
export function renderDetails(options: ProfileOptions): { title: string; body: string } {
  const { generation, words, random, subject } = options;
  const h = () => hashedClasses(random);
  const back = `<div class="${h()}"><a class="${h()}" href="https://www.linkedin.com/in/${subject.slug}/"><img alt="" class="${h()}"><p class="${h()}">${e(subject.name)}</p></a></div>`;
  const title = `${words.experience} | ${subject.name} | LinkedIn`;
  if (generation === 'app-2026') {
    const list = appExperience(options, `ACoAAB${random.int(100000, 999999)}xYz`, random.chance(0.7), 'ExperienceDetailsSection');
    return { title, body: `${globalNav(words, random)}<main id="workspace" class="${h()}"><div data-sdui-screen="com.linkedin.sdui.flagshipnav.profile.ProfileExperienceDetails" role="main">${back}${list}</div></main>` };
  }
  if (generation === 'unseen') return { title, body: `${globalNav(words, random)}<main class="${h()}">${back}${unseenExperience(options, random.pick(['h1', 'h2']))}</main>` };
  return { title, body: `${globalNav(words, random)}<div class="application-outlet"><main class="scaffold-layout__main" id="main">${back}${emberExperience(options, false)}</main></div>` };
}

export function renderProfile(options: ProfileOptions): { title: string; body: string } {
  const { generation, random, subject } = options;
  const title = random.pick([`${subject.name} | LinkedIn`, `(3) ${subject.name} | LinkedIn`]);
  if (generation === 'app-2026') return { title, body: appProfile(options) };
  if (generation === 'unseen') return { title, body: unseenProfile(options) };
  return { title, body: emberProfile(options) };
}
