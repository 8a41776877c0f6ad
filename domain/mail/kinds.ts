import type { NotificationKind } from '../vocabulary';

/**
 * Kinds delivered in the recipient's daily digest (one message per recipient per local day):
 * reminders all fire at 08:00, and a 200-task import should be one mail per agency, not 200.
 */
export const BATCHED_KINDS: readonly NotificationKind[] = [
  'ack_reminder',
  'ack_escalation',
  'due_reminder',
  'overdue_notice',
  'overdue_escalation',
  'task_assigned',
  'report_request',
  'report_reminder',
  'report_escalation',
  // Someone named the agency in a task's discussion: worth a line in the day's mail, not a mail of its own.
  'mention',
];

/** Status changes and compiled reports go out alone and at once: someone is waiting for them. */
export const isBatchedKind = (kind: NotificationKind): boolean => BATCHED_KINDS.includes(kind);

/** Reminders are about a deadline; one whose deadline has since moved is stale. */
export const DEADLINE_KINDS: readonly NotificationKind[] = ['due_reminder', 'overdue_notice', 'overdue_escalation'];

/** Digest sections, most urgent first; the subject names the most urgent kind present. */
export const DIGEST_ORDER: readonly NotificationKind[] = [
  'overdue_escalation',
  'overdue_notice',
  'ack_escalation',
  'report_escalation',
  'ack_reminder',
  'due_reminder',
  'report_reminder',
  'report_request',
  'mention',
  'task_assigned',
];
