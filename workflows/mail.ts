/**
 * Mail workflows (DESIGN.md §7).
 *
 * mailDigestWorkflow (`digest-<recipient>-<day>`): reminders of one recipient on one local day become
 * one message. Reminders all fire at 08:00, so it collects for a short window — until no new
 * notification arrived for two minutes, and at most fifteen minutes after the first (but never sooner
 * than a minute after a signal, which lets a worker send one signal per burst) — then composes
 * the digest; the activity that writes it to the outbox starts its delivery workflow, which outlives
 * the digest. Notifications that arrive while it composes make a second message; ones that arrive
 * after it ended start a new run of the same id.
 *
 * mailDeliveryWorkflow (`mail-delivery-<outboxId>`): sends one outbox message, retrying transient
 * failures with backoff for as long as it takes: an SMTP outage of a day delays mail, never loses it.
 */
import * as wf from '@temporalio/workflow';
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { DIGEST_SIGNAL_REUSE_MS, PERMANENT_DELIVERY_ERROR } from './constants';
import { notificationRecordedSignal } from './messages';
import type { DeliveryResult, DigestInput, DigestResult, MailDeliveryWorkflow, MailDigestWorkflow } from './types';

/** Close the window after this long without a new notification… */
export const DIGEST_QUIET_MS = 2 * 60_000;
/** …or this long after it opened, whichever comes first. */
export const DIGEST_MAX_WINDOW_MS = 15 * 60_000;
/** A digest never composes sooner than this after any signal, so the writes a signal announced are in (constants: DIGEST_SIGNAL_REUSE_MS). */
export const DIGEST_SIGNAL_GUARD_MS = 2 * DIGEST_SIGNAL_REUSE_MS;

const { composeDigest, countDigests } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['InvalidInput'] },
});

// 30 s doubling to 30 min, and no maximum of attempts (none set = unlimited): a day-long outage
// costs ~50 attempts and no mail.
const { deliverOutboxMessage } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '3 minutes',
  retry: {
    initialInterval: '30 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    nonRetryableErrorTypes: [PERMANENT_DELIVERY_ERROR, 'OutboxMessageMissing'],
  },
});

export async function mailDigestWorkflow({ recipient, day }: DigestInput): Promise<DigestResult> {
  let signals = 0;
  let lastSignalAt = 0;
  wf.setHandler(notificationRecordedSignal, () => {
    signals++;
    lastSignalAt = Date.now();
  });

  const outboxIds: string[] = [];
  let skipped = 0;
  let sequence = (await countDigests({ recipient, day })) + 1;
  for (;;) {
    // The collection window: extend while notifications keep coming, within the maximum.
    const closesAt = Date.now() + DIGEST_MAX_WINDOW_MS;
    for (;;) {
      const seen = signals;
      const left = closesAt - Date.now();
      if (left <= 0 || !(await wf.condition(() => signals !== seen, Math.min(DIGEST_QUIET_MS, left)))) break;
    }
    // The maximum window may close right after a signal: still leave the guard its due (see above).
    while (Date.now() < lastSignalAt + DIGEST_SIGNAL_GUARD_MS) await wf.sleep(lastSignalAt + DIGEST_SIGNAL_GUARD_MS - Date.now());
    const handled = signals;
    const composed = await composeDigest({ recipient, day, sequence });
    skipped += composed.skipped;
    if (composed.outboxId) {
      outboxIds.push(composed.outboxId);
      sequence++;
    }
    // Whatever was recorded while we composed goes in a second message.
    if (signals === handled) break;
  }
  return { outboxIds, skipped };
}

export async function mailDeliveryWorkflow({ outboxId }: { outboxId: string }): Promise<DeliveryResult> {
  try {
    return await deliverOutboxMessage({ outboxId });
  } catch (err) {
    // The activity already marked the message failed with the server's reason; the refusal is an outcome, not a bug.
    if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === PERMANENT_DELIVERY_ERROR) {
      wf.log.warn('message refused by the mail server', { outboxId, reason: err.cause.message });
      const attempts = (err.cause.details?.[0] as { attempts?: number } | undefined)?.attempts ?? 0;
      return { outboxId, status: 'failed', attempts, error: err.cause.message };
    }
    throw err;
  }
}

// The mail activities start these by name, typed by these signatures.
mailDigestWorkflow satisfies MailDigestWorkflow;
mailDeliveryWorkflow satisfies MailDeliveryWorkflow;
