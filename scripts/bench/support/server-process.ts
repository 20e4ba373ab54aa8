import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The reference server in a process of its own (as deployed), so its CPU time can be read from /proc. */
export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startServerProcess(args: string[]): Promise<ServerProcess> {
  const cli = join(process.cwd(), 'server', 'cli.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 3 minutes:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /backend on (http:\/\/[^/\s]+)\/api\/v1/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of these processes so far (Linux /proc; clock ticks of 10 ms). */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // After the command: state is field 3, utime 14 and stime 15 (1-based), so 11 and 12 here.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile: its time is lost, which can only understate.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * User + system CPU seconds of a process tree so far: the root's own and its reaped children's (cutime, cstime:
 * PostgreSQL's postmaster reaps every backend that ends) plus its live children's. Summing only the processes alive
 * at each look lost the CPU of backends that ended in between and could even come out negative; this cannot.
 */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime: fields 14–17 (1-based), 11–14 here.
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return Number.NaN; // The root is gone: no figure rather than a wrong one.
  }
  return ticks / TICKS_PER_SECOND + cpuSeconds(withChildren(pid).slice(1));
}

/** A process and its children (PostgreSQL's postmaster and its backends). */
export function withChildren(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (parent === pid) pids.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}
