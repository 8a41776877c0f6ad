import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AuditAction, AuditTarget, AuditVia } from '../../domain/audit';

/**
 * What administrators and coordinators changed in the configuration (users, agencies, calendar,
 * plans): who, in which role, when, what, and a summary of the fields before and after. Written in
 * the same transaction as the change; never updated or deleted by the application.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the operator's shell tool. */
    actorId: uuid('actor_id'),
    /** The actor's name at the time: a later rename does not rewrite history. */
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    via: text('via').$type<AuditVia>().notNull().default('api'),
    action: text('action').$type<AuditAction>().notNull(),
    targetType: text('target_type').$type<AuditTarget>().notNull(),
    targetId: text('target_id').notNull(),
    /** What a person calls the target (a user's name, an agency's name, a plan's code). */
    targetLabel: text('target_label'),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at, t.id), index('audit_log_actor_idx').on(t.actorId, t.at), index('audit_log_action_idx').on(t.action, t.at)],
);
