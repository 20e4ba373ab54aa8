import { RecordId } from '../../utils/api';
import { refuseNul } from '../http/parse-input';
import { invalidInput } from '../http/problem';

/** A record id from the path, parsed with the contract like every other input. */
export function idParam(value: string | undefined): string {
  refuseNul(value, 'path');
  const parsed = RecordId.safeParse(value);
  if (!parsed.success) throw invalidInput('path', parsed.error);
  return parsed.data;
}
