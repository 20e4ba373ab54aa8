// LinkedIn's own UI words, as data: what the name guard rejects, the accessible labels that carry a
// member's name, and the headings of the people modules. One row per form; a new UI language is new
// rows, not new code. Where each form was seen: tests/fixtures/linkedin*/README.md ("UI words").
// English forms are from the saved pages; Japanese forms marked (observed) are from LinkedIn's
// Japanese UI as recorded by public projects (see tests/fixtures/linkedin-2026/README.md); the rest
// are matched by pattern (a Japanese label names a member as "NAMEさん" + particle).

/** Presence indicators read out next to a photo ("Status is offline"): never a name. */
export const PRESENCE: RegExp[] = [
  /^status is (?:online|offline|away|busy|reachable|mobile|active)$/i,
  /^(?:online|offline|away|active now|reachable)$/i,
  /^(?:ステータス[:：]?\s*)?(?:オンライン|オフライン|連絡可能|退席中|取り込み中|モバイル)$/,
];

/** Out-of-network members LinkedIn does not name. A list item showing one yields no person. */
export const PLACEHOLDERS: RegExp[] = [
  /^linkedin\s*(?:member|メンバー|-mitglied|会員)$/i,
  /^(?:membre de linkedin|miembro de linkedin|membro do linkedin)$/i,
];

/** Connection degree markers, with or without the bullet and the long screen-reader form. */
export const DEGREES: RegExp[] = [
  /^[·•]?\s*(?:1st|2nd|3rd|\d+th)\+?(?:\s+degree(?:\s+connection)?)?$/i,
  /^[·•]?\s*(?:you|out of network)$/i,
  // (observed) 1次, 2次, 3次; "3次以上", "2次のつながり" and the older written fixture's "3位以上" by pattern.
  /^[·•]?\s*[123](?:次|位)(?:以上)?(?:の?つながり)?$/,
];

/** Badges and status words shown beside names. */
export const BADGES: RegExp[] = [
  /^(?:premium|verified|verified profile|influencer|top voice|creator|author|speaker|you)$/i,
  /^#?\s*open\s*to\s*work$/i,
  /^(?:i['’]?m\s+|we['’]?re\s+|now\s+)?#?\s*hiring!?$/i,
  /^(?:プレミアム|認証済み|採用中|求職中|トップボイス|インフルエンサー)$/,
  /^(?:he\/him|she\/her|they\/them|he\/they|she\/they)$/i,
];

/** Buttons and links whose text sits inside people cards. */
export const ACTIONS: RegExp[] = [
  /^(?:connect|message|follow|following|unfollow|pending|more|send|save|contact info|show all|show more|see all|load more|ignore|accept|withdraw|remove|dismiss)$/i,
  // (observed) つながる, その他, 承認待ち; the rest by the same UI's wording.
  /^(?:つながる|つながりを申請|メッセージ|フォロー|フォロー中|承認待ち|その他|連絡先情報|すべて表示|もっと見る|無視|承認|削除)$/,
];

/** Screen-reader link texts and captions that contain a name but are not one. */
export const LINK_WORDS: RegExp[] = [
  /^view\s.+\sprofile$/i,
  /^view\s.+[’']s?\s+(?:verifications|profile)$/i,
  /profile (?:picture|photo)(?:,.*)?$/i,
  /^(?:cover|background) photo$/i,
  /さんのプロフィール/,
  /^.+ has verifications$/i,
  // Screen-reader captions before the name and the headline in Ember connection cards (mn-connection-card).
  /^member[’']s (?:name|occupation)$/i,
  /^メンバーの(?:名前|職業)$/,
];

/** Counts and social proof ("500+ connections", "Ananya and 24 other mutual connections"). */
export const COUNTS: RegExp[] = [
  /^[\d,.]+\+?\s*(?:k|m)?\s*(?:followers?|connections?|members?|employees?|results?)$/i,
  /\bmutual connections?\b/i,
  /\bother connections? follow/i,
  /^connected on\b/i,
  /^[\d,.]+\s*(?:人の)?(?:フォロワー|つながり)/,
  /共通のつながり/,
  /につながりました$/,
];

/** Text around a link that makes it a mention of a member, not a card of one ("Emma Lund, Johan Berg and 12 other mutual connections"). */
export const MENTIONS: RegExp[] = [/\bmutual connections?\b/i, /\bother connections? follow/i, /\bis a mutual connection\b/i, /共通のつながり/];

/**
 * Accessible labels that name a member: the first group is the name. "Invite Md Arif Chowdhury to
 * connect", "Send a message to Maya Ben-David", "View Priya Devi S’ profile", "Takeshi Kobayashi’s
 * profile picture, hiring"; Japanese "山田 太郎さんにつながりを申請する" (observed) and any
 * "NAMEさん" + particle label (メッセージ, フォロー, プロフィール…).
 */
export const NAME_LABELS: RegExp[] = [
  /^invite (.+) to connect$/i,
  /^send a message to (.+)$/i,
  /^message (.+)$/i,
  /^(?:un)?follow (.+)$/i,
  /^more actions for (.+)$/i,
  /^view (.+?)[’'](?:s)? profile$/i,
  /^(.+?)[’'](?:s)? profile (?:picture|photo)(?:,.*)?$/i,
  /^(.+?)[’'](?:s)? (?:photo|avatar)$/i,
  /^(.+?)\s*さん(?:に|を|の|へ|と|から)/,
];

/** Labels that start with one of these words only name an action ("Message", "More"): no name in them. */
export const BARE_ACTION_LABEL = /^(?:message|more|more actions|show more actions|follow|connect)$/i;

/** Headings of the people modules a profile, company page or any page carries beside its subject. */
export const PEOPLE_MODULE_HEADINGS: RegExp[] = [
  /^(?:people also viewed|people you may know|more profiles for you|explore premium profiles|other similar profiles|similar profiles|people similar to .+)$/i,
  /^(?:employees at .+|people you may know at .+|people who work here|people highlights)$/i,
  /^(?:他のおすすめプロフィール|他の人はこちらも閲覧しています|知り合いかも|知り合いかもしれない人|おすすめのプロフィール|.+の社員)$/,
];

/** Words that make an organisation a school (the top card's "Company · School" line names both). */
export const SCHOOL_WORDS =
  /\b(?:university|universit[äéy]|college|school|institute of technology|polytechnic|academy|hochschule|universidad|université)\b|大学|大学院|学院|高等学校|高校|専門学校|高専/i;

/** "Current company: Spotify. Click to skip to experience card" (Ember top card, li-profile-loggedin-2024.html). */
export const CURRENT_COMPANY_LABEL = /^current company:\s*(.+?)\.\s*click to skip/i;

/** Headings of the Experience section (2026 app), by UI language. */
export const EXPERIENCE_HEADING = /^(?:experience|職歴|経験|berufserfahrung|expérience|experiencia)$/i;
