import { relations } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Language, NotificationKind, NotificationStatus, OutboxStatus } from '../../domain/vocabulary';
import type { Audience } from '../../domain/reminder-plan';
import { lifecycleDates } from './lifecycle';

/**
 * One notification about one task (or one annual cycle) to one recipient: a reminder that fired, an
 * escalation, a status change. The unique key (the firing's key + the recipient) makes recording it
 * twice a no-op. A recipient's batched notifications of one local day go out in one digest message.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull().unique(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    taskId: uuid('task_id'),
    planId: uuid('plan_id'),
    cycleYear: integer('cycle_year'),
    /** `agency:<code>` or `user:<id>` (a leadership viewer): whom the message goes to. */
    recipient: text('recipient').notNull(),
    recipientAgencyCode: text('recipient_agency_code'),
    recipientUserId: uuid('recipient_user_id'),
    /** The audience this recipient was resolved from. */
    recipientRole: text('recipient_role').$type<Audience>(),
    /** A copy "để phối hợp" (cc audience) rather than the addressee's own. */
    copy: boolean('copy').notNull().default(false),
    /** Agencies copied on the same firing (coordinating agencies on a due reminder). */
    ccAgencyCodes: jsonb('cc_agency_codes').$type<string[]>().notNull().default([]),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    /** The local day (Asia/Ho_Chi_Minh) of `scheduledFor`: the digest it belongs to. */
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status').$type<NotificationStatus>().notNull().default('pending'),
    /** Why it was skipped or failed, for people. */
    reason: text('reason'),
    /** The message it went out in (a digest may carry many notifications). */
    outboxId: uuid('outbox_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_task_idx').on(t.taskId),
    index('notifications_outbox_idx').on(t.outboxId),
    index('notifications_recipient_day_idx').on(t.recipient, t.day, t.status),
  ],
);

/** Every email, written here before anything is sent (DESIGN.md §7). */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    kind: text('kind').$type<NotificationKind | 'digest' | 'sign_in_link'>().notNull(),
    language: text('language').$type<Language>().notNull().default('vi'),
    /** `agency:<code>` or `user:<id>`, as on its notifications. */
    recipient: text('recipient'),
    recipientAgencyCode: text('recipient_agency_code'),
    to: jsonb('to').$type<string[]>().notNull(),
    cc: jsonb('cc').$type<string[]>().notNull().default([]),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    planId: uuid('plan_id'),
    /** The local day a digest covers. */
    day: date('day', { mode: 'string' }),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The Message-ID header we set, so a receiving server can recognise a resend. */
    messageId: text('message_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ...lifecycleDates,
  },
  (t) => [
    index('outbox_status_scheduled_idx').on(t.status, t.scheduledFor),
    index('outbox_recipient_day_idx').on(t.recipient, t.day),
    index('outbox_created_id_idx').on(t.createdAt, t.id),
  ],
);

export const notificationsRelations = relations(notifications, ({ one }) => ({
  message: one(outbox, { fields: [notifications.outboxId], references: [outbox.id] }),
}));

export const outboxRelations = relations(outbox, ({ many }) => ({
  notifications: many(notifications),
}));
