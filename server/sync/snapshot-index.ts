import type { RecognitionFields } from '../../utils/api';
import { buildIndex } from '../../utils/recognition';

/**
 * The serialised recognition index of a snapshot's records (NDJSON, one alumnus a line), built with the same engine
 * the extension runs, so a client loads it instead of building it. Organisations are left out: clients set their own.
 */
export function serialisedIndexOfLines(lines: Uint8Array): string {
  const text = new TextDecoder().decode(lines);
  const records: RecognitionFields[] = [];
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop > start) records.push(JSON.parse(text.slice(start, stop)) as RecognitionFields);
    start = stop + 1;
  }
  return buildIndex(records, []).serialize();
}
