import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { sdkExecutable } from '../../runtime/temporal-binaries';
import { createWorker } from '../../runtime/worker';
import type { Db } from '../../db/client';
import { createLogger } from '../../runtime/logger';
import { installSdkRuntime } from '../../runtime/sdk-runtime';
import type { Transporter } from 'nodemailer';
import { loadConfig, type Config } from '../../runtime/config';

/** Configuration as the tests run it: defaults, a fixed link secret, a public URL for links in mails. */
export const testConfig: Config = loadConfig({
  LOG_LEVEL: 'error',
  LINK_SECRET: 'test-link-secret-0123456789abcdef0123456789',
  PUBLIC_URL: 'http://giaoviec.test',
});

export const testLogger = createLogger(process.env.TEST_LOG_LEVEL ?? 'error');

/**
 * The SDK runtime with the tests' logger, installed before a process's first environment or worker, not
 * when this module is imported: the runtime forwards the core's logs through a native callback that
 * keeps the process alive until its last worker and connection close, so a process that only imports
 * these helpers (the fault suite's, whose workers run in processes of their own) could never exit.
 */
const withSdkRuntime = () => installSdkRuntime(testLogger);

/** The Java time-skipping test server from the project-local install: timers of months pass in seconds. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  withSdkRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: await sdkExecutable('testServer') } });
}

/** The real Temporal dev server (for Schedules, which the test server does not implement). */
export async function createLocalEnv(): Promise<TestWorkflowEnvironment> {
  withSdkRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: { executable: await sdkExecutable('cli'), ip: '127.0.0.1', ui: false, extraArgs: ['--log-level', 'error'] },
  });
}

/** The product's real worker (all workflows, real activities) on the test environment. */
export interface TestWorkerOptions {
  taskQueue?: string;
  /** A nodemailer transport to the in-process SMTP server; without it mail stays in the outbox. */
  mailer?: Transporter;
  config?: Partial<Config>;
  /** A digest signal per notification unless set (the time-skipping server's clock runs ahead of ours). */
  digestSignalReuseMs?: number;
}

export function createTestWorker(env: TestWorkflowEnvironment, db: Db, opts: TestWorkerOptions = {}): Promise<Worker> {
  withSdkRuntime();
  return createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    db,
    logger: testLogger,
    client: env.client,
    mailer: opts.mailer,
    config: { ...testConfig, ...opts.config },
    taskQueue: opts.taskQueue,
    digestSignalReuseMs: opts.digestSignalReuseMs ?? 0,
    workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
  });
}
