import { toKatakana, toRomaji } from 'wanakana';
import type { Alumnus } from '../../../utils/api';
import type { EvalCase } from '../evaluate';
import { SD, job, kase } from './helpers';

// Families of cases written from realistic templates over the directory's alumni: each alumnus
// appears as pages show people (kanji without a space, kana, katakana, family-first romaji,
// Hepburn with long vowels, "Last, First", titles and credentials), with the evidence a real page
// carries (dated or undated experience at our company or its former brand, a headline, nothing,
// dates that contradict the directory, a company with a similar name).

const HEADLINES = [
  (c: string) => `Product Manager | ex-${c}`,
  () => '元さくらデジタル',
  () => 'さくらデジタル出身のエンジニア',
  () => 'Sakura Digital OB / 現在フリーランス',
  (c: string) => `Former ${c} engineer, now building things`,
  () => 'サクラソフトOG',
  (c: string) => `Consultant. Previously at ${c}.`,
  () => '前職：株式会社さくらデジタル',
];
const BRANDS = ['Sakura Soft', 'サクラソフト株式会社', '株式会社さくらデジタル', 'Sakura Digital Inc.', 'さくらデジタル', 'Sakura Soft K.K.'];
const LOOKALIKES = ['Sakura Digital Travel', 'さくらデジタルトラベル株式会社', 'Sakura Digitalworks', 'Sakura Digital Solutions GmbH', 'Sakura Logistics', 'Digital Sakura Partners'];
const OTHER_EMPLOYERS = ['Mercari', 'Rakuten', 'Accenture', 'Spotify', 'SAP', '株式会社リクルート', 'Toyota Motor Corporation', 'freee K.K.'];

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const hepburnWithLongVowels = (kana: string) => kana.split(' ').map((part) => capitalise(toRomaji(part))).reverse().join(' ');

/** How a page might write this alumnus's name; `variant` picks one. */
function pageName(alumnus: Alumnus, variant: number): string {
  const { display, kana, latin } = alumnus.names;
  if (kana) {
    const forms = [
      display.replace(/\s+/g, ''),
      kana,
      toKatakana(kana),
      latin!.split(' ').reverse().join(' '),
      hepburnWithLongVowels(kana),
      latin!,
      latin!.toUpperCase(),
      `${display} 様`,
    ];
    return forms[variant % forms.length];
  }
  const words = display.split(' ');
  const forms = [
    display,
    `${words.slice(1).join(' ')}, ${words[0]}`,
    display.toUpperCase(),
    `Dr. ${display}`,
    `${display}, MBA`,
    `${display} 🌸`,
    display.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
  ];
  return forms[variant % forms.length];
}

const month = (value: number) => `${Math.floor(value / 12)}-${String((value % 12) + 1).padStart(2, '0')}`;
const toMonth = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/** Alumni whose every name is theirs alone in the directory, so the label does not depend on tie-breaking. */
function uniquelyNamed(alumni: Alumnus[]): Alumnus[] {
  const count = new Map<string, number>();
  const keysOf = (a: Alumnus) => [a.names.display, a.names.kana, a.names.latin, ...(a.names.former ?? [])].filter(Boolean).map((n) => n!.toLowerCase().replace(/\s+/g, ''));
  for (const a of alumni) for (const key of new Set(keysOf(a))) count.set(key, (count.get(key) ?? 0) + 1);
  return alumni.filter((a) => a.consent.recognition && keysOf(a).every((key) => count.get(key) === 1));
}

export function familyCases(alumni: Alumnus[]): EvalCase[] {
  const fillers = uniquelyNamed(alumni.filter((a) => a.id.startsWith('fill-'))).slice(0, 90);
  const cases: EvalCase[] = [];
  fillers.forEach((a, i) => {
    const [first] = a.tenure;
    const from = toMonth(first.from);
    const to = toMonth(first.to);
    const inside = [month(from + 1), month(Math.max(from + 1, to - 1))] as const;
    cases.push(kase('family-dated', { name: pageName(a, i), experience: [job('Mercari', month(to + 3), null), job(i % 2 ? SD : BRANDS[i % BRANDS.length], ...inside)] }, a.id, 'confirmed'));
    cases.push(kase('family-headline', { name: pageName(a, i + 1), headline: HEADLINES[i % HEADLINES.length](SD) }, a.id, 'likely'));
    cases.push(kase('family-undated', { name: pageName(a, i + 2), experience: [job(BRANDS[(i + 1) % BRANDS.length])] }, a.id, 'likely'));
    const elsewhere = OTHER_EMPLOYERS.filter((e) => e !== a.currentEmployer?.name);
    cases.push(kase('family-name-only', { name: pageName(a, i + 3), experience: [job(elsewhere[i % elsewhere.length], month(to + 1), null)] }, a.id, 'possible'));
    if (i % 2 === 0)
      cases.push(kase('family-conflict', { name: pageName(a, i + 4), experience: [job(SD, month(from - 60), month(from - 36))] }, null, 'possible', { expectId: a.id }));
    else
      cases.push(kase('family-lookalike', { name: pageName(a, i + 4), experience: [job(LOOKALIKES[i % LOOKALIKES.length], ...inside)] }, null, 'possible', { expectId: a.id }));
  });
  return cases;
}

// People who are not in the directory, with rare names that share no word with it.
const OUTSIDERS_WEST = ['Bartholomew Featherstone', 'Gwendolyn Abernathy', 'Thaddeus Pennington', 'Ottilie Blackwood', 'Leopold Fairweather', 'Wilhelmina Thistlewood', 'Cornelius Ravensworth', 'Philippa Underhill', 'Evander Whitmore', 'Rosalind Hargreaves', 'Isidore Quigley', 'Marguerite Oakenshield', 'Barnaby Wetherell', 'Clementine Ashdown', 'Ignatius Pemberton'];
const OUTSIDERS_JA = [
  ['小鳥遊 紬', 'たかなし つむぎ'], ['勅使河原 碧', 'てしがわら あお'], ['東海林 朔', 'しょうじ さく'], ['御手洗 澪', 'みたらい みお'], ['九十九 琥珀', 'つくも こはく'],
  ['百目鬼 楓真', 'どうめき ふうま'], ['忽那 紬', 'くつな つむぎ'], ['十文字 澪', 'じゅうもんじ みお'], ['四月一日 朔', 'わたぬき さく'], ['一色 琥珀', 'いっしき こはく'],
];

export function outsiderCases(): EvalCase[] {
  const cases: EvalCase[] = [];
  OUTSIDERS_WEST.forEach((name, i) => {
    cases.push(kase('outsider', { name, experience: [job(SD, '2015-04', '2018-03')] }, null, null));
    cases.push(kase('outsider', { name: `${name.split(' ')[1]}, ${name.split(' ')[0]}`, headline: HEADLINES[i % HEADLINES.length](SD) }, null, null));
  });
  OUTSIDERS_JA.forEach(([kanji, kana], i) => {
    cases.push(kase('outsider', { name: kanji, experience: [job('株式会社さくらデジタル', '2012-04', '2016-03')] }, null, null));
    cases.push(kase('outsider', { name: kana, headline: HEADLINES[(i + 1) % HEADLINES.length](SD) }, null, null));
    cases.push(kase('outsider', { name: hepburnWithLongVowels(kana), experience: [job(SD)] }, null, null));
  });
  return cases;
}
