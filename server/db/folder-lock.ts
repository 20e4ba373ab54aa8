import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is PostgreSQL inside one process: a second process opening the same data folder (say `token create`
 * while the server runs) would write to the same files unsynchronised. This lock file makes it refuse instead.
 * A lock left by a process that no longer exists (a crash) is taken over.
 */
export function lockDataFolder(dataDir: string): () => void {
  const path = join(dataDir, 'alumni-lens.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new Error(
          `The data folder ${dataDir} is in use by process ${owner} (a running server?). Stop it first; ` +
            'an embedded database serves one process at a time (use PostgreSQL to share one database).',
        );
      }
      unlinkSync(path);
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
