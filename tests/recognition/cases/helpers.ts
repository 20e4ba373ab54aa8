import type { Confidence } from '../../../utils/recognition';
import type { EvalCase } from '../evaluate';

export const SD = 'Sakura Digital';

/** An experience entry as a site adapter reports it. */
export const job = (organization: string, from?: string, to?: string | null, title?: string) => ({
  organization,
  ...(title ? { title } : {}),
  ...(from ? { from } : {}),
  ...(to !== undefined ? { to } : {}),
});

let counter = 0;

/** A labelled case; `expectId` defaults to `truth`. */
export function kase(
  category: string,
  signal: unknown,
  truth: string | null,
  confidence: Confidence | null,
  options: { expectId?: string | string[] | null; note?: string; company?: EvalCase['company'] } = {},
): EvalCase {
  counter++;
  return {
    id: `${category}-${counter}`,
    category,
    signal,
    truth,
    expect: { alumnusId: options.expectId !== undefined ? options.expectId : confidence ? truth : null, confidence },
    ...(options.company ? { company: options.company } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}
