/**
 * Index storage benchmark (issue 14 item 10): run by `npm run bench`, or alone with
 * `node --expose-gc --import tsx scripts/bench/index-storage.ts`.
 * Whether utils/recognition/codec.ts earns its keep: the 100,000-alumni index saved and loaded
 * through the codec (one string, as the snapshot carries it and IndexedDB stores it) against the
 * baseline, the same sections kept as typed arrays in one object and structured-cloned (V8's
 * serializer, what IndexedDB uses in Chromium). Both sides pass through the serializer, as a
 * write to and a read from IndexedDB would.
 */
import { deserialize, serialize } from 'node:v8';
import { buildIndex } from '../../utils/recognition';
import type { SectionReader, SectionWriter } from '../../utils/recognition/codec';
import { DirectoryIndex } from '../../utils/recognition/recognition-index';
import { RowStore } from '../../utils/recognition/row-store';
import { readTables, writeTables } from '../../utils/recognition/tables';
import { generateDirectory } from '../data/synthetic-directory';

const DIRECTORY_SIZE = 100_000;
const ROUNDS = 5;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

type Sections = Record<string, string | Int32Array>;

/** The baseline: each section as it is in memory, no encoding. */
class CloneWriter {
  readonly sections: Sections = {};
  text(name: string, value: string): void {
    this.sections[name] = value;
  }
  ints(name: string, values: ArrayLike<number>): void {
    this.sections[name] = Int32Array.from(values);
  }
}

class CloneReader {
  constructor(private readonly sections: Sections) {}
  text(name: string): string {
    return this.sections[name] as string;
  }
  ints(name: string): Int32Array {
    return this.sections[name] as Int32Array;
  }
}

log(`building the index of ${DIRECTORY_SIZE.toLocaleString('en')} synthetic alumni (seed 1)…`);
const index = buildIndex(generateDirectory(DIRECTORY_SIZE, 1), []) as DirectoryIndex;
// The pieces the index writes, read back once through the codec so both sides start from the same rows and tables.
const internals = index as unknown as { rows: RowStore; base: Parameters<typeof writeTables>[0] };
const rows = [...internals.rows.entries()].map(([, row]) => row);

let codecString = '';
const codecSave = median(() => {
  codecString = index.serialize();
  serialize(codecString);
});
const codecStored = serialize(codecString).length;
const codecWire = Buffer.byteLength(codecString, 'utf8');
const codecLoad = median(() => {
  DirectoryIndex.load(deserialize(serialize(codecString)) as string);
});

let cloned: Buffer = Buffer.alloc(0);
const cloneSave = median(() => {
  const out = new CloneWriter();
  RowStore.write(rows, out as unknown as SectionWriter, 'rows');
  writeTables(internals.base, out as unknown as SectionWriter);
  cloned = serialize(out.sections);
});
const cloneLoad = median(() => {
  const input = new CloneReader(deserialize(cloned) as Sections) as unknown as SectionReader;
  const store = RowStore.read(input, 'rows');
  readTables(input, store.length);
});

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const ratio = (codec: number, baseline: number) => `${(codec / baseline).toFixed(2)}×`;
console.log(`\nRecognition index storage, ${DIRECTORY_SIZE.toLocaleString('en')} alumni (median of ${ROUNDS})`);
console.table([
  { measure: 'stored bytes (V8 serializer, as IndexedDB)', codec: `${mb(codecStored)} MB`, 'structured clone (baseline)': `${mb(cloned.length)} MB`, ratio: ratio(codecStored, cloned.length) },
  { measure: 'bytes on the wire (snapshot, UTF-8)', codec: `${mb(codecWire)} MB`, 'structured clone (baseline)': 'n/a (binary, not text)', ratio: '' },
  { measure: 'save ms (encode + serialize)', codec: codecSave.toFixed(0), 'structured clone (baseline)': cloneSave.toFixed(0), ratio: ratio(codecSave, cloneSave) },
  { measure: 'load ms (deserialize + decode)', codec: codecLoad.toFixed(0), 'structured clone (baseline)': cloneLoad.toFixed(0), ratio: ratio(codecLoad, cloneLoad) },
]);
