import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { sendMessage, type Send } from '../utils/messaging/client';

/** How components talk to the background worker: the typed client in the extension, a stand-in in tests. */
export type { Send };

export const ApiContext = createContext<Send>(sendMessage);

export function useSend(): Send {
  return useContext(ApiContext);
}
