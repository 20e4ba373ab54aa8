import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ApiContext, type Send } from '../../../components/api-context';
import { appI18n } from '../../../utils/i18n/app';
import { I18nContext } from '../../../utils/i18n/context';
import { pageI18n } from '../../../utils/i18n/page';
import type { MessageName, RequestOf, ResponseOf } from '../../../utils/messaging/protocol';
import { messages } from '../../../utils/messaging/protocol';

export type Replies = { [N in MessageName]?: (payload: RequestOf<N>) => ResponseOf<N> | Promise<ResponseOf<N>> };

/**
 * A stand-in for the background worker: answers from `replies`, records every request, and checks
 * both sides against the protocol's schemas, as the real router and client do.
 */
export function fakeWorker(replies: Replies) {
  const calls: Array<{ type: MessageName; payload: unknown }> = [];
  const send: Send = async (type, payload) => {
    messages[type].request.parse(payload);
    calls.push({ type, payload });
    const reply = replies[type] as ((payload: unknown) => unknown) | undefined;
    if (!reply) throw new Error(`no reply for ${type}`);
    return messages[type].response.parse(await reply(payload)) as ResponseOf<typeof type>;
  };
  return { send, calls, callsOf: (type: MessageName) => calls.filter((c) => c.type === type).map((c) => c.payload) };
}

/**
 * Renders real Preact components into the test DOM with a language and a worker. In-page components
 * get only the strings content scripts carry (`strings: 'page'`), so a string they lack shows up here.
 */
export async function renderUi(ui: ComponentChildren, options: { lang?: 'en' | 'ja'; send?: Send; strings?: 'page' | 'app' } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const send = options.send ?? fakeWorker({}).send;
  await act(() => {
    render(
      <ApiContext.Provider value={send}>
        <I18nContext.Provider value={(options.strings === 'app' ? appI18n : pageI18n)(options.lang ?? 'en')}>{ui}</I18nContext.Provider>
      </ApiContext.Provider>,
      container,
    );
  });
  return {
    container,
    text: () => container.textContent ?? '',
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

export function byText<T extends Element = HTMLElement>(root: ParentNode, selector: string, text: string | RegExp): T {
  const found = [...root.querySelectorAll<T>(selector)].find((el) =>
    typeof text === 'string' ? el.textContent?.trim() === text || el.getAttribute('aria-label') === text : text.test(el.textContent ?? ''),
  );
  if (!found) throw new Error(`no ${selector} with text ${text}`);
  return found;
}

/** Clicks, then lets the worker's answers (promises) settle before the test looks again. */
export async function click(element: Element) {
  await act(async () => {
    (element as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export async function type(element: HTMLTextAreaElement | HTMLInputElement, value: string) {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(element: HTMLSelectElement, value: string) {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
