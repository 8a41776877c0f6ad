import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../../runtime/temporal-binaries';

/**
 * The browser of the UI tests. A machine with Debian's Chromium (or CHROMIUM_PATH) uses it; any other
 * gets the Chromium that `@sparticuz/chromium` ships inside its npm package, so `npm install && npm
 * test` needs no system package.
 */

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Unpack the bundled Chromium into `.tools/chromium-<version>/` once. The package always unpacks into
 * the OS temp folder and reuses whatever `chromium` it finds there (another version's, or a half
 * written one); giving it a fresh staging folder as its temp folder, renamed when complete, keeps each
 * version apart and never leaves a partial binary where the next run would take it.
 */
async function unpackBundledChromium(): Promise<string> {
  // Its package.json is not exported: it sits two folders above the entry point (build/cjs/index.cjs).
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
  if (pkg.name !== '@sparticuz/chromium') throw new Error(`unexpected layout of @sparticuz/chromium: ${entry}`);
  const dir = path.join(PROJECT_ROOT, '.tools', `chromium-${pkg.version}`);
  const executable = path.join(dir, 'chromium');
  if (existsSync(executable)) return executable;

  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // In a child process of its own: its temp folder is an environment variable, which this process
  // must not change while it runs other installers (the Temporal wheels' pip) beside it.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', "const { default: c } = await import('@sparticuz/chromium'); await c.executablePath();"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TMPDIR: staging },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`unpacking @sparticuz/chromium failed (${code}): ${stderr.trim()}`))));
  });
  // Its fontconfig file names /tmp/fonts; ours names the unpacked fonts, after the system's own.
  writeFileSync(
    path.join(staging, 'fonts', 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${path.join(dir, 'fonts')}</dir>\n  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  try {
    renameSync(staging, dir);
  } catch (err) {
    // Another run unpacked the same version meanwhile: use that one.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(executable)) throw err;
  }
  return executable;
}

/** CHROMIUM_PATH, else Debian's Chromium, else the bundled one. Called once per run (global setup). */
export async function resolveChromium(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return unpackBundledChromium();
}

