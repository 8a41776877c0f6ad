import { existsSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

/** A headless Chromium for one test file, on the executable the global setup resolved (chromium-binary.ts). */
export function launchChromium(): Promise<Browser> {
  const executablePath = inject('chromiumPath');
  // The bundled Chromium carries its fonts and a fontconfig file beside it; a system one uses the system's.
  const fonts = path.join(path.dirname(executablePath), 'fonts');
  const bundled = existsSync(path.join(fonts, 'fonts.conf'));
  return chromium.launch({
    executablePath,
    // No sandbox: CI runs as root. No background networking: this machine's network is closed.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    ...(bundled ? { env: { ...process.env, FONTCONFIG_PATH: fonts } } : {}),
  });
}
