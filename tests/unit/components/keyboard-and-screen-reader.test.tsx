import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { IntroductionForm } from '../../../components/IntroductionForm/IntroductionForm';
import { Marker } from '../../../components/Marker/Marker';
import { Sidebar } from '../../../components/Sidebar/Sidebar';
import { createSidebarStore } from '../../../components/Sidebar/sidebar-store';
import type { OutboxItemStatus } from '../../../utils/messaging/protocol';
import { audienseMatch, sofiaMatch } from './fixtures';
import { fakeWorker, renderUi, type } from './render';

// Issue 5 promises a sidebar, forms and badges usable with the keyboard alone and labelled for screen
// readers. These tests walk the UI the way such a person does: by accessible name and by key presses.

afterEach(() => {
  document.body.innerHTML = '';
});

const id = '0b6f3c1e-2f7a-4c55-9a8e-5d4c3b2a1f00';
const context = { url: 'https://www.linkedin.com/in/sofia-andersson-reyes/', site: 'linkedin' };

function sofiaSidebar(collapsed = false) {
  return createSidebarStore({
    people: [{ ...sofiaMatch, role: 'subject' }],
    organizations: [],
    role: 'recruiter',
    collapsed,
    selected: null,
    context,
  });
}

/** The name a screen reader announces: aria-label, aria-labelledby, else the text of the control's <label>. */
function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = element.getRootNode() as Document | ShadowRoot;
    return labelledBy
      .split(/\s+/)
      .map((ref) => root.getElementById(ref)?.textContent?.trim() ?? '')
      .join(' ')
      .trim();
  }
  const wrapping = element.closest('label');
  if (wrapping) {
    const copy = wrapping.cloneNode(true) as HTMLElement;
    for (const control of copy.querySelectorAll('select, textarea, input, button')) control.remove();
    return copy.textContent?.trim() ?? '';
  }
  return element.tagName === 'BUTTON' ? (element.textContent?.trim() ?? '') : '';
}

/** Every control a keyboard user can reach, with the name a screen reader gives it. */
function controls(root: ParentNode) {
  return [...root.querySelectorAll<HTMLElement>('button, select, textarea, input, a[href], [tabindex]:not([tabindex="-1"])')].map(
    (element) => ({ tag: element.tagName.toLowerCase(), name: accessibleName(element), element }),
  );
}

/**
 * A key press as the browser delivers it: keydown to the focused element, then — unless a handler
 * cancelled it — the native activation a <button> performs on Enter or Space (happy-dom does no
 * activation of its own).
 */
async function press(key: 'Enter' | ' ' | 'Escape') {
  await act(async () => {
    const target = document.activeElement ?? document.body;
    const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
    const proceed = target.dispatchEvent(down);
    if (proceed && key !== 'Escape' && target instanceof HTMLButtonElement && !target.disabled) {
      if (target.type === 'submit' && target.form) target.form.requestSubmit(target);
      else target.click();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('The sidebar for a keyboard and screen-reader user', () => {
  it('is a labelled landmark whose every control is a real, named button or field (English)', async () => {
    const { container } = await renderUi(<Sidebar store={sofiaSidebar()} />);
    const panel = container.querySelector('aside')!;
    expect(accessibleName(panel)).toBe('Alumni Lens: alumni on this page');
    const named = controls(panel);
    expect(named.map(({ tag, name }) => `${tag}: ${name}`)).toEqual([
      'button: Settings',
      'button: Collapse the Alumni Lens panel',
      'button: Propose a meeting',
      'button: Show past introductions',
      'select: Kind',
      'textarea: Note (optional)',
      'button: Log introduction',
    ]);
    for (const { element } of named) if (element.tagName === 'BUTTON') expect(element.getAttribute('type')).not.toBeNull();
    // The card says whom it is about by name, with her confidence as words, not a colour.
    expect(accessibleName(panel.querySelector('article')!)).toBe('Sofia Andersson Reyes');
    expect(panel.textContent).toContain('Confirmed alumnus');
  });

  it('names the same controls in Japanese', async () => {
    const { container } = await renderUi(<Sidebar store={sofiaSidebar()} />, { lang: 'ja' });
    const panel = container.querySelector('aside')!;
    expect(accessibleName(panel)).toBe('Alumni Lens: このページのアルムナイ');
    const names = controls(panel).map(({ name }) => name);
    expect(names).toContain('設定');
    expect(names).toContain('Alumni Lens パネルを折りたたむ');
    expect(names).toContain('種類');
    expect(names).toContain('メモ(任意)');
    expect(names).toContain('紹介を記録');
    expect(names.every((name) => name.length > 0)).toBe(true);
    expect(names.filter((name) => /[A-Za-z]{4,}/.test(name.replace('Alumni Lens', '')))).toEqual([]);
  });

  it('collapses on Escape from any control inside it, with focus on the collapsed tab, which Enter and Space reopen', async () => {
    const onCollapsedChange = vi.fn();
    const store = sofiaSidebar();
    const { container } = await renderUi(<Sidebar store={store} onCollapsedChange={onCollapsedChange} />);

    container.querySelector<HTMLElement>('select')!.focus();
    await press('Escape');
    const tab = container.querySelector<HTMLButtonElement>('.al-sidebar-tab')!;
    expect(container.querySelector('aside')).toBeNull();
    expect(document.activeElement).toBe(tab);
    expect(tab.tagName).toBe('BUTTON');
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(accessibleName(tab)).toBe('Open the Alumni Lens panel (1 recognised)');
    expect(onCollapsedChange).toHaveBeenLastCalledWith(true);

    await press('Enter');
    const panel = container.querySelector('aside')!;
    expect(panel).not.toBeNull();
    // Focus moves into the panel, so the next Tab reaches its controls and Escape works again.
    expect(panel.contains(document.activeElement)).toBe(true);
    expect(onCollapsedChange).toHaveBeenLastCalledWith(false);

    await press('Escape');
    expect(document.activeElement).toBe(container.querySelector('.al-sidebar-tab'));
    await press(' ');
    expect(container.querySelector('aside')).not.toBeNull();
    expect(store.get().collapsed).toBe(false);
  });

  it('collapses with its own collapse button pressed with Enter', async () => {
    const { container } = await renderUi(<Sidebar store={sofiaSidebar()} />);
    const collapse = controls(container).find(({ name }) => name === 'Collapse the Alumni Lens panel')!.element;
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    collapse.focus();
    await press('Enter');
    expect(document.activeElement).toBe(container.querySelector('.al-sidebar-tab'));
  });
});

describe('Opening a card with the keyboard', () => {
  it('keeps focus in the panel when Enter on a listed alumnus opens their card, and when Back returns', async () => {
    const store = createSidebarStore({ people: [], organizations: [audienseMatch], role: 'sales', collapsed: false, selected: null, context });
    const { container } = await renderUi(<Sidebar store={store} />);
    const row = controls(container).find(({ name }) => name === 'Show Marcos Ruiz')!.element;
    row.focus();
    await press('Enter');
    const panel = container.querySelector('aside')!;
    expect(panel.querySelector('h2')?.textContent).toBe('Marcos Ruiz');
    // The row that had focus is gone; focus must stay in the panel so Tab and Escape still work there.
    expect(panel.contains(document.activeElement)).toBe(true);

    controls(panel).find(({ name }) => name === 'Back to the organisation')!.element.focus();
    await press('Enter');
    expect(container.textContent).toContain('Julien Moreau');
    expect(container.querySelector('aside')!.contains(document.activeElement)).toBe(true);
    await press('Escape');
    expect(document.activeElement).toBe(container.querySelector('.al-sidebar-tab'));
  });

  it("moves focus to the panel when a badge on the page opens a person's card, even from the collapsed tab", async () => {
    const people = [{ ...sofiaMatch, role: 'listed' as const }];
    const store = createSidebarStore({ people, organizations: [], role: 'recruiter', collapsed: true, selected: null, context });
    const { container } = await renderUi(<Sidebar store={store} />);
    const badge = document.createElement('button'); // stands for the badge in the marker overlay
    document.body.append(badge);
    badge.focus();
    await act(() => store.update({ selected: { alumnusId: 'E2001', ref: 0 }, collapsed: false })); // what activating a badge does (page-ui)
    const panel = container.querySelector('aside')!;
    expect(panel.querySelector('h2')?.textContent).toBe('Sofia Andersson Reyes');
    expect(document.activeElement).toBe(panel);
  });
});

describe('The "Log introduction" form with the keyboard alone', () => {
  function outboxWorker(states: OutboxItemStatus[]) {
    let polls = 0;
    return fakeWorker({
      'page:log-introduction': () => ({ id, kind: 'introduction', state: 'queued', attempts: 0 }),
      'page:outbox-status': () => [states[Math.min(polls++, states.length - 1)]!],
    });
  }

  async function submitWithEnter(worker: ReturnType<typeof fakeWorker>, lang: 'en' | 'ja' = 'en') {
    const ui = await renderUi(<IntroductionForm alumnusId="E2001" role="recruiter" context={context} pollMs={5} />, {
      send: worker.send,
      lang,
    });
    const form = ui.container.querySelector('form')!;
    const live = form.querySelector('[aria-live]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe(''); // present and silent before anything happens, so its change is announced
    await type(form.querySelector('textarea')!, 'Referred for the Design Systems lead role');
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.focus();
    await press('Enter');
    return { ...ui, form, live };
  }

  it('labels its fields and names the form by its heading', async () => {
    const { container } = await renderUi(<IntroductionForm alumnusId="E2001" role="recruiter" context={context} />, { lang: 'ja' });
    const form = container.querySelector('form')!;
    expect(accessibleName(form)).toBe('紹介を記録');
    expect(accessibleName(form.querySelector('select')!)).toBe('種類');
    expect(accessibleName(form.querySelector('textarea')!)).toBe('メモ(任意)');
  });

  it('queues the introduction on Enter, announces it in the live region, and keeps focus in the form', async () => {
    const worker = fakeWorker({ 'page:log-introduction': () => ({ id, kind: 'introduction', state: 'queued', attempts: 0 }), 'page:outbox-status': () => [] });
    const { form, live } = await submitWithEnter(worker);
    expect(worker.callsOf('page:log-introduction')).toEqual([
      { alumnusId: 'E2001', kind: 'referral', note: 'Referred for the Design Systems lead role', context },
    ]);
    // The same live region, still attached, now says it: a screen reader reads the change.
    expect(live.isConnected).toBe(true);
    expect(live.textContent).toBe('Saved. It will be sent to the backend as soon as it can be reached.');
    // The submit button is gone with the fields; focus must not fall out of the sidebar to the page.
    expect(form.contains(document.activeElement)).toBe(true);
  });

  it('announces "sent" once the backend has it', async () => {
    const worker = outboxWorker([{ id, kind: 'introduction', state: 'sent', attempts: 1 }]);
    const { live, form } = await submitWithEnter(worker);
    await vi.waitFor(() => expect(live.textContent).toBe('Logged. The backend has it.'));
    // "Log another" with Enter brings the fields back with focus on the first one.
    controls(form).find(({ name }) => name === 'Log another')!.element.focus();
    await press('Enter');
    expect(document.activeElement).toBe(form.querySelector('select'));
  });

  it("announces a refusal with the server's reason, in Japanese", async () => {
    const worker = outboxWorker([{ id, kind: 'introduction', state: 'failed', attempts: 1, error: 'alumnus E2001 has withdrawn consent' }]);
    const { live } = await submitWithEnter(worker, 'ja');
    await vi.waitFor(() => expect(live.textContent).toBe('バックエンドに拒否されました: alumnus E2001 has withdrawn consent'));
  });
});

describe('Badges next to names', () => {
  const box = { left: 10, top: 10, width: 18, height: 18 };

  it('are focusable buttons that say, in words, that the person is an alumnus and open the details on Enter', async () => {
    const onOpen = vi.fn();
    const { container } = await renderUi(<Marker variant="badge" confidence="confirmed" box={box} onOpen={onOpen} />);
    const badge = container.querySelector<HTMLButtonElement>('button.al-marker')!;
    expect(accessibleName(badge)).toBe('Confirmed alumnus — show why');
    // The visible "A" is decoration; the name is the label.
    expect(badge.querySelector('[aria-hidden="true"]')?.textContent).toBe('A');
    expect(badge.tabIndex).toBe(0);
    badge.focus();
    expect(document.activeElement).toBe(badge);
    await press('Enter');
    expect(onOpen).toHaveBeenCalledOnce();
    await press(' ');
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('are labelled in Japanese, and name highlights say what they are', async () => {
    const badge = await renderUi(<Marker variant="badge" confidence="likely" box={box} onOpen={() => undefined} />, { lang: 'ja' });
    expect(accessibleName(badge.container.querySelector('button')!)).toBe('アルムナイ(可能性大) — 根拠を表示');
    badge.unmount();
    const highlight = await renderUi(<Marker variant="highlight" confidence="possible" box={box} onOpen={() => undefined} />);
    expect(accessibleName(highlight.container.querySelector('button')!)).toBe('Possible alumnus named on this page — show why');
  });
});
