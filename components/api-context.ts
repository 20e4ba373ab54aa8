import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { sendMessage } from '../utils/messaging/client';
import type { MessageName, RequestOf, ResponseOf } from '../utils/messaging/protocol';

/** How components talk to the background worker: the typed client in the extension, a stand-in in tests. */
export type Send = <N extends MessageName>(type: N, payload: RequestOf<N>) => Promise<ResponseOf<N>>;

export const ApiContext = createContext<Send>(sendMessage);

export function useSend(): Send {
  return useContext(ApiContext);
}
