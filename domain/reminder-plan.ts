import type { NotificationKind } from './vocabulary';

/** Who a notification goes to, resolved to addresses only when it is sent. */
export type Audience = 'lead' | 'coordinating' | 'coordinator' | 'leadership';

/** One reminder or escalation a task workflow intends to send (DESIGN.md §6). */
export interface PlannedReminder {
  kind: NotificationKind;
  /** Instant to send, ISO 8601 (08:00 Asia/Ho_Chi_Minh on a working day). */
  at: string;
  to: Audience[];
  cc: Audience[];
}
