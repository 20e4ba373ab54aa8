import type { MessagePort } from 'node:worker_threads';
import type { AlumnusRecord } from '../store/alumni';
import { decodeCsvBytes, UndecodableCsv } from './decode';
import { toCsvThread, type CsvThreadError, type FromCsvThread, type ToCsvThread } from './csv-messages';
import { InvalidCsvFile, parseAlumniCsv, type ParsedAlumniCsv } from './parse-alumni-csv';

/**
 * The worker-thread side of reading an import's CSV (started by csv-worker.mjs for csv-thread.ts). Decoding, parsing
 * and checking 100,000 rows take seconds of CPU and hundreds of megabytes of short-lived objects; here they neither
 * hold the server's event loop nor its garbage collector (gaps of 50–130 ms between its turns when it parsed itself).
 * The valid rows stay here and leave as JSON batches, each written as it is.
 */
export function hostCsvParse(port: MessagePort): void {
  let parsed: ParsedAlumniCsv | undefined;
  const reply = (message: FromCsvThread) => port.postMessage(message);

  const read = (): ParsedAlumniCsv => {
    if (!parsed) throw new Error('No file was parsed yet');
    return parsed;
  };

  const answer = async (message: ToCsvThread): Promise<FromCsvThread> => {
    const { id } = message;
    switch (message.op) {
      case 'parse': {
        const { text, encoding } = await decodeCsvBytes(new Uint8Array(message.bytes), message.encoding);
        parsed = await parseAlumniCsv(text, { sampleRows: message.sampleRows, onProgress: (rows) => reply({ id, progress: rows }) });
        const { header, columns, sample, rows, errors, alumni } = parsed;
        return { id, summary: { encoding, header, columns: columns.map((column) => column ?? null), sample, rows, valid: alumni.length, errors } };
      }
      case 'batches': {
        const alumni = read().alumni;
        const batches: string[] = [];
        for (let start = message.start; start < Math.min(message.end, alumni.length); start += message.batchRows) {
          batches.push(batchJson(alumni.slice(start, Math.min(start + message.batchRows, message.end))));
        }
        return { id, batches };
      }
      case 'lines': {
        const { lineOfId } = read();
        return { id, lines: message.ids.map((employeeId) => lineOfId.get(employeeId) ?? 0) };
      }
    }
  };

  port.on('message', (raw: unknown) => {
    const message = toCsvThread.parse(raw);
    answer(message).then(reply, (error: unknown) => reply({ id: message.id, error: errorOf(error) }));
  });
}

/** Rows as upsertAlumni's query takes them: `[{ id, record }]`, the record without its id. */
export function batchJson(alumni: AlumnusRecord[]): string {
  return JSON.stringify(alumni.map(({ id, ...record }) => ({ id, record })));
}

function errorOf(error: unknown): CsvThreadError {
  if (error instanceof UndecodableCsv) return { kind: 'undecodable', message: error.message };
  if (error instanceof InvalidCsvFile) return { kind: 'invalid', message: error.message, line: error.line };
  return { kind: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
