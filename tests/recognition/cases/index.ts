import type { Alumnus } from '../../../utils/api';
import type { EvalCase } from '../evaluate';
import { familyCases, outsiderCases } from './families';
import { handWritten } from './hand-written';

/** The whole labelled set: hand-written cases first, then the template families. */
export function allCases(alumni: Alumnus[]): EvalCase[] {
  return [...handWritten, ...familyCases(alumni), ...outsiderCases()];
}
