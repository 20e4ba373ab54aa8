import { useEffect, useState } from 'preact/hooks';
import type { OfferFit } from '../../utils/messaging/protocol';
import { useSend } from '../api-context';

/** How long a card holds its offers for the fits; the worker matches on synced data and answers in milliseconds. */
export const FITS_WAIT_MS = 1500;

/**
 * Staff: the open offers that fit this alumnus, with the reasons; null until the worker answered (or the wait ran
 * out), so the card draws its offers once and never moves an offer from one list to another under the user's eyes.
 * Not `wanted` (alumni users, alumni who declined offers): no fits, at once.
 */
export function useOfferFits(alumnusId: string, wanted: boolean): OfferFit[] | null {
  const send = useSend();
  const [fits, setFits] = useState<OfferFit[] | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let settled = false;
    const settle = (found: OfferFit[]) => {
      if (settled) return;
      settled = true;
      setFits(found);
    };
    // A worker too slow (or gone) gets the plain list, and its late answer is not drawn over it.
    const timer = setTimeout(() => settle([]), FITS_WAIT_MS);
    send('page:offer-fits', { alumnusId })
      .then(({ fits: found }) => settle(found))
      // Without an answer the card simply lists no fitting offers.
      .catch(() => settle([]));
    return () => {
      settled = true;
      clearTimeout(timer);
    };
  }, [alumnusId, wanted, send]);
  return wanted ? fits : [];
}
