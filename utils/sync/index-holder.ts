import { Alumnus, Organization, type RecordLines } from '../api';
import { type Database, getMeta, readAllAlumni, setMeta } from '../db';
import { buildIndex, INDEX_FORMAT, loadIndex } from '../recognition';
import type { RecognitionIndex } from '../recognition/types';
import type { Delta } from './delta';

/**
 * Keeps the recognition index in memory and its serialised form in IndexedDB. A freshly woken
 * worker loads the serialised index (fast) instead of rebuilding it from the records (slow); the
 * stored data version says whether the serialised form still matches the records. Changes are
 * saved once a sync run is over (`save`), not after each resource: serialising 100,000 alumni is
 * work worth doing once. Organisations are not taken from the serialised form: they are set from
 * the organisations store whenever an index is loaded, so a change to them needs no new form.
 */
export class IndexHolder {
  private index: RecognitionIndex | null = null;
  private version = -1;
  /** The serialised form of `index` while no directory change was made to it since (received or loaded). */
  private serialized: string | null = null;
  private loading: Promise<RecognitionIndex> | null = null;
  /** Bumped whenever the in-memory index is replaced, so a load that started earlier cannot overwrite it. */
  private generation = 0;
  private unsaved = false;
  private replacing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly report: (message: string) => void = () => {},
  ) {}

  /**
   * The index, loaded or (when missing or stale) rebuilt on first use. While a snapshot replaces an empty
   * directory, callers wait for its index rather than rebuild one from records that are being replaced.
   */
  async get(): Promise<RecognitionIndex> {
    if (this.index) return this.index;
    if (this.replacing) await this.replacing.catch(() => undefined);
    if (this.index) return this.index;
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  /**
   * Installs a snapshot's index, then runs `store`, which stores the snapshot and gives the data version it
   * committed. The index is the one the server built when it is in this engine's format and recognises exactly the
   * snapshot's alumni, else one built here from the records (slower; the reason is reported). Recognition starts
   * before the records are stored: `store` keeps them readable from memory meanwhile (utils/db, holdRecords).
   */
  async replace(
    snapshot: { index: string; indexFormat: string; lines: RecordLines },
    store: () => Promise<number>,
  ): Promise<{ loadMs: number; storeMs: number }> {
    const started = performance.now();
    let installed!: () => void;
    const running = new Promise<void>((resolve) => (installed = resolve));
    this.replacing = running;
    try {
      const organizations = await this.readOrganizations();
      const received = this.receivedIndex(snapshot);
      const index = received ?? buildIndex(recordsOf(snapshot.lines), organizations);
      index.setOrganizations(organizations);
      this.install(index, -1, received ? snapshot.index : null);
      const loaded = performance.now();
      installed();
      try {
        this.version = await store();
      } catch (error) {
        // Not stored: this index answers for records that are not there. The next use builds from what is.
        this.generation++;
        this.index = null;
        this.serialized = null;
        throw error;
      }
      return { loadMs: loaded - started, storeMs: performance.now() - loaded };
    } finally {
      installed();
      if (this.replacing === running) this.replacing = null;
    }
  }

  private receivedIndex(snapshot: { index: string; indexFormat: string; lines: RecordLines }): RecognitionIndex | null {
    if (snapshot.indexFormat !== INDEX_FORMAT) {
      this.report(`The backend sent a recognition index in format ${snapshot.indexFormat}; this version reads ${INDEX_FORMAT}, so it was built here`);
      return null;
    }
    try {
      const index = loadIndex(snapshot.index);
      const { ids } = snapshot.lines;
      if (index.size !== ids.length || !ids.every((id) => index.has(id))) throw new Error('it does not name exactly the alumni it came with');
      return index;
    } catch (error) {
      this.report(`The backend's recognition index could not be used, so it was built here: ${String(error)}`);
      return null;
    }
  }

  /** Makes `index` the current one, matching the data at `version`; `serialized` is its form if known. */
  private install(index: RecognitionIndex, version: number, serialized: string | null): void {
    this.generation++;
    this.index = index;
    this.version = version;
    this.serialized = serialized;
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
      if (delta.changes.size > 0) this.serialized = null;
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
    this.serialized ??= this.index.serialize();
    await setMeta(this.db, 'index', { serialized: this.serialized, dataVersion: this.version });
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
    this.serialized = null;
    this.version = -1;
    await this.get();
  }

  private async load(): Promise<RecognitionIndex> {
    const generation = this.generation;
    const version = (await getMeta(this.db, 'dataVersion')) ?? 0;
    const stored = await getMeta(this.db, 'index');
    const organizations = await this.readOrganizations();
    let index: RecognitionIndex | null = null;
    if (stored && stored.dataVersion === version) {
      try {
        const started = performance.now();
        index = loadIndex(stored.serialized);
        index.setOrganizations(organizations);
        void this.recordTiming({ loadMs: Math.round(performance.now() - started) }).catch(() => undefined);
      } catch (error) {
        index = null;
        this.report(`The stored recognition index could not be loaded and was rebuilt: ${String(error)}`);
      }
    }
    const rebuilt = !index;
    index ??= buildIndex(await this.readAlumni(), organizations);
    // Installed meanwhile (a snapshot arrived while this was loading): that one is newer.
    if (generation !== this.generation && this.index) return this.index;
    this.index = index;
    this.version = version;
    this.serialized = rebuilt ? null : stored!.serialized;
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

/** The records of a snapshot that pass the contract, for building an index here. */
function recordsOf(lines: RecordLines): Alumnus[] {
  const decoder = new TextDecoder();
  const records: Alumnus[] = [];
  for (let i = 0; i < lines.ids.length; i++) {
    try {
      const parsed = Alumnus.safeParse(JSON.parse(decoder.decode(lines.bytes.subarray(i === 0 ? 0 : lines.ends[i - 1], lines.ends[i]))));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // Not JSON: left out, like a record that breaks the contract.
    }
  }
  return records;
}
