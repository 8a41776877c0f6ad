import { isDeepStrictEqual } from 'node:util';
import { asc, eq, sql } from 'drizzle-orm';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import { notifications, outbox, taskEvents, tasks } from '../../db/schema';
import { reminderKey } from '../../domain/reminder-plan';
import { taskWorkflowId } from '../../workflows/constants';
import { getTaskQuery } from '../../workflows/messages';

export interface VerifyReport {
  tasksChecked: number;
  transitionsChecked: number;
  remindersChecked: number;
  mailsChecked: number;
  /** Something the workflow did that the read model or the outbox does not have. */
  lost: number;
  /** Something recorded twice. */
  duplicated: number;
  mismatches: string[];
}

/** A row nobody has started a workflow for in this long is lost, not merely in flight. */
const START_GRACE_MS = 5 * 60_000;
/** Mail still unsent this long after it was due, with an SMTP server configured, is stuck. */
const MAIL_GRACE_MS = 60 * 60_000;

const RELEVANT = ['status', 'progress', 'dueDate', 'leadAgencyCode', 'title'] as const;

interface Problem {
  kind: 'lost' | 'duplicated' | 'mismatch';
  message: string;
}

interface TaskCheck {
  problems: Problem[];
  transitions: number;
  reminders: number;
}

/** One task: its workflow's Query against its row, its audit trail and its notifications. */
async function checkTask(db: Db, client: Client, id: string, now: number): Promise<TaskCheck> {
  const problems: Problem[] = [];
  const problem = (kind: Problem['kind'], message: string) => problems.push({ kind, message: `task ${id}: ${message}` });
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  if (!row) return { problems: [{ kind: 'lost', message: `task ${id} is no longer in the read model` }], transitions: 0, reminders: 0 };
  let live;
  try {
    live = await client.workflow.getHandle(taskWorkflowId(row.id)).query(getTaskQuery);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    if (!(row.lastSeq === 0 && now - row.createdAt.getTime() < START_GRACE_MS)) problem('lost', 'has no workflow');
    return { problems, transitions: 0, reminders: 0 };
  }
  const { state } = live;
  const projected = { status: row.status, progress: row.progress, dueDate: row.dueDate, leadAgencyCode: row.leadAgencyCode, title: row.title };
  for (const field of RELEVANT) {
    if (projected[field] !== state[field]) problem('mismatch', `${field} is ${JSON.stringify(projected[field])} in the read model, ${JSON.stringify(state[field])} in the workflow`);
  }
  // The deadline the list's overdue filter reads, as the workflow judges it (domain/deadline).
  if (row.currentDueDate !== live.currentDueDate) {
    problem('mismatch', `currentDueDate is ${JSON.stringify(row.currentDueDate)} in the read model, ${JSON.stringify(live.currentDueDate)} in the workflow`);
  }
  if (row.lastSeq !== state.seq) problem('lost', `read model at event ${row.lastSeq}, workflow at ${state.seq}`);
  // jsonb keeps keys in its own order: compare values, not text.
  if (!isDeepStrictEqual(row.reminderPlan, live.reminders)) problem('mismatch', "planned reminders differ from the workflow's");

  const events = await db.select({ seq: taskEvents.seq }).from(taskEvents).where(eq(taskEvents.taskId, row.id)).orderBy(asc(taskEvents.seq));
  const seqs = events.map((e) => e.seq);
  for (let seq = 1; seq <= state.seq; seq++) if (!seqs.includes(seq)) problem('lost', `event ${seq} not in the audit trail`);
  if (new Set(seqs).size !== seqs.length) problem('duplicated', 'an event recorded twice');

  // Every reminder the workflow recorded has its notification row.
  const recorded = await db
    .select({ kind: notifications.kind, scheduledFor: notifications.scheduledFor })
    .from(notifications)
    .where(eq(notifications.taskId, row.id));
  const inDb = new Set(recorded.filter((n) => n.kind !== 'status_change' && n.kind !== 'task_assigned').map((n) => reminderKey({ kind: n.kind, at: n.scheduledFor.toISOString() })));
  for (const key of live.recordedReminders) if (!inDb.has(key)) problem('lost', `reminder ${key} sent by the workflow has no notification`);
  return { problems, transitions: state.seq, reminders: live.recordedReminders.length };
}

/**
 * Compare every task workflow's live state (its Query) with the read model, and what it says it sent
 * with the notifications and the outbox: `npm run verify`, and the end of every fault test. A workflow
 * answers its Query before the projection of its last step lands, so a task that differs is looked at
 * again after `settleMs`: only a difference that stays is reported.
 */
export async function verifyConsistency(
  db: Db,
  client: Client,
  opts: { smtpConfigured?: boolean; concurrency?: number; now?: number; settleMs?: number } = {},
): Promise<VerifyReport> {
  const now = opts.now ?? Date.now();
  const report: VerifyReport = { tasksChecked: 0, transitionsChecked: 0, remindersChecked: 0, mailsChecked: 0, lost: 0, duplicated: 0, mismatches: [] };
  const problem = ({ kind, message }: Problem) => {
    if (kind !== 'mismatch') report[kind]++;
    report.mismatches.push(`${kind}: ${message}`);
  };

  const ids = (await db.select({ id: tasks.id }).from(tasks).orderBy(asc(tasks.id))).map((r) => r.id);
  const unsettled: string[] = [];
  const queue = [...ids];
  const run = (each: (id: string) => Promise<void>) =>
    Promise.all(
      Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) await each(id);
      }),
    );
  await run(async (id) => {
    const check = await checkTask(db, client, id, now);
    report.tasksChecked++;
    report.transitionsChecked += check.transitions;
    report.remindersChecked += check.reminders;
    if (check.problems.length) unsettled.push(id);
  });
  if (unsettled.length) {
    await new Promise((r) => setTimeout(r, opts.settleMs ?? 3000));
    queue.push(...unsettled);
    await run(async (id) => (await checkTask(db, client, id, now)).problems.forEach(problem));
  }

  // Mail: nothing sent twice for one key, nothing stuck unsent with a server to send it to.
  const messages = await db.select({ id: outbox.id, status: outbox.status, scheduledFor: outbox.scheduledFor, messageId: outbox.messageId }).from(outbox);
  report.mailsChecked = messages.length;
  const messageIds = messages.map((m) => m.messageId);
  if (new Set(messageIds).size !== messageIds.length) problem({ kind: 'duplicated', message: 'two outbox messages share a Message-ID' });
  if (opts.smtpConfigured) {
    for (const m of messages) {
      if ((m.status === 'pending' || m.status === 'sending') && now - m.scheduledFor.getTime() > MAIL_GRACE_MS) problem({ kind: 'lost', message: `mail ${m.id} still ${m.status}` });
    }
  }
  const orphans = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(sql`${notifications.outboxId} is not null and ${notifications.outboxId} not in (select ${outbox.id} from ${outbox})`);
  if (orphans[0]!.n > 0) problem({ kind: 'lost', message: `${orphans[0]!.n} notifications point to no outbox message` });
  return report;
}
