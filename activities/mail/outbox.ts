/**
 * The outbox: a message is written once, in the transaction that claims its notifications (locked
 * `for update`, linked to the message), under an idempotency key, so a retried compose finds the
 * message it wrote rather than writing a second one. Stale notifications are dropped here.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { agencyReports, notifications, outbox } from '../../db/schema';
import { DEADLINE_KINDS, formatDate, type RenderedMail } from '../../domain/mail';
import type { NotificationKind, OutboxStatus } from '../../domain/vocabulary';
import { digestMail, loadContext, noticeMail } from './compose';
import { profileOf, type Profile } from './recipients';
import { NO_ADDRESS, str, type ComposeDigestInput, type ComposeResult, type MailEnv, type NotificationRow, type TaskRow } from './types';

/** Write the message and link its notifications; `failed` at once when there is no address. */
async function insertMessage(
  tx: Tx,
  m: { idempotencyKey: string; kind: NotificationKind | 'digest'; recipient: string; profile: Profile; day: string | null; planId: string | null; rows: NotificationRow[]; mail: RenderedMail },
): Promise<{ id: string; status: OutboxStatus }> {
  const addressed = m.profile.to.length > 0;
  const status: OutboxStatus = addressed ? 'pending' : 'failed';
  const scheduledFor = new Date(Math.min(...m.rows.map((r) => r.scheduledFor.getTime())));
  const [row] = await tx
    .insert(outbox)
    .values({
      idempotencyKey: m.idempotencyKey,
      kind: m.kind,
      language: m.profile.language,
      recipient: m.recipient,
      recipientAgencyCode: m.profile.agencyCode,
      to: m.profile.to,
      cc: m.profile.cc,
      subject: m.mail.subject,
      text: m.mail.text,
      html: m.mail.html,
      planId: m.planId,
      day: m.day,
      scheduledFor,
      status,
      lastError: addressed ? null : NO_ADDRESS,
      messageId: `<${randomUUID()}@giaoviec>`,
    })
    .returning({ id: outbox.id, status: outbox.status });
  await tx
    .update(notifications)
    .set({ outboxId: row!.id, status: addressed ? 'queued' : 'failed', reason: addressed ? null : NO_ADDRESS })
    .where(inArray(notifications.id, m.rows.map((r) => r.id)));
  return row!;
}

/** Why a batched notification no longer applies, or null when it still does. */
async function staleReason(tx: Tx, n: NotificationRow, task: TaskRow | undefined): Promise<string | null> {
  if (n.taskId) {
    if (!task) return 'nhiệm vụ không còn trong hệ thống';
    // Someone's words to the agency: still worth reading after the task closed the same day.
    if (n.kind === 'mention') return null;
    if (task.status === 'completed') return 'nhiệm vụ đã hoàn thành';
    if (task.status === 'cancelled') return 'nhiệm vụ đã bị hủy';
    if ((n.kind === 'ack_reminder' || n.kind === 'ack_escalation') && task.status !== 'assigned') return 'nhiệm vụ đã được tiếp nhận';
    if ((n.kind === 'due_reminder' || n.kind === 'overdue_notice') && task.status === 'completion_submitted') return 'đơn vị đã báo cáo hoàn thành, chờ nghiệm thu';
    const remindedDue = str(n.data.dueDate);
    // The deadline that applies now (domain/deadline): a recurring task's moves on once its year is reported.
    const deadline = task.currentDueDate ?? task.dueDate;
    if (DEADLINE_KINDS.includes(n.kind) && remindedDue && remindedDue !== deadline) {
      if (task.kind === 'recurring' && (task.currentDueDate === null || remindedDue < task.currentDueDate)) return `đơn vị đã báo cáo năm ${remindedDue.slice(0, 4)}`;
      return `hạn hoàn thành đã đổi từ ${formatDate(remindedDue)} sang ${formatDate(deadline)}`;
    }
    if (n.recipientRole === 'lead' && !n.copy && !task.isGroup && n.recipientAgencyCode && n.recipientAgencyCode !== task.leadAgencyCode) {
      return 'đơn vị chủ trì đã thay đổi';
    }
    return null;
  }
  if ((n.kind === 'report_request' || n.kind === 'report_reminder') && n.planId && n.cycleYear && n.recipientAgencyCode) {
    const [submitted] = await tx
      .select({ n: count() })
      .from(agencyReports)
      .where(and(eq(agencyReports.planId, n.planId), eq(agencyReports.year, n.cycleYear), eq(agencyReports.agencyCode, n.recipientAgencyCode), isNull(agencyReports.supersededAt)));
    if ((submitted?.n ?? 0) > 0) return 'đơn vị đã nộp báo cáo năm';
  }
  return null;
}

/** A status change or compiled report, as a message of its own. Idempotent by the notification's key. */
export function writeNotice(env: MailEnv, notificationId: number): Promise<{ id: string; status: OutboxStatus } | null> {
  return env.db.transaction(async (tx) => {
    const [n] = await tx.select().from(notifications).where(eq(notifications.id, notificationId)).for('update');
    if (!n) return null;
    if (n.outboxId) {
      const [existing] = await tx.select({ id: outbox.id, status: outbox.status }).from(outbox).where(eq(outbox.id, n.outboxId));
      return existing ?? null;
    }
    const ctx = await loadContext(tx, [n]);
    const task = n.taskId ? ctx.tasks.get(n.taskId) : undefined;
    const profile = await profileOf(tx, n.recipient);
    const mail = await noticeMail(env, ctx, n, profile);
    return insertMessage(tx, { idempotencyKey: `notice:${n.key}`, kind: n.kind, recipient: n.recipient, profile, day: n.day, planId: task?.planId ?? n.planId, rows: [n], mail });
  });
}

/** One message with every pending notification of the recipient for the day, or the one a previous attempt wrote. */
export function writeDigest(env: MailEnv, { recipient, day, sequence }: ComposeDigestInput): Promise<ComposeResult> {
  const idempotencyKey = `digest:${recipient}:${day}:${sequence}`;
  return env.db.transaction(async (tx): Promise<ComposeResult> => {
    const [existing] = await tx.select({ id: outbox.id, status: outbox.status }).from(outbox).where(eq(outbox.idempotencyKey, idempotencyKey));
    if (existing) {
      const [linked] = await tx.select({ n: count() }).from(notifications).where(eq(notifications.outboxId, existing.id));
      return { outboxId: existing.id, status: existing.status, count: linked?.n ?? 0, skipped: 0 };
    }
    const pending = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipient, recipient), eq(notifications.day, day), eq(notifications.status, 'pending'), isNull(notifications.outboxId)))
      .orderBy(asc(notifications.id))
      .for('update');
    if (pending.length === 0) return { outboxId: null, status: null, count: 0, skipped: 0 };

    const ctx = await loadContext(tx, pending);
    const fresh: NotificationRow[] = [];
    let skipped = 0;
    for (const n of pending) {
      const reason = await staleReason(tx, n, n.taskId ? ctx.tasks.get(n.taskId) : undefined);
      if (reason === null) {
        fresh.push(n);
        continue;
      }
      skipped++;
      await tx.update(notifications).set({ status: 'skipped', reason }).where(eq(notifications.id, n.id));
    }
    if (fresh.length === 0) return { outboxId: null, status: null, count: 0, skipped };

    const profile = await profileOf(tx, recipient);
    const mail = await digestMail(env, ctx, fresh, profile, day);
    const planIds = new Set(fresh.map((n) => (n.taskId ? ctx.tasks.get(n.taskId)?.planId : n.planId) ?? null));
    const planId = planIds.size === 1 ? [...planIds][0]! : null;
    const message = await insertMessage(tx, { idempotencyKey, kind: 'digest', recipient, profile, day, planId, rows: fresh, mail });
    return { outboxId: message.id, status: message.status, count: fresh.length, skipped };
  });
}

/** How many digests the recipient already has for the day. */
export async function countDigests(db: Db, recipient: string, day: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), eq(outbox.day, day), eq(outbox.kind, 'digest')));
  return row?.n ?? 0;
}
