import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pgliteOwnerFile } from '../db/client';

/**
 * Is the embedded stack running on a DATA_DIR? Backup and restore must not copy or replace stores
 * that a live process is writing.
 */

/** The Temporal dev server's SQLite file in DATA_DIR. */
export const TEMPORAL_DB = 'temporal.db';

function cmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function pidIn(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export interface ProcessInUse {
  pid: number;
  what: string;
}

/**
 * Processes that have DATA_DIR's stores open: a Temporal dev server on its SQLite file (found by its
 * command line, or its pid file where /proc is missing), and the process that opened its PGlite.
 */
export function processesUsing(dataDir: string): ProcessInUse[] {
  const found = new Map<number, string>();
  const dbFile = path.join(dataDir, TEMPORAL_DB);
  const devServer = 'the Temporal dev server';
  if (existsSync('/proc')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const cmd = cmdline(Number(entry));
      if (cmd?.includes('start-dev') && cmd.includes(dbFile)) found.set(Number(entry), devServer);
    }
  } else {
    const pid = pidIn(path.join(dataDir, 'temporal.pid'));
    if (pid && isAlive(pid)) found.set(pid, devServer);
  }
  const owner = pidIn(pgliteOwnerFile(dataDir));
  // A stale file of a killed process, or its pid reused by something that is not Node, is no owner.
  if (owner && owner !== process.pid && isAlive(owner) && (cmdline(owner) ?? 'node').includes('node')) {
    found.set(owner, 'Giao việc with the embedded database open (npm start, or npm run admin)');
  }
  return [...found].map(([pid, what]) => ({ pid, what }));
}
