/**
 * Record a firing: one `notifications` row per recipient (the key makes a retry a no-op), then wake
 * the recipient's digest of the day (reminders) or write and send the message at once (status changes).
 * Task workflows await only this, a quick write and a signal: SMTP never blocks them.
 */
import { and, inArray } from 'drizzle-orm';
import { Context, log } from '@temporalio/activity';
import { notifications } from '../../db/schema';
import { localDate } from '../../domain/calendar';
import { isBatchedKind } from '../../domain/mail';
import type { Coalescer } from '../coalesce';
import { notificationRecordedSignal } from '../../workflows/messages';
import { digestWorkflowId } from '../../workflows/constants';
import type { MailDigestWorkflow } from '../../workflows/types';
import { startDelivery } from './delivery';
import { writeNotice } from './outbox';
import { resolveRecipients } from './recipients';
import { invalidInput, recordNotificationInput, type MailEnv, type RecordNotificationInput } from './types';

export async function recordNotification(env: MailEnv, digestSignals: Coalescer, raw: RecordNotificationInput): Promise<{ recipients: string[] }> {
  const { db, client } = env;
  const parsed = recordNotificationInput.safeParse(raw);
  if (!parsed.success) throw invalidInput(`Thông báo không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const input = parsed.data;
  const recipients = await resolveRecipients(db, input);
  if (recipients.length === 0) {
    log.warn('a notification with nobody to tell', { key: input.key, kind: input.kind });
    return { recipients: [] };
  }
  const day = localDate(Date.parse(input.scheduledFor));
  const ccCodes = recipients.flatMap((r) => (r.copy && r.agencyCode ? [r.agencyCode] : []));
  const keys = recipients.map((r) => `${input.key}#${r.recipient}`);
  await db
    .insert(notifications)
    .values(
      recipients.map((r, i) => ({
        key: keys[i]!,
        kind: input.kind,
        taskId: input.taskId ?? null,
        planId: input.planId,
        cycleYear: input.cycleYear ?? null,
        recipient: r.recipient,
        recipientAgencyCode: r.agencyCode,
        recipientUserId: r.userId,
        recipientRole: r.role,
        copy: r.copy,
        ccAgencyCodes: r.copy ? [] : ccCodes,
        scheduledFor: new Date(input.scheduledFor),
        day,
        data: input.data,
      })),
    )
    .onConflictDoNothing({ target: notifications.key });
  // Rows still waiting, whether inserted now or by an earlier attempt that failed before its signal.
  const waiting = await db
    .select({ id: notifications.id, recipient: notifications.recipient, outboxId: notifications.outboxId })
    .from(notifications)
    .where(and(inArray(notifications.key, keys), inArray(notifications.status, ['pending', 'queued'])));
  const { taskQueue } = Context.current().info;

  if (isBatchedKind(input.kind)) {
    const toWake = [...new Set(waiting.filter((w) => w.outboxId === null).map((w) => w.recipient))];
    await Promise.all(
      toWake.map((recipient) => {
        const workflowId = digestWorkflowId(recipient, day);
        return digestSignals.run(`${taskQueue}/${workflowId}`, async () => {
          await client.workflow.signalWithStart<MailDigestWorkflow, []>('mailDigestWorkflow', { workflowId, taskQueue, args: [{ recipient, day }], signal: notificationRecordedSignal, signalArgs: [] });
        });
      }),
    );
  } else {
    for (const w of waiting) {
      const message = await writeNotice(env, w.id);
      if (message?.status === 'pending') await startDelivery(client, message.id, taskQueue);
    }
  }
  return { recipients: recipients.map((r) => r.recipient) };
}
