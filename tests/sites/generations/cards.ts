import { type Member, type UiWords, VIEWER } from './cast';
import { escapeHtml as e, hashedClasses, type Random, wrap } from './markup';

// One person card in a list, in each markup generation, written from what each generation is made
// of (not copied from a fixture): the Ember layout LinkedIn served until 2025 (BEM classes:
// entity-result, mn-connection-card, artdeco-entity-lockup), the Ember layout of 2025–2026 (the same
// tree under obfuscated class names, presence text in the photo link), the 2026 app (hashed classes,
// role="listitem", <p>s, data-view-name) and "unseen": a layout nobody has seen yet, drawn at random
// from the things a person card is made of — a link to the member, a name, a subtitle, buttons with
// accessible labels — in any tags, order and nesting, with class names that mean nothing.

export type Generation = 'ember-2024' | 'ember-2025' | 'app-2026' | 'unseen';
export type ListKind = 'search-people' | 'connections' | 'company-people' | 'module';

export interface CardContext {
  kind: ListKind;
  words: UiWords;
  random: Random;
  /** A number per member (URNs, ids). */
  id: number;
}

const memberHref = (member: Member, random: Random, id: number) =>
  random.pick([
    `https://www.linkedin.com/in/${member.slug}/`,
    `https://www.linkedin.com/in/${member.slug}?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB${id}x`,
    `/in/${member.slug}/`,
    `https://jp.linkedin.com/in/${member.slug}`,
  ]);

/** A hidden member's link: a headless search (Ember) or their URN as a profile path (2025 on). */
const hiddenHref = (random: Random, id: number) =>
  random.pick([`https://www.linkedin.com/search/results/people/headless?origin=SWITCH_SEARCH_VERTICAL&id=${id}`, `https://www.linkedin.com/in/ACoAAB${id}QxYz0000/`]);

/** Obfuscated Ember classes of 2025: long random letter strings. */
function obfuscated(random: Random): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return Array.from({ length: random.int(30, 40) }, () => random.pick([...letters])).join('');
}

function actionButton(member: Member, { words, kind }: CardContext): string {
  if (kind === 'connections') return `<a aria-label="${e(words.message(member.shown))}" href="/messaging/compose/?recipient=${member.slug}"><span>${words.messageButton}</span></a>`;
  if (member.creator) return `<button aria-label="${e(words.follow(member.shown))}" type="button"><span>${words.followButton}</span></button>`;
  return `<button aria-label="${e(words.invite(member.shown))}" type="button"><span>${words.connect}</span></button>`;
}

function emberSearch(member: Member, context: CardContext, generation: 'ember-2024' | 'ember-2025'): string {
  const { words, random, id } = context;
  const cls = (bem: string) => (generation === 'ember-2024' ? bem : obfuscated(random));
  const hidden = member.name === undefined;
  const href = hidden ? hiddenHref(random, id) : memberHref(member, random, id);
  const presence = member.presence && !hidden ? `<div class="presence-entity__indicator hidden"><span class="visually-hidden">${e(words.presence(member.presence))}</span></div>` : '';
  const photo = `<a class="${cls('app-aware-link')} scale-down" aria-hidden="false" href="${e(href)}"><div class="ivm-image-view-model"><div class="presence-entity presence-entity--size-3"><img alt="${hidden || generation === 'ember-2025' ? '' : e(member.shown)}" class="presence-entity__image">${presence}</div></div></a>`;
  const title = `<a class="${cls('app-aware-link')}" href="${e(href)}"><span dir="ltr"><span aria-hidden="true"><!---->${e(member.shown)}<!----></span><span class="visually-hidden"><!---->${e(words.viewProfile(member.shown))}<!----></span></span></a>`;
  const badge = `<span class="entity-result__badge t-14 t-normal t-black--light"><div class="display-flex"><span class="entity-result__badge-text"><span aria-hidden="true"><!---->${e(words.degreeShort(member.degree))}<!----></span><span class="visually-hidden"><!---->${e(words.degreeLong(member.degree))}<!----></span></span></div></span>`;
  const mutual = member.mutual
    ? `<div class="${cls('entity-result__insights')} t-12"><a class="${cls('app-aware-link')}" href="https://www.linkedin.com/in/${member.mutual.slug}/"><span>${e(words.mutual(member.mutual.name))}</span></a></div>`
    : '';
  const stable = generation === 'ember-2024' || random.chance(0.5) ? ` data-chameleon-result-urn="urn:li:member:${id}" data-view-name="search-entity-result-universal-template"` : '';
  return `<li class="${cls('reusable-search__result-container')}"><div class="${cls('entity-result')}"${stable}><div class="${cls('entity-result__item')}">
    <div class="${cls('entity-result__universal-image')}"><div class="display-flex align-items-center">${photo}</div></div>
    <div class="${cls('entity-result__content')} pt3 pb3 t-12 t-black--light"><div class="mb1"><div class="t-roman t-sans"><div class="display-flex">
      <span class="${cls('entity-result__title-line')}"><span class="${cls('entity-result__title-text')} t-16">${title}${badge}</span></span></div></div>
      <div class="${cls('entity-result__primary-subtitle')} t-14 t-black t-normal"><!---->${e(member.headline)}<!----></div>
      <div class="${cls('entity-result__secondary-subtitle')} t-14 t-normal"><!---->${e(member.location)}<!----></div></div>
      ${member.creator ? `<div class="t-12">${e(words.followers)}</div>` : ''}${mutual}</div>
    <div class="${cls('entity-result__actions')}"><div>${actionButton(member, context)}</div></div>
  </div></div></li>`;
}

function emberConnection(member: Member, context: CardContext, generation: 'ember-2024' | 'ember-2025'): string {
  const { words, random, id } = context;
  const cls = (bem: string) => (generation === 'ember-2024' ? bem : `${bem} ${obfuscated(random)}`);
  const href = memberHref(member, random, id);
  const presence = member.presence ? `<div class="presence-entity__indicator"><span class="visually-hidden">${e(words.presence(member.presence))}</span></div>` : '';
  return `<li class="${cls('mn-connection-card')} artdeco-list ember-view">
    <a class="${cls('mn-connection-card__picture')} ember-view" href="${e(href)}"><div class="presence-entity presence-entity--size-6"><img alt="${e(member.shown)}" class="presence-entity__image">${presence}</div></a>
    <div class="${cls('mn-connection-card__details')}"><a class="${cls('mn-connection-card__link')} ember-view" href="${e(href)}">
      <span class="visually-hidden">${e(words.membersName)}</span><span class="${cls('mn-connection-card__name')} t-16 t-black t-bold">${e(member.shown)}</span>
      <span class="visually-hidden">${e(words.membersOccupation)}</span><span class="${cls('mn-connection-card__occupation')} t-14 t-black--light t-normal">${e(member.headline)}</span></a>
      <time class="time-badge t-12 t-black--light t-normal">${e(words.connectedAgo)}</time></div>
    <div class="${cls('mn-connection-card__action-container')}">${actionButton(member, context)}<button aria-label="${e(words.moreActions(member.shown))}" type="button"><span class="visually-hidden">More</span></button></div>
  </li>`;
}

/** Company People tab and "People you may know at X": artdeco entity lockups in cards. */
function emberLockup(member: Member, context: CardContext, generation: 'ember-2024' | 'ember-2025'): string {
  const { words, random, id } = context;
  const cls = (bem: string) => (generation === 'ember-2024' ? bem : `${bem} ${obfuscated(random)}`);
  const hidden = member.name === undefined;
  const href = memberHref(member, random, id);
  // A hidden member's lockup has no link at all: only "LinkedIn Member" and a ghost picture.
  const open = hidden ? '<div>' : `<a class="app-aware-link" href="${e(href)}">`;
  const close = hidden ? '</div>' : '</a>';
  const item = context.kind === 'module' ? 'org-people-profiles-module__profile-item' : 'org-people-profile-card__profile-card-spacing';
  return `<li class="${cls(item)}"><section class="artdeco-card"><div class="${cls('org-people-profile-card__profile-info')}"><div class="${cls('artdeco-entity-lockup')} artdeco-entity-lockup--size-7">
    <div class="${cls('artdeco-entity-lockup__image')}">${open}<img alt="${hidden ? '' : e(member.shown)}" class="evi-image">${close}</div>
    <div class="${cls('artdeco-entity-lockup__content')}">${open}<div class="${cls('artdeco-entity-lockup__title')}"><div class="lt-line-clamp lt-line-clamp--single-line">${e(member.shown)}</div></div>${close}
      <div class="${cls('artdeco-entity-lockup__badge')}"><span class="artdeco-entity-lockup__degree">· ${e(member.degree)}</span></div>
      <div class="${cls('artdeco-entity-lockup__subtitle')}"><div class="lt-line-clamp lt-line-clamp--multi-line">${e(member.headline)}</div></div>
      ${member.mutual ? `<div class="artdeco-entity-lockup__caption"><a href="https://www.linkedin.com/in/${member.mutual.slug}/">${e(words.mutual(member.mutual.name))}</a></div>` : ''}</div>
  </div></div><footer>${actionButton(member, context)}</footer></section></li>`;
}

/** The 2026 app: a listitem per person, every class hashed, the name in a <p> link, the rest in <p>s. */
function appCard(member: Member, context: CardContext): string {
  const { words, random, id } = context;
  const h = () => hashedClasses(random);
  const hidden = member.name === undefined;
  const href = hidden ? hiddenHref(random, id) : memberHref(member, random, id);
  const view = context.kind === 'connections' ? 'connections-profile' : 'search-result-lockup-title';
  const photo = `<a class="${h()}" href="${e(href)}"${context.kind === 'connections' ? ` data-view-name="${view}"` : ''}><figure class="${h()}" aria-label="${e(hidden ? '' : member.shown)}" data-view-name="image">${
    member.presence && !hidden ? `<span class="${h()}"><span class="${h()}">${e(words.presence(member.presence))}</span></span>` : ''
  }</figure></a>`;
  const name = `<p class="${h()}"><a class="${h()}" data-view-name="${view}" href="${e(href)}">${e(member.shown)}</a>${
    context.kind === 'connections' ? '' : `<span class="${h()}"> </span><span class="${h()}"><span class="${h()}">${e(words.degreeShort(member.degree))}</span></span>`
  }</p>`;
  const lines = [
    `<p class="${h()}">${e(member.headline)}</p>`,
    context.kind === 'connections' ? `<p class="${h()}">${e(words.connectedOn)}</p>` : `<p class="${h()}">${e(member.location)}</p>`,
    member.mutual ? `<p class="${h()}"><a class="${h()}" data-view-name="search-result-social-proof-insight" href="https://www.linkedin.com/in/${member.mutual.slug}/">${e(words.mutual(member.mutual.name))}</a></p>` : '',
  ].join('');
  const actions = `${actionButton(member, context)}${context.kind === 'connections' ? `<button aria-label="${e(words.moreActions(member.shown))}" class="${h()}" type="button"></button>` : ''}`;
  const listitem = `<div class="${h()}" componentkey="card-${id}" role="listitem">${wrap(random, photo, 1)}<div class="${h()}">${wrap(random, name + lines, random.int(0, 2))}</div><div class="${h()}">${actions}</div></div>`;
  return context.kind === 'search-people' ? `<div class="${h()}" data-display-contents="true" data-view-name="people-search-result">${listitem}</div>` : listitem;
}

/** A layout nobody has seen: the same meaning in tags, order, nesting and labels drawn at random. */
function unseenCard(member: Member, context: CardContext, container: 'li' | 'listitem' | 'article' | 'div'): string {
  const { words, random, id } = context;
  const h = () => hashedClasses(random);
  const hidden = member.name === undefined;
  const href = hidden ? hiddenHref(random, id) : memberHref(member, random, id);
  const nameTag = random.pick(['span', 'p', 'h3', 'strong', 'div', 'h4']);
  const inner = random.pick(['plain', 'aria-hidden', 'split-hidden']);
  const nameText =
    inner === 'plain'
      ? e(member.shown)
      : inner === 'aria-hidden'
        ? `<span aria-hidden="true">${e(member.shown)}</span><span class="${h()}" style="position:absolute;clip:rect(0 0 0 0)">${e(words.viewProfile(member.shown))}</span>`
        : `<span class="${h()}" style="position:absolute;clip:rect(0 0 0 0)">${e(words.viewProfile(member.shown))}</span><span aria-hidden="true">${e(member.shown)}</span>`;
  const degree = random.chance(0.7) ? `<span class="${h()}">${e(random.chance(0.5) ? words.degreeShort(member.degree) : words.degreeLong(member.degree))}</span>` : '';
  const photoKind = random.pick(['none', 'alt', 'presence', 'label', 'presence-first']);
  const presenceText = member.presence && !hidden ? `<span class="${h()}">${e(words.presence(member.presence))}</span>` : '';
  const photo =
    photoKind === 'none'
      ? ''
      : `<a class="${h()}" href="${e(href)}"${photoKind === 'label' ? ` aria-label="${e(words.viewProfile(member.shown))}"` : ''}>${
          photoKind === 'presence-first' ? presenceText : ''
        }<img class="${h()}" alt="${photoKind === 'alt' && !hidden ? e(member.shown) : ''}">${photoKind === 'presence' ? presenceText : ''}</a>`;
  // The name is its own link, or sits inside one link around the whole text block.
  const blockLink = random.chance(0.35);
  // Beside the name, inside its link or not: a verification mark (an icon, or ✓), the degree.
  const mark = random.pick(['', `<svg role="img" aria-label="Verified"></svg>`, `<span class="${h()}"> ✓</span>`]);
  const inLinkDegree = random.chance(0.3) ? `<span class="${h()}"> ${e(words.degreeShort(member.degree))}</span>` : '';
  const linked = `${nameText}${mark}${inLinkDegree}`;
  const name = blockLink ? `<${nameTag} class="${h()}">${linked}</${nameTag}>` : `<${nameTag} class="${h()}"><a class="${h()}" href="${e(href)}">${linked}</a></${nameTag}>`;
  const headlineTag = random.pick(['p', 'div', 'span']);
  const headline = `<${headlineTag} class="${h()}">${e(member.headline)}</${headlineTag}>`;
  const extras = [
    random.chance(0.6) ? `<div class="${h()}">${e(member.location)}</div>` : '',
    context.kind === 'connections' ? `<p class="${h()}">${e(random.chance(0.5) ? words.connectedOn : words.connectedAgo)}</p>` : '',
    member.creator ? `<span class="${h()}">${e(words.followers)}</span>` : '',
  ];
  const nameLine = random.chance(0.5) ? `<div class="${h()}">${name}${degree}</div>` : name + degree;
  const text = blockLink ? `<a class="${h()}" href="${e(href)}">${wrap(random, nameLine)}${headline}</a>` : `${wrap(random, nameLine)}${wrap(random, headline)}`;
  const mutual = member.mutual ? `<div class="${h()}"><a class="${h()}" href="https://www.linkedin.com/in/${member.mutual.slug}/">${e(words.mutual(member.mutual.name))}</a></div>` : '';
  const body = `${wrap(random, photo, random.int(0, 2))}<div class="${h()}">${text}${extras.join('')}${mutual}</div><div class="${h()}">${actionButton(member, context)}</div>`;
  switch (container) {
    case 'li':
      return `<li class="${h()}">${wrap(random, body, random.int(0, 2))}</li>`;
    case 'listitem':
      return `<div class="${h()}" role="listitem">${wrap(random, body, random.int(0, 2))}</div>`;
    case 'article':
      return `<article class="${h()}">${body}</article>`;
    case 'div':
      return `<div class="${h()}">${wrap(random, body, random.int(0, 2))}</div>`;
  }
}

/** The list of cards, inside what each generation wraps a list in. */
export function renderCards(generation: Generation, members: Member[], context: Omit<CardContext, 'id'>): string {
  const { random } = context;
  if (generation === 'unseen') {
    const container = random.pick(['li', 'listitem', 'article', 'div'] as const);
    const cards = members.map((member, i) => unseenCard(member, { ...context, id: 1000 + i }, container)).join('');
    if (container === 'li') return `<ul class="${hashedClasses(random)}">${cards}</ul>`;
    if (container === 'listitem') return `<div class="${hashedClasses(random)}" role="list">${cards}</div>`;
    return `<div class="${hashedClasses(random)}">${cards}</div>`;
  }
  if (generation === 'app-2026') {
    const cards = members.map((member, i) => appCard(member, { ...context, id: 2000 + i })).join('');
    return `<div class="${hashedClasses(random)}" data-component-type="LazyColumn"><div role="list"${context.kind === 'connections' ? ' data-view-name="connections-list"' : ''}>${cards}</div></div>`;
  }
  const card = (member: Member, i: number) => {
    const cardContext = { ...context, id: 3000 + i };
    if (context.kind === 'search-people') return emberSearch(member, cardContext, generation);
    if (context.kind === 'connections') return emberConnection(member, cardContext, generation);
    return emberLockup(member, cardContext, generation);
  };
  return `<ul class="${generation === 'ember-2024' ? 'reusable-search__entity-result-list' : obfuscated(random)} list-style-none" role="list">${members.map(card).join('')}</ul>`;
}

/** The global navigation: the viewer's own link and photo, never a person on the page. */
export function globalNav(words: UiWords, random: Random): string {
  return `<header class="${hashedClasses(random)}"><nav aria-label="Primary Navigation"><a href="https://www.linkedin.com/feed/">Home</a><a href="https://www.linkedin.com/mynetwork/">My Network</a>
    <a href="https://www.linkedin.com/in/${VIEWER.slug}/"><img alt="${e(VIEWER.name)}" class="${hashedClasses(random)}"><span>${e(words.me)}</span></a></nav></header>`;
}

/** The messaging overlay at the end of <body>: the viewer again, and their own presence. */
export function messagingOverlay(words: UiWords, random: Random): string {
  return `<aside class="${hashedClasses(random)}" id="msg-overlay"><div><img alt="${e(VIEWER.name)}"><span class="${hashedClasses(random)}">${e(words.presence('online'))}</span></div><h2>Messaging</h2></aside>`;
}
