// Every LinkedIn-specific anchor the readers use, each with the saved or written pages that contain
// it (paths under tests/fixtures/). tests/sites/selectors.test.ts proves each one against its pages,
// so a selector nobody has seen on a real page cannot slip in. Never hashed class names: attributes,
// ids, landmarks and LinkedIn's stable design-system (BEM) names only.

export interface Anchor {
  css: string;
  proof: string[];
}

const LOGGED_IN = 'linkedin/li-profile-loggedin-2024.html';
const LOGGED_IN_JA = 'linkedin/written/li-profile-loggedin-ja.html';
const DETAILS = 'linkedin/written/li-profile-details-experience-loggedin.html';
const GUEST_2024 = 'linkedin/li-profile-public-2024.html';
const GUEST_2026 = 'linkedin/li-profile-public-2026.html';
const COMPANY = 'linkedin/li-company-public-2024.html';
const PEOPLE_TAB = 'linkedin/written/li-company-people-loggedin.html';
const COMPANY_LOGGED_IN = 'linkedin/written/li-company-overview-loggedin.html';
const SEARCH = 'linkedin/written/li-search-people-loggedin.html';
const CHALLENGE = 'linkedin/li-challenge-redirect-2024.html';
// 2026: real pages (linkedin-2026/) and pages written from their structure (linkedin-2026/written/).
const APP_PROFILE = 'linkedin-2026/li-profile-newapp-2026.html';
const APP_PROFILE_EXPERIENCE = 'linkedin-2026/written/li-profile-newapp-experience-2026.html';
const APP_PROFILE_JA = 'linkedin-2026/written/li-profile-newapp-ja-2026.html';
const APP_DETAILS = 'linkedin-2026/written/li-profile-details-newapp-2026.html';
const APP_SEARCH = 'linkedin-2026/written/li-search-people-newapp-2026.html';
const EMBER_SEARCH = 'linkedin-2026/li-search-people-ember-2026.html';
const CONNECTIONS = 'linkedin-2026/li-connections-2026.html';
const CONNECTIONS_JA = 'linkedin-2026/written/li-connections-ja-2026.html';

export const LI = {
  // ——— member profile ———
  /** One row of a logged-in profile card (a role, a grouped employer, a rail member). */
  entity: { css: '[data-view-name="profile-component-entity"]', proof: [LOGGED_IN, LOGGED_IN_JA, DETAILS] },
  /** The anchor div at the top of the logged-in Experience card (ids are the same in every UI language). */
  experienceAnchor: { css: '#experience', proof: [LOGGED_IN, LOGGED_IN_JA] },
  companyLogo: { css: 'a[data-field="experience_company_logo"] img[alt]', proof: [LOGGED_IN, LOGGED_IN_JA, DETAILS] },
  /** The headline under the logged-in <h1>. */
  headline: { css: 'main [data-generated-suggestion-target]', proof: [LOGGED_IN, LOGGED_IN_JA] },
  /** Voyager data islands holding the Profile record. */
  voyagerIsland: { css: 'code[id^="bpr-guid-"]', proof: [LOGGED_IN, LOGGED_IN_JA, DETAILS, COMPANY_LOGGED_IN] },
  guestExperience: { css: 'section[data-section="experience"]', proof: [GUEST_2024, GUEST_2026] },
  guestDateRange: { css: '.date-range', proof: [GUEST_2024, GUEST_2026] },
  /** "People also viewed" / "Other similar profiles" / 他のおすすめプロフィール. */
  rail: { css: '#browsemap_recommendation, .browsemap', proof: [LOGGED_IN, LOGGED_IN_JA, DETAILS, GUEST_2024, GUEST_2026] },
  // ——— member profile, 2026 app (React SDUI: no <h1>, no data islands, hashed classes) ———
  /** The top card, keyed by the member's URN: com.linkedin.sdui.profile.card.ref<URN>Topcard. */
  sduiTopcard: { css: '[componentkey$="Topcard"]', proof: [APP_PROFILE, APP_PROFILE_EXPERIENCE, APP_PROFILE_JA] },
  /** Experience, drawn after the top card: …ExperienceTopLevelSection (profile), …ExperienceDetailsSection (/details/experience/). */
  sduiExperience: {
    css: 'section[componentkey$="ExperienceTopLevelSection"], section[componentkey$="ExperienceDetailsSection"], [data-testid^="profile_ExperienceTopLevelSection"]',
    proof: [APP_PROFILE_EXPERIENCE, APP_PROFILE_JA, APP_DETAILS],
  },
  /** One Experience entry (a role, or a company with its roles). */
  sduiEntry: { css: '[componentkey^="entity-collection-item"]', proof: [APP_PROFILE_EXPERIENCE, APP_PROFILE_JA, APP_DETAILS] },
  /** Every card about the member (top card, About, Activity, Experience…), keyed com.linkedin.sdui.profile.card.ref<member><Card>. */
  sduiProfileCard: { css: '[componentkey^="com.linkedin.sdui.profile.card.ref"]', proof: [APP_PROFILE, APP_PROFILE_EXPERIENCE, APP_PROFILE_JA] },
  /** Side rails: "More profiles for you", "Explore Premium profiles", "People you may know". */
  sduiRail: {
    css: '[componentkey^="profileAside"], [data-sdui-component$="RecommendedEntitySection"]',
    proof: [APP_PROFILE, APP_PROFILE_EXPERIENCE, APP_PROFILE_JA],
  },
  // ——— company pages ———
  employeesAt: { css: '[data-test-id="employees-at"] li', proof: [COMPANY] },
  companyWebsite: { css: '[data-test-id="about-us__website"] a[href]', proof: [COMPANY] },
  /** Logged-in top card's "Visit website" button: a plain external link (no redirect). */
  companyTopCardWebsite: { css: 'main a.org-top-card-primary-actions__action[href^="http"]', proof: [COMPANY_LOGGED_IN] },
  /** Logged-in overview's "People you may know at X" module: one lockup per member. */
  companyPeopleModule: { css: 'main li.org-people-profiles-module__profile-item', proof: [COMPANY_LOGGED_IN] },
  peopleTabCard: { css: 'main li.org-people-profile-card__profile-card-spacing', proof: [PEOPLE_TAB] },
  // ——— people search ———
  searchCard: {
    css: 'main [data-chameleon-result-urn], main [data-view-name="search-entity-result-universal-template"], main li.reusable-search__result-container',
    proof: [SEARCH, EMBER_SEARCH],
  },
  searchSummary: { css: '.entity-result__summary', proof: [SEARCH] },
  /** A 2026-app result: a role="listitem" inside this wrapper (its only stable name). */
  appSearchResult: { css: '[data-view-name="people-search-result"]', proof: [APP_SEARCH] },
  // ——— My Network → Connections ———
  connectionsList: { css: '[data-view-name="connections-list"]', proof: [CONNECTIONS, CONNECTIONS_JA] },
  // ——— person cards in lists: name, then headline, in the order tried ———
  cardNames: {
    css: '.entity-result__title-text a span[aria-hidden="true"], .artdeco-entity-lockup__title, .base-main-card__title',
    proof: [SEARCH, PEOPLE_TAB, COMPANY, COMPANY_LOGGED_IN],
  },
  cardHeadlines: {
    css: '.entity-result__primary-subtitle, .artdeco-entity-lockup__subtitle, .base-main-card__subtitle, .base-aside-card__subtitle',
    proof: [SEARCH, PEOPLE_TAB, COMPANY, GUEST_2024, GUEST_2026],
  },
  // ——— pages that show nobody ———
  challengeRefresh: { css: 'meta[http-equiv="refresh" i]', proof: [CHALLENGE] },
} satisfies Record<string, Anchor>;

/** Each selector of a comma list on its own, in order (cards try them one by one). */
export function alternatives(anchor: Anchor): string[] {
  return anchor.css.split(/,\s*/);
}
