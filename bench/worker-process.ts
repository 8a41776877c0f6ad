/**
 * The product's worker as a deployment runs it: `scripts/worker.ts` in a process of its own, so that its
 * resident memory is measured alone and it competes with the bench driver for CPU as a real worker would.
 * The fault suite uses it too, to kill the worker with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The worker's NODE_OPTIONS in docker-compose.yml. Without a heap limit V8 sizes the heap from the
 * machine's memory (~4 GiB here) and collects lazily: the bench measured 1.4 GiB RSS with 4,000 open
 * workflows, 0.73 GiB with this limit and the same 1,000 cached workflows.
 */
export const WORKER_NODE_OPTIONS = '--max-old-space-size=512';

export interface WorkerProcess {
  pid: number;
  /** Resident set size now and its peak (VmHWM), in bytes. */
  memory(): { rss: number; peak: number };
  /** SIGTERM: the worker finishes what it runs and exits (SIGKILL after 30 s). */
  stop(): Promise<void>;
  /** kill -9: no shutdown, activities cut in the middle. */
  kill(): Promise<void>;
}

const kib = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;

/** `logFile`: everything the worker prints goes there too (the fault suite keeps one per start). */
export async function startWorkerProcess(env: Record<string, string>, opts: { logFile?: string } = {}): Promise<WorkerProcess> {
  // `node --import tsx` runs the script in this one process (the tsx CLI would add a parent process).
  // Node flags as docker-compose.yml gives the worker service (its heap limit); BENCH_WORKER_NODE_ARGS
  // tries others.
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? WORKER_NODE_OPTIONS).split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'scripts/worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (opts.logFile) {
    const log = createWriteStream(opts.logFile);
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  }
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker process did not start polling within 120 s\n${stderr}`)), 120_000);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out = (out + d.toString()).slice(-8000);
      if (out.includes('worker polling')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker process exited with ${code}\n${stderr}`));
    });
  });
  const pid = child.pid!;
  return {
    pid,
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return { rss: kib(status, 'VmRSS'), peak: kib(status, 'VmHWM') };
    },
    stop: () => signal(child, 'SIGTERM'),
    kill: () => signal(child, 'SIGKILL'),
  };
}

/** Send `sig` and wait for the exit; a SIGTERM not obeyed within 30 s becomes a SIGKILL. */
function signal(child: ChildProcess, sig: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const hard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill(sig);
  });
}
