import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { Logger } from './logger';
import { ConfigError } from './config';

export interface EmbeddedTemporalOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  logger: Logger;
  /**
   * SQLite pragmas instead of the crash-safe default (WAL, synchronous=normal); benchmarks pass the
   * Temporal SDK CI's `journal_mode=wal`, `synchronous=off` on a throwaway data dir.
   */
  sqlitePragmas?: string[];
}

export interface EmbeddedTemporal {
  address: string;
  uiUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Resolve true when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function processCmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/**
 * A dev server left running by an earlier `npm start` that was killed with SIGKILL holds our SQLite
 * file and ports. Its pid is in data/temporal.pid; stop it if it is still that very server.
 */
async function stopLeftover(pidFile: string, dbFile: string, logger: Logger): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  const cmd = Number.isInteger(pid) ? processCmdline(pid) : undefined;
  if (cmd?.includes('start-dev') && cmd.includes(dbFile)) {
    logger.warn({ pid }, 'stopping a Temporal dev server left over from an earlier run');
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && processCmdline(pid) !== undefined; i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(pidFile, { force: true });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Start `temporal server start-dev` with its state in DATA_DIR/temporal.db, so a second `npm start`
 * finds every workflow of the first. WAL with synchronous=NORMAL survives a crash of the process.
 */
export async function startEmbeddedTemporal(opts: EmbeddedTemporalOptions): Promise<EmbeddedTemporal> {
  const { logger } = opts;
  const dbFile = path.join(opts.dataDir, 'temporal.db');
  const pidFile = path.join(opts.dataDir, 'temporal.pid');
  await stopLeftover(pidFile, dbFile, logger);
  for (const [name, port] of [
    ['TEMPORAL_PORT', opts.port],
    ['TEMPORAL_UI_PORT', opts.uiPort],
  ] as const) {
    if (!(await isPortFree(port))) {
      throw new ConfigError(`Port ${port} is already in use, so the embedded Temporal server cannot start: stop the program using it or set ${name}.`);
    }
  }

  const args = [
    'server', 'start-dev',
    '--db-filename', dbFile,
    '--ip', '127.0.0.1',
    '--port', String(opts.port),
    '--ui-port', String(opts.uiPort),
    '--namespace', opts.namespace,
    '--log-level', 'warn',
    '--ui-disable-news-fetch',
    ...(opts.sqlitePragmas ?? ['journal_mode=wal', 'synchronous=normal']).flatMap((p) => ['--sqlite-pragma', p]),
  ];
  const child = spawn(opts.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  let stderrTail = '';
  const remember = (d: Buffer) => {
    stderrTail = (stderrTail + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  let exited = false;
  child.once('exit', (code, signal) => {
    exited = true;
    rmSync(pidFile, { force: true });
    if (!stopping) logger.error({ code, signal, output: stderrTail.slice(-1000) }, 'the embedded Temporal server stopped unexpectedly');
  });
  let stopping = false;

  const address = `127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new ConfigError(`The Temporal dev server exited at start: ${stderrTail.trim().split('\n').slice(-3).join(' ')}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new ConfigError('The Temporal dev server did not answer within 60 s.');
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  logger.info({ address, ui: `http://localhost:${opts.uiPort}`, db: dbFile }, 'embedded Temporal server ready');

  return {
    address,
    uiUrl: `http://localhost:${opts.uiPort}`,
    pid: child.pid!,
    async stop() {
      stopping = true;
      if (exited) return;
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    },
  };
}
