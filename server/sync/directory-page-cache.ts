import type { DirectoryPage, Role } from '../../utils/api';
import type { Queryable } from '../db/database';
import { directoryPage, lastRemovalSeq } from '../store/alumni';

/** Serialised pages kept at most (UTF-16 code units, about bytes for this mostly-ASCII JSON). */
const DEFAULT_MAX_CHARS = 32_000_000;
/** A kept page is read again after this long: clients catching up together do so within minutes. */
const MAX_AGE_MS = 10 * 60_000;

interface Kept {
  /** The page as JSON, once read. */
  text: Promise<string>;
  /** The newest removal from recognition when it was read: a later one makes it unservable. */
  removalSeen: number;
  chars: number;
  readAt: number;
}

/**
 * Delta pages of the directory after a cursor, serialised once and served to every client that asks for the same
 * page. Clients starting from one snapshot walk the same cursors, so 20 of them catching up during an import cost the
 * server one read per page instead of 20 (the event loop those reads took was what introductions waited behind).
 *
 * Only pages with more to come are kept: the last page grows as changes arrive. A kept page may be older than the
 * rows it names (a row changed again since moved on to a later page); a client reading it meets the newer version on
 * that later page, as if it had read this one earlier. A page read before anyone was erased or withdrew consent is
 * never served after it: each lookup compares the newest removal with the one the page was read under.
 */
export class DirectoryPageCache {
  private readonly kept = new Map<string, Kept>();
  private chars = 0;

  constructor(
    private readonly db: Queryable,
    private readonly maxChars = DEFAULT_MAX_CHARS,
  ) {}

  async page(role: Role, since: string | undefined, limit: number): Promise<string> {
    // A first page without a cursor starts from the directory as it is now: nothing to share.
    if (since === undefined) return JSON.stringify((await directoryPage(this.db, role, since, limit)) satisfies DirectoryPage);
    const removalSeen = await lastRemovalSeq(this.db);
    const key = `${role} ${limit} ${since}`;
    const found = this.kept.get(key);
    if (found && found.removalSeen === removalSeen && performance.now() - found.readAt < MAX_AGE_MS) return found.text;
    if (found) this.forget(key);
    return this.read(key, role, since, limit, removalSeen);
  }

  private read(key: string, role: Role, since: string, limit: number, removalSeen: number): Promise<string> {
    const entry: Kept = { text: Promise.resolve(''), removalSeen, chars: 0, readAt: performance.now() };
    entry.text = directoryPage(this.db, role, since, limit).then((page) => {
      const text = JSON.stringify(page satisfies DirectoryPage);
      if (page.complete || this.kept.get(key) !== entry) {
        if (this.kept.get(key) === entry) this.kept.delete(key);
        return text;
      }
      entry.chars = text.length;
      this.chars += text.length;
      this.evict();
      return text;
    });
    // Concurrent requests for the page join this read; a failed one (e.g. a forged cursor) is not kept.
    this.kept.set(key, entry);
    entry.text.catch(() => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    });
    return entry.text;
  }

  private forget(key: string): void {
    const entry = this.kept.get(key);
    if (!entry) return;
    this.chars -= entry.chars;
    this.kept.delete(key);
  }

  /** Drops the oldest pages (a Map keeps insertion order) until the rest fit. */
  private evict(): void {
    for (const key of this.kept.keys()) {
      if (this.chars <= this.maxChars) return;
      this.forget(key);
    }
  }
}
