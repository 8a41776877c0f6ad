import { asc, eq } from 'drizzle-orm';
import { notifications, outbox, plans, tasks } from '../../db/schema';
import type { Audience } from '../../domain/reminder-plan';
import type { AppDeps, AuthUser } from '../context';
import { visibleTask } from './tasks';

export interface ReminderItem {
  kind: string;
  /** `agency:<code>`, `user:<id>`, or `leadership` for a planned escalation to the province's leaders. */
  to: string[];
  cc: string[];
  at: string;
  status: 'planned' | 'pending' | 'sent' | 'failed' | 'skipped';
  reason?: string | null;
  outboxId?: string | null;
}

/**
 * A task's reminders: those the workflow plans (from its last projection) and those that fired, with
 * what became of their mail.
 */
export async function taskReminders(deps: AppDeps, user: AuthUser, taskId: string): Promise<{ items: ReminderItem[] }> {
  const task = await visibleTask(deps, user, taskId);
  const { db } = deps.database;
  const [[plan], [row], fired] = await Promise.all([
    db.select({ coordinator: plans.coordinatorAgencyCode }).from(plans).where(eq(plans.id, task.planId)),
    db.select({ reminderPlan: tasks.reminderPlan }).from(tasks).where(eq(tasks.id, taskId)),
    db
      .select({ n: notifications, outboxStatus: outbox.status, lastError: outbox.lastError })
      .from(notifications)
      .leftJoin(outbox, eq(outbox.id, notifications.outboxId))
      .where(eq(notifications.taskId, taskId))
      .orderBy(asc(notifications.scheduledFor), asc(notifications.id)),
  ]);
  const resolve = (a: Audience): string[] =>
    ({
      lead: [`agency:${task.leadAgency}`],
      coordinating: task.coordinatingAgencies.map((c) => `agency:${c}`),
      coordinator: plan ? [`agency:${plan.coordinator}`] : [],
      leadership: ['leadership'],
    })[a];
  const planned: ReminderItem[] = (row?.reminderPlan ?? []).map((r) => ({
    kind: r.kind,
    to: r.to.flatMap(resolve),
    cc: r.cc.flatMap(resolve),
    at: r.at,
    status: 'planned' as const,
  }));
  const sent: ReminderItem[] = fired.map(({ n, outboxStatus, lastError }) => {
    const status = n.status === 'skipped' ? 'skipped' : outboxStatus === 'sent' ? 'sent' : outboxStatus === 'failed' || n.status === 'failed' ? 'failed' : 'pending';
    return {
      kind: n.kind,
      to: n.copy ? [] : [n.recipient],
      cc: n.copy ? [n.recipient] : [],
      at: n.scheduledFor.toISOString(),
      status,
      reason: n.reason ?? lastError,
      outboxId: n.outboxId,
    };
  });
  return { items: [...sent, ...planned] };
}
