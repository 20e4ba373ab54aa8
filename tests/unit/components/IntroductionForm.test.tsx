import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { IntroductionForm } from '../../../components/IntroductionForm/IntroductionForm';
import type { OutboxItemStatus } from '../../../utils/messaging/protocol';
import { byText, choose, click, fakeWorker, renderUi, type } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

const id = '0b6f3c1e-2f7a-4c55-9a8e-5d4c3b2a1f00';
const context = { url: 'https://www.linkedin.com/in/sofia-andersson-reyes/', site: 'linkedin' };

/** A worker whose outbox item moves through the given states, one per status poll. */
function outboxWorker(states: OutboxItemStatus[]) {
  let polls = 0;
  return fakeWorker({
    'page:log-introduction': () => ({ id, kind: 'introduction', state: 'queued', attempts: 0 }),
    'page:outbox-status': () => [states[Math.min(polls++, states.length - 1)]!],
  });
}

async function logOne(worker: ReturnType<typeof fakeWorker>, lang: 'en' | 'ja' = 'en') {
  const ui = await renderUi(<IntroductionForm alumnusId="E2001" role="recruiter" context={context} pollMs={5} />, {
    send: worker.send,
    lang,
  });
  await choose(ui.container.querySelector('select')!, 'rehire');
  await type(ui.container.querySelector('textarea')!, '  Open to a design lead role  ');
  await click(byText(ui.container, 'button', lang === 'en' ? 'Log introduction' : '紹介を記録'));
  return ui;
}

describe('IntroductionForm', () => {
  it('queues the introduction with kind, trimmed note and page context, and says it is queued', async () => {
    const worker = fakeWorker({ 'page:log-introduction': () => ({ id, kind: 'introduction', state: 'queued', attempts: 0 }), 'page:outbox-status': () => [] });
    const { text, container } = await logOne(worker);
    expect(worker.callsOf('page:log-introduction')).toEqual([
      { alumnusId: 'E2001', kind: 'rehire', note: 'Open to a design lead role', context },
    ]);
    expect(container.querySelector('[role="status"]')?.getAttribute('data-state')).toBe('queued');
    expect(text()).toContain('Saved. It will be sent to the backend as soon as it can be reached.');
    // The form is replaced by its status: the same introduction cannot be submitted twice.
    expect(container.querySelector('textarea')).toBeNull();
  });

  it('follows the item until the backend has it', async () => {
    const worker = outboxWorker([
      { id, kind: 'introduction', state: 'sending', attempts: 1 },
      { id, kind: 'introduction', state: 'sent', attempts: 1 },
    ]);
    const { text } = await logOne(worker);
    await vi.waitFor(() => expect(text()).toContain('Logged. The backend has it.'));
    const polls = worker.callsOf('page:outbox-status').length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(worker.callsOf('page:outbox-status').length).toBe(polls); // polling stopped once final
  });

  it("shows the server's reason when the backend refuses it, in Japanese too", async () => {
    const worker = outboxWorker([{ id, kind: 'introduction', state: 'failed', attempts: 1, error: 'alumnus E2001 has withdrawn consent' }]);
    const { text, container } = await logOne(worker, 'ja');
    await vi.waitFor(() => expect(text()).toContain('バックエンドに拒否されました: alumnus E2001 has withdrawn consent'));
    expect(container.querySelector('[role="status"]')?.getAttribute('data-state')).toBe('failed');
    // After a final state the user may log another one.
    await click(byText(container, 'button', 'もう一件記録'));
    expect(container.querySelector('textarea')).not.toBeNull();
  });

  it('keeps the note and says why when the worker cannot queue it', async () => {
    const worker = fakeWorker({});
    const { text, container } = await logOne(worker);
    expect(text()).toContain('Could not save it: no reply for page:log-introduction');
    expect(container.querySelector('textarea')?.value).toBe('  Open to a design lead role  ');
  });

  it('defaults to a sales introduction for salespeople', async () => {
    const { container } = await renderUi(<IntroductionForm alumnusId="E2001" role="sales" context={context} />);
    expect(container.querySelector('select')?.value).toBe('sales-introduction');
  });
});
