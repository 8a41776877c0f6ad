import { asc, eq } from 'drizzle-orm';
import { heartbeat } from '@temporalio/activity';
import { importJobs, tasks } from '../db/schema';
import { startTaskWorkflows } from '../api/services/task-starter';
import type { ImportJobInput } from '../workflows/import-job';
import type { ActivityDeps } from './index';

/** Progress is written every this many starts (and at the end), not on every one. */
const PROGRESS_EVERY = 25;

export function createImportJobActivities({ db, client }: Pick<ActivityDeps, 'db' | 'client'>) {
  return {
    async startImportedTasks({ jobId, actor }: ImportJobInput): Promise<{ started: number }> {
      const ids = (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.importJobId, jobId)).orderBy(asc(tasks.position))).map((r) => r.id);
      const started = await startTaskWorkflows(client, db, ids, actor, {
        concurrency: 16,
        onStarted: async (n) => {
          heartbeat(n);
          if (n % PROGRESS_EVERY === 0) await db.update(importJobs).set({ startedCount: n }).where(eq(importJobs.id, jobId));
        },
      });
      await db.update(importJobs).set({ startedCount: started, status: 'started' }).where(eq(importJobs.id, jobId));
      return { started };
    },
  };
}
