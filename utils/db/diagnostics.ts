import type { Database } from './open';
import { DiagnosticRecord } from './schema';

export interface DiagnosticInput {
  kind: DiagnosticRecord['kind'];
  adapter: string;
  pageKind?: string;
  missing: string;
  layers?: DiagnosticRecord['layers'];
}

/** Counts one occurrence; the same problem on the same kind of page is one row with a count. */
export async function countDiagnostic(db: Database, input: DiagnosticInput, now = Date.now()): Promise<void> {
  const key = [input.kind, input.adapter, input.pageKind ?? '', input.missing].join('|');
  const tx = db.transaction('diagnostics', 'readwrite');
  const previous = DiagnosticRecord.safeParse(await tx.store.get(key));
  const count = previous.success ? previous.data.count + 1 : 1;
  await tx.store.put({ ...input, key, count, lastAt: now });
  await tx.done;
}

export async function listDiagnostics(db: Database): Promise<DiagnosticRecord[]> {
  const rows = await db.getAll('diagnostics');
  return rows.flatMap((row) => {
    const parsed = DiagnosticRecord.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
