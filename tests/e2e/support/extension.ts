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

/** Version of the `local:config` storage item (utils/config/items.ts): WXT keeps it beside the value as `config$`. */
const CONFIG_ITEM_VERSION = 2;

/** A worker the DevTools protocol attached to while it was starting may not have its extension API bound yet. */
async function extensionApiReady(worker: WebWorker): Promise<void> {
  await eventually(
    async () => ((await worker.evaluate(() => typeof (globalThis as unknown as Partial<InBrowser>).chrome?.storage?.local)) === 'object' ? true : undefined),
    'the extension API in the service worker',
    10_000,
  );
}

/**
 * Configures the extension the way the options page or an administrator's script does: by writing the
 * `local:config` storage item; the worker notices and syncs at once.
 */
export async function configureExtension(worker: WebWorker, config: { apiUrl: string; token: string }): Promise<void> {
  await extensionApiReady(worker);
  await worker.evaluate(
    (value, version) => (globalThis as unknown as InBrowser).chrome.storage.local.set({ config: value, config$: { v: version } }),
    config,
    CONFIG_ITEM_VERSION,
  );
}

/** Writes `local:settings` (per-site switches, language, highlighting, collapsed sidebars). */
export async function writeSettings(
  worker: WebWorker,
  settings: { sites?: Record<string, boolean>; highlightNames?: boolean; lang?: 'auto' | 'en' | 'ja'; collapsed?: Record<string, boolean> },
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

/** Reads the Running Status of the extension's service worker from chrome://serviceworker-internals. */
export async function workerRunningStatus(extension: ExtensionBrowser): Promise<string> {
  const page = await extension.newPage();
  try {
    await page.goto('chrome://serviceworker-internals/');
    return await eventually(
      async () => {
        const text = await page.evaluate(() => document.body.innerText);
        const block = text.split('Scope:').find((part) => part.includes(`chrome-extension://${extension.extensionId}/`));
        return block?.match(/Running Status:\s*(\w+)/)?.[1];
      },
      'the worker to appear in chrome://serviceworker-internals',
      5_000,
    );
  } finally {
    await page.close();
  }
}

/**
 * Terminates the extension's service worker as Chrome does when it idles (the DevTools protocol closes
 * the worker target), and checks that it really stopped.
 */
export async function stopWorker(extension: ExtensionBrowser): Promise<void> {
  const worker = await extension.worker();
  await worker.close();
  await eventually(
    async () => ((await workerRunningStatus(extension)) === 'STOPPED' ? true : undefined),
    'the service worker to stop',
    10_000,
    250,
  );
}
