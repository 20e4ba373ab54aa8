import type { Alumnus } from '../../../utils/api';

/** A directory record with only what recognition reads; the rest filled with plain defaults. */
export function alumnus(id: string, names: Alumnus['names'], extra: Partial<Alumnus> = {}): Alumnus {
  return {
    id,
    names,
    tenure: [{ from: '2014-04', to: '2019-03' }],
    consent: { recognition: true, offers: true },
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}
