import { useEffect, useState } from 'preact/hooks';
import type { OfferFit } from '../../utils/messaging/protocol';
import { useSend } from '../api-context';

/** Staff: the open offers that fit this alumnus, with the reasons; the worker matches them on synced data. */
export function useOfferFits(alumnusId: string, staff: boolean): OfferFit[] | null {
  const send = useSend();
  const [fits, setFits] = useState<OfferFit[] | null>(null);
  useEffect(() => {
    if (!staff) return;
    let stopped = false;
    send('page:offer-fits', { alumnusId })
      .then(({ fits: found }) => !stopped && setFits(found))
      // Without an answer the card simply lists no fitting offers.
      .catch(() => !stopped && setFits([]));
    return () => {
      stopped = true;
    };
  }, [alumnusId, staff, send]);
  return fits;
}
