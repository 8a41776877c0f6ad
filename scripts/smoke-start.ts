/**
 * CI's smoke test of `npm start` on a fresh data folder: wait for /healthz, create a user and read it
 * back, stop with SIGTERM, check nothing is left running, start again and read the user again.
 * Prints what it measured; exits 1 on the first failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../runtime/temporal-binaries';

const ADMIN = `smoke-admin-${Date.now()}-0123456789abcdef`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'giaoviec-smoke-'));
const port = 3100 + Math.floor(Math.random() * 800);
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: String(port),
  TEMPORAL_PORT: String(port + 4000),
  TEMPORAL_UI_PORT: String(port + 5000),
  BOOTSTRAP_ADMIN_TOKEN: ADMIN,
  LOG_FORMAT: 'json',
  LOG_LEVEL: 'warn',
};
const base = `http://127.0.0.1:${port}`;

function fail(message: string): never {
  console.error(`smoke: FAILED — ${message}`);
  process.exit(1);
}

function start(): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/start.ts')], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

async function waitHealthy(child: ChildProcess, output: () => string): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < 90_000) {
    if (child.exitCode !== null) fail(`npm start exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${base}/healthz`);
      const body = await res.json();
      if (res.status === 200 && body.db === 'ok' && body.temporal === 'ok') return Date.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`/healthz not ok within 90 s:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<number> {
  const t0 = Date.now();
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) fail(`npm start exited with code ${code} on SIGTERM`);
  return Date.now() - t0;
}

/** Every process whose command line mentions our data folder: the dev server must be gone. */
function leftovers(): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        return '';
      }
    })
    .filter((cmd) => cmd.includes(dataDir));
}

const api = async (method: string, url: string, body?: unknown, token = ADMIN) => {
  const res = await fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

try {
  const first = start();
  const ready1 = await waitHealthy(first.child, first.output);
  const created = await api('POST', '/api/users', { name: 'Nguyễn Thị Kiểm thử', email: 'kiemthu@example.gov.vn', role: 'viewer' });
  if (created.status !== 201) fail(`POST /api/users → ${created.status} ${JSON.stringify(created.body)}`);
  const read1 = await api('GET', `/api/users/${created.body.id}`);
  if (read1.body.name !== 'Nguyễn Thị Kiểm thử') fail(`read back ${JSON.stringify(read1.body)}`);
  // The task list runs as prepared statements with placeholders: on PGlite too, every kind of filter.
  const listed = await api('GET', '/api/tasks?agency=STTTT&status=assigned,in_progress&overdue=false&dueSoon=true&q=so%20hoa&limit=5', undefined, created.body.token);
  if (listed.status !== 200 || !Array.isArray(listed.body.items)) fail(`GET /api/tasks → ${listed.status} ${JSON.stringify(listed.body)}`);
  const stop1 = await stop(first.child);
  if (leftovers().length) fail(`processes left after stop: ${leftovers().join(' | ')}`);

  const second = start();
  const ready2 = await waitHealthy(second.child, second.output);
  const read2 = await api('GET', `/api/users/${created.body.id}`);
  if (read2.status !== 200 || read2.body.email !== 'kiemthu@example.gov.vn') fail(`after restart: ${read2.status} ${JSON.stringify(read2.body)}`);
  const stop2 = await stop(second.child);
  if (leftovers().length) fail(`processes left after the second stop: ${leftovers().join(' | ')}`);
  console.log(`smoke: OK — healthy in ${ready1} ms (fresh) and ${ready2} ms (restart); stopped in ${stop1} / ${stop2} ms; user survived the restart; no process left.`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
