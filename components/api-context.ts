import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Send } from '../utils/messaging/client';
import { MessageError } from '../utils/messaging/sender';

/** How components talk to the background worker: the typed client in the extension, a stand-in in tests. */
export type { Send };

/**
 * Each root provides its client: the extension's pages the whole protocol's (messaging/client.ts), the in-page UI
 * its own, with only the page:* answers (utils/content/page-ui-send.ts). No default client here, or every
 * bundle that draws a component would carry and build every message's schemas (issue 11).
 */
const unprovided: Send = (type) => Promise.reject(new MessageError(`no client provided for ${type}`));

export const ApiContext = createContext<Send>(unprovided);

export function useSend(): Send {
  return useContext(ApiContext);
}
