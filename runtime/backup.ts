/**
 * `npm run backup` / `npm run restore` of the embedded stack (`npm start`'s DATA_DIR): the PGlite read
 * model, the Temporal dev server's SQLite file with its WAL, and the link secret, in one .tar.gz with a
 * manifest (versions, time, counts, a SHA-256 per file). Both refuse a DATA_DIR in use: the two stores
 * are consistent with each other only while nothing writes to either, so the copy is taken stopped.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import { z } from 'zod';
import { MIGRATIONS_FOLDER, openDatabase, rowsOf, type Database } from '../db/client';
import { ConfigError } from './config';
import { PROJECT_ROOT, resolveTemporalBinary } from './temporal-binaries';
import { processesUsing, TEMPORAL_DB } from './data-dir-in-use';

/** A backup or restore that must not go ahead; its message says why and what to do. */
export class BackupRefusedError extends ConfigError {
  override name = 'BackupRefusedError';
}

export const BACKUP_FORMAT = 'giaoviec-backup';
/**
 * What is never copied: pid files of running processes, and SQLite's shared-memory index, which is
 * rebuilt from the WAL when no process has the file open.
 */
const NOT_COPIED = new Set(['temporal.pid', 'pglite.pid', `${TEMPORAL_DB}-shm`, path.join('pglite', 'postmaster.pid')]);

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !path.isAbsolute(p) && !p.split(/[\\/]/).includes('..'), { message: 'must be a relative path inside the backup' });

const countsSchema = z.object({
  plans: z.number().int().nonnegative(),
  tasks: z.number().int().nonnegative(),
  outbox: z.number().int().nonnegative(),
  users: z.number().int().nonnegative(),
});
export type BackupCounts = z.infer<typeof countsSchema>;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime({ offset: true }),
  app: z.object({ name: z.string(), version: z.string() }),
  node: z.string(),
  source: z.object({ host: z.string(), dataDir: z.string() }),
  readModel: z.object({
    engine: z.literal('pglite'),
    pglite: z.string(),
    postgres: z.string(),
    migrations: z.number().int().nonnegative(),
    /** drizzle-kit's timestamp of the last migration applied: a backup from newer code has a later one. */
    lastMigrationAt: z.number().int().nullable(),
    counts: countsSchema,
  }),
  temporal: z.object({ cli: z.string(), files: z.array(relativePath) }),
  files: z.array(z.object({ path: relativePath, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /** Every folder, empty ones included. */
  directories: z.array(relativePath),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

function refuseIfInUse(dataDir: string, doing: 'back up' | 'restore'): void {
  const using = processesUsing(dataDir);
  if (!using.length) return;
  const list = using.map((p) => `pid ${p.pid} (${p.what})`).join(', ');
  const devServers = using.filter((p) => p.what.startsWith('the Temporal')).map((p) => p.pid);
  throw new BackupRefusedError(
    `Cannot ${doing} while DATA_DIR=${dataDir} is in use by ${list}: stop npm start (Ctrl-C) or the admin command first, then run this again` +
      (devServers.length ? `; a dev server left behind by a killed npm start stops with: kill ${devServers.join(' ')}.` : '.'),
  );
}

// ---------------------------------------------------------------------------------------------------
// Files, checksums, versions

/** Every regular file and every folder under `dir` (empty ones matter: Postgres needs pg_tblspc…), relative to it, sorted. */
function entriesUnder(dir: string, rel = ''): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = path.join(rel, entry.name);
    if (entry.isDirectory()) {
      const below = entriesUnder(dir, p);
      dirs.push(p, ...below.dirs);
      files.push(...below.files);
    } else if (entry.isFile()) files.push(p);
  }
  return { files: files.sort(), dirs: dirs.sort() };
}

const filesUnder = (dir: string) => entriesUnder(dir).files;
const slashed = (p: string) => p.split(path.sep).join('/');

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** DATA_DIR's files and folders to keep, copied into `to` (same layout). */
function copyDataDir(from: string, to: string): void {
  const { files, dirs } = entriesUnder(from);
  for (const rel of dirs) mkdirSync(path.join(to, rel), { recursive: true });
  for (const rel of files) {
    if (NOT_COPIED.has(rel)) continue;
    copyFileSync(path.join(from, rel), path.join(to, rel));
  }
}

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** `temporal --version` of the CLI npm start would use, when one is there. */
async function temporalCliVersion(): Promise<string> {
  try {
    const cli = await resolveTemporalBinary('cli', () => {});
    if (!cli) return 'unknown';
    const { stdout } = await promisify(execFile)(cli, ['--version'], { timeout: 10_000 });
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}

/** The last migration this code knows (drizzle-kit's journal), to refuse a backup from newer code. */
function lastKnownMigrationAt(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Open the PGlite in `dataDir` (a clean start and a checkpoint on close), read its versions and counts. */
async function readModelFacts(dataDir: string): Promise<BackupManifest['readModel']> {
  let database: Database | undefined;
  try {
    database = await openDatabase({ dataDir });
    const [version] = await rowsOf<{ v: string }>(database.db, sql`select version() as v`);
    const [migrations] = await rowsOf<{ n: number; last: string | null }>(
      database.db,
      sql`select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    const [counts] = await rowsOf<BackupCounts>(
      database.db,
      sql`select (select count(*)::int from plans) as plans, (select count(*)::int from tasks) as tasks,
                 (select count(*)::int from outbox) as outbox, (select count(*)::int from users) as users`,
    );
    return {
      engine: 'pglite',
      pglite: packageVersion(path.join(PROJECT_ROOT, 'node_modules', '@electric-sql', 'pglite')),
      postgres: version!.v,
      migrations: migrations!.n,
      lastMigrationAt: migrations!.last === null ? null : Number(migrations!.last),
      counts: counts!,
    };
  } catch (err) {
    throw new BackupRefusedError(`${path.join(dataDir, 'pglite')} holds no Giao việc database that can be read (${(err as Error).message}).`);
  } finally {
    await database?.close();
  }
}

/** Only the embedded stack is backed up here; each external store has its own tool. */
export function refuseExternalStores(config: { DATABASE_URL?: string; TEMPORAL_ADDRESS?: string }, doing: 'back up' | 'restore'): void {
  if (config.DATABASE_URL) {
    throw new BackupRefusedError(
      `DATABASE_URL is set, so the read model is in that Postgres: ${doing === 'back up' ? 'back it up with pg_dump' : 'restore it with pg_restore'}, ` +
        'and the Temporal cluster’s persistence with its operator’s tools (both, as close together as they can be taken). npm run backup / restore only handle the embedded stack (PGlite and the dev server in DATA_DIR).',
    );
  }
  if (config.TEMPORAL_ADDRESS) {
    throw new BackupRefusedError(
      'TEMPORAL_ADDRESS is set, so the workflows live in that Temporal cluster, which its operator backs up: a copy of the read model alone would not match it. npm run backup / restore only handle the embedded stack (unset TEMPORAL_ADDRESS and DATABASE_URL).',
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Backup

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

export function defaultBackupFile(now = new Date()): string {
  return path.resolve('backups', `giaoviec-${stamp(now)}.tar.gz`);
}

export async function createBackup(opts: { dataDir: string; out: string }): Promise<{ file: string; manifest: BackupManifest }> {
  const { dataDir } = opts;
  const out = path.resolve(opts.out);
  if (!existsSync(path.join(dataDir, 'pglite', 'PG_VERSION')) || !existsSync(path.join(dataDir, TEMPORAL_DB))) {
    throw new BackupRefusedError(`DATA_DIR=${dataDir} holds no embedded stack to back up (no pglite/ or ${TEMPORAL_DB}): is it the folder npm start uses?`);
  }
  if (existsSync(out)) throw new BackupRefusedError(`${out} already exists: choose another file with --out.`);
  refuseIfInUse(dataDir, 'back up');

  const readModel = await readModelFacts(dataDir);
  mkdirSync(path.dirname(out), { recursive: true });
  const staging = mkdtempSync(path.join(path.dirname(out), '.giaoviec-backup-'));
  try {
    copyDataDir(dataDir, path.join(staging, 'data'));
    // Started while we copied? Then the copy may be torn: give up rather than keep it.
    refuseIfInUse(dataDir, 'back up');
    const copied = entriesUnder(path.join(staging, 'data'));
    const files = [];
    for (const rel of copied.files) {
      const full = path.join(staging, 'data', rel);
      files.push({ path: slashed(rel), bytes: statSync(full).size, sha256: await sha256(full) });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      app: { name: 'giao-viec', version: packageVersion(PROJECT_ROOT) },
      node: process.version,
      source: { host: os.hostname(), dataDir },
      readModel,
      temporal: { cli: await temporalCliVersion(), files: files.map((f) => f.path).filter((p) => p.startsWith(TEMPORAL_DB)) },
      files,
      directories: copied.dirs.map(slashed),
    };
    writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written aside, then renamed: a failure never leaves a half archive under the chosen name.
    const partial = path.join(staging, 'backup.tar.gz');
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, ['manifest.json', 'data']);
    renameSync(partial, out);
    return { file: out, manifest };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Restore

function describeIssues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(manifest)'} ${i.message}`).join('; ');
}

/** The archive's manifest, checked, and its data folder matching it file for file. */
async function checkExtracted(staging: string, file: string): Promise<BackupManifest> {
  const manifestFile = path.join(staging, 'manifest.json');
  if (!existsSync(manifestFile)) throw new BackupRefusedError(`${file} has no manifest.json: it is not a Giao việc backup.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (err) {
    throw new BackupRefusedError(`${file}: manifest.json is not JSON (${(err as Error).message}).`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new BackupRefusedError(`${file}: manifest.json is not a Giao việc backup manifest: ${describeIssues(parsed.error)}.`);
  const manifest = parsed.data;

  const data = path.join(staging, 'data');
  const listed = new Set(manifest.files.map((f) => f.path));
  const present = existsSync(data) ? filesUnder(data).map(slashed) : [];
  const extra = present.filter((p) => !listed.has(p));
  if (extra.length) throw new BackupRefusedError(`${file} is damaged: data/${extra[0]} is not in its manifest.`);
  const missingDir = manifest.directories.find((d) => !existsSync(path.join(data, d)));
  if (missingDir) throw new BackupRefusedError(`${file} is damaged: the folder data/${missingDir} is missing.`);
  for (const f of manifest.files) {
    const full = path.join(data, f.path);
    if (!existsSync(full)) throw new BackupRefusedError(`${file} is damaged: data/${f.path} is missing.`);
    if (statSync(full).size !== f.bytes || (await sha256(full)) !== f.sha256) {
      throw new BackupRefusedError(`${file} is damaged: data/${f.path} does not match its SHA-256 in the manifest.`);
    }
  }
  if (manifest.readModel.lastMigrationAt !== null && manifest.readModel.lastMigrationAt > lastKnownMigrationAt()) {
    throw new BackupRefusedError(
      `${file} was made by a newer version of Giao việc (${manifest.app.version}; its database has migrations this version does not know): restore it with that version or a later one.`,
    );
  }
  return manifest;
}

export async function restoreBackup(opts: { file: string; dataDir: string; force?: boolean }): Promise<{ manifest: BackupManifest; replaced: boolean; warnings: string[] }> {
  const { dataDir } = opts;
  const file = path.resolve(opts.file);
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupRefusedError(`${file} does not exist.`);
  const targetEntries = existsSync(dataDir) ? (statSync(dataDir).isDirectory() ? readdirSync(dataDir) : null) : [];
  if (targetEntries === null) throw new BackupRefusedError(`DATA_DIR=${dataDir} is a file, not a folder.`);
  if (targetEntries.length) {
    if (!opts.force) {
      throw new BackupRefusedError(
        `DATA_DIR=${dataDir} is not empty (${targetEntries.length} entries): restore into an empty or new folder (set DATA_DIR), or add --force to replace what is in it.`,
      );
    }
    refuseIfInUse(dataDir, 'restore');
  }

  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  // Beside DATA_DIR, so the finished folder moves into place with one rename on the same disk.
  const staging = mkdtempSync(path.join(parent, `.${path.basename(dataDir)}-restore-`));
  try {
    const unexpected: string[] = [];
    try {
      await tar.extract({
        file,
        cwd: staging,
        strict: true,
        // Only the manifest and plain files and folders under data/: no links, devices or paths outside.
        filter: (p, entry) => {
          const type = 'type' in entry ? entry.type : entry.isDirectory() ? 'Directory' : 'File';
          const ok = (p === 'manifest.json' && type === 'File') || ((p === 'data' || p.startsWith('data/')) && (type === 'File' || type === 'Directory'));
          if (!ok) unexpected.push(p);
          return ok;
        },
      });
    } catch (err) {
      throw new BackupRefusedError(`${file} cannot be read as a Giao việc backup (.tar.gz): ${(err as Error).message}.`);
    }
    if (unexpected.length) throw new BackupRefusedError(`${file} is not a Giao việc backup: it holds ${unexpected[0]}.`);
    const manifest = await checkExtracted(staging, file);

    // The restored database must open and hold what the manifest says.
    const data = path.join(staging, 'data');
    const facts = await readModelFacts(data);
    const expected = manifest.readModel.counts;
    for (const key of Object.keys(expected) as (keyof BackupCounts)[]) {
      if (facts.counts[key] !== expected[key]) {
        throw new BackupRefusedError(`${file}: the restored database has ${facts.counts[key]} ${key}, the manifest ${expected[key]}.`);
      }
    }
    const warnings: string[] = [];
    const cli = await temporalCliVersion();
    if (cli !== manifest.temporal.cli && cli !== 'unknown' && manifest.temporal.cli !== 'unknown') {
      warnings.push(`The backup was made with ${manifest.temporal.cli}; this machine has ${cli}. The dev server upgrades its file when newer; an older one may not open it.`);
    }

    const replaced = targetEntries.length > 0;
    if (existsSync(dataDir)) {
      if (replaced) refuseIfInUse(dataDir, 'restore');
      rmSync(dataDir, { recursive: true, force: true });
    }
    renameSync(data, dataDir);
    return { manifest, replaced, warnings };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
