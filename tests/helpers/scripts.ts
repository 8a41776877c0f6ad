import { spawn } from 'node:child_process';

export interface ScriptResult {
  code: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

/** Run one of the project's entry points (`scripts/<name>.ts`) as `npm run` would, to its exit. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<ScriptResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
