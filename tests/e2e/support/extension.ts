import type { Page, WebWorker } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser';
import { eventually } from './closed-shadow';
import type { MessageName, RequestOf, ResponseOf } from '../../../utils/messaging/protocol';

/** The slice of the extension API the tests call inside the browser (the functions run there; this only types them). */
export interface InBrowser {
  chrome: {
    storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(filter: Record<string, unknown>): Promise<Array<{ id?: number; url?: string }>> };
  };
}

/** A worker the DevTools protocol attached to while it was starting may not have its extension API bound yet. */
async function extensionApiReady(worker: WebWorker): Promise<void> {
  await eventually(
    async () => ((await worker.evaluate(() => typeof (globalThis as unknown as Partial<InBrowser>).chrome?.storage?.local)) === 'object' ? true : undefined),
    'the extension API in the service worker',
    10_000,
  );
}

/**
 * Configures the extension the way the options page does: the worker is asked, from a page of the extension
 * (a trusted sender), to save the connection in its trusted store; it syncs at once.
 */
export async function configureExtension(extension: ExtensionBrowser, config: { apiUrl: string; token: string }): Promise<void> {
  await extensionApiReady(await extension.worker());
  const control = await ExtensionControl.open(extension);
  try {
    await eventually(async () => (await control.send('ui:save-connection', config)).ok || undefined, 'the worker to save the connection', 20_000, 250);
  } finally {
    await control.close();
  }
}

/** Writes `local:settings` (per-site switches, language, highlighting, collapsed sidebars, display mode). */
export async function writeSettings(
  worker: WebWorker,
  settings: {
    sites?: Record<string, boolean>;
    highlightNames?: boolean;
    lang?: 'auto' | 'en' | 'ja';
    collapsed?: Record<string, boolean>;
    display?: 'in-page' | 'side-panel';
  },
): Promise<void> {
  await extensionApiReady(worker);
  await worker.evaluate(async (patch) => {
    const { chrome } = globalThis as unknown as InBrowser;
    const stored = (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
    const base = { sites: {}, highlightNames: true, lang: 'auto', collapsed: {}, ...(stored ?? {}) };
    await chrome.storage.local.set({ settings: { ...base, ...patch }, settings$: { v: 1 } });
  }, settings);
}

/**
 * A document of the extension (its manifest, in a tab of its own) through which the tests ask the worker
 * what the popup and options pages would ask it, with the same typed messages.
 */
export class ExtensionControl {
  private constructor(readonly page: Page) {}

  static async open(extension: ExtensionBrowser): Promise<ExtensionControl> {
    const page = await extension.newPage();
    // Any document of the extension's origin is a trusted sender; its manifest needs no UI to exist.
    await page.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
    return new ExtensionControl(page);
  }

  async send<N extends MessageName>(type: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
    const reply = await this.page.evaluate((message) => (globalThis as unknown as InBrowser).chrome.runtime.sendMessage(message), { type, payload });
    if (reply && typeof reply === 'object' && 'failure' in reply) {
      throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
    }
    return reply as ResponseOf<N>;
  }

  /** Waits until a sync has completed since `after` (ms since epoch) and returns the status then. */
  async waitForSync(after = 0, timeoutMs = 30_000): Promise<ResponseOf<'ui:get-status'>> {
    let last: ResponseOf<'ui:get-status'> | undefined;
    try {
      return await eventually(
        async () => {
          last = await this.send('ui:get-status', {});
          const done = last.sync.state === 'idle' && (last.sync.lastSuccessAt ?? 0) > after;
          return done ? last : undefined;
        },
        'the extension to finish a sync',
        timeoutMs,
        200,
      );
    } catch (error) {
      throw new Error(`${String(error)}; last status: ${JSON.stringify(last?.sync)}`);
    }
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}

/** The extension's service worker target, if one is running now (nothing is woken to find out). */
function runningWorkerTarget(extension: ExtensionBrowser) {
  return extension.browser
    .targets()
    .find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extension.extensionId}/`));
}

/**
 * Terminates the extension's service worker as Chrome does when it idles (the DevTools protocol closes the
 * worker target), and proves it: a mark left in the old worker's global scope must be gone — either no
 * worker runs, or the one running was started afresh (an alarm or a page's message may wake it at once).
 */
export async function stopWorker(extension: ExtensionBrowser): Promise<void> {
  const worker = await extension.worker();
  const mark = `alive-${Date.now()}-${Math.random()}`;
  await worker.evaluate((value) => {
    (globalThis as unknown as { __e2eMark?: string }).__e2eMark = value;
  }, mark);
  await worker.close();
  await eventually(
    async () => {
      const target = runningWorkerTarget(extension);
      if (!target) return true;
      const current = await target.worker();
      const seen = await current?.evaluate(() => (globalThis as unknown as { __e2eMark?: string }).__e2eMark).catch(() => undefined);
      if (seen !== mark) return true;
      await current?.close();
      return undefined;
    },
    'the service worker to be terminated',
    15_000,
    250,
  );
}

/** Terminates the worker and waits until none runs (nothing may wake it meanwhile), for timing a cold start. */
export async function stopWorkerAndStayStopped(extension: ExtensionBrowser): Promise<void> {
  await eventually(
    async () => {
      if (runningWorkerTarget(extension)) await stopWorker(extension);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return runningWorkerTarget(extension) ? undefined : true;
    },
    'no service worker to be running',
    30_000,
    100,
  );
}
