import { Organization, recognitionFieldsAt, type RecognitionColumns } from '../api';
import { type Database, getMeta, readAllAlumni, setMeta } from '../db';
import { buildIndex, loadIndex } from '../recognition';
import type { RecognitionIndex } from '../recognition/types';
import type { Delta } from './delta';

/**
 * Keeps the recognition index in memory and its serialised form in IndexedDB. A freshly woken
 * worker loads the serialised index (fast) instead of rebuilding it from the records (slow); the
 * stored data version says whether the serialised form still matches the records. Changes are
 * saved once a sync run is over (`save`), not after each resource: serialising 100,000 alumni is
 * work worth doing once.
 */
export class IndexHolder {
  private index: RecognitionIndex | null = null;
  private version = -1;
  private loading: Promise<RecognitionIndex> | null = null;
  /** Bumped whenever the in-memory index is replaced, so a load that started earlier cannot overwrite it. */
  private generation = 0;
  private unsaved = false;

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

  /**
   * A snapshot replaced the directory: the index is built from its recognition columns (no record is
   * parsed for it), with the organisations already stored. Call `install` once the snapshot is committed.
   */
  async buildFromColumns(columns: RecognitionColumns): Promise<RecognitionIndex> {
    const entries = Array.from({ length: columns.id.length }, (_, i) => recognitionFieldsAt(columns, i));
    return buildIndex(entries, await this.readOrganizations());
  }

  /** Makes `index` the current one, matching the data at `version`. */
  install(index: RecognitionIndex, version: number): void {
    this.generation++;
    this.index = index;
    this.version = version;
    this.unsaved = true;
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
    this.unsaved = true;
  }

  /** Writes the index if it changed since it was last written (at the end of a sync run). */
  async save(): Promise<void> {
    if (!this.index || !this.unsaved) return;
    this.unsaved = false;
    const started = performance.now();
    await setMeta(this.db, 'index', { serialized: this.index.serialize(), dataVersion: this.version });
    await this.recordTiming({ saveMs: Math.round(performance.now() - started) });
  }

  /** For the diagnostics and the benchmark: how long saving and loading took last. */
  private async recordTiming(timing: { saveMs?: number; loadMs?: number }): Promise<void> {
    const previous = await getMeta(this.db, 'indexTimings');
    await setMeta(this.db, 'indexTimings', { ...previous, ...timing });
  }

  /** Forgets the in-memory index, e.g. after the synced data was cleared. */
  async reset(): Promise<void> {
    this.generation++;
    this.index = null;
    this.version = -1;
    await this.get();
  }

  private async load(): Promise<RecognitionIndex> {
    const generation = this.generation;
    const version = (await getMeta(this.db, 'dataVersion')) ?? 0;
    const stored = await getMeta(this.db, 'index');
    let index: RecognitionIndex | null = null;
    if (stored && stored.dataVersion === version) {
      try {
        const started = performance.now();
        index = loadIndex(stored.serialized);
        void this.recordTiming({ loadMs: Math.round(performance.now() - started) }).catch(() => undefined);
      } catch (error) {
        this.report(`The stored recognition index could not be loaded and was rebuilt: ${String(error)}`);
      }
    }
    const rebuilt = !index;
    index ??= buildIndex(await this.readAlumni(), await this.readOrganizations());
    // Installed meanwhile (a snapshot arrived while this was loading): that one is newer.
    if (generation !== this.generation && this.index) return this.index;
    this.index = index;
    this.version = version;
    if (rebuilt) {
      this.unsaved = true;
      await this.save();
    }
    return index;
  }

  private async readAlumni() {
    const { alumni, unreadable } = await readAllAlumni(this.db);
    if (unreadable > 0) this.report(`${unreadable} stored alumnus record(s) could not be read and were left out of the index`);
    return alumni;
  }

  private async readOrganizations(): Promise<Organization[]> {
    const records: Organization[] = [];
    let bad = 0;
    for (const row of await this.db.getAll('organizations')) {
      const parsed = Organization.safeParse(row);
      if (parsed.success) records.push(parsed.data);
      else bad++;
    }
    if (bad > 0) this.report(`${bad} stored organisation record(s) could not be read and were left out of the index`);
    return records;
  }
}
