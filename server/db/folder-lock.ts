import { closeSync, linkSync, openSync, readFileSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * PGlite is PostgreSQL inside one process: a second process opening the same data folder (say `token create`
 * while the server runs) would write to the same files unsynchronised. The lock file makes it refuse instead.
 *
 * A lock is only as good as its answer to "is the owner still running?". A PID alone answers wrongly in a
 * container, where the server is PID 1 on every start (after a crash or an OOM kill the new server would see
 * "process 1 is alive" — itself), and for a zombie or a PID the system has reused. So the lock records the
 * owner's PID with the kernel's start time of that process and the boot it ran in (Linux /proc), and the owner
 * counts as running only if a process with that PID, that start time and that boot still exists and is not a
 * zombie. Node 20 has no flock() without a native addon; this check needs none. Elsewhere (no /proc) it falls
 * back to "the PID exists". Limit: processes in another PID namespace are invisible, so two containers must
 * not share one data folder at the same time (use PostgreSQL for several processes).
 */
export interface LockOwner {
  pid: number;
  /** Field 22 of /proc/PID/stat: clock ticks after boot at which the process started. */
  startTime?: string;
  /** /proc/sys/kernel/random/boot_id: a lock from an earlier boot is stale whatever its PID. */
  bootId?: string;
}

/** Folders this process holds: a second open in the same process is refused, not mistaken for a restart. */
const heldHere = new Set<string>();

export function lockDataFolder(dataDir: string): () => void {
  const folder = realpathSync(dataDir);
  const path = join(folder, 'alumni-lens.lock');
  if (heldHere.has(folder)) throw inUse(dataDir, process.pid);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(currentOwner()));
      closeSync(fd);
      heldHere.add(folder);
      return () => {
        heldHere.delete(folder);
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const content = readLock(path);
      if (content === undefined) continue; // removed meanwhile: try again
      const owner = parseOwner(content);
      if (owner && isRunning(owner)) throw inUse(dataDir, owner.pid);
      takeOverStale(path, content);
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}

function inUse(dataDir: string, pid: number): Error {
  return new Error(
    `The data folder ${dataDir} is in use by process ${pid} (a running server?). Stop it first; ` +
      'an embedded database serves one process at a time (use PostgreSQL to share one database).',
  );
}

/**
 * Removes a stale lock, unless another starter replaced it meanwhile: the file is first moved aside
 * (atomic), and put back if what was moved is no longer the stale content that was judged.
 */
function takeOverStale(path: string, judged: string): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readLock(aside) !== judged) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone locked it again meanwhile: theirs stands.
    }
  }
  unlinkSync(aside);
}

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The current lock format (JSON) or the PID-only format of earlier releases. */
export function parseOwner(content: string): LockOwner | undefined {
  const text = content.trim();
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || (value.pid ?? 0) <= 0) return undefined;
    return {
      pid: value.pid!,
      ...(typeof value.startTime === 'string' ? { startTime: value.startTime } : {}),
      ...(typeof value.bootId === 'string' ? { bootId: value.bootId } : {}),
    };
  } catch {
    return undefined; // unreadable: no owner to protect
  }
}

export function currentOwner(): LockOwner {
  const stat = procStat(process.pid);
  const bootId = readProc('/proc/sys/kernel/random/boot_id')?.trim();
  return { pid: process.pid, ...(stat ? { startTime: stat.startTime } : {}), ...(bootId ? { bootId } : {}) };
}

/** Whether the process that wrote the lock is still running (see the comment at the top). */
export function isRunning(owner: LockOwner): boolean {
  // Our own PID, but not a folder this process holds: the owner was an earlier process with the same PID
  // (PID 1 of a restarted container), gone since.
  if (owner.pid === process.pid) return false;
  const bootId = readProc('/proc/sys/kernel/random/boot_id')?.trim();
  if (owner.bootId && bootId && owner.bootId !== bootId) return false;
  if (readProc('/proc/self/stat') !== undefined) {
    const stat = procStat(owner.pid);
    if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
    return owner.startTime === undefined || owner.startTime === stat.startTime;
  }
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** State and start time of a process from /proc/PID/stat, or undefined when there is no such process. */
function procStat(pid: number): { state: string; startTime: string } | undefined {
  const text = readProc(`/proc/${pid}/stat`);
  if (!text) return undefined;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
  return fields[0] && fields[19] ? { state: fields[0], startTime: fields[19] } : undefined;
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
