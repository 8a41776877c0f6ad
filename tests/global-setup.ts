import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleWorkflowCode } from '@temporalio/worker';
import { resolveTemporalBinary } from '../runtime/temporal-binaries';
import { WORKFLOWS_PATH } from '../runtime/worker';
import { resolveChromium } from './helpers/chromium-binary';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The workflow bundle, built once for every test file's worker. */
    workflowBundlePath: string;
    /** The Chromium executable of the browser tests. */
    chromiumPath: string;
  }
}

/** Once per run: install the Temporal binaries, find or unpack Chromium, bundle the workflows (the browser tests build the UI themselves). */
export default async function setup(project: TestProject) {
  const [chromiumPath] = await Promise.all([resolveChromium(), resolveTemporalBinary('cli'), resolveTemporalBinary('testServer')]);
  project.provide('chromiumPath', chromiumPath);
  const dir = path.resolve('tests/.tmp');
  mkdirSync(dir, { recursive: true });
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error } });
  const bundlePath = path.join(dir, `workflow-bundle-${process.pid}.js`);
  writeFileSync(bundlePath, code);
  project.provide('workflowBundlePath', bundlePath);
  // One bundle per run: left behind, they would pile up in tests/.tmp (about 1 MB each).
  return () => rmSync(bundlePath, { force: true });
}
