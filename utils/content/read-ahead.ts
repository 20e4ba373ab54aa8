import type { Extraction, PageKind, SiteAdapter } from '../sites/types';
import { ownHostsOnly } from './settle';
import { waitForAnchors } from './wait-for-anchors';

/** The first page, read while the worker is asked whether the site is on. */
export interface ReadAhead {
  /** The address it was read under: a session takes it only for that page. */
  url: URL;
  /** The page as read once its anchors were in, and whether the page changed since. */
  read: Promise<{ extraction: Extraction; changed(): boolean }>;
  /** Stops the read and its watches (no session takes it, or the run that took it ended); returns undefined. */
  drop(): undefined;
}

/**
 * Issue 11 (document idle → card): reading the page does not wait for the settings round trip. Reading only
 * looks — it adds nothing to the page and sends nothing — so it may start before the worker says the site is
 * on; what it read is used, or dropped, once the answer is in. Undefined for a page the script does not read.
 */
export function readAhead(
  lifetime: AbortSignal,
  resolve: (url: URL) => { adapter: SiteAdapter; kind: PageKind } | undefined,
  doc: Document,
  anchorTimeoutMs = 5000,
): ReadAhead | undefined {
  const url = new URL(doc.location.href);
  const found = resolve(url);
  if (!found) return undefined;
  const { adapter, kind } = found;
  const controller = new AbortController();
  const drop = () => void controller.abort();
  lifetime.addEventListener('abort', drop, { signal: controller.signal });
  const read = waitForAnchors(doc, adapter, kind, controller.signal, anchorTimeoutMs).then(() => {
    const extraction = adapter.extract(doc, kind, url);
    // Any change after this reading (other than our own hosts coming) and the page is read again. Marked
    // as the change is heard, not a timer later: the settings answer may be handled before any timer runs.
    let changed = false;
    const observer = new MutationObserver((records) => (changed ||= !records.every(ownHostsOnly)));
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    controller.signal.addEventListener('abort', () => observer.disconnect());
    return { extraction, changed: () => changed };
  });
  // Dropped unread: an abort is the normal end.
  read.catch(drop);
  return { url, read, drop };
}
