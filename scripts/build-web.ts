/**
 * The browser UI is built by Vite into web/dist, which the API serves. `npm start` and the e2e tests
 * build it when the sources are newer than the last build, so a fresh clone needs no extra step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../runtime/temporal-binaries';
import type { Logger } from '../runtime/logger';

const WEB = path.join(PROJECT_ROOT, 'web');
const DIST_INDEX = path.join(WEB, 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuilt(logger?: Pick<Logger, 'info'>): Promise<void> {
  if (!existsSync(path.join(WEB, 'index.html'))) return;
  if (existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= newestMtime(WEB)) return;
  logger?.info('building the web UI (vite build)');
  const { build } = await import('vite');
  await build({ root: WEB, configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureWebBuilt(console);
