import { relations } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Language, NotificationKind, OutboxStatus } from '../../domain/vocabulary';
import type { Audience } from '../../domain/reminder-plan';
import { lifecycleDates } from './lifecycle';

/**
 * One notification about one task (or one annual cycle) to one audience: a reminder that fired, an
 * escalation, a status change. The unique key (workflow id + kind + scheduled time) makes firing it
 * twice a no-op. Notifications for the same recipient on the same day are delivered in one message.
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
    recipientAgencyCode: text('recipient_agency_code'),
    recipientRole: text('recipient_role').$type<Audience>(),
    /** Agencies copied (coordinating agencies on a due reminder). */
    ccAgencyCodes: jsonb('cc_agency_codes').$type<string[]>().notNull().default([]),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    /** The message it went out in (a digest may carry many notifications). */
    outboxId: uuid('outbox_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_task_idx').on(t.taskId),
    index('notifications_outbox_idx').on(t.outboxId),
    index('notifications_pending_idx').on(t.recipientAgencyCode, t.scheduledFor),
  ],
);

/** Every email, written here before anything is sent (DESIGN.md §7). */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    kind: text('kind').$type<NotificationKind | 'digest'>().notNull(),
    language: text('language').$type<Language>().notNull().default('vi'),
    recipientAgencyCode: text('recipient_agency_code'),
    to: jsonb('to').$type<string[]>().notNull(),
    cc: jsonb('cc').$type<string[]>().notNull().default([]),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    planId: uuid('plan_id'),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The Message-ID header we set, so a receiving server can recognise a resend. */
    messageId: text('message_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ...lifecycleDates,
  },
  (t) => [index('outbox_status_scheduled_idx').on(t.status, t.scheduledFor)],
);

export const notificationsRelations = relations(notifications, ({ one }) => ({
  message: one(outbox, { fields: [notifications.outboxId], references: [outbox.id] }),
}));

export const outboxRelations = relations(outbox, ({ many }) => ({
  notifications: many(notifications),
}));
