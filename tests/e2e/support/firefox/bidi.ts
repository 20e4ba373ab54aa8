import type { Browser, Page } from 'puppeteer-core';

// Raw WebDriver BiDi commands, for what puppeteer does not wrap: Firefox's privileged (chrome) scope and
// node references that reach into closed shadow roots.

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** The BiDi connection under puppeteer's Firefox browser (not part of its typed API). */
export function bidiOf(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('This browser is not driven through WebDriver BiDi');
  return connection;
}

/** A page's top-level browsing context id. */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** A value as BiDi serialises it (the parts the tests read). */
export interface RemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

export interface CallOptions {
  /** What `this` is in the function: a node reference from an earlier answer. */
  thisNode?: string;
  args?: unknown[];
  maxDomDepth?: number;
}

/** Calls a function in a page's own realm (as WebDriver may: closed shadow roots included) and returns BiDi's answer. */
export async function callInPage(browser: Browser, page: Page, fn: string, options: CallOptions = {}): Promise<RemoteValue> {
  const { result } = await bidiOf(browser).send('script.callFunction', {
    functionDeclaration: fn,
    target: { context: contextOf(page) },
    awaitPromise: true,
    resultOwnership: 'none',
    ...(options.thisNode ? { this: { sharedId: options.thisNode } } : {}),
    arguments: (options.args ?? []).map((value) => localValue(value)),
    serializationOptions: { maxDomDepth: options.maxDomDepth ?? 0, maxObjectDepth: 2 },
  });
  if (result.type === 'exception') throw new Error(`In the page: ${JSON.stringify(result.exceptionDetails).slice(0, 500)}`);
  return result.result as RemoteValue;
}

function localValue(value: unknown): object {
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (value === undefined) return { type: 'undefined' };
  if (value === null) return { type: 'null' };
  throw new Error(`Cannot pass ${typeof value} to the page`);
}

/** Evaluates an expression in Firefox's own window (privileged scope; needs MOZ_REMOTE_ALLOW_SYSTEM_ACCESS). */
export async function evaluateInChrome(browser: Browser, expression: string): Promise<unknown> {
  const connection = bidiOf(browser);
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const window = (tree.contexts as Array<{ context: string; url: string }>).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error("Firefox's browser window is not there");
  const { result } = await connection.send('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`In Firefox's window: ${JSON.stringify(result.exceptionDetails).slice(0, 500)}`);
  return (result.result as RemoteValue).value;
}
