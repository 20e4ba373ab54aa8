/**
 * Business matching in the demo company: showcases in Japanese and English, a suggestion, and meetings in each
 * state, so every role sees its part on the demo pages. Written through the same store functions as the API,
 * so every meeting went through the state machine. Fixed ids: the seed adds only what is missing.
 */
import type { MeetingEventInput, MeetingInput, ShowcaseInput, SuggestionInput } from '../../utils/api';
import { demoTokens } from './demo-data';
import { hashToken, type ApiUser } from '../store/tokens';

/** Demo staff as the API knows them (their tokens are in demoTokens). */
function staff(role: 'admin' | 'recruiter' | 'sales'): ApiUser {
  const { token, name, email, phone } = demoTokens.find((t) => t.role === role)!;
  return { name, role, tokenHash: hashToken(token), email, phone };
}

/** An alumnus acting in the seeded history; only 山田 太郎 has a demo token, the others act here only. */
function alumnus(alumnusId: string, name: string): ApiUser {
  const own = demoTokens.find((t) => t.alumnusId === alumnusId);
  return { name, role: 'alumni', alumnusId, tokenHash: hashToken(own?.token ?? `demo-seed:${alumnusId}`) };
}

export const demoUsers = {
  aiko: staff('admin'),
  kenji: staff('recruiter'),
  emily: staff('sales'),
  taro: alumnus('E1001', '山田 太郎'),
  shota: alumnus('E1007', '渡辺 翔太'),
  megumi: alumnus('E1012', '山本 恵'),
  hannah: alumnus('E2005', 'Hannah Schmidt'),
  ichiro: alumnus('E1003', '鈴木 一郎'),
  yumi: alumnus('E1008', '中村 由美'),
  priya: alumnus('E2011', 'Priya Raman'),
  yui: alumnus('E1020', '森 結衣'),
  koji: alumnus('E1021', '大野 浩二'),
};

const noContact = {};

export const demoShowcases: Array<{ alumnusId: string; showcase: ShowcaseInput }> = [
  {
    alumnusId: 'E1001',
    showcase: {
      businessName: '山田テック顧問',
      offering: 'モバイルバンキングとセキュリティ設計の技術顧問。週末に地方の金融機関とスタートアップを支援しています。',
      lookingFor: '地方銀行・信用金庫のアプリ刷新案件と、セキュリティ診断の協業先',
      tags: { skills: ['iOS', 'Security', 'TypeScript'], industries: ['金融'], services: ['技術顧問', 'セキュリティ診断'] },
      website: 'https://yamada-tech.example',
      sharedContact: { email: 'taro@yamada-tech.example' },
      published: true,
    },
  },
  {
    alumnusId: 'E1012',
    showcase: {
      businessName: '山本法律事務所',
      offering: 'オーナー企業のM&A・事業承継に特化した法務アドバイザリー。',
      lookingFor: '後継者探しに悩む経営者のご紹介',
      tags: { skills: ['M&A', '契約法務'], industries: ['事業承継'], services: ['M&Aアドバイザリー', '法務デューデリジェンス'] },
      website: 'https://yamamoto-law.example',
      sharedContact: { email: 'megumi@yamamoto-law.example', phone: '+81 3-5555-0199' },
      published: true,
    },
  },
  {
    alumnusId: 'E1020',
    showcase: {
      businessName: '結キャリア',
      offering: 'IT人材に特化した人材紹介とキャリアコーチング。',
      lookingFor: 'エンジニア採用に課題のある企業',
      tags: { skills: ['採用', 'キャリアコーチング'], industries: ['人材'], services: ['人材紹介'] },
      sharedContact: { email: 'yui@yui-career.example' },
      published: true,
    },
  },
  {
    alumnusId: 'E2005',
    showcase: {
      businessName: 'Nordlicht Analytics',
      offering: 'Data visualisation and analytics dashboards for marketing teams.',
      lookingFor: 'Partners building audience-insight products; speaking slots about dashboards.',
      tags: { skills: ['Data visualisation', 'TypeScript', 'Product design'], industries: ['Marketing technology'], services: ['Dashboards', 'Analytics consulting'] },
      website: 'https://nordlicht-analytics.example',
      sharedContact: { email: 'hannah@nordlicht-analytics.example' },
      published: true,
    },
  },
  {
    alumnusId: 'E1010',
    showcase: {
      businessName: 'Ai Kato Design',
      offering: 'UX research and design systems for product teams, in Japanese and English.',
      lookingFor: 'Design-system projects, and a part-time design lead role.',
      tags: { skills: ['Design systems', 'Accessibility', 'Frontend'], industries: ['SaaS'], services: ['UX research'] },
      sharedContact: { phone: '+81 90-5555-0110' },
      published: true,
    },
  },
  {
    // Kept unpublished: staff never see it.
    alumnusId: 'E1021',
    showcase: {
      businessName: '大野ファイナンス研究所',
      offering: '中小企業向けの資金調達アドバイス(準備中)。',
      tags: { skills: ['Finance'], industries: ['金融'], services: [] },
      sharedContact: noContact,
      published: false,
    },
  },
];

export const demoSuggestions: Array<{ by: ApiUser; input: SuggestionInput }> = [
  {
    by: demoUsers.kenji,
    input: { id: '6b0f4c1e-3a55-4e8b-9d0e-5d1a2f0c9a01', alumnusId: 'E1001', offerId: 'offer-alumni-meetup-speaker', note: '銀行アプリの話をぜひ' },
  },
];

type SeedMeeting = { by: ApiUser; input: MeetingInput; steps: Array<{ by: ApiUser; event: MeetingEventInput }> };

export const demoMeetings: SeedMeeting[] = [
  {
    // 山田 太郎 asks about the Audiense dashboard: waiting for staff (his owner Kenji, the programme office).
    by: demoUsers.taro,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e01',
      offerId: 'offer-audiense-dashboard',
      message: 'TypeScriptでのダッシュボード開発経験があります。一度お話しできればうれしいです。',
      proposedTimes: ['2027-01-12T10:00:00+09:00', '2027-01-13T15:00:00+09:00'],
    },
    steps: [],
  },
  {
    // Kenji proposes a meeting to 山田 太郎 about Mirai Bank's app: waiting for the alumnus.
    by: demoUsers.kenji,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e02',
      alumnusId: 'E1001',
      offerId: 'offer-mirai-bank-mobile',
      message: 'みらい銀行のアプリ刷新について、ご意見を伺えませんか。',
      proposedTimes: ['2027-01-14T11:00:00+09:00', '2027-01-15T16:00:00+09:00', '2027-01-19T10:00:00+09:00'],
    },
    steps: [],
  },
  {
    // Emily and 渡辺 翔太: accepted, business cards exchanged.
    by: demoUsers.emily,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e03',
      alumnusId: 'E1007',
      message: 'Would you show us how Tsubasa Motors buys embedded software?',
      proposedTimes: ['2026-12-16T14:00:00+09:00', '2026-12-17T14:00:00+09:00'],
    },
    steps: [{ by: demoUsers.shota, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c01', type: 'accept', time: '2026-12-17T14:00:00+09:00' } }],
  },
  {
    // Hannah Schmidt asked about the dashboard project; the programme office met her: a deal.
    by: demoUsers.hannah,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e04',
      offerId: 'offer-audiense-dashboard',
      message: 'Nordlicht builds dashboards like this every month. Happy to scope it with you.',
      proposedTimes: ['2026-11-18T17:00:00+09:00'],
    },
    steps: [
      { by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c02', type: 'accept', time: '2026-11-18T17:00:00+09:00' } },
      { by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c03', type: 'held', outcome: 'deal', note: 'Nordlicht builds the first dashboard; kick-off in January.' } },
    ],
  },
  {
    // 山本 恵 offered to speak at the matching event; the programme had no slot left.
    by: demoUsers.megumi,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e05',
      offerId: 'offer-business-matching-2027',
      message: '事業承継についてのミニセミナーを担当できます。',
      proposedTimes: ['2027-01-20T13:00:00+09:00'],
    },
    steps: [{ by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c04', type: 'decline', reason: '今回は登壇枠が埋まってしまいました。次回ぜひお願いします。' } }],
  },
  // The programme office's own meetings this autumn (alumni 佐藤 由紀 looks after, offers the office runs), so the
  // console's funnel has every stage: Kenji, Emily and 山田 太郎 see none of them.
  {
    // 鈴木 一郎 wants to exhibit at the matching event; met, to be continued.
    by: demoUsers.ichiro,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e06',
      offerId: 'offer-business-matching-2027',
      message: 'みらい銀行の財務部門として出展できないか相談させてください。',
      proposedTimes: ['2026-10-08T14:00:00+09:00', '2026-10-09T10:00:00+09:00'],
    },
    steps: [
      { by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c05', type: 'accept', time: '2026-10-08T14:00:00+09:00' } },
      { by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c06', type: 'held', outcome: 'follow-up', note: '出展は社内で検討中。2月に再度打ち合わせ。' } },
    ],
  },
  {
    // Aiko asks 中村 由美 to speak at the meetup: she will.
    by: demoUsers.aiko,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e07',
      alumnusId: 'E1008',
      offerId: 'offer-alumni-meetup-speaker',
      message: '人事の立場から、アルムナイ採用についてお話しいただけませんか。',
      proposedTimes: ['2026-09-15T16:00:00+09:00', '2026-09-17T10:00:00+09:00'],
    },
    steps: [
      { by: demoUsers.yumi, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c07', type: 'accept', time: '2026-09-17T10:00:00+09:00' } },
      { by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c08', type: 'held', outcome: 'deal', note: '2027年のミートアップで登壇決定。' } },
    ],
  },
  {
    // Priya Raman asked about the Mirai Bank app; accepted, then she had to cancel.
    by: demoUsers.priya,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e08',
      offerId: 'offer-mirai-bank-mobile',
      message: 'I work on risk at Mirai Bank and could bring the security requirements.',
      proposedTimes: ['2026-11-10T11:00:00+09:00'],
    },
    steps: [
      { by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c09', type: 'accept', time: '2026-11-10T11:00:00+09:00' } },
      { by: demoUsers.priya, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c0a', type: 'cancel', reason: 'A deadline moved; I will ask again in the new year.' } },
    ],
  },
  {
    // Aiko invites 森 結衣 (結キャリア) to exhibit: a deal.
    by: demoUsers.aiko,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e09',
      alumnusId: 'E1020',
      offerId: 'offer-business-matching-2027',
      message: '結キャリアさんの出展について、詳細をご相談させてください。',
      proposedTimes: ['2026-11-05T15:00:00+09:00', '2026-11-06T15:00:00+09:00'],
    },
    steps: [
      { by: demoUsers.yui, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c0b', type: 'accept', time: '2026-11-05T15:00:00+09:00' } },
      { by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c0c', type: 'held', outcome: 'deal', note: '2027春の出展が決定。' } },
    ],
  },
  {
    // 山本 恵 again, about exhibiting her firm: met, not this time.
    by: demoUsers.aiko,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e0a',
      alumnusId: 'E1012',
      offerId: 'offer-business-matching-2027',
      message: '登壇の代わりに、事務所としての出展はいかがでしょうか。',
      proposedTimes: ['2026-10-21T11:00:00+09:00'],
    },
    steps: [
      { by: demoUsers.megumi, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c0d', type: 'accept', time: '2026-10-21T11:00:00+09:00' } },
      { by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c0e', type: 'held', outcome: 'no-deal', note: '今回は出展を見送り。次回の交流会で再検討。' } },
    ],
  },
  {
    // 大野 浩二 offers a talk at the meetup; accepted, to be held in December.
    by: demoUsers.koji,
    input: {
      id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e0b',
      offerId: 'offer-alumni-meetup-speaker',
      message: '地方銀行の経営についてお話しできます。',
      proposedTimes: ['2026-12-10T18:00:00+09:00', '2026-12-11T18:00:00+09:00'],
    },
    steps: [{ by: demoUsers.aiko, event: { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c0f', type: 'accept', time: '2026-12-10T18:00:00+09:00' } }],
  },
];
