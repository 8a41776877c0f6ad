import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { TASK_QUEUE } from '../workflows/constants';

export const WORKFLOWS_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../workflows/index.ts');

export interface WorkerParams extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue?: string;
  /** A pre-built bundle (tests build it once for all files); otherwise the worker bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Overrides for tests and benchmarks (slots, sticky cache). */
  tuning?: Partial<WorkerOptions>;
}

/**
 * Workflows kept in memory between their tasks. The SDK's default grows with the heap limit (~2,300 on
 * a 24 GiB machine) at about 0.3–0.5 MiB each, which `npm run bench` measured past 1 GiB of RSS with
 * thousands of open tasks. A task workflow wakes a few times a month and its history (one run a year)
 * replays in milliseconds, so a smaller cache costs little and keeps one worker under 1 GiB.
 */
export const MAX_CACHED_WORKFLOWS = 1000;

/** A worker running every workflow and activity of the product. */
export function createWorker(p: WorkerParams): Promise<Worker> {
  return Worker.create({
    connection: p.connection,
    namespace: p.namespace,
    taskQueue: p.taskQueue ?? TASK_QUEUE,
    ...(p.workflowBundle ? { workflowBundle: p.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(p),
    maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
    ...p.tuning,
  });
}
