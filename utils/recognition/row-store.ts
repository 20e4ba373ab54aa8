import { decodeInts, encodeInts } from './codec';
import type { Row } from './store';

const SEPARATOR = '\u001f';

/**
 * Directory rows by slot. After loading a serialised index the rows stay in columns and a Row
 * object is made only when a match needs it; removed slots become null (tombstones).
 */
export class RowStore {
  private readonly rows: Array<Row | null | undefined>;

  private constructor(
    private readonly columns: Record<string, unknown> | null,
    count: number,
  ) {
    this.rows = new Array<Row | null | undefined>(count);
  }

  static empty(): RowStore {
    return new RowStore(null, 0);
  }

  get length(): number {
    return this.rows.length;
  }

  get(slot: number): Row | null {
    const row = this.rows[slot];
    if (row !== undefined) return row;
    if (!this.columns || slot < 0 || slot >= this.rows.length) return null;
    return (this.rows[slot] = this.fromColumns(slot));
  }

  isLive(slot: number): boolean {
    return slot >= 0 && slot < this.rows.length && this.rows[slot] !== null;
  }

  idOf(slot: number): string {
    const row = this.rows[slot];
    if (row) return row.id;
    return this.columns ? ((this.columns.ids as string[])[slot] ?? '') : '';
  }

  add(row: Row): number {
    this.rows.push(row);
    return this.rows.length - 1;
  }

  remove(slot: number): void {
    if (slot >= 0 && slot < this.rows.length) this.rows[slot] = null;
  }

  /** Live rows with their slots. */
  *entries(): IterableIterator<[number, Row]> {
    for (let slot = 0; slot < this.rows.length; slot++) {
      const row = this.get(slot);
      if (row) yield [slot, row];
    }
  }

  /** Ids of every slot (null for removed ones), without making Row objects. */
  ids(): Array<string | null> {
    const ids = this.columns ? (this.columns.ids as string[]) : [];
    const out: Array<string | null> = [];
    // A plain loop: the rows array has holes (rows not yet made), which map() would skip.
    for (let slot = 0; slot < this.rows.length; slot++) {
      const row = this.rows[slot];
      out.push(row === null ? null : row ? row.id : (ids[slot] ?? null));
    }
    return out;
  }

  private fromColumns(slot: number): Row {
    const c = this.columns!;
    const column = (name: string) => (c[name] as string[])[slot] ?? '';
    const split = (text: string) => (text ? text.split(SEPARATOR) : []);
    const starts = c.tenureStartsDecoded as Int32Array;
    const tenure = c.tenureDecoded as Int32Array;
    const pairs: Array<[number, number]> = [];
    for (let i = starts[slot]; i < starts[slot + 1]; i += 2) pairs.push([tenure[i], tenure[i + 1]]);
    return {
      id: column('ids'),
      display: column('display'),
      names: split(column('names')),
      former: split(column('former')),
      urls: split(column('urls')),
      tenure: pairs,
      employer: column('employer'),
      employerOrgId: column('employerOrgId'),
      common: String(c.common)[slot] === '1',
    };
  }

  /** Columns for serialisation; `rows` must be the live rows in slot order. */
  static toColumns(rows: Row[]): Record<string, unknown> {
    const tenureStarts: number[] = [0];
    const tenure: number[] = [];
    for (const row of rows) {
      for (const [from, to] of row.tenure) tenure.push(from, to);
      tenureStarts.push(tenure.length);
    }
    return {
      ids: rows.map((r) => r.id),
      display: rows.map((r) => r.display),
      names: rows.map((r) => r.names.join(SEPARATOR)),
      former: rows.map((r) => r.former.join(SEPARATOR)),
      urls: rows.map((r) => r.urls.join(SEPARATOR)),
      employer: rows.map((r) => r.employer),
      employerOrgId: rows.map((r) => r.employerOrgId),
      common: rows.map((r) => (r.common ? '1' : '0')).join(''),
      tenureStarts: encodeInts(Int32Array.from(tenureStarts)),
      tenure: encodeInts(Int32Array.from(tenure)),
    };
  }

  static fromColumns(columns: Record<string, unknown>): RowStore {
    const ids = columns.ids;
    if (!Array.isArray(ids)) throw new Error('Serialised index has no ids');
    const decoded = {
      ...columns,
      tenureStartsDecoded: decodeInts(String(columns.tenureStarts ?? '')),
      tenureDecoded: decodeInts(String(columns.tenure ?? '')),
    };
    return new RowStore(decoded, ids.length);
  }
}
