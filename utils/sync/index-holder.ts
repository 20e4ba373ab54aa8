import { Alumnus, Organization } from '../api';
import { type Database, getMeta, setMeta } from '../db';
import { buildIndex, loadIndex } from '../recognition';
import type { RecognitionIndex } from '../recognition/types';
import type { Delta } from './delta';

/**
 * Keeps the recognition index in memory and its serialised form in IndexedDB. A freshly woken
 * worker loads the serialised index (fast) instead of rebuilding it from the records (slow); the
 * stored data version says whether the serialised form still matches the records.
 */
export class IndexHolder {
  private index: RecognitionIndex | null = null;
  private version = -1;
  private loading: Promise<RecognitionIndex> | null = null;

  constructor(
    private readonly db: Database,
    private readonly report: (message: string) => void = () => {},
  ) {}

  /** The index, loaded or (when missing or stale) rebuilt on first use. */
  get(): Promise<RecognitionIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  /** After a commit: follow the change incrementally, or rebuild if we were not at the previous version. */
  async applyDelta(delta: Delta<'directory'> | Delta<'organizations'>, newVersion: number): Promise<void> {
    const index = await this.get();
    if (this.version === newVersion) return;
    if (delta.resource === 'directory') {
      for (const [id, record] of (delta as Delta<'directory'>).changes) {
        if (record === null) index.remove(id);
        else index.upsert(record);
      }
    } else {
      index.setOrganizations(await this.readOrganizations());
    }
    this.version = newVersion;
    await this.persist();
  }

  /** Forgets the in-memory index, e.g. after the synced data was cleared. */
  async reset(): Promise<void> {
    this.index = null;
    this.version = -1;
    await this.get();
  }

  private async load(): Promise<RecognitionIndex> {
    const version = (await getMeta(this.db, 'dataVersion')) ?? 0;
    const stored = await getMeta(this.db, 'index');
    if (stored && stored.dataVersion === version) {
      try {
        const loaded = loadIndex(stored.serialized);
        this.index = loaded;
        this.version = version;
        return loaded;
      } catch (error) {
        this.report(`The stored recognition index could not be loaded and was rebuilt: ${String(error)}`);
      }
    }
    const built = buildIndex(await this.readAlumni(), await this.readOrganizations());
    this.index = built;
    this.version = version;
    await this.persist();
    return built;
  }

  private async persist(): Promise<void> {
    if (!this.index) return;
    await setMeta(this.db, 'index', { serialized: this.index.serialize(), dataVersion: this.version });
  }

  private async readAlumni(): Promise<Alumnus[]> {
    return parseAll(await this.db.getAll('alumni'), Alumnus.safeParse.bind(Alumnus), this.report, 'alumnus');
  }

  private async readOrganizations(): Promise<Organization[]> {
    return parseAll(await this.db.getAll('organizations'), Organization.safeParse.bind(Organization), this.report, 'organisation');
  }
}

function parseAll<T>(
  rows: unknown[],
  parse: (row: unknown) => { success: true; data: T } | { success: false },
  report: (message: string) => void,
  what: string,
): T[] {
  const records: T[] = [];
  let bad = 0;
  for (const row of rows) {
    const parsed = parse(row);
    if (parsed.success) records.push(parsed.data);
    else bad++;
  }
  if (bad > 0) report(`${bad} stored ${what} record(s) could not be read and were left out of the index`);
  return records;
}
