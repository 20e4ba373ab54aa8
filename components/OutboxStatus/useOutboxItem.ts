import { useEffect, useState } from 'preact/hooks';
import type { OutboxItemStatus } from '../../utils/messaging/protocol';
import { useSend } from '../api-context';

/** How often a queued item's state is asked for while the card is open. */
export const OUTBOX_POLL_MS = 1500;

/**
 * Follows one outbox item from queued to sent or failed by polling the worker, which owns the outbox
 * and its retries. Polling stops once the state is final or the component goes away.
 */
export function useOutboxItem(initial: OutboxItemStatus | null, pollMs = OUTBOX_POLL_MS): OutboxItemStatus | null {
  const send = useSend();
  const [item, setItem] = useState(initial);
  useEffect(() => setItem(initial), [initial]);

  const id = item?.id;
  const final = item?.state === 'sent' || item?.state === 'failed';
  useEffect(() => {
    if (!id || final) return;
    let stopped = false;
    const timer = setInterval(() => {
      send('page:outbox-status', { ids: [id] })
        .then(([latest]) => {
          if (!stopped && latest) setItem(latest);
        })
        // The worker may be restarting; the next tick asks again.
        .catch(() => undefined);
    }, pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, final, pollMs, send]);

  return item;
}
