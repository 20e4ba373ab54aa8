import { readFile } from 'node:fs/promises';

/** One request the browser's network stack started, from Chromium's NetLog (--log-net-log). */
export interface LoggedRequest {
  url: string;
  method: string;
  /** The origin that made it: a page's, or chrome-extension://ID for the extension's worker and pages. */
  initiator?: string;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: Array<{ type: number; params?: { url?: string; method?: string; initiator?: string } }>;
}

/**
 * Every URL request in a NetLog file: all the browser's processes write to it (tabs, the extension's service
 * worker, the browser itself), so nothing that left the browser is missing. A log whose browser was killed
 * lacks its closing brackets; it is completed before parsing.
 */
export async function requestsInNetLog(path: string): Promise<LoggedRequest[]> {
  const text = (await readFile(path, 'utf8')).trim();
  let log: NetLog;
  try {
    log = JSON.parse(text) as NetLog;
  } catch {
    log = JSON.parse(`${text.replace(/,\s*$/, '')}]}`) as NetLog;
  }
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  if (start === undefined) throw new Error('the NetLog names no URL_REQUEST_START_JOB events');
  return log.events
    .filter((event) => event.type === start && typeof event.params?.url === 'string')
    .map((event) => ({ url: event.params!.url!, method: event.params!.method ?? 'GET', initiator: event.params!.initiator }));
}
