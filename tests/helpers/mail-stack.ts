import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { users } from '../../db/schema';
import { hashToken } from '../../api/tokens';
import { createTestDatabase, type TestDatabase } from './db';
import { seedAgencies, seedPlan } from './fixtures';
import { startSmtpServer, type TestSmtpServer } from './smtp';
import { createTestWorker, createTimeSkippingEnv } from './temporal';

/** What a test of reminders and mails runs against: the time-skipping server, the real worker, Postgres, SMTP. */
export interface MailStack {
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  smtp: TestSmtpServer;
  planId: string;
  /** The leadership account that receives escalations, when asked for. */
  viewerId: string | null;
  stop(): Promise<void>;
}

/**
 * Start the stack with the seeded agencies and one plan, the worker sending through the in-process
 * SMTP server. `viewer` adds the province leadership's account (escalations go to it).
 */
export async function startMailStack(name: string, opts: { plan?: Parameters<typeof seedPlan>[1]; viewer?: boolean } = {}): Promise<MailStack> {
  const [env, database, smtp] = await Promise.all([createTimeSkippingEnv(), createTestDatabase(name), startSmtpServer()]);
  await seedAgencies(database.db);
  let viewerId: string | null = null;
  if (opts.viewer) {
    const [viewer] = await database.db
      .insert(users)
      .values({ name: 'Lãnh đạo UBND tỉnh', email: 'lanhdao@ubnd.example.gov.vn', role: 'viewer', tokenHash: hashToken(randomUUID()) })
      .returning({ id: users.id });
    viewerId = viewer!.id;
  }
  const planId = await seedPlan(database.db, opts.plan);
  const worker = await createTestWorker(env, database.db, { mailer: smtp.transport() });
  const running = worker.run();
  return {
    env,
    database,
    smtp,
    planId,
    viewerId,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await smtp.close();
      await database.drop();
    },
  };
}

/** Move the test server's clock to `iso` (plus a margin for the digest's collection window). */
export async function skipTo(env: TestWorkflowEnvironment, iso: string, marginMinutes = 30): Promise<void> {
  const target = Date.parse(iso) + marginMinutes * 60_000;
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
}
