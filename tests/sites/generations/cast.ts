// The people on the pages we write, by meaning: who they are, what the page shows next to them, and
// what a correct reader must say about them. Independent of the adapter's own word tables
// (utils/sites/linkedin/ui-words.ts): the words a page shows are written here from LinkedIn's UI, so
// the tests do not check the guard with itself.

export type Lang = 'en' | 'ja';

export interface Member {
  slug: string;
  /** What LinkedIn shows as the name, decorations included. */
  shown: string;
  /** What a reader must give as the name (decorations trimmed); undefined: a hidden member, no person. */
  name: string | undefined;
  headline: string;
  location: string;
  presence?: 'offline' | 'online' | 'reachable';
  degree: '1st' | '2nd' | '3rd+';
  /** Another member named in this one's card (mutual connections): never a result. */
  mutual?: { slug: string; name: string };
  /** Shows "Follow" instead of "Connect" (creators). */
  creator?: boolean;
}

/** The viewer: linked from the global nav ("Me"), never a result. */
export const VIEWER = { slug: 'asha-n-viewer', name: 'Asha N' };

const EN: Member[] = [
  { slug: 'aiko-tanaka-1a2b', shown: 'Aiko Tanaka', name: 'Aiko Tanaka', headline: 'Product Manager at Mirai Bank', location: 'Tokyo, Japan', presence: 'offline', degree: '2nd', mutual: { slug: 'hana-mori-77', name: 'Hana Mori' } },
  { slug: 'daniel-okafor', shown: 'Daniel Okafor', name: 'Daniel Okafor', headline: 'Senior Data Engineer | Spark, Kafka & dbt', location: 'Lagos, Nigeria', presence: 'online', degree: '3rd+' },
  { slug: 'priya-sharma-hr', shown: 'Priya Sharma ⭐I\'m Hiring⭐', name: 'Priya Sharma', headline: 'Talent Partner @ Recruit', location: 'Bengaluru, India', degree: '1st' },
  { slug: 'hidden-member', shown: 'LinkedIn Member', name: undefined, headline: 'Software Engineer at Sony', location: 'Osaka, Japan', presence: 'offline', degree: '3rd+' },
  { slug: 'maya-ben-david', shown: 'מאיה בן-דוד', name: 'מאיה בן-דוד', headline: '‏מנהלת מוצר‏ ב-Rakuten', location: 'Tel Aviv, Israel', presence: 'offline', degree: '2nd' },
  { slug: 'misaki-yamamoto', shown: '山本 美咲', name: '山本 美咲', headline: 'UXデザイナー @ 楽天グループ', location: 'Tokyo, Japan', degree: '2nd', creator: true },
  { slug: 'maria-jose-garcia-lopez', shown: 'María José García-López', name: 'María José García-López', headline: 'Directora de Marketing en Deloitte', location: 'Madrid, Spain', presence: 'reachable', degree: '3rd+' },
  { slug: 'lukas-brenner-otw', shown: 'Lukas Brenner | #OpenToWork', name: 'Lukas Brenner', headline: 'Backend Developer (Go, Rust)', location: 'Berlin, Germany', degree: '2nd' },
  { slug: 'kavya-sr', shown: 'Kavya SR', name: 'Kavya SR', headline: 'QA Lead at Accenture', location: 'Chennai, India', presence: 'offline', degree: '3rd+' },
];

/** The same page for a Japanese-UI user: some names in Japanese, the hidden member in Japanese. */
const JA: Member[] = EN.map((member) => {
  if (member.slug === 'aiko-tanaka-1a2b') return { ...member, shown: '田中 愛子', name: '田中 愛子', headline: 'プロダクトマネージャー（みらい銀行）', location: '東京都', mutual: { slug: 'hana-mori-77', name: '森 花' } };
  if (member.slug === 'hidden-member') return { ...member, shown: 'LinkedInメンバー', headline: 'ソニー ソフトウェアエンジニア', location: '大阪府' };
  if (member.slug === 'priya-sharma-hr') return { ...member, shown: 'Priya Sharma ⭐採用中⭐' };
  return member;
});

export function castFor(lang: Lang): Member[] {
  return lang === 'ja' ? JA : EN;
}

/** LinkedIn's UI words by language, as the page shows them. */
export interface UiWords {
  presence(state: NonNullable<Member['presence']>): string;
  placeholder: string;
  degreeShort(degree: Member['degree']): string;
  degreeLong(degree: Member['degree']): string;
  viewProfile(name: string): string;
  invite(name: string): string;
  message(name: string): string;
  follow(name: string): string;
  moreActions(name: string): string;
  photo(name: string): string;
  connect: string;
  messageButton: string;
  followButton: string;
  connectedOn: string;
  connectedAgo: string;
  mutual(name: string): string;
  membersName: string;
  membersOccupation: string;
  followers: string;
  peopleYouMayKnow: string;
  peopleAlsoViewed: string;
  experience: string;
  education: string;
  fullTime: string;
  current(title: string, company: string): string;
  searchTitle: string;
  connectionsTitle: string;
  connectionsCount: string;
  peopleTab: string;
  me: string;
}

export const WORDS: Record<Lang, UiWords> = {
  en: {
    presence: (state) => `Status is ${state}`,
    placeholder: 'LinkedIn Member',
    degreeShort: (degree) => `• ${degree}`,
    degreeLong: (degree) => `${degree} degree connection`,
    viewProfile: (name) => `View ${name}’s profile`,
    invite: (name) => `Invite ${name} to connect`,
    message: (name) => `Send a message to ${name}`,
    follow: (name) => `Follow ${name}`,
    moreActions: (name) => `More actions for ${name}`,
    photo: (name) => `${name}’s profile picture`,
    connect: 'Connect',
    messageButton: 'Message',
    followButton: 'Follow',
    connectedOn: 'Connected on May 17, 2026',
    connectedAgo: 'Connected 2 weeks ago',
    mutual: (name) => `${name} and 12 other mutual connections`,
    membersName: 'Member’s name',
    membersOccupation: 'Member’s occupation',
    followers: '39K followers',
    peopleYouMayKnow: 'People you may know',
    peopleAlsoViewed: 'People also viewed',
    experience: 'Experience',
    education: 'Education',
    fullTime: 'Full-time',
    current: (title, company) => `Current: ${title} at ${company}`,
    searchTitle: 'Search | LinkedIn',
    connectionsTitle: 'Connections | LinkedIn',
    connectionsCount: '1,465 connections',
    peopleTab: 'People',
    me: 'Me',
  },
  ja: {
    presence: (state) => `ステータス: ${{ offline: 'オフライン', online: 'オンライン', reachable: '連絡可能' }[state]}`,
    placeholder: 'LinkedInメンバー',
    degreeShort: (degree) => `• ${{ '1st': '1次', '2nd': '2次', '3rd+': '3次' }[degree]}`,
    degreeLong: (degree) => `${{ '1st': '1次', '2nd': '2次', '3rd+': '3次' }[degree]}のつながり`,
    viewProfile: (name) => `${name}さんのプロフィールを表示`,
    invite: (name) => `${name}さんにつながりを申請する`,
    message: (name) => `${name}さんにメッセージを送信`,
    follow: (name) => `${name}さんをフォロー`,
    moreActions: (name) => `${name}さんのその他の操作`,
    photo: (name) => `${name}さんのプロフィール写真`,
    connect: 'つながる',
    messageButton: 'メッセージ',
    followButton: 'フォロー',
    connectedOn: '2026年5月17日につながりました',
    connectedAgo: '2週間前につながりました',
    mutual: (name) => `${name}さん、他12人の共通のつながり`,
    membersName: 'メンバーの名前',
    membersOccupation: 'メンバーの職業',
    followers: 'フォロワー3.9万人',
    peopleYouMayKnow: '知り合いかも',
    peopleAlsoViewed: '他の人はこちらも閲覧しています',
    experience: '職歴',
    education: '学歴',
    fullTime: '正社員',
    current: (title, company) => `現在: ${title} at ${company}`,
    searchTitle: '検索 | LinkedIn',
    connectionsTitle: 'つながり | LinkedIn',
    connectionsCount: 'つながり1,465件',
    peopleTab: '社員',
    me: 'ホーム',
  },
};

/** A profile's subject, by meaning. */
export interface Subject {
  slug: string;
  name: string;
  headline: string;
  company: string;
  school: string;
  roles: Array<{ company: string; title: string; from: string; to: string | null }>;
}

export const SUBJECT: Record<Lang, Subject> = {
  en: {
    slug: 'kenta-ishikawa-9f3',
    name: 'Kenta Ishikawa',
    headline: 'Engineering Manager at Mercari | ex-Sakura Digital',
    company: 'Mercari',
    school: 'Keio University',
    roles: [
      { company: 'Mercari', title: 'Engineering Manager', from: '2021-04', to: null },
      { company: 'Sakura Digital', title: 'Senior Software Engineer', from: '2016-10', to: '2021-03' },
      { company: 'Sakura Digital', title: 'Software Engineer', from: '2014-04', to: '2016-09' },
    ],
  },
  ja: {
    slug: 'kenta-ishikawa-9f3',
    name: '石川 健太',
    headline: 'メルカリ エンジニアリングマネージャー | 元さくらデジタル',
    company: '株式会社メルカリ',
    school: '慶應義塾大学',
    roles: [
      { company: '株式会社メルカリ', title: 'エンジニアリングマネージャー', from: '2021-04', to: null },
      { company: '株式会社さくらデジタル', title: 'シニアソフトウェアエンジニア', from: '2016-10', to: '2021-03' },
      { company: '株式会社さくらデジタル', title: 'ソフトウェアエンジニア', from: '2014-04', to: '2016-09' },
    ],
  },
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Apr 2021 - Present · 5 yrs 2 mos" / "2021年4月～現在 · 5年 2か月" (the duration is decoration). */
export function dateRange(lang: Lang, from: string, to: string | null): string {
  const month = (ym: string) => {
    const [year, m] = ym.split('-').map(Number);
    return lang === 'ja' ? `${year}年${m}月` : `${MONTHS_EN[m - 1]} ${year}`;
  };
  return lang === 'ja' ? `${month(from)}～${to ? month(to) : '現在'} · 4年 6か月` : `${month(from)} - ${to ? month(to) : 'Present'} · 4 yrs 6 mos`;
}
