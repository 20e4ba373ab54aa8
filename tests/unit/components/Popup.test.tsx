import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/Popup/Popup';
import type { ResponseOf } from '../../../utils/messaging/protocol';
import { byText, click, fakeWorker, renderUi } from './render';
import { audienseOffer } from './fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

type Status = ResponseOf<'ui:get-status'>;

const recruiterStatus: Status = {
  me: {
    user: { name: 'Hana Suzuki', role: 'recruiter' },
    company: { name: 'Sakura Digital', aliases: ['さくらデジタル'], domains: ['sakura-digital.example'] },
  },
  sync: { state: 'idle', lastSuccessAt: Date.UTC(2026, 10, 27, 9, 30), lastError: null, progress: null },
  directorySize: 1234,
  organizationsCount: 56,
  openOffers: 2,
  newOffers: 0,
  pendingOutbox: 2,
  failedOutbox: [
    { id: '0b6f3c1e-2f7a-4c55-9a8e-5d4c3b2a1f00', kind: 'introduction', state: 'failed', attempts: 1, error: 'alumnus E9 not found' },
  ],
  configSource: 'local',
};

const nothing = () => null;

describe('Popup', () => {
  it('says who you are, when the directory was synced, its size, and what is waiting or was refused', async () => {
    const worker = fakeWorker({ 'ui:get-status': () => recruiterStatus, 'ui:tab-recognition': nothing });
    const { text } = await renderUi(<Popup tabId={7} onOpenOptions={() => undefined} />, { send: worker.send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('Signed in as Hana Suzuki'));
    expect(text()).toContain('Recruiter · for Sakura Digital');
    expect(text()).toContain('Last sync: 27 Nov 2026');
    expect(text()).toContain('1234 alumni in the directory');
    expect(text()).toContain('2 waiting to be sent');
    expect(text()).toContain('Not sent (1)');
    expect(text()).toContain('The backend refused it: alumnus E9 not found');
    expect(text()).not.toContain('Offers for you');
  });

  it('a failed item offers Retry and Discard; Discard asks first; each is followed by a fresh status', async () => {
    const expired = {
      id: '5d0e8a52-1c1f-4b8e-9a51-0f6d1d0b9c11',
      kind: 'interest' as const,
      state: 'failed' as const,
      attempts: 180,
      createdAt: Date.UTC(2026, 10, 20, 9, 0),
      stopped: 'expired' as const,
      subject: 'Audience-insight dashboard',
      error: 'The alumni backend failed (HTTP 503): Maintenance',
    };
    let failed = [expired];
    const worker = fakeWorker({
      'ui:get-status': () => ({ ...recruiterStatus, pendingOutbox: 0, failedOutbox: failed }),
      'ui:tab-recognition': nothing,
      'ui:outbox-retry': () => ((failed = []), { item: { ...expired, state: 'sent' as const, attempts: 1 } }),
      'ui:outbox-discard': () => ((failed = []), { discarded: true }),
    });
    const { text, container } = await renderUi(<Popup tabId={null} onOpenOptions={() => undefined} />, { send: worker.send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('Could not be sent for 7 days. The backend’s last answer: The alumni backend failed (HTTP 503): Maintenance'));
    const retry = byText(container, 'button', 'Retry');
    expect(retry.getAttribute('aria-label')).toMatch(/^Retry: Interest about Audience-insight dashboard, 20 Nov 2026/);

    // Discard asks first; "Keep it" leaves the item alone.
    await click(byText(container, 'button', 'Discard'));
    expect(text()).toContain('Discard this Interest? It will never be sent.');
    await click(byText(container, 'button', 'Keep it'));
    expect(worker.callsOf('ui:outbox-discard')).toEqual([]);

    await click(byText(container, 'button', 'Retry'));
    expect(worker.callsOf('ui:outbox-retry')).toEqual([{ id: expired.id }]);
    await vi.waitFor(() => expect(text()).not.toContain('Not sent'));

    failed = [expired];
    const again = await renderUi(<Popup tabId={null} onOpenOptions={() => undefined} />, { send: worker.send, strings: 'app' });
    await vi.waitFor(() => expect(again.text()).toContain('Not sent (1)'));
    await click(byText(again.container, 'button', 'Discard'));
    await click(byText(again.container, 'button', 'Discard for good'));
    expect(worker.callsOf('ui:outbox-discard')).toEqual([{ id: expired.id }]);
    await vi.waitFor(() => expect(again.text()).not.toContain('Not sent'));
  });

  it('shows an unobtrusive "nothing recognised" for the tab, or what was recognised there', async () => {
    const quiet = await renderUi(<Popup tabId={7} onOpenOptions={() => undefined} />, {
      send: fakeWorker({ 'ui:get-status': () => recruiterStatus, 'ui:tab-recognition': nothing }).send,
      strings: 'app',
    });
    await vi.waitFor(() => expect(quiet.text()).toContain('Nothing recognised on this page.'));
    quiet.unmount();

    const worker = fakeWorker({
      'ui:get-status': () => recruiterStatus,
      'ui:tab-recognition': () => ({ url: 'https://www.linkedin.com/company/audiense/people/', site: 'linkedin', pageKind: 'company-people', people: 2, organizations: 1, names: ['Marcos Ruiz', 'Julien Moreau', 'Audiense'] }),
    });
    const busy = await renderUi(<Popup tabId={7} onOpenOptions={() => undefined} />, { send: worker.send, lang: 'ja', strings: 'app' });
    await vi.waitFor(() => expect(busy.text()).toContain('人物 2 件、組織 1 件を認識'));
    expect(busy.text()).toContain('Marcos Ruiz');
    expect(worker.callsOf('ui:tab-recognition')).toEqual([{ tabId: 7 }]);
  });

  it('shows progress while syncing and follows it until the sync is done', async () => {
    let asks = 0;
    const worker = fakeWorker({
      'ui:get-status': () =>
        ++asks < 3
          ? { ...recruiterStatus, sync: { state: 'syncing', lastSuccessAt: null, lastError: null, progress: { received: 5000 * asks, resource: 'directory' } } }
          : recruiterStatus,
      'ui:sync-now': () => recruiterStatus.sync,
      'ui:tab-recognition': nothing,
    });
    const { text, container } = await renderUi(<Popup tabId={null} onOpenOptions={() => undefined} pollMs={150} />, { send: worker.send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('Syncing… 5000 directory received'));
    expect(byText<HTMLButtonElement>(container, 'button', 'Sync now').disabled).toBe(true);
    await vi.waitFor(() => expect(text()).toContain('Last sync:'));
    await click(byText(container, 'button', 'Sync now'));
    expect(worker.callsOf('ui:sync-now')).toHaveLength(1);
  });

  it('shows an alumnus the offers, how many are new, and marks them seen', async () => {
    let newOffers = 1;
    const worker = fakeWorker({
      'ui:get-status': () => ({ ...recruiterStatus, me: { ...recruiterStatus.me!, user: { name: '山田 太郎', role: 'alumni' } }, newOffers }),
      'ui:tab-recognition': nothing,
      'ui:list-offers': () => ({ offers: [audienseOffer] }),
      'ui:mark-offers-seen': () => {
        newOffers = 0;
        return { ok: true };
      },
    });
    const { text, container } = await renderUi(<Popup tabId={1} onOpenOptions={() => undefined} />, { send: worker.send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('Audience analytics pilot with Audiense'));
    expect(text()).toContain('1 new');
    expect(text()).toContain("I'm interested");
    expect(text()).not.toContain('alumni in the directory');
    expect(text()).not.toContain('organisations');
    expect(text()).toContain('2 open offers for you · 1 new');
    await click(byText(container, 'button', 'Mark as seen'));
    expect(worker.callsOf('ui:mark-offers-seen')).toHaveLength(1);
    await vi.waitFor(() => expect(text()).toContain('2 open offers for you · 0 new'));
    expect(text()).not.toContain('1 new');
  });

  it('tells an alumnus in Japanese how many offers are open and new instead of a directory size', async () => {
    const worker = fakeWorker({
      'ui:get-status': () => ({ ...recruiterStatus, me: { ...recruiterStatus.me!, user: { name: '山田 太郎', role: 'alumni' } }, openOffers: 3, newOffers: 2 }),
      'ui:tab-recognition': nothing,
      'ui:list-offers': () => ({ offers: [audienseOffer] }),
    });
    const { text } = await renderUi(<Popup tabId={1} onOpenOptions={() => undefined} />, { send: worker.send, lang: 'ja', strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('あなたへの募集中のオファー 3 件 · 新着 2 件'));
    expect(text()).not.toContain('ディレクトリのアルムナイ');
    expect(text()).not.toContain('組織 56 件');
  });

  it('leads a new user to the options page', async () => {
    const onOpenOptions = vi.fn();
    const worker = fakeWorker({
      'ui:get-status': () => ({ ...recruiterStatus, me: null, configSource: 'none', sync: { ...recruiterStatus.sync, state: 'unconfigured' } }),
    });
    const { text, container } = await renderUi(<Popup tabId={1} onOpenOptions={onOpenOptions} />, { send: worker.send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('Not connected to an alumni backend yet.'));
    await click(byText(container, 'button', 'Set up the connection'));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});
