/** What the mail steps share: their dependencies, the activities' inputs and results, row types. */
import { z } from 'zod';
import { ApplicationFailure } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/client';
import type { notifications, tasks } from '../../db/schema';
import type { Audience } from '../../domain/reminder-plan';
import type { SameShape } from '../../domain/same-shape';
import { NOTIFICATION_KINDS, type OutboxStatus } from '../../domain/vocabulary';
import type { Config } from '../../runtime/config';
import type { LinkSigner } from '../../runtime/links';
import type { DeliveryResult, RecordNotificationInput } from '../../workflows/types';

export type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'publicUrl' | 'LINK_SECRET' | 'dataDir'>;

export interface MailDeps {
  db: Db;
  client: Client;
  /** Without one (no SMTP_URL), messages stay `pending` in the outbox. */
  mailer?: Transporter;
  config: MailConfig;
  /**
   * How long a digest signal this worker sent covers the notifications after it (DIGEST_SIGNAL_REUSE_MS,
   * at most). It relies on the worker's clock agreeing with the workflows' time: a time-skipping test
   * server breaks that by design, so its tests set 0 (one signal per notification).
   */
  digestSignalReuseMs?: number;
}

/** The dependencies every step is given, once the factory has built the mailer and the link signer. */
export interface MailEnv {
  db: Db;
  client: Client;
  mailer?: Transporter;
  config: MailConfig;
  signer: LinkSigner;
}

const AUDIENCES = ['lead', 'coordinating', 'coordinator', 'leadership'] as const satisfies readonly Audience[];

export const recordNotificationInput = z.object({
  /** Unique per firing, e.g. `task-<id>:due_reminder:2027-01-15T01:00:00.000Z`. */
  key: z.string().min(1).max(500),
  kind: z.enum(NOTIFICATION_KINDS),
  taskId: z.guid().optional(),
  planId: z.guid(),
  cycleYear: z.number().int().optional(),
  /** The instant it was due to go out. */
  scheduledFor: z.iso.datetime({ offset: true }),
  to: z.array(z.enum(AUDIENCES)),
  cc: z.array(z.enum(AUDIENCES)),
  /**
   * Kind-specific. Reminders: `{ dueDate }` (the deadline reminded of: stale once it moves). Status
   * changes: `{ event, note, actorName, newDueDate, previousDueDate | currentDueDate, fromAgency,
   * toAgency }`. Annual report kinds: `{ dueDate, missing: agencyCodes }`; report_compiled:
   * `{ version, reportUrl? }`. Mentions: `{ note: the comment, actorName, actorAgency, mentions }`.
   */
  data: z.record(z.string(), z.unknown()),
  /**
   * Agencies addressed by code, besides the audiences: the annual cycle asks the agencies that have
   * not reported, and a comment names agencies, which no audience names.
   */
  agencyCodes: z.array(z.string().min(1)).optional(),
});

export type { DeliveryResult, RecordNotificationInput };
/** The schema checks the very payload workflows send (workflows/types.ts): a field added on one side only fails to compile. */
const _schemaMatchesPayload: SameShape<z.input<typeof recordNotificationInput>, RecordNotificationInput> = true;
export type ParsedNotification = z.infer<typeof recordNotificationInput>;

export interface ComposeDigestInput {
  recipient: string;
  day: string;
  /** The digest's number among this recipient's digests of the day: part of its idempotency key. */
  sequence: number;
}

export interface ComposeResult {
  outboxId: string | null;
  status: OutboxStatus | null;
  /** Notifications in the message. */
  count: number;
  /** Stale notifications dropped. */
  skipped: number;
}

/** Shown in the outbox and on the notification when a recipient has nowhere to send to. */
export const NO_ADDRESS = 'đơn vị chưa có địa chỉ email';

export type NotificationRow = typeof notifications.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

export const invalidInput = (message: string) => ApplicationFailure.create({ type: 'InvalidInput', message, nonRetryable: true });

/** Agencies that have not reported (annual cycle), as the cycle workflow puts them in `data.missing`. */
export const missingCodes = (n: { data: Record<string, unknown> }): string[] =>
  Array.isArray(n.data.missing) ? n.data.missing.filter((c): c is string => typeof c === 'string') : [];

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
