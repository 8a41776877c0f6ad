/**
 * Delivery: one outbox message sent over SMTP by its own workflow, at most once per claim. The row is
 * claimed (`sending`, attempts + 1) before the exchange and marked after it; the stored Message-ID
 * makes a resend after a crash between the server's 250 and our update recognisable.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import { notifications, outbox } from '../../db/schema';
import { PERMANENT_DELIVERY_ERROR, deliveryWorkflowId } from '../../workflows/constants';
import type { DeliveryResult, MailDeliveryWorkflow } from '../../workflows/types';
import { NO_ADDRESS, type MailEnv } from './types';

/** Start the message's delivery workflow; a second start (a retried activity, a resume) is a no-op. */
export async function startDelivery(client: Client, outboxId: string, taskQueue: string): Promise<void> {
  try {
    await client.workflow.start<MailDeliveryWorkflow>('mailDeliveryWorkflow', { workflowId: deliveryWorkflowId(outboxId), taskQueue, args: [{ outboxId }] });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/**
 * Start delivery of every message still waiting in the outbox: after SMTP_URL is configured on an
 * installation that kept its mail in the outbox, or after an operator fixed an address.
 */
export async function resumePendingDeliveries(db: Db, client: Client, taskQueue: string): Promise<number> {
  const waiting = await db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.status, ['pending', 'sending']));
  for (const { id } of waiting) await startDelivery(client, id, taskQueue);
  return waiting.length;
}

/**
 * A 5xx reply refuses this message for good (unknown recipient, rejected content); anything else —
 * connection refused or reset, timeouts, 4xx "try later" — is worth another attempt. A refused login
 * (535) is a configuration problem an operator fixes: retrying keeps the mail until they do.
 */
export function classifySmtpError(err: unknown): { permanent: boolean; reason: string } {
  const e = (err ?? {}) as { responseCode?: number; response?: string; code?: string; message?: string };
  const reason = (e.response?.trim() || e.message || String(err)).slice(0, 1000);
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return { permanent: false, reason };
  if (typeof e.responseCode === 'number') return { permanent: e.responseCode >= 500 && e.responseCode < 600, reason };
  // Nothing to send to, or a message nodemailer cannot build: another attempt would fail the same way.
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { permanent: true, reason };
  return { permanent: false, reason };
}

async function setNotificationStatus(db: Db, outboxId: string, status: 'sent' | 'failed', reason: string | null) {
  await db.update(notifications).set({ status, reason }).where(eq(notifications.outboxId, outboxId));
}

/**
 * Send one outbox message. Idempotent: a sent (or permanently failed) message is not sent again.
 * Transient failures (connection refused, 4xx) throw and are retried by the delivery workflow's
 * policy; a 5xx refusal marks the message failed and throws a non-retryable failure.
 */
export async function deliverOutboxMessage({ db, mailer, config }: MailEnv, outboxId: string): Promise<DeliveryResult> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, outboxId));
  if (!row) throw ApplicationFailure.create({ type: 'OutboxMessageMissing', message: `Không có thư ${outboxId} trong hộp thư đi.`, nonRetryable: true });
  if (row.status === 'sent' || row.status === 'failed') return { outboxId, status: row.status, attempts: row.attempts, error: row.lastError ?? undefined };
  if (!mailer) return { outboxId, status: row.status, attempts: row.attempts };
  if (row.to.length === 0) {
    await db.update(outbox).set({ status: 'failed', lastError: NO_ADDRESS }).where(eq(outbox.id, outboxId));
    await setNotificationStatus(db, outboxId, 'failed', NO_ADDRESS);
    return { outboxId, status: 'failed', attempts: row.attempts, error: NO_ADDRESS };
  }
  const [claimed] = await db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, outboxId), inArray(outbox.status, ['pending', 'sending'])))
    .returning({ attempts: outbox.attempts });
  if (!claimed) {
    const [now] = await db.select({ status: outbox.status, attempts: outbox.attempts }).from(outbox).where(eq(outbox.id, outboxId));
    return { outboxId, status: now?.status ?? row.status, attempts: now?.attempts ?? row.attempts };
  }

  let info: { rejected?: unknown[]; response?: string };
  try {
    info = await mailer.sendMail({
      from: config.MAIL_FROM,
      to: row.to,
      cc: row.cc,
      subject: row.subject,
      text: row.text,
      html: row.html,
      // The stored Message-ID: a resend after a crash between the server's 250 and our update is recognisable.
      messageId: row.messageId,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Giaoviec-Outbox-Id': row.id },
    });
  } catch (err) {
    const { permanent, reason } = classifySmtpError(err);
    if (permanent) {
      await db.update(outbox).set({ status: 'failed', lastError: reason }).where(eq(outbox.id, outboxId));
      await setNotificationStatus(db, outboxId, 'failed', reason);
      log.warn('message refused for good', { outboxId, reason });
      throw ApplicationFailure.create({ type: PERMANENT_DELIVERY_ERROR, message: reason, nonRetryable: true, details: [{ attempts: claimed.attempts }] });
    }
    await db.update(outbox).set({ status: 'pending', lastError: reason }).where(eq(outbox.id, outboxId));
    log.info('delivery attempt failed; will retry', { outboxId, attempt: claimed.attempts, reason });
    throw ApplicationFailure.create({ type: 'TransientDeliveryError', message: reason });
  }
  const rejected = (info.rejected ?? []).map(String);
  const note = rejected.length ? `Bị từ chối: ${rejected.join(', ')}` : null;
  await db.update(outbox).set({ status: 'sent', sentAt: new Date(), lastError: note }).where(eq(outbox.id, outboxId));
  await setNotificationStatus(db, outboxId, 'sent', note);
  return { outboxId, status: 'sent', attempts: claimed.attempts, error: note ?? undefined };
}
