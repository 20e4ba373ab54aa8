import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { lockDataFolder } from '../../server/db/folder-lock';
import { call } from './support/http';
import { newDataFolder, removeDataFolderTemplates } from './support/data-folder';

// The embedded data folder's lock must refuse a second running server, and nothing else: not a restart after
// a crash in a container (where the server is PID 1 every time), not a zombie, not a reused PID.

const repo = fileURLToPath(new URL('../../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'alumni-lens-lock-'));
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await removeDataFolderTemplates();
});

const lockFile = (folder: string) => join(folder, 'alumni-lens.lock');

function waitFor(child: ChildProcess, pattern: RegExp, timeoutMs = 90_000): Promise<RegExpExecArray> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${pattern}:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Exited with ${code} before ${pattern}:\n${output}`));
    });
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

/** The server command as PID 1 of a new PID namespace (a container's view); killing `unshare` kills it. */
function serverInPidNamespace(folder: string): ChildProcess {
  return spawn(
    'unshare',
    ['--fork', '--pid', '--mount-proc', '--kill-child', process.execPath, '--import', 'tsx', 'server/cli.ts', '--port', '0', '--data', folder],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

describe('the data-folder lock', () => {
  test('a server killed with SIGKILL as PID 1 of its PID namespace starts again in a new one (a container restart)', async () => {
    const folder = await newDataFolder(join(root, 'container'));
    const first = serverInPidNamespace(folder);
    const [, url] = await waitFor(first, /backend on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/);
    expect((await call(`${url}/api/v1/health`)).status).toBe(200);
    expect(JSON.parse(readFileSync(lockFile(folder), 'utf8')).pid).toBe(1);

    first.kill('SIGKILL'); // unshare dies, and takes its child (the server, PID 1 inside) with it
    await exited(first);
    await expect(call(`${url}/api/v1/health`)).rejects.toThrow();
    expect(existsSync(lockFile(folder))).toBe(true); // left behind, as a crash leaves it

    const second = serverInPidNamespace(folder);
    try {
      const [, again] = await waitFor(second, /backend on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/);
      expect((await call(`${again}/api/v1/health`)).body).toEqual({ status: 'ok', database: 'pglite', version: expect.any(String) });
    } finally {
      second.kill('SIGKILL');
      await exited(second);
    }
  }, 240_000);

  test('a genuinely running owner (another process) is refused, and so is a second open in the same process', async () => {
    const folder = mkdtempSync(join(root, 'held-'));
    const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/server/support/hold-lock.ts', folder], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await waitFor(holder, /locked/);
      expect(() => lockDataFolder(folder)).toThrow(new RegExp(`in use by process ${holder.pid}`));
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }
    // Its holder gone (SIGKILL, no clean-up), the folder can be locked; a second lock in this process is refused.
    const unlock = lockDataFolder(folder);
    try {
      expect(() => lockDataFolder(folder)).toThrow(/in use by process/);
    } finally {
      unlock();
    }
  }, 120_000);

  test('a lock whose PID is a zombie (an exited process not yet reaped) is taken over', async () => {
    // `sleep 0` exits at once; its parent, exec'd into `sleep 60`, never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & exec sleep 60'], { stdio: 'ignore' });
    try {
      let zombie: number | undefined;
      for (let i = 0; i < 100 && zombie === undefined; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        zombie = childPids(parent.pid!).find((pid) => procState(pid) === 'Z');
      }
      expect(zombie).toBeDefined();
      const folder = mkdtempSync(join(root, 'zombie-'));
      writeFileSync(lockFile(folder), String(zombie)); // as a PID-only lock of an earlier release
      lockDataFolder(folder)();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  test('a lock naming a live PID started at another time (the PID was reused) is taken over', async () => {
    const unrelated = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const folder = mkdtempSync(join(root, 'reused-'));
      const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      writeFileSync(lockFile(folder), JSON.stringify({ pid: unrelated.pid, startTime: '1', bootId }));
      lockDataFolder(folder)();
      // The same PID with its real start time is a running owner.
      writeFileSync(lockFile(folder), JSON.stringify({ pid: unrelated.pid, startTime: procStartTime(unrelated.pid!), bootId }));
      expect(() => lockDataFolder(folder)).toThrow(/in use/);
    } finally {
      unrelated.kill('SIGKILL');
    }
  });
});

function childPids(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
}

function statFields(pid: number): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}
const procState = (pid: number) => statFields(pid)[0];
const procStartTime = (pid: number) => statFields(pid)[19]!;
