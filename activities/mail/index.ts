/**
 * Reliable email (DESIGN.md §7): from a notification a workflow records to a message delivered
 * exactly once. One module per step:
 *
 * record.ts      recordNotification: a `notifications` row per recipient (recipients.ts says who),
 *                then the recipient's digest of the day is woken, or a status change is written at once.
 * compose.ts     the message's model and rendering, with its signed links.
 * outbox.ts      composeDigest / notices: one `outbox` row per message under an idempotency key,
 *                after dropping stale notifications (task closed, deadline moved).
 * delivery.ts    deliverOutboxMessage: one outbox row over SMTP, idempotently, with its stored Message-ID.
 */
import { Context } from '@temporalio/activity';
import { createLinkSigner, loadLinkSecret } from '../../runtime/links';
import { createMailer } from '../../runtime/mailer';
import { DIGEST_SIGNAL_REUSE_MS } from '../../workflows/constants';
import { Coalescer } from '../coalesce';
import { deliverOutboxMessage, startDelivery } from './delivery';
import { countDigests, writeDigest } from './outbox';
import { recordNotification } from './record';
import type { ComposeDigestInput, ComposeResult, DeliveryResult, MailDeps, MailEnv, RecordNotificationInput } from './types';

export { classifySmtpError, resumePendingDeliveries } from './delivery';
export { NO_ADDRESS, type ComposeDigestInput, type ComposeResult, type DeliveryResult, type MailConfig, type MailDeps, type RecordNotificationInput } from './types';

export function createMailActivities(deps: MailDeps) {
  const { config } = deps;
  const env: MailEnv = { db: deps.db, client: deps.client, config, mailer: deps.mailer ?? createMailer(config), signer: createLinkSigner(loadLinkSecret(config)) };
  // At 08:00 thousands of reminders wake the same few digest workflows: one signal per burst, not per task.
  const digestSignals = new Coalescer(Math.min(deps.digestSignalReuseMs ?? DIGEST_SIGNAL_REUSE_MS, DIGEST_SIGNAL_REUSE_MS));

  return {
    /** Record a firing for every recipient of its audiences, then wake the digest or send the notice. */
    recordNotification: (raw: RecordNotificationInput): Promise<{ recipients: string[] }> => recordNotification(env, digestSignals, raw),

    /** How many digests the recipient already has for the day: a new digest run numbers its messages after them. */
    countDigests: ({ recipient, day }: { recipient: string; day: string }): Promise<number> => countDigests(env.db, recipient, day),

    /**
     * One message with every pending notification of the recipient for the day. Idempotent: a retry
     * after a commit finds the message by its key and returns it.
     */
    async composeDigest(input: ComposeDigestInput): Promise<ComposeResult> {
      const result = await writeDigest(env, input);
      // After the commit, and again on a retry (the start is idempotent): a workflow of its own, not a
      // child, since it must outlive the digest through an SMTP outage.
      if (result.outboxId && result.status === 'pending') await startDelivery(env.client, result.outboxId, Context.current().info.taskQueue);
      return result;
    },

    /** Send one outbox message (delivery.ts): a sent or permanently failed message is not sent again. */
    deliverOutboxMessage: ({ outboxId }: { outboxId: string }): Promise<DeliveryResult> => deliverOutboxMessage(env, outboxId),
  };
}

export type MailActivities = ReturnType<typeof createMailActivities>;
