import type { Organization } from '../api';
import { SectionReader, SectionWriter } from './codec';
import { RowStore } from './row-store';
import type { Row } from './store';
import { readTables, writeTables, type Tables } from './tables';

/** The serialised form's format; a stored or received index in another is rebuilt from the records. */
export const INDEX_FORMAT = 'alumni-lens-recognition/3';

/** What a serialised index holds: rows and frozen tables for the first slots, then the overlay's rows. */
export interface StoredIndex {
  rows: RowStore;
  base: Tables;
  /** Slots of the frozen tables whose alumni were withdrawn after the tables were built. */
  removed: number[];
  overlay: Row[];
  organizations: Organization[];
}

const EMPTY_ROW: Row = { id: '', display: '', names: [], former: [], urls: [], tenure: [], employer: '', employerOrgId: '', common: false };

export function writeIndex(rows: RowStore, base: Tables, organizations: readonly Organization[]): string {
  const baseRows: Row[] = [];
  const removed: number[] = [];
  for (let slot = 0; slot < base.count; slot++) {
    const row = rows.get(slot);
    if (row) baseRows.push(row);
    else {
      // A withdrawn alumnus leaves an empty placeholder: slots stay aligned, nothing of them is kept.
      removed.push(slot);
      baseRows.push(EMPTY_ROW);
    }
  }
  const overlay: Row[] = [];
  for (let slot = base.count; slot < rows.length; slot++) {
    const row = rows.get(slot);
    if (row) overlay.push(row);
  }
  const out = new SectionWriter();
  RowStore.write(baseRows, out, 'rows');
  writeTables(base, out);
  return out.build(INDEX_FORMAT, { removed, overlay, organizations });
}

export function readIndex(serialized: string): StoredIndex {
  const input = new SectionReader(serialized);
  if (input.format !== INDEX_FORMAT) throw new Error(`Not a recognition index in format ${INDEX_FORMAT}`);
  const meta = (input.meta ?? {}) as { removed?: number[]; overlay?: Row[]; organizations?: Organization[] };
  const rows = RowStore.read(input, 'rows');
  return { rows, base: readTables(input, rows.length), removed: meta.removed ?? [], overlay: meta.overlay ?? [], organizations: meta.organizations ?? [] };
}
