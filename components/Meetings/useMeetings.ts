import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../../utils/messaging/protocol';
import { useSend } from '../api-context';

export type MeetingsState = ResponseOf<'page:meetings'>;

/**
 * The synced meetings (with one alumnus, or all) and the user's steps in the outbox, from the worker. Asked
 * again every `pollMs` while a step is on its way, so "queued" turns into the meeting's new state.
 */
export function useMeetings(alumnusId: string | undefined, pollMs = 2000) {
  const send = useSend();
  const [state, setState] = useState<MeetingsState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const travelling = state?.pending.some((p) => p.item.state === 'queued' || p.item.state === 'sending') ?? false;

  useEffect(() => {
    let stopped = false;
    send('page:meetings', alumnusId === undefined ? {} : { alumnusId })
      .then((value) => !stopped && (setState(value), setError(null)))
      .catch((failure: unknown) => !stopped && setError(failure instanceof Error ? failure.message : String(failure)));
    return () => {
      stopped = true;
    };
  }, [alumnusId, tick, send]);

  useEffect(() => {
    if (!travelling) return;
    const timer = setTimeout(() => setTick((n) => n + 1), pollMs);
    return () => clearTimeout(timer);
  }, [travelling, state, pollMs]);

  return { state, error, reload: () => setTick((n) => n + 1) };
}
