import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMonth } from '../../utils/i18n';
import { alumnusId, tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { configureExtension } from './support/extension';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { startStory, type Story } from './support/story';
import { sidebarShown, sidebarText } from './support/ui';

// The alumni office's console at /admin/ on the real backend, in the same Chromium as the extension: an admin
// imports, creates an offer that reaches an alumnus's popup, and watches the overview follow what the
// extension logs; a recruiter's session stays out of the admin pages.

let story: Story;
let files: string;

beforeAll(async () => {
  // The extension starts as the demo alumnus (the offers story); a later story switches it to the recruiter.
  story = await startStory({ token: tokens.alumni, pages: linkedinPages });
  files = await mkdtemp(join(tmpdir(), 'console-e2e-'));
});

afterAll(async () => {
  await story?.dispose();
  if (files) await rm(files, { recursive: true, force: true });
});

/** The page's visible text (what a person reads). */
const textOf = (page: Page) => page.evaluate(() => document.body.innerText);

async function waitForText(page: Page, needle: string | RegExp, what: string): Promise<string> {
  return eventually(async () => {
    const text = await textOf(page);
    return (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) ? text : undefined;
  }, what);
}

async function consolePage(options: { lang?: 'en' | 'ja'; theme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await story.extension.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.theme ?? 'light' }]);
  // The profile (and so localStorage) is shared between stories: always say which language this page is read in.
  await page.evaluateOnNewDocument((lang) => localStorage.setItem('alumni-lens.console.lang', lang), options.lang ?? 'en');
  return page;
}

/** Signs in afresh (the browser profile is shared, so an earlier story's session cookie is dropped first). */
async function signIn(page: Page, token: string): Promise<void> {
  await page.deleteCookie({ name: 'alumni_lens_session', url: story.backend.url });
  await page.goto(`${story.backend.url}/admin/`);
  const field = await page.waitForSelector('input[name="token"]');
  await field!.type(token);
  await page.keyboard.press('Enter');
  await page.waitForSelector('nav[aria-label] a[aria-current="page"]');
}

/** Opens a console page from the menu, by keyboard, the way a person without a mouse would. */
async function openFromMenu(page: Page, label: string): Promise<void> {
  const link = await page.waitForSelector(`nav a::-p-text(${label})`);
  await link!.focus();
  await page.keyboard.press('Enter');
  await eventually(async () => ((await page.evaluate(() => document.activeElement?.tagName)) === 'H1' ? true : undefined), `focus on the ${label} heading`);
}

/** The cells of the table behind a chart (the one screen readers read), row by row. */
function chartTable(page: Page, title: string): Promise<string[][]> {
  return page.evaluate((caption) => {
    const table = [...document.querySelectorAll('figure.chart table')].find((t) => t.querySelector('caption')?.textContent === caption);
    return table ? [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent ?? '')) : [];
  }, title);
}

/** A Japanese HR export in Shift_JIS with two bad rows: the data rows on file lines 4 and 7. */
function shiftJisExport(): Buffer {
  const lines = [
    '社員番号,氏名,フリガナ,ローマ字,入社日,退職日,所属部署,現勤務先,認識同意,オファー同意',
    'C3001,春野 さくら,ハルノ サクラ,Sakura Haruno,2012/04/01,2019/03/31,開発部,株式会社ひかりヘルスケア,はい,はい',
    'C3002,秋山 健太,アキヤマ ケンタ,Kenta Akiyama,2014/04/01,2020/09/30,営業部,,はい,いいえ',
    'C3003,冬木 翼,フユキ ツバサ,Tsubasa Fuyuki,2016/04/01,2021年13月,営業部,,はい,はい',
    'C3004,夏川 陽菜,ナツカワ ヒナ,Hina Natsukawa,2010/04/01,2016/03/31,総務部,青空ロジスティクス株式会社,いいえ,いいえ',
    'C3005,桜井 大和,サクライ ヤマト,Yamato Sakurai,2011/04/01,2018/06/30,開発部,,はい,はい',
    'C3006,,ミナミ リク,Riku Minami,2015/04/01,2022/03/31,開発部,,はい,はい',
  ];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'Shift_JIS');
}

/**
 * A year of the programme, through the API as clients send it, so the overview's screenshots show something: staff
 * introductions spread over twelve months and kinds, and alumni's interests in two offers.
 */
async function logProgrammeActivity(): Promise<void> {
  const kinds = ['referral', 'sales-introduction', 'collaboration', 'rehire', 'other'];
  const alumni = ['E1002', 'E1003', 'E1005', 'E1007', 'E1008', 'E2002', 'E2003', 'E2005'];
  const post = (path: string, token: string, body: unknown) =>
    fetch(`${story.backend.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  for (let i = 0; i < 40; i++) {
    const occurredAt = new Date(Date.now() - ((i * 37) % 330) * 86_400_000).toISOString();
    const reply = await post('/introductions', i % 3 === 0 ? tokens.sales : tokens.recruiter, {
      id: crypto.randomUUID(), alumnusId: alumni[i % alumni.length], kind: kinds[(i * 7) % 5 === 0 ? 0 : i % kinds.length], context: {}, occurredAt,
    });
    expect(reply.status).toBe(201);
  }
  for (const offerId of ['offer-alumni-meetup-speaker', 'offer-business-matching-2027']) {
    expect((await post('/interests', tokens.alumni, { id: crypto.randomUUID(), offerId })).status).toBe(201);
  }
}

describe('The programme’s console', () => {
  it('an admin signs in with a token; the session is an HttpOnly cookie the page cannot read, and no token is stored', async () => {
    const page = await consolePage();
    await page.goto(`${story.backend.url}/admin/`);
    await page.waitForSelector('input[name="token"]');
    await screenshot(page, 'console-sign-in-light-en');
    await signIn(page, tokens.admin);
    await waitForText(page, 'Aiko Mori (Alumni Programme) · Admin', 'the signed-in admin');
    const stored = await page.evaluate(() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
    expect(stored.cookie).toBe('');
    expect(stored.local).not.toContain(tokens.admin);
    expect(stored.session).not.toContain(tokens.admin);
    const cookies = await page.cookies();
    expect(cookies.find((c) => c.name === 'alumni_lens_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // A reload keeps the session (the server answers it from the cookie).
    await page.reload();
    await waitForText(page, 'Aiko Mori (Alumni Programme) · Admin', 'the session after a reload');
    await page.close();
  });

  it('imports a Shift_JIS file: the preview lists the two bad rows by line, importing with skip shows progress and the right counts', async () => {
    const file = join(files, '退職者一覧.csv');
    await writeFile(file, shiftJisExport());
    const page = await consolePage();
    await signIn(page, tokens.admin);
    await openFromMenu(page, 'Import');
    const input = await page.waitForSelector('input[type="file"]');
    await input!.uploadFile(file);
    await (await page.waitForSelector('button::-p-text(Preview)'))!.click();
    const preview = await waitForText(page, 'Detected encoding: Shift_JIS', 'the preview');
    expect(preview).toContain('6 rows: 4 valid, 2 invalid.');
    const invalid = await page.$$eval('table.invalid-rows tbody tr', (rows) => rows.map((row) => (row as HTMLElement).innerText.split('\t')));
    expect(invalid.map(([line]) => line)).toEqual(['4', '7']);
    expect(invalid[0][1]).toMatch(/tenure_to: "2021年13月" is not a month/);
    expect(invalid[1][1]).toMatch(/display_name is empty/);
    // The column mapping shows how each Japanese header was read.
    expect(preview).toMatch(/社員番号\s+employee_id/);
    expect(preview).toContain('春野 さくら');
    await screenshot(page, 'console-import-preview-light-en');
    // Nothing was written by the preview.
    expect((await fetch(`${story.backend.url}/api/v1/console/alumni?q=C3001`, { headers: { authorization: `Bearer ${tokens.admin}` } }).then((r) => r.json())).total).toBe(0);

    const start = await page.waitForSelector('button::-p-text(Import 4 rows)');
    expect(await start!.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await (await page.waitForSelector('label.check input[type="checkbox"]'))!.click();
    await start!.click();
    // The job's progress is shown (a small file may finish between two polls, so either state will do).
    await page.waitForSelector('progress, .notice.ok');
    await waitForText(page, 'Imported: 4 new, 0 changed, 2 skipped.', 'the import result');
    // The history is read again once the job has ended (one more request, which a loaded machine may take a moment for).
    await waitForText(page, /退職者一覧\.csv\s+Done\s+4\s+0\s+2/, 'the import in the history');
    await screenshot(page, 'console-import-done-light-en');
    const imported = await fetch(`${story.backend.url}/api/v1/console/alumni?q=${encodeURIComponent('はるの')}`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    }).then((r) => r.json());
    expect(imported.alumni.map((a: { id: string }) => a.id)).toEqual(['C3001']);
    await page.close();
  });

  it('an offer created in the console appears in the extension’s popup for the alumni token', async () => {
    const title = 'Mentor our 2027 graduate engineers';
    const page = await consolePage();
    await signIn(page, tokens.admin);
    await openFromMenu(page, 'Offers');
    await (await page.waitForSelector('button::-p-text(New offer)'))!.click();
    const form = await page.waitForSelector('form[aria-labelledby="offer-form-title"]');
    // Fields are found by their visible label, as a person (or a screen reader) finds them.
    const fill = async (label: string, value: string) => {
      const field = await form!.evaluateHandle(
        (element, text) => [...element.querySelectorAll('label')].find((l) => l.querySelector('span')?.textContent === text)?.querySelector('input, textarea'),
        label,
      );
      const input = field.asElement() as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error(`no field labelled ${label}`);
      await input.type(value);
    };
    await fill('Title', title);
    await fill('Summary', 'Two hours a month with new joiners in the platform team.');
    await fill('Skills (comma-separated)', 'TypeScript, mentoring');
    await fill('Contact name', 'Aiko Mori');
    await screenshot(page, 'console-offer-form-light-en');
    await (await form!.waitForSelector('button[type="submit"]'))!.click();
    await waitForText(page, 'Offer created.', 'the offer to be created');
    await waitForText(page, title, 'the new offer in the list');
    await screenshot(page, 'console-offers-light-en');
    await page.close();

    const before = Date.now();
    await story.control.send('ui:sync-now', {});
    await story.control.waitForSync(before);
    const popup = await story.extension.newPage();
    await popup.setViewport({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${story.extension.extensionId}/popup.html`);
    await waitForText(popup, title, 'the new offer in the alumnus’s popup');
    await screenshot(popup, 'console-offer-in-popup');
    await popup.close();
  });

  it('the overview’s charts change after an introduction is logged from the extension', async () => {
    const page = await consolePage();
    await signIn(page, tokens.admin);
    await page.waitForSelector('figure.chart');
    const title = 'Introductions per month, by kind';
    const month = formatMonth('en', new Date().toISOString().slice(0, 7));
    const referralsNow = (rows: string[][], header: string[]) => Number(rows.find((row) => row[0] === month)?.[header.indexOf('Referral')] ?? 0);
    const headerOf = () => page.$$eval('figure.chart table', (tables, caption) => {
      const table = tables.find((t) => t.querySelector('caption')?.textContent === caption);
      return table ? [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '') : [];
    }, title);
    const before = await chartTable(page, title);
    const countBefore = before.length === 0 ? 0 : referralsNow(before, await headerOf());

    // The recruiter logs a referral on Sofia's LinkedIn profile in the extension.
    const sofia = await alumnusId(story.backend.url, 'Sofia Andersson Reyes');
    const started = Date.now();
    await configureExtension(story.extension, { apiUrl: story.backend.url, token: tokens.recruiter });
    await story.control.waitForSync(started);
    const { page: profile, shadow } = await story.open(linkedin.sofia);
    const sidebar = await sidebarShown(shadow);
    await shadow.select(sidebar, '.al-intro-form select', 'referral');
    await shadow.type(sidebar, '.al-intro-form textarea', 'Introduced to the design systems team');
    await shadow.click(sidebar, '.al-intro-form button[type="submit"]');
    await sidebarText(shadow, (t) => t.includes('Logged. The backend has it.'), 'the introduction to be sent');
    await profile.close();

    await page.reload();
    await page.waitForSelector('figure.chart');
    const after = await eventually(async () => {
      const rows = await chartTable(page, title);
      return rows.length > 0 && referralsNow(rows, await headerOf()) === countBefore + 1 ? rows : undefined;
    }, 'the introductions chart to count the new referral');
    expect(after.length).toBe(12);
    // The chart itself drew a bar for it, and the table is there for screen readers (and for everyone on request).
    expect(await page.$$eval('figure.chart .ct-series .ct-bar', (bars) => bars.length)).toBeGreaterThan(0);
    await (await page.waitForSelector('figure.chart button[aria-expanded="false"]'))!.click();
    await screenshot(page, 'console-overview-light-en');
    const detail = await fetch(`${story.backend.url}/api/v1/console/alumni/${sofia}`, { headers: { authorization: `Bearer ${tokens.admin}` } }).then((r) => r.json());
    expect(detail.introductions.map((i: { note?: string }) => i.note)).toContain('Introduced to the design systems team');
    await page.close();
  });

  it('every page in Japanese and in dark mode, with its heading in the accessibility tree', async () => {
    const variants = [
      { lang: 'en', theme: 'light' },
      { lang: 'ja', theme: 'dark' },
    ] as const;
    const pages = [
      { route: '', en: 'Overview', ja: '概要' },
      { route: 'alumni', en: 'Alumni', ja: 'アルムナイ' },
      { route: 'alumni/E1001', en: '山田 太郎', ja: '山田 太郎' },
      { route: 'import', en: 'Import alumni', ja: 'アルムナイのインポート' },
      { route: 'offers', en: 'Offers', ja: 'オファー' },
      { route: 'organizations', en: 'Organisations', ja: '組織' },
      { route: 'access', en: 'Access', ja: 'アクセス管理' },
      { route: 'export', en: 'Export', ja: 'エクスポート' },
    ];
    await logProgrammeActivity();
    for (const { lang, theme } of variants) {
      const page = await consolePage({ lang, theme });
      await signIn(page, tokens.admin);
      for (const { route, ...headings } of pages) {
        await page.goto(`${story.backend.url}/admin/${route}`);
        await eventually(async () => ((await page.$eval('main h1', (h) => h.textContent).catch(() => null)) === headings[lang] ? true : undefined), `the ${route || 'overview'} heading in ${lang}`);
        const tree = await page.accessibility.snapshot();
        const headingsInTree: string[] = [];
        const walk = (node: typeof tree) => {
          if (node?.role === 'heading' && node.level === 1) headingsInTree.push(node.name ?? '');
          node?.children?.forEach(walk);
        };
        walk(tree);
        expect(headingsInTree).toEqual([headings[lang]]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await screenshot(page, `console-${route.replace('/', '-') || 'overview'}-${theme}-${lang}`);
      }
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      expect((r + g + b) / 3, `background in ${theme}`).toSatisfy((level: number) => (theme === 'dark' ? level < 60 : level > 200));
      await page.close();
    }
  });

  it('business matching: the meetings funnel and meetings per offer on the overview, an alumnus’s showcase and meetings, meetings per offer, in en/ja, light/dark', async () => {
    const variants = [
      { lang: 'en', theme: 'light' },
      { lang: 'en', theme: 'dark' },
      { lang: 'ja', theme: 'light' },
      { lang: 'ja', theme: 'dark' },
    ] as const;
    const words = {
      en: { funnel: 'Meetings (商談): requested → accepted → held → deal', offers: 'Offers: the interests and meetings each drew', stages: ['Requested', 'Accepted', 'Held', 'Deal'], meetings: /^Meetings \((\d+)\)$/, history: /^History/ },
      ja: { funnel: '商談の推移：申込 → 確定 → 実施 → 成約', offers: 'オファー別の関心と商談', stages: ['申込', '確定', '実施', '成約'], meetings: /^商談（(\d+) 件）$/, history: /^経緯/ },
    };
    for (const { lang, theme } of variants) {
      const page = await consolePage({ lang, theme });
      await page.setViewport({ width: 1280, height: 1000 });
      // Meeting times read as the alumni office reads them.
      await page.emulateTimezone('Asia/Tokyo');
      await signIn(page, tokens.admin);
      const w = words[lang];

      // The overview: the funnel's table (what a screen reader reads) has every stage, and the seed made them living.
      await page.waitForSelector('figure.chart');
      const funnel = await eventually(async () => {
        const rows = await chartTable(page, w.funnel);
        return rows.length === 4 ? rows : undefined;
      }, 'the meetings funnel');
      expect(funnel.map(([stage]) => stage)).toEqual(w.stages);
      const counts = funnel.map(([, count]) => Number(count));
      expect(counts[3]).toBeGreaterThan(0);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const perOffer = await chartTable(page, w.offers);
      expect(perOffer.some((row) => Number(row[2]) > 0)).toBe(true);
      // Chartist drew the funnel's bars (hidden from screen readers, who read the table).
      expect(await page.$$eval('figure.chart .ct-series-a .ct-bar', (bars) => bars.length)).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await screenshot(page, `console-overview-full-${theme}-${lang}`, { fullPage: true });

      // Hannah Schmidt's page: her published showcase and the deal she made with the programme office.
      await page.goto(`${story.backend.url}/admin/alumni/E2005`);
      await page.waitForSelector('table.meetings');
      expect(await page.$eval('section[aria-labelledby="showcase"]', (el) => (el as HTMLElement).innerText)).toContain('Nordlicht Analytics');
      const summary = await page.waitForSelector('table.meetings summary');
      await summary!.focus();
      await page.keyboard.press('Enter');
      expect(await page.$eval('table.meetings details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      await screenshot(page, `console-alumnus-matching-${theme}-${lang}`, { fullPage: true });

      // Offers: the matching event's meetings, opened from the keyboard.
      await page.goto(`${story.backend.url}/admin/offers`);
      const button = await eventually(async () => {
        const buttons = await page.$$('tbody button.link-button');
        for (const candidate of buttons) {
          const [text, label] = await candidate.evaluate((b) => [b.textContent ?? '', b.getAttribute('aria-label') ?? '']);
          if (w.meetings.test(text) && label.includes('ビジネスマッチング会')) return candidate;
        }
        return undefined;
      }, 'the meetings button of the matching event');
      await button.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('table.meetings tbody tr');
      expect(await button.evaluate((b) => b.getAttribute('aria-expanded'))).toBe('true');
      const alumni = await page.$$eval('table.meetings tbody th a', (links) => links.map((a) => a.textContent));
      expect(alumni).toEqual(expect.arrayContaining(['鈴木 一郎', '森 結衣']));
      await screenshot(page, `console-offers-meetings-${theme}-${lang}`, { fullPage: true });

      await page.goto(`${story.backend.url}/admin/export`);
      await page.waitForSelector('a[href$="meetings.csv"]');
      await screenshot(page, `console-export-${theme}-${lang}`);
      await page.close();
    }
  });

  it('the meetings export downloads with the session, and erasing an alumnus in the console takes their showcase and meetings with them', async () => {
    const page = await consolePage();
    await signIn(page, tokens.admin);
    const csv = await page.evaluate(async () => {
      const response = await fetch('/api/v1/admin/exports/meetings.csv');
      return { type: response.headers.get('content-type'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
    });
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(new Uint8Array(csv.bytes));
    expect(text).toContain('大野 浩二');

    // 大野 浩二 (E1021): a private showcase and an accepted meeting about the meetup.
    const admin = { headers: { authorization: `Bearer ${tokens.admin}` } };
    const meetingsOf = async (id: string) =>
      (await fetch(`${story.backend.url}/api/v1/console/offers/offer-alumni-meetup-speaker/meetings`, admin).then((r) => r.json())).meetings.filter(
        (m: { alumnusId: string }) => m.alumnusId === id,
      );
    expect(await meetingsOf('E1021')).toHaveLength(1);
    await page.goto(`${story.backend.url}/admin/alumni/E1021`);
    await (await page.waitForSelector('button.danger'))!.click();
    const dialog = await page.waitForSelector('dialog[open]');
    expect(await dialog!.evaluate((d) => (d as HTMLElement).innerText)).toContain('their meetings lose every detail');
    await (await dialog!.waitForSelector('input'))!.type('E1021');
    await (await dialog!.waitForSelector('button[type="submit"]:not([disabled])'))!.click();
    await waitForText(page, 'The alumnus was erased.', 'the erasure notice');

    expect(await meetingsOf('E1021')).toEqual([]);
    const audit = await page.evaluate(() => fetch('/api/v1/admin/audit?limit=5').then((r) => r.json()));
    const erasure = audit.entries.find((e: { action: string }) => e.action === 'alumnus.erase');
    expect(erasure.details).toMatchObject({ showcasesRemoved: 1, meetingsErased: 1, meetingStepsRemoved: 1 });
    const after = await page.evaluate(() => fetch('/api/v1/admin/exports/meetings.csv').then((r) => r.text()));
    expect(after).not.toContain('大野 浩二');
    await page.close();
  });

  it('a recruiter’s session reads the overview but cannot reach the Access page, in the menu or by its address', async () => {
    const page = await consolePage();
    await signIn(page, tokens.recruiter);
    const menu = await page.$$eval('nav a', (links) => links.map((a) => a.textContent));
    expect(menu).toEqual(['Overview', 'Alumni', 'Offers', 'Organisations']);
    await page.goto(`${story.backend.url}/admin/access`);
    const refused = await waitForText(page, 'This page is for admins. Your role (Recruiter) cannot open it.', 'the refusal');
    expect(refused).not.toContain('Audit log');
    expect(await page.$('[role="alert"]')).not.toBeNull();
    // The server refuses the session too, whatever the page would do.
    const status = await page.evaluate(() => fetch('/api/v1/admin/tokens').then((r) => r.status));
    expect(status).toBe(403);
    await screenshot(page, 'console-recruiter-refused-light-en');
    // Signing out ends the session on the server.
    await (await page.waitForSelector('button::-p-text(Sign out)'))!.click();
    await waitForText(page, 'You are signed out.', 'the signed-out page');
    expect(await page.evaluate(() => fetch('/api/v1/console/overview').then((r) => r.status))).toBe(401);
    await page.close();
  });
});
