import { ApiProblem } from '../http/problem';

/**
 * Seeding adds only what is missing, through the API's own store functions. One whose alumnus or offer is gone
 * (erased or closed through the API meanwhile) is refused as the API would refuse it: skip it, never a reason
 * to refuse to start. Anything else is a real failure.
 */
export function skipGone(error: unknown): void {
  if (!(error instanceof ApiProblem)) throw error;
}
