import { Window } from 'happy-dom';

// Node only (the `extract` command and tests): a saved page parsed the way the content script sees
// it — no scripts run, nothing is fetched (stylesheets, iframes, images stay unloaded).

export interface ParsedPage {
  document: Document;
  /** Frees the window's timers and resources. */
  close(): Promise<void>;
}

export function parseHtml(html: string, url: string): ParsedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  window.document.write(html);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}
