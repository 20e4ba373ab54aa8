/**
 * After a single-page-app navigation the URL changes before the new page is drawn: the old page's
 * anchors are still there. Wait until the DOM has been quiet for `quietMs` (or `maxMs` passed) so the
 * extraction reads the new page, not the one being replaced.
 */
export function domSettled(doc: Document, signal: AbortSignal, quietMs = 250, maxMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    let quiet = setTimeout(done, quietMs);
    const limit = setTimeout(done, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    const onAbort = () => {
      stop();
      reject(signal.reason);
    };
    function stop() {
      observer.disconnect();
      clearTimeout(quiet);
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
