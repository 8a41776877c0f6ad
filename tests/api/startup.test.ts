import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/scripts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'giaoviec-startup-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Run `npm start`'s entry point with `env`; resolve its exit code and everything it printed. */
const start = (env: Record<string, string>) => runScript('start', [], { DATA_DIR: dataDir, LOG_FORMAT: 'json', ...env });

/** One clear sentence, exit code 1, no stack trace. */
function expectPlainFailure(result: { code: number | null; output: string }, sentence: RegExp) {
  expect(result.code).toBe(1);
  expect(result.output).toMatch(sentence);
  expect(result.output).not.toMatch(/\n\s+at /);
}

describe('npm start refuses a broken environment with one clear sentence', () => {
  it('a port already in use', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      expectPlainFailure(await start({ PORT: String(port) }), new RegExp(`Port ${port} is already in use.*set PORT`));
    } finally {
      blocker.close();
    }
  });

  it('a Temporal CLI path that does not exist', async () => {
    expectPlainFailure(await start({ PORT: '3991', TEMPORAL_CLI_PATH: '/nonexistent/temporal' }), /TEMPORAL_CLI_PATH=\/nonexistent\/temporal is not an executable file/);
  });

  it('an unreachable DATABASE_URL', async () => {
    expectPlainFailure(await start({ PORT: '3992', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' }), /Cannot reach the database at 127\.0\.0\.1:1\/nowhere.*check DATABASE_URL/);
  });

  it('malformed variables, each named', async () => {
    const result = await start({ PORT: 'ba nghìn', SMTP_URL: 'mail.example.com', TZ_DEFAULT: 'Asia/Hanoi_City', BOOTSTRAP_ADMIN_TOKEN: 'short', ATTACHMENT_MAX_MB: 'hai mươi' });
    expectPlainFailure(result, /Invalid configuration: /);
    for (const name of ['PORT', 'SMTP_URL', 'TZ_DEFAULT', 'BOOTSTRAP_ADMIN_TOKEN', 'ATTACHMENT_MAX_MB']) expect(result.output).toContain(name);
  });

  it('an ATTACHMENTS_DIR that is not a folder it can write', async () => {
    // A file of the repository where a folder should be.
    expectPlainFailure(await start({ PORT: '3993', ATTACHMENTS_DIR: 'package.json' }), /ATTACHMENTS_DIR \S*package\.json is not a folder this process can write/);
  });
});
