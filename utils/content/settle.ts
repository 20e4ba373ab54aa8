import { HOST_TAG } from './shadow-host';

interface QuietOptions {
  /** How long the DOM must stay unchanged. */
  quietMs: number;
  /**
   * Resolve after this long even if the page keeps changing (counted from the first change when
   * `afterChange`); none: wait as long as it takes.
   */
  maxMs?: number;
  /** Start the quiet clock only at the first change (a page that never changes never resolves). */
  afterChange: boolean;
}

/** True for mutations that are only our own hosts coming and going. */
export function ownHostsOnly(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node.nodeName.toLowerCase() === HOST_TAG);
}

/** Resolves when the page's DOM has been quiet as `options` asks; rejects when `signal` aborts. */
function quiet(doc: Document, signal: AbortSignal, options: QuietOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    let timer = options.afterChange ? undefined : setTimeout(done, options.quietMs);
    let limit = options.maxMs === undefined || options.afterChange ? undefined : setTimeout(done, options.maxMs);
    const observer = new MutationObserver((records) => {
      if (records.every(ownHostsOnly)) return;
      clearTimeout(timer);
      timer = setTimeout(done, options.quietMs);
      // A page that never stops changing (LinkedIn animates, counts, streams) is still read now and then.
      if (options.afterChange && options.maxMs !== undefined && limit === undefined) limit = setTimeout(done, options.maxMs);
    });
    const onAbort = () => {
      stop();
      reject(signal.reason);
    };
    function stop() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(limit);
      signal.removeEventListener('abort', onAbort);
    }
    function done() {
      stop();
      resolve();
    }
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * After a single-page-app navigation the URL changes before the new page is drawn: wait until the
 * DOM has been quiet for a moment (at most `maxMs`) before reading it.
 */
export function domSettled(doc: Document, signal: AbortSignal, quietMs = 250, maxMs = 3000): Promise<void> {
  return quiet(doc, signal, { quietMs, maxMs, afterChange: false });
}

/**
 * Resolves once the page has changed (other than our own hosts) and then been quiet for `quietMs`, or
 * `maxMs` after the first change if it never goes quiet: lists that grow as the user scrolls, sections
 * drawn late (the 2026 app's Experience), a page that keeps animating.
 */
export function nextDomChange(doc: Document, signal: AbortSignal, quietMs = 500, maxMs = 2000): Promise<void> {
  return quiet(doc, signal, { quietMs, maxMs, afterChange: true });
}
