import type { SectionReader, SectionWriter } from './codec';
import type { Row } from './store';

const LIST = '\u001f';
const TEXT_COLUMNS = ['id', 'display', 'names', 'former', 'urls', 'employer', 'employerOrgId'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];

function cell(row: Row, column: TextColumn): string {
  switch (column) {
    case 'names':
    case 'former':
    case 'urls':
      return row[column].join(LIST);
    default:
      return row[column];
  }
}

interface Columns {
  texts: Record<TextColumn, string>;
  offsets: Record<TextColumn, Int32Array>;
  common: string;
  tenureStart: Int32Array;
  tenure: Int32Array;
}

/**
 * Directory rows by slot. After loading a serialised index the rows stay in a few long column
 * strings and a Row object is made only when a match needs it; removed slots become null.
 */
export class RowStore {
  private readonly rows: Array<Row | null | undefined>;
  private liveCount: number;

  private constructor(
    private readonly columns: Columns | null,
    count: number,
  ) {
    this.rows = new Array<Row | null | undefined>(count);
    this.liveCount = count;
  }

  static empty(): RowStore {
    return new RowStore(null, 0);
  }

  /** Slots, removed ones included. */
  get length(): number {
    return this.rows.length;
  }

  get live(): number {
    return this.liveCount;
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
    return this.columns ? this.text('id', slot) : '';
  }

  add(row: Row): number {
    this.rows.push(row);
    this.liveCount++;
    return this.rows.length - 1;
  }

  remove(slot: number): void {
    if (!this.isLive(slot)) return;
    this.rows[slot] = null;
    this.liveCount--;
  }

  /** Live rows with their slots. */
  *entries(): IterableIterator<[number, Row]> {
    for (let slot = 0; slot < this.rows.length; slot++) {
      const row = this.get(slot);
      if (row) yield [slot, row];
    }
  }

  /** Ids of live slots, without making Row objects. */
  *ids(): IterableIterator<[string, number]> {
    for (let slot = 0; slot < this.rows.length; slot++) if (this.isLive(slot)) yield [this.idOf(slot), slot];
  }

  private text(column: TextColumn, slot: number): string {
    const c = this.columns!;
    return c.texts[column].slice(c.offsets[column][slot], c.offsets[column][slot + 1]);
  }

  private fromColumns(slot: number): Row {
    const c = this.columns!;
    const list = (column: TextColumn) => {
      const value = this.text(column, slot);
      return value ? value.split(LIST) : [];
    };
    const tenure: Array<[number, number]> = [];
    for (let i = c.tenureStart[slot]; i < c.tenureStart[slot + 1]; i += 2) tenure.push([c.tenure[i], c.tenure[i + 1]]);
    return {
      id: this.text('id', slot),
      display: this.text('display', slot),
      names: list('names'),
      former: list('former'),
      urls: list('urls'),
      tenure,
      employer: this.text('employer', slot),
      employerOrgId: this.text('employerOrgId', slot),
      common: c.common.charCodeAt(slot) === 49,
    };
  }

  /** Writes `rows` (slot order) as columns. */
  static write(rows: Row[], out: SectionWriter, prefix: string): void {
    for (const column of TEXT_COLUMNS) {
      const offsets = new Int32Array(rows.length + 1);
      const cells = rows.map((row, i) => {
        const value = cell(row, column);
        offsets[i + 1] = offsets[i] + value.length;
        return value;
      });
      out.text(`${prefix}.${column}`, cells.join(''));
      out.ints(`${prefix}.${column}.offsets`, offsets, true);
    }
    out.text(`${prefix}.common`, rows.map((r) => (r.common ? '1' : '0')).join(''));
    const tenureStart = [0];
    const tenure: number[] = [];
    for (const row of rows) {
      for (const [from, to] of row.tenure) tenure.push(from, to);
      tenureStart.push(tenure.length);
    }
    out.ints(`${prefix}.tenureStart`, tenureStart, true);
    out.ints(`${prefix}.tenure`, tenure);
  }

  static read(input: SectionReader, prefix: string): RowStore {
    const texts = {} as Record<TextColumn, string>;
    const offsets = {} as Record<TextColumn, Int32Array>;
    for (const column of TEXT_COLUMNS) {
      texts[column] = input.text(`${prefix}.${column}`);
      offsets[column] = input.ints(`${prefix}.${column}.offsets`);
    }
    const count = offsets.id.length - 1;
    if (count < 0 || TEXT_COLUMNS.some((c) => offsets[c].length !== count + 1)) throw new Error('Serialised recognition index: rows are damaged');
    const columns: Columns = {
      texts,
      offsets,
      common: input.text(`${prefix}.common`),
      tenureStart: input.ints(`${prefix}.tenureStart`),
      tenure: input.ints(`${prefix}.tenure`),
    };
    return new RowStore(columns, count);
  }
}
