import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticsSection } from '../../../components/Options/InfoSections';
import type { ResponseOf } from '../../../utils/messaging/protocol';
import { fakeWorker, renderUi } from './render';

// The options page's diagnostics: stored data the worker found unreadable and repaired is said in
// plain words, in both languages, beside the layouts not recognised and the last sync error.

type Report = ResponseOf<'ui:get-diagnostics'>;

const report: Report = {
  unrecognised: [],
  repaired: [
    { subject: 'settings', what: 'local:settings', detail: 'lang: Invalid option', count: 2, lastAt: 2 },
    { subject: 'connection', what: 'local:config', detail: 'apiUrl: Invalid URL', count: 1, lastAt: 1 },
    { subject: 'other', what: 'organisation websites', detail: 'Error: quota', count: 1, lastAt: 0 },
  ],
  lastSyncError: null,
};

async function show(reply: Report, lang: 'en' | 'ja' = 'en') {
  const ui = await renderUi(<DiagnosticsSection />, { send: fakeWorker({ 'ui:get-diagnostics': () => reply }).send, strings: 'app', lang });
  await vi.waitFor(() => expect(ui.container.querySelector('#al-diagnostics')).not.toBeNull());
  return ui;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('DiagnosticsSection: repaired stored data', () => {
  it('says which stored data was unreadable and what was done, with the reason and how often', async () => {
    const { container } = await show(report);
    const items = [...container.querySelectorAll('[aria-labelledby="al-diag-repaired"] li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Your settings were unreadable and were reset to their defaults (2×). Details: lang: Invalid option',
      'The saved backend connection was unreadable and was removed; enter it again (1×). Details: apiUrl: Invalid URL',
      'A problem with organisation websites was handled (1×). Details: Error: quota',
    ]);
    expect(container.querySelector('#al-diag-repaired')?.textContent).toBe('Stored data repaired');
  });

  it('says the same in Japanese', async () => {
    const { text } = await show(report, 'ja');
    expect(text()).toContain('設定を読み取れなかったため、既定値に戻しました（2 回）。');
    expect(text()).toContain('保存されていた接続設定を読み取れなかったため削除しました。もう一度入力してください（1 回）。');
    expect(text()).toContain('詳細: lang: Invalid option');
    expect(text()).toContain('修復した保存データ');
  });

  it('shows no repairs heading when nothing had to be repaired (or an older worker does not say)', async () => {
    for (const reply of [{ ...report, repaired: [] }, { unrecognised: [], lastSyncError: null }]) {
      const { container, text, unmount } = await show(reply);
      expect(container.querySelector('#al-diag-repaired')).toBeNull();
      expect(text()).toContain('No sync errors.');
      unmount();
    }
  });
});

describe('DiagnosticsSection: pages that gave nobody', () => {
  const nobody: Report = {
    unrecognised: [
      {
        adapter: 'linkedin',
        pageKind: 'search-people',
        missing: 'search results; every name refused by the name guard (placeholder, presence)',
        count: 3,
        layers: { structured: 0, anchors: 10, memberLinks: 20, rejected: { presence: 7, placeholder: 3 } },
      },
    ],
    lastSyncError: null,
  };

  it('names the page kind and what each way of reading found, and why names were refused', async () => {
    const { container } = await show(nobody);
    const item = container.querySelector('.al-options-diag li')?.textContent ?? '';
    expect(item).toContain('linkedin (search-people)');
    expect(item).toContain('structured data: 0 · page landmarks and cards: 10 · links to profiles: 20');
    expect(item).toContain('names refused: online status (7), “LinkedIn Member” (3)');
  });

  it('says the same in Japanese', async () => {
    const { text } = await show(nobody, 'ja');
    expect(text()).toContain('構造化データ: 0 · ページの目印とカード: 10 · プロフィールへのリンク: 20');
    expect(text()).toContain('名前として採用しなかったもの: オンライン状態（7）、「LinkedInメンバー」（3）');
  });
});
