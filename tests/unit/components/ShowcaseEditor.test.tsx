import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowcaseEditor, splitTags } from '../../../components/ShowcaseEditor/ShowcaseEditor';
import { Showcase } from '../../../utils/api';
import type { ResponseOf } from '../../../utils/messaging/protocol';
import { byText, click, fakeWorker, renderUi, type } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

const status = {
  me: { user: { name: '山田 太郎', role: 'alumni', alumnusId: 'E1001' }, company: { name: 'Sakura Digital', aliases: [], domains: [] } },
  sync: { state: 'idle', lastSuccessAt: null, lastError: null, progress: null },
  directorySize: 0,
  organizationsCount: 0,
  openOffers: 0,
  newOffers: 0,
  pendingOutbox: 0,
  failedOutbox: [],
  configSource: 'local',
} satisfies ResponseOf<'ui:get-status'>;

const saved = Showcase.parse({
  businessName: '山田テック顧問',
  offering: 'モバイルバンキングの技術顧問。',
  tags: { skills: ['iOS'], industries: ['金融'], services: [] },
  sharedContact: { email: 'taro@yamada-tech.example' },
  published: true,
  updatedAt: '2026-12-01T00:00:00.000Z',
});

const field = (container: HTMLElement, id: string) => container.querySelector<HTMLInputElement>(`#al-editor-${id}`)!;

describe('the showcase editor', () => {
  it('splits tags on commas (Japanese ones too), once each', () => {
    expect(splitTags('TypeScript, data visualisation、医療，typescript ,  ')).toEqual(['TypeScript', 'data visualisation', '医療']);
  });

  it('loads the showcase, previews it as staff see it, and saves exactly what the form says', async () => {
    const worker = fakeWorker({
      'ui:get-status': () => status,
      'ui:get-showcase': () => ({ showcase: saved, offline: false, recognised: true }),
      'ui:save-showcase': (input) => ({ showcase: { ...input, updatedAt: '2026-12-02T00:00:00.000Z' } }),
    });
    const { container, text } = await renderUi(<ShowcaseEditor />, { send: worker.send, strings: 'app' });
    await vi.waitFor(() => expect(field(container, 'businessName').value).toBe('山田テック顧問'));
    expect(text()).toContain('Now: モバイルバンキングの技術顧問。');
    await type(field(container, 'skills'), 'iOS, Security、ios');
    await type(field(container, 'lookingFor'), '地方銀行のアプリ刷新');
    // Stop sharing the e-mail address: it is left out, not sent empty.
    await click(byText(container, 'label', 'Share an e-mail address').querySelector('input')!);
    await click(byText(container, 'button', 'Save'));
    expect(worker.callsOf('ui:save-showcase')).toEqual([
      {
        businessName: '山田テック顧問',
        offering: 'モバイルバンキングの技術顧問。',
        lookingFor: '地方銀行のアプリ刷新',
        tags: { skills: ['iOS', 'Security'], industries: ['金融'], services: [] },
        sharedContact: {},
        published: true,
      },
    ]);
    await vi.waitFor(() => expect(text()).toContain('Saved. Staff see it after their next sync.'));
  });

  it('names the fields to fix, marks them invalid and moves focus to the first, without saving', async () => {
    const worker = fakeWorker({ 'ui:get-status': () => status, 'ui:get-showcase': () => ({ showcase: null, offline: false, recognised: true }) });
    const { container, text } = await renderUi(<ShowcaseEditor />, { send: worker.send, strings: 'app' });
    await vi.waitFor(() => expect(field(container, 'businessName')).not.toBeNull());
    await type(field(container, 'website'), 'not a website');
    await click(byText(container, 'label', 'Share an e-mail address').querySelector('input')!);
    await type(field(container, 'email'), 'nobody');
    await click(byText(container, 'button', 'Save'));
    expect(text()).toContain('Check the highlighted fields: Business or organisation name, What you offer, Website (optional), E-mail address');
    expect(document.activeElement).toBe(field(container, 'businessName'));
    expect(field(container, 'email').getAttribute('aria-invalid')).toBe('true');
    expect(field(container, 'email').getAttribute('aria-describedby')).toBe('al-editor-email-error');
    expect(worker.callsOf('ui:save-showcase')).toEqual([]);
  });

  it('says when it shows the last synced copy, and when staff cannot see it at all (in Japanese)', async () => {
    const worker = fakeWorker({ 'ui:get-status': () => status, 'ui:get-showcase': () => ({ showcase: saved, offline: true, recognised: false }) });
    const { text } = await renderUi(<ShowcaseEditor />, { send: worker.send, strings: 'app', lang: 'ja' });
    await vi.waitFor(() => expect(text()).toContain('バックエンドに接続できません'));
    expect(text()).toContain('Sakura Digital の社員による認識に同意していないため');
    expect(text()).toContain('事業名・組織名');
  });
});
