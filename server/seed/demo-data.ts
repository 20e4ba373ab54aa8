/**
 * The fictional demo company behind `--seed demo`: end-to-end tests, the demo pages and the README rely on
 * these records, so ids and facts here are the source of truth. All people and firms are fictional (the
 * well-known employers appear only as employers).
 */
import type { Alumnus, Me, OfferInput, OrganizationInput, Role } from '../../utils/api';

export type DemoAlumnus = Omit<Alumnus, 'updatedAt'>;
export type DemoOffer = OfferInput & { id: string };

export const demoCompany: Me['company'] = {
  name: 'Sakura Digital',
  aliases: ['株式会社さくらデジタル', 'さくらデジタル', 'Sakura Digital Inc.', 'Sakura Soft', 'サクラソフト'],
  domains: ['sakura-digital.example'],
};

/** Staff tokens carry the contact details of their business card; the alumni token names its directory record. */
export const demoTokens: { token: string; role: Role; name: string; email?: string; phone?: string; alumnusId?: string }[] = [
  { token: 'demo-admin-token', role: 'admin', name: 'Aiko Mori (Alumni Programme)', email: 'alumni@sakura-digital.example', phone: '+81 3-5555-0100' },
  { token: 'demo-recruiter-token', role: 'recruiter', name: 'Kenji Watanabe', email: 'kenji.watanabe@sakura-digital.example', phone: '+81 3-5555-0123' },
  { token: 'demo-sales-token', role: 'sales', name: 'Emily Carter', email: 'emily.carter@sakura-digital.example', phone: '+81 3-5555-0145' },
  { token: 'demo-alumni-token', role: 'alumni', name: '山田 太郎', alumnusId: 'E1001' },
];

/** Ids of the organisations and people other parts refer to by name. */
export const demoIds = {
  audiense: 'org-audiense',
  spotify: 'org-spotify',
  miraiBank: 'org-mirai-bank',
  kazeGames: 'org-kaze-games',
  sofiaAnderssonReyes: 'E2001',
  marcosRuiz: 'E2002',
  julienMoreau: 'E2003',
  karimSaleh: 'E2004',
  taroYamada: 'E1001',
  hanakoSato: 'E1002',
  closedOffer: 'offer-kaze-games-localisation',
} as const;

export const demoOrganizations: OrganizationInput[] = [
  { id: 'org-audiense', name: 'Audiense', aliases: ['Audiense Ltd', 'Audiense Inc.'], domains: ['audiense.com'], profileUrls: ['https://www.linkedin.com/company/audiense'] },
  { id: 'org-spotify', name: 'Spotify', aliases: ['Spotify AB', 'Spotify Technology S.A.'], domains: ['spotify.com'], profileUrls: ['https://www.linkedin.com/company/spotify'] },
  { id: 'org-mirai-bank', name: '株式会社みらい銀行', aliases: ['みらい銀行', 'ミライ銀行', 'Mirai Bank', 'Mirai Bank, Ltd.'], domains: ['mirai-bank.example'], profileUrls: ['https://www.linkedin.com/company/mirai-bank-example'] },
  { id: 'org-aozora-logistics', name: '青空ロジスティクス株式会社', aliases: ['青空ロジスティクス', 'Aozora Logistics', 'Aozora Logistics Co., Ltd.'], domains: ['aozora-logistics.example'], profileUrls: [] },
  { id: 'org-hikari-health', name: 'ひかりヘルスケア株式会社', aliases: ['ひかりヘルスケア', 'Hikari Healthcare', '(株)ひかりヘルスケア'], domains: ['hikari-health.example'], profileUrls: [] },
  { id: 'org-kaze-games', name: '株式会社カゼゲームズ', aliases: ['カゼゲームズ', 'Kaze Games', 'KAZE GAMES Inc.'], domains: ['kaze-games.example'], profileUrls: ['https://www.linkedin.com/company/kaze-games-example'] },
  { id: 'org-tsubasa-motors', name: 'つばさモーターズ株式会社', aliases: ['つばさモーターズ', 'Tsubasa Motors', 'Tsubasa Motor Corporation'], domains: ['tsubasa-motors.example'], profileUrls: [] },
  { id: 'org-midori-energy', name: 'みどりエナジー株式会社', aliases: ['みどりエナジー', 'Midori Energy', 'Midori Energy K.K.'], domains: ['midori-energy.example'], profileUrls: [] },
  { id: 'org-nordlicht', name: 'Nordlicht Analytics GmbH', aliases: ['Nordlicht Analytics', 'Nordlicht'], domains: ['nordlicht-analytics.example'], profileUrls: ['https://www.linkedin.com/company/nordlicht-analytics-example'] },
  { id: 'org-harbor-cloud', name: 'Harbor Cloud Inc.', aliases: ['Harbor Cloud', 'HarborCloud'], domains: ['harbor-cloud.example'], profileUrls: [] },
];

const kenji = { name: 'Kenji Watanabe', email: 'kenji.watanabe@sakura-digital.example' };
const yuki = { name: '佐藤 由紀', email: 'yuki.sato@sakura-digital.example' };
const emily = { name: 'Emily Carter', email: 'emily.carter@sakura-digital.example' };
const both = { recognition: true, offers: true };
const recognitionOnly = { recognition: true, offers: false };
const none = { recognition: false, offers: false };
const at = (organizationId: string, name: string) => ({ name, organizationId });

export const demoAlumni: DemoAlumnus[] = [
  // Japanese names: kanji as HR keeps them, kana reading, latin spelling; former names after marriage.
  { id: 'E1001', names: { display: '山田 太郎', kana: 'やまだ たろう', latin: 'Taro Yamada' }, tenure: [{ from: '2012-04', to: '2018-03', department: 'Engineering' }], currentEmployer: at('org-mirai-bank', '株式会社みらい銀行'), currentTitle: 'Engineering Manager', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E1002', names: { display: '佐藤 花子', kana: 'さとう はなこ', latin: 'Hanako Sato', former: ['鈴木 花子', 'Hanako Suzuki'] }, tenure: [{ from: '2010-04', to: '2016-09', department: 'Sales' }], currentEmployer: at('org-hikari-health', 'ひかりヘルスケア株式会社'), currentTitle: '営業部長', consent: both, rehireEligible: true, relationshipOwner: yuki },
  { id: 'E1003', names: { display: '鈴木 一郎', kana: 'すずき いちろう', latin: 'Ichiro Suzuki' }, tenure: [{ from: '2008-04', to: '2015-03', department: 'Finance' }], currentEmployer: at('org-mirai-bank', '株式会社みらい銀行'), currentTitle: 'CFO Office Lead', consent: both, rehireEligible: false, relationshipOwner: yuki },
  { id: 'E1004', names: { display: '高橋 美咲', kana: 'たかはし みさき', latin: 'Misaki Takahashi', former: ['伊藤 美咲', 'Misaki Ito'] }, tenure: [{ from: '2014-04', to: '2019-06', department: 'Design' }], currentEmployer: at('org-kaze-games', '株式会社カゼゲームズ'), currentTitle: 'Art Director', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E1005', names: { display: '田中 健太', kana: 'たなか けんた', latin: 'Kenta Tanaka' }, tenure: [{ from: '2015-04', to: '2020-03', department: 'Engineering' }], currentEmployer: at('org-harbor-cloud', 'Harbor Cloud Inc.'), currentTitle: 'Staff Engineer', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E1006', names: { display: '伊藤 さくら', kana: 'いとう さくら', latin: 'Sakura Ito' }, tenure: [{ from: '2016-04', to: '2021-03', department: 'Marketing' }], consent: none, rehireEligible: true },
  { id: 'E1007', names: { display: '渡辺 翔太', kana: 'わたなべ しょうた', latin: 'Shota Watanabe' }, tenure: [{ from: '2011-04', to: '2017-12', department: 'Engineering' }], currentEmployer: at('org-tsubasa-motors', 'つばさモーターズ株式会社'), currentTitle: 'Embedded Software Lead', consent: both, rehireEligible: false, relationshipOwner: emily },
  { id: 'E1008', names: { display: '中村 由美', kana: 'なかむら ゆみ', latin: 'Yumi Nakamura', former: ['小林 由美', 'Yumi Kobayashi'] }, tenure: [{ from: '2009-04', to: '2014-08', department: 'Human Resources' }], currentEmployer: at('org-midori-energy', 'みどりエナジー株式会社'), currentTitle: '人事部 マネージャー', consent: both, rehireEligible: true, relationshipOwner: yuki },
  { id: 'E1009', names: { display: '小林 大輔', kana: 'こばやし だいすけ', latin: 'Daisuke Kobayashi' }, tenure: [{ from: '2013-04', to: '2019-03', department: 'Sales' }], currentEmployer: at('org-aozora-logistics', '青空ロジスティクス株式会社'), currentTitle: 'Head of Business Development', consent: both, rehireEligible: true, relationshipOwner: emily },
  { id: 'E1010', names: { display: '加藤 愛', kana: 'かとう あい', latin: 'Ai Kato' }, tenure: [{ from: '2017-04', to: '2022-06', department: 'Design' }], currentTitle: 'Freelance UX Designer', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E1011', names: { display: '吉田 拓也', kana: 'よしだ たくや', latin: 'Takuya Yoshida' }, tenure: [{ from: '2006-04', to: '2010-03', department: 'Engineering' }, { from: '2013-04', to: '2019-12', department: 'Platform' }], currentEmployer: at('org-mirai-bank', '株式会社みらい銀行'), currentTitle: 'Principal Architect', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E1012', names: { display: '山本 恵', kana: 'やまもと めぐみ', latin: 'Megumi Yamamoto', former: ['松本 恵', 'Megumi Matsumoto'] }, tenure: [{ from: '2012-10', to: '2018-09', department: 'Legal' }], currentTitle: 'Attorney', consent: both, rehireEligible: false, relationshipOwner: yuki },
  { id: 'E1013', names: { display: '松本 涼', kana: 'まつもと りょう', latin: 'Ryo Matsumoto' }, tenure: [{ from: '2016-04', to: '2021-09', department: 'Data Science' }], currentEmployer: at('org-nordlicht', 'Nordlicht Analytics GmbH'), currentTitle: 'Senior Data Scientist', consent: both, rehireEligible: true, relationshipOwner: emily },
  { id: 'E1014', names: { display: '井上 真由美', kana: 'いのうえ まゆみ', latin: 'Mayumi Inoue' }, tenure: [{ from: '2011-04', to: '2016-03', department: 'Customer Success' }], currentEmployer: at('org-hikari-health', 'ひかりヘルスケア株式会社'), currentTitle: 'Customer Experience Director', consent: recognitionOnly, rehireEligible: false, relationshipOwner: yuki },
  { id: 'E1015', names: { display: '木村 拓海', kana: 'きむら たくみ', latin: 'Takumi Kimura' }, tenure: [{ from: '2018-04', to: '2022-03', department: 'Engineering' }], currentEmployer: at('org-harbor-cloud', 'Harbor Cloud Inc.'), consent: none },
  { id: 'E1016', names: { display: '林 美穂', kana: 'はやし みほ', latin: 'Miho Hayashi' }, tenure: [{ from: '2013-04', to: '2018-06', department: 'Marketing' }], currentEmployer: at('org-kaze-games', '株式会社カゼゲームズ'), currentTitle: 'Marketing Manager', consent: both, rehireEligible: true, relationshipOwner: emily },
  { id: 'E1017', names: { display: '斎藤 誠', kana: 'さいとう まこと', latin: 'Makoto Saito' }, tenure: [{ from: '2007-04', to: '2013-03', department: 'Sales' }], currentEmployer: at('org-tsubasa-motors', 'つばさモーターズ株式会社'), currentTitle: '調達部長', consent: both, rehireEligible: false, relationshipOwner: emily },
  { id: 'E1018', names: { display: '清水 彩', kana: 'しみず あや', latin: 'Aya Shimizu', former: ['森 彩', 'Aya Mori'] }, tenure: [{ from: '2015-04', to: '2020-12', department: 'Design' }], currentEmployer: at('org-hikari-health', 'ひかりヘルスケア株式会社'), currentTitle: 'Product Designer', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E1019', names: { display: '山口 翔', kana: 'やまぐち しょう', latin: 'Sho Yamaguchi' }, tenure: [{ from: '2014-04', to: '2019-09', department: 'Engineering' }], currentEmployer: at('org-harbor-cloud', 'Harbor Cloud Inc.'), currentTitle: 'Site Reliability Engineer', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E1020', names: { display: '森 結衣', kana: 'もり ゆい', latin: 'Yui Mori' }, tenure: [{ from: '2019-04', to: '2023-03', department: 'Human Resources' }], currentTitle: 'Career Coach', consent: both, rehireEligible: true, relationshipOwner: yuki },
  { id: 'E1021', names: { display: '大野 浩二', kana: 'おおの こうじ', latin: 'Koji Ohno' }, tenure: [{ from: '2005-04', to: '2012-03', department: 'Finance' }], currentEmployer: at('org-mirai-bank', '株式会社みらい銀行'), currentTitle: '執行役員', consent: both, rehireEligible: false, relationshipOwner: yuki },
  { id: 'E1022', names: { display: '佐々木 優子', kana: 'ささき ゆうこ', latin: 'Yuko Sasaki' }, tenure: [{ from: '2012-04', to: '2017-03', department: 'Sales' }], currentEmployer: at('org-aozora-logistics', '青空ロジスティクス株式会社'), currentTitle: 'Sales Director', consent: both, rehireEligible: true, relationshipOwner: emily },
  { id: 'E1023', names: { display: '近藤 純一', kana: 'こんどう じゅんいち', latin: 'Junichi Kondo' }, tenure: [{ from: '2010-04', to: '2015-09', department: 'Engineering' }], currentEmployer: at('org-tsubasa-motors', 'つばさモーターズ株式会社'), currentTitle: 'CTO', consent: both, rehireEligible: false, relationshipOwner: kenji },
  { id: 'E1024', names: { display: '石川 千尋', kana: 'いしかわ ちひろ', latin: 'Chihiro Ishikawa' }, tenure: [{ from: '2016-04', to: '2020-06', department: 'Product' }], currentEmployer: at('org-spotify', 'Spotify'), currentTitle: 'Product Manager', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E1025', names: { display: '前田 陽介', kana: 'まえだ ようすけ', latin: 'Yosuke Maeda' }, tenure: [{ from: '2017-04', to: '2021-03', department: 'Engineering' }], currentEmployer: at('org-midori-energy', 'みどりエナジー株式会社'), currentTitle: 'Backend Engineer', consent: both, rehireEligible: false, relationshipOwner: kenji },
  { id: 'E1026', names: { display: '藤田 舞', kana: 'ふじた まい', latin: 'Mai Fujita', former: ['岡田 舞', 'Mai Okada'] }, tenure: [{ from: '2013-04', to: '2017-08', department: 'Marketing' }], currentEmployer: at('org-kaze-games', '株式会社カゼゲームズ'), consent: none },
  { id: 'E1027', names: { display: '本田 健', kana: 'ほんだ けん', latin: 'Ken Honda' }, tenure: [{ from: '2009-04', to: '2013-03', department: 'Sales' }], currentEmployer: at('org-midori-energy', 'みどりエナジー株式会社'), currentTitle: 'Account Executive', consent: both, rehireEligible: true, relationshipOwner: emily },
  { id: 'E1028', names: { display: '後藤 麻衣', kana: 'ごとう まい', latin: 'Mai Goto' }, tenure: [{ from: '2018-04', to: '2023-09', department: 'Design' }], currentEmployer: at('org-nordlicht', 'Nordlicht Analytics GmbH'), currentTitle: 'UX Researcher', consent: both, rehireEligible: true, relationshipOwner: kenji },
  // Western names.
  { id: 'E2001', names: { display: 'Sofia Andersson Reyes', latin: 'Sofia Andersson Reyes' }, profileUrls: ['https://www.linkedin.com/in/sofia-andersson-reyes'], tenure: [{ from: '2009-04', to: '2011-08', department: 'Design' }], currentEmployer: at('org-spotify', 'Spotify'), currentTitle: 'Engineering Education Team Lead', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E2002', names: { display: 'Marcos Ruiz', latin: 'Marcos Ruiz' }, profileUrls: ['https://www.linkedin.com/in/marcosruiz'], tenure: [{ from: '2014-09', to: '2017-06', department: 'Infrastructure' }], currentEmployer: at('org-audiense', 'Audiense'), currentTitle: 'Site Reliability Engineer', consent: both, rehireEligible: true, relationshipOwner: emily },
  { id: 'E2003', names: { display: 'Julien Moreau', latin: 'Julien Moreau' }, profileUrls: ['https://www.linkedin.com/in/julien-moreau-7d3f1a'], tenure: [{ from: '2011-01', to: '2013-12', department: 'Marketing' }], currentEmployer: at('org-audiense', 'Audiense'), currentTitle: 'Head of Partnerships', consent: both, rehireEligible: false, relationshipOwner: emily },
  { id: 'E2004', names: { display: 'Karim Saleh', latin: 'Karim Saleh' }, tenure: [{ from: '2013-05', to: '2016-02', department: 'Engineering' }], consent: none, rehireEligible: true },
  { id: 'E2005', names: { display: 'Hannah Schmidt', latin: 'Hannah Schmidt' }, tenure: [{ from: '2015-01', to: '2019-04', department: 'Data Science' }], currentEmployer: at('org-nordlicht', 'Nordlicht Analytics GmbH'), currentTitle: 'Managing Director', consent: both, rehireEligible: false, relationshipOwner: emily },
  { id: 'E2006', names: { display: 'Lukas Becker', latin: 'Lukas Becker' }, tenure: [{ from: '2016-06', to: '2020-02', department: 'Engineering' }], currentEmployer: at('org-harbor-cloud', 'Harbor Cloud Inc.'), currentTitle: 'Engineering Manager', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E2007', names: { display: 'Olivia Bennett', latin: 'Olivia Bennett', former: ['Olivia Hughes'] }, tenure: [{ from: '2012-03', to: '2016-11', department: 'Product' }], currentEmployer: at('org-kaze-games', '株式会社カゼゲームズ'), currentTitle: 'Producer', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E2008', names: { display: 'Daniel Kim', latin: 'Daniel Kim' }, tenure: [{ from: '2018-01', to: '2021-12', department: 'Engineering' }], currentEmployer: at('org-harbor-cloud', 'Harbor Cloud Inc.'), currentTitle: 'Senior Software Engineer', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E2009', names: { display: 'Chloé Dubois', latin: 'Chloé Dubois' }, tenure: [{ from: '2013-09', to: '2017-08', department: 'Marketing' }], currentEmployer: at('org-nordlicht', 'Nordlicht Analytics GmbH'), currentTitle: 'Growth Lead', consent: both, rehireEligible: false, relationshipOwner: emily },
  { id: 'E2010', names: { display: 'Matteo Rossi', latin: 'Matteo Rossi' }, tenure: [{ from: '2010-02', to: '2014-07', department: 'Sales' }], currentEmployer: at('org-midori-energy', 'みどりエナジー株式会社'), currentTitle: 'International Sales Manager', consent: both, rehireEligible: true, relationshipOwner: emily },
  { id: 'E2011', names: { display: 'Priya Raman', latin: 'Priya Raman' }, tenure: [{ from: '2017-07', to: '2022-01', department: 'Finance' }], currentEmployer: at('org-mirai-bank', '株式会社みらい銀行'), currentTitle: 'Risk Analyst', consent: both, rehireEligible: true, relationshipOwner: yuki },
  { id: 'E2012', names: { display: "James O'Connor", latin: "James O'Connor" }, tenure: [{ from: '2011-05', to: '2015-10', department: 'Engineering' }], currentEmployer: at('org-spotify', 'Spotify'), consent: none },
  { id: 'E2013', names: { display: 'Anna Kowalska', latin: 'Anna Kowalska', former: ['Anna Nowak'] }, tenure: [{ from: '2014-02', to: '2018-05', department: 'Quality Assurance' }], currentEmployer: at('org-tsubasa-motors', 'つばさモーターズ株式会社'), currentTitle: 'QA Manager', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E2014', names: { display: 'Lucas Martin', latin: 'Lucas Martin' }, tenure: [{ from: '2019-03', to: '2023-02', department: 'Operations' }], currentEmployer: at('org-aozora-logistics', '青空ロジスティクス株式会社'), currentTitle: 'Operations Lead', consent: both, rehireEligible: false, relationshipOwner: emily },
  { id: 'E2015', names: { display: 'Sarah Lindqvist', latin: 'Sarah Lindqvist' }, tenure: [{ from: '2012-08', to: '2015-06', department: 'Design' }], currentEmployer: at('org-spotify', 'Spotify'), currentTitle: 'Design Manager', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E2016', names: { display: 'Wei Chen', kana: 'ウェイ チェン', latin: 'Wei Chen' }, tenure: [{ from: '2016-10', to: '2021-05', department: 'Engineering' }], currentEmployer: at('org-kaze-games', '株式会社カゼゲームズ'), currentTitle: 'Lead Engine Programmer', consent: both, rehireEligible: true, relationshipOwner: kenji },
  { id: 'E2017', names: { display: 'Isabel García', latin: 'Isabel Garcia' }, tenure: [{ from: '2015-05', to: '2018-12', department: 'Customer Success' }], currentEmployer: at('org-hikari-health', 'ひかりヘルスケア株式会社'), currentTitle: 'Partner Success Manager', consent: recognitionOnly, rehireEligible: false, relationshipOwner: emily },
];

/** The alumni programme office: Aiko Mori reads its mailbox (the admin token carries the same address). */
const programme = { name: 'Aiko Mori', email: 'alumni@sakura-digital.example' };

export const demoOffers: DemoOffer[] = [
  { id: 'offer-audiense-dashboard', title: 'Audience-insight dashboard for Audiense', summary: 'We are building a reporting dashboard for Audiense and want an alumnus who knows their product to shape it with us (3 months, remote possible).', kind: 'project', skills: ['TypeScript', 'Data visualisation', 'Product design'], organizationId: 'org-audiense', status: 'open', closesOn: '2027-03-31', contact: programme },
  { id: 'offer-audiense-sre-referral', title: 'Referral: SRE for the Audiense integration team', summary: 'Do you know an SRE who would enjoy running our Audiense data integration? Referral bonus applies.', kind: 'referral', skills: ['Kubernetes', 'Observability', 'On-call'], organizationId: 'org-audiense', status: 'open', contact: { name: 'Kenji Watanabe', email: 'kenji.watanabe@sakura-digital.example' } },
  { id: 'offer-mirai-bank-mobile', title: 'みらい銀行 モバイルアプリ刷新パートナー募集', summary: '株式会社みらい銀行のモバイルバンキング刷新プロジェクトで、協業いただけるアルムナイ企業・個人を募集しています。', kind: 'partnership', skills: ['iOS', 'Android', 'Security'], organizationId: 'org-mirai-bank', status: 'open', closesOn: '2027-01-31', contact: { name: '佐藤 由紀', email: 'yuki.sato@sakura-digital.example' } },
  { id: 'offer-rehire-design-lead', title: 'Come back as Design Lead (Tokyo)', summary: 'Our design team is growing again. Alumni who led design work are welcome back, with tenure recognised.', kind: 'rehire', skills: ['Design leadership', 'Design systems'], status: 'open', contact: { name: 'Kenji Watanabe', email: 'kenji.watanabe@sakura-digital.example' }, url: 'https://sakura-digital.example/careers/design-lead' },
  { id: 'offer-alumni-meetup-speaker', title: 'Speak at the Sakura Digital Alumni Meetup 2027', summary: 'Tell current staff what you learned since leaving: 20-minute talks, Japanese or English.', kind: 'speaking', skills: ['Public speaking'], status: 'open', closesOn: '2027-02-28', contact: programme, url: 'https://sakura-digital.example/alumni/meetup-2027' },
  { id: 'offer-business-matching-2027', title: 'アルムナイ・ビジネスマッチング会 2027春', summary: '当社が取り組みたい案件の紹介と、アルムナイの皆さまの事業紹介を行う交流会です。', kind: 'event', skills: [], status: 'open', closesOn: '2027-04-15', contact: programme, url: 'https://sakura-digital.example/alumni/matching-2027' },
  { id: 'offer-spotify-frontend-guild', title: 'Co-host a frontend guild session with Spotify', summary: 'Alumni at Spotify: help us run a joint session on design systems and accessibility.', kind: 'partnership', skills: ['Frontend', 'Accessibility'], organizationId: 'org-spotify', status: 'open', contact: { name: 'Emily Carter', email: 'emily.carter@sakura-digital.example' } },
  { id: 'offer-kaze-games-localisation', title: 'Game localisation project for Kaze Games', summary: 'Japanese-English localisation of a mobile title for Kaze Games. Filled, thank you.', kind: 'project', skills: ['Localisation', 'Japanese', 'English'], organizationId: 'org-kaze-games', status: 'closed', contact: programme },
];
