/**
 * `npm run backup` / `npm run restore` of the embedded stack, end to end: `npm start` on a fresh
 * DATA_DIR, tasks made and moved through the API, stopped, backed up, restored into another fresh
 * DATA_DIR, started again — the tasks, their history and their live workflows are all there, and
 * `npm run verify` finds 0 mismatches.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/scripts';
import { seedThroughApi, startEmbeddedStack, type EmbeddedStack } from '../helpers/embedded-stack';

const ADMIN = 'ops-backup-admin-token-0123456789abcdef';
const root = mkdtempSync(path.join(tmpdir(), 'giaoviec-backup-'));
const original = path.join(root, 'data');
const restored = path.join(root, 'restored', 'data');
const archive = path.join(root, 'backups', 'giaoviec.tar.gz');
// What npm start needs besides DATA_DIR; DATABASE_URL and TEMPORAL_ADDRESS unset: the embedded stack.
const embedded = { BOOTSTRAP_ADMIN_TOKEN: ADMIN, DATABASE_URL: '', TEMPORAL_ADDRESS: '' };

let stack: EmbeddedStack | undefined;
let coordinator: string;
const taskIds: string[] = [];
let before: { id: string; status: string; progress: number; events: { type: string }[] }[] = [];

afterAll(async () => {
  await stack?.stop();
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  stack = await startEmbeddedStack({ ...embedded, DATA_DIR: original });
  const seeded = await seedThroughApi(stack, ADMIN);
  const { planId, clerk } = seeded;
  coordinator = seeded.coordinator;
  const year = new Date().getFullYear();
  for (const title of ['Xây dựng kho dữ liệu dùng chung của tỉnh', 'Số hóa hồ sơ, tài liệu lưu trữ', 'Nâng cấp Cổng dịch vụ công']) {
    const res = await stack.request('POST', `/api/plans/${planId}/tasks`, { token: coordinator, body: { title, leadAgency: 'STTTT', dueDate: `${year + 1}-09-30` } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    taskIds.push(res.body.id);
  }
  expect((await stack.request('POST', `/api/tasks/${taskIds[0]}/acknowledge`, { token: clerk, body: {} })).status).toBe(200);
  expect((await stack.request('POST', `/api/tasks/${taskIds[0]}/progress`, { token: clerk, body: { percent: 40, note: 'Đã khảo sát hiện trạng' } })).status).toBe(200);
  expect((await stack.request('POST', `/api/tasks/${taskIds[2]}/cancel`, { token: coordinator, body: { reason: 'Gộp vào nhiệm vụ khác' } })).status).toBe(200);
  before = await Promise.all(taskIds.map(async (id) => (await stack!.request('GET', `/api/tasks/${id}`, { token: coordinator })).body));
});

describe('npm run backup / npm run restore of the embedded stack', () => {
  it('refuses to back up while npm start runs on the folder, naming what to stop', async () => {
    const res = await runScript('backup', ['--out', archive], { DATA_DIR: original, ...embedded });
    expect(res.code).toBe(1);
    expect(res.output).toMatch(/Cannot back up while DATA_DIR=.* is in use by pid \d+ \(the Temporal dev server\)/);
    expect(res.output).toMatch(/Giao việc with the embedded database open/);
    expect(res.output).toContain('stop npm start (Ctrl-C)');
    expect(res.output).not.toMatch(/\n\s+at /);
  });

  it('backs up the stopped stack into one archive with a manifest and checksums', async () => {
    expect(await stack!.stop()).toBe(0);
    stack = undefined;
    const res = await runScript('backup', ['--out', archive], { DATA_DIR: original, ...embedded });
    expect(res.code, res.output).toBe(0);
    expect(res.output).toContain(`backup: ${archive} — plans: 1, tasks: 3,`);

    const entries: string[] = [];
    await tar.list({ file: archive, onReadEntry: (e) => entries.push(e.path) });
    expect(entries[0]).toBe('manifest.json');
    expect(entries).toEqual(expect.arrayContaining(['data/temporal.db', 'data/temporal.db-wal', 'data/link-secret', 'data/pglite/PG_VERSION']));
    // Pid files of processes and SQLite's shared-memory index are no part of a backup.
    expect(entries.filter((e) => /\.pid$|-shm$/.test(e))).toEqual([]);

    const peek = mkdtempSync(path.join(root, 'peek-'));
    await tar.extract({ file: archive, cwd: peek, filter: (p) => p === 'manifest.json' });
    const manifest = JSON.parse(readFileSync(path.join(peek, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'giaoviec-backup',
      formatVersion: 1,
      readModel: { engine: 'pglite', counts: { plans: 1, tasks: 3, users: 3 } },
      temporal: { files: ['temporal.db', 'temporal.db-wal'] },
    });
    expect(manifest.readModel.postgres).toMatch(/^PostgreSQL \d+/);
    expect(manifest.temporal.cli).toMatch(/^temporal version /);
    expect(manifest.files.find((f: { path: string }) => f.path === 'temporal.db').sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.directories).toContain('pglite/pg_tblspc');
  });

  it('restores into a fresh DATA_DIR, which npm start runs with every task, its history and its workflow, and verify finds 0 mismatches', async () => {
    const res = await runScript('restore', [archive], { DATA_DIR: restored, ...embedded });
    expect(res.code, res.output).toBe(0);
    expect(res.output).toContain(`is in ${restored}; every file matched its checksum`);
    // The mail-link secret came along: links in mails sent before the backup still open.
    expect(readFileSync(path.join(restored, 'link-secret'), 'utf8')).toBe(readFileSync(path.join(original, 'link-secret'), 'utf8'));

    stack = await startEmbeddedStack({ ...embedded, DATA_DIR: restored });
    // The coordinator's token of before the backup still signs in.
    const after = await Promise.all(taskIds.map(async (id) => (await stack!.request('GET', `/api/tasks/${id}`, { token: coordinator })).body));
    expect(after.map((t) => [t.status, t.progress, t.events.map((e: { type: string }) => e.type)])).toEqual(
      before.map((t) => [t.status, t.progress, t.events.map((e) => e.type)]),
    );
    expect(after.map((t) => t.status)).toEqual(['in_progress', 'assigned', 'cancelled']);

    // The workflows live on in the restored dev server: a command still goes through one.
    const clerk = (await stack.request('POST', '/api/users', { token: ADMIN, body: { name: 'Phạm Văn Mới', email: 'moi@stttt.example.gov.vn', role: 'agency', agencyCode: 'STTTT' } })).body.token;
    const acked = await stack.request('POST', `/api/tasks/${taskIds[1]}/acknowledge`, { token: clerk, body: {} });
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);
    expect(acked.body.status).toBe('in_progress');

    const verify = await runScript('verify', ['--url', stack.url, '--token', ADMIN]);
    expect(verify.code, verify.output).toBe(0);
    expect(verify.output).toMatch(/verify: 3 tasks, \d+ transitions, .* — 0 mismatches, 0 lost, 0 duplicated/);
    expect(await stack.stop()).toBe(0);
    stack = undefined;
  });

  it('refuses a non-empty DATA_DIR without --force, and replaces it with --force', async () => {
    const again = await runScript('restore', [archive], { DATA_DIR: restored, ...embedded });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/DATA_DIR=.* is not empty \(\d+ entries\): restore into an empty or new folder \(set DATA_DIR\), or add --force/);
    const forced = await runScript('restore', [archive, '--force'], { DATA_DIR: restored, ...embedded });
    expect(forced.code, forced.output).toBe(0);
    expect(forced.output).toContain('replacing what was there');
  });

  it('refuses a damaged archive and leaves the target untouched', async () => {
    // The same archive with one byte of the dev server's file changed.
    const work = mkdtempSync(path.join(root, 'tamper-'));
    await tar.extract({ file: archive, cwd: work });
    const db = path.join(work, 'data', 'temporal.db');
    const bytes = readFileSync(db);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(db, bytes);
    const damaged = path.join(root, 'damaged.tar.gz');
    await tar.create({ gzip: true, file: damaged, cwd: work }, ['manifest.json', 'data']);
    const target = path.join(root, 'never', 'data');
    const res = await runScript('restore', [damaged], { DATA_DIR: target, ...embedded });
    expect(res.code).toBe(1);
    expect(res.output).toContain('is damaged: data/temporal.db does not match its SHA-256 in the manifest');
    // Nothing was moved in, and the unpacked copy beside it is gone.
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });

  it('leaves a real Postgres and a Temporal cluster to their own tools', async () => {
    const pg = await runScript('backup', [], { DATA_DIR: original, DATABASE_URL: 'postgres://giaoviec@db.example:5432/giaoviec' });
    expect(pg.code).toBe(1);
    expect(pg.output).toMatch(/DATABASE_URL is set.*back it up with pg_dump.*Temporal cluster’s persistence with its operator’s tools/);
    const cluster = await runScript('restore', [archive], { DATA_DIR: restored, TEMPORAL_ADDRESS: 'temporal.example:7233' });
    expect(cluster.code).toBe(1);
    expect(cluster.output).toMatch(/TEMPORAL_ADDRESS is set.*its operator backs up/);
  });
});
