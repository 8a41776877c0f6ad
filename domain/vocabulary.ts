/**
 * The small closed vocabularies of the product, as `as const` arrays so the database schema, the zod
 * request schemas and the UI all take their values from one place.
 */

/** DESIGN.md §1. */
export const ROLES = ['admin', 'coordinator', 'agency', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** nhiệm vụ mới / chuyển tiếp / thường xuyên. */
export const TASK_KINDS = ['new', 'carried_over', 'recurring'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * sở/ban/ngành (department), UBND huyện/thành phố (district), UBND xã/phường (commune),
 * đơn vị ngành dọc such as Công an tỉnh or Tòa án (vertical), the province's own offices (province),
 * and groups such as "UBND các huyện, thành phố" whose members each get their own task (group).
 */
export const AGENCY_KINDS = ['department', 'district', 'commune', 'vertical', 'province', 'group', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** DESIGN.md §6. */
export const NOTIFICATION_KINDS = [
  'ack_reminder',
  'ack_escalation',
  'due_reminder',
  'overdue_notice',
  'overdue_escalation',
  'status_change',
  /** A new (or re-assigned) task: batched into the day's digest like reminders. */
  'task_assigned',
  'report_request',
  'report_reminder',
  'report_escalation',
  'report_compiled',
  /** An agency named in a comment on a task: batched into its digest. */
  'mention',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A notification waits for its message (pending), is in one (queued), went out (sent), could not go
 * out (failed: no address, address rejected) or was dropped before composing because it no longer
 * applied (skipped: task completed, deadline changed).
 */
export const NOTIFICATION_STATUSES = ['pending', 'queued', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Nguồn vốn: ngân sách trung ương / tỉnh / huyện / xã, xã hội hóa, ODA. */
export const FUNDING_SOURCES = ['central', 'province', 'district', 'commune', 'socialized', 'oda', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * A task's funding as the appendix gives it: the source text, the sources recognised in it, and
 * amounts in triệu đồng split into kinh phí sự nghiệp (recurrent) and đầu tư phát triển (investment)
 * where the table has them.
 */
export interface Funding {
  text?: string;
  sources: FundingSource[];
  amounts?: { recurrent?: number; investment?: number; total?: number };
}
