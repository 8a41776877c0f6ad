import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { notifications, outbox } from '../../db/schema';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES, OUTBOX_STATUSES, type OutboxStatus } from '../../domain/vocabulary';
import { notFound, unprocessable } from '../errors';
import { idParam, route } from '../route';
import { pageLimit } from '../schemas';
import { SIGN_IN_MAIL_KIND } from '../services/sign-in-links';

const listQuery = z.object({
  task: z.uuid({ message: 'phải là mã nhiệm vụ (UUID)' }).optional().describe('Only messages about this task'),
  status: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(OUTBOX_STATUSES, { message: `mỗi trạng thái phải là một trong: ${OUTBOX_STATUSES.join(', ')}` })))
    .optional()
    .describe('Comma-separated statuses: pending, sending, sent, failed'),
  limit: pageLimit,
  cursor: z.string().max(500).optional(),
});

const messageSchema = z.object({
  id: z.uuid(),
  kind: z.enum([...NOTIFICATION_KINDS, 'digest']).describe('`digest`: a day of reminders in one message'),
  recipient: z.string().nullable().describe('`agency:<code>` or `user:<id>`'),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  scheduledFor: z.string().describe('When its (first) notification was due, ISO 8601'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable().describe('The last SMTP error, or why it cannot be sent (no address)'),
  taskIds: z.array(z.uuid()),
});

const messageDetailSchema = messageSchema.extend({
  language: z.enum(['vi', 'en']),
  messageId: z.string(),
  text: z.string(),
  html: z.string(),
  notifications: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(NOTIFICATION_KINDS),
      taskId: z.uuid().nullable(),
      copy: z.boolean(),
      status: z.enum(NOTIFICATION_STATUSES),
      reason: z.string().nullable(),
    }),
  ),
});

/** Postgres keeps microseconds; the cursor carries the timestamp as text so paging never skips a row. */
const createdAtText = sql<string>`to_char(${outbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** Qualified: inside a subquery over notifications, drizzle's bare "id" would be the notification's. */
const OUTBOX_ID = sql.raw('"outbox"."id"');
const taskIdsOf = sql<string[]>`coalesce((select json_agg(distinct n.task_id) from ${notifications} n where n.outbox_id = ${OUTBOX_ID} and n.task_id is not null), '[]'::json)`;

const columns = {
  id: outbox.id,
  kind: outbox.kind,
  recipient: outbox.recipient,
  to: outbox.to,
  cc: outbox.cc,
  subject: outbox.subject,
  scheduledFor: outbox.scheduledFor,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  taskIds: taskIdsOf,
};

type Row = { scheduledFor: Date; createdAt: Date; sentAt: Date | null };
const timestamps = <T extends Row>(r: T) => ({ ...r, scheduledFor: r.scheduledFor.toISOString(), createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null });

const encodeCursor = (createdAt: string, id: string) => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && !Number.isNaN(Date.parse(value[0])) && z.uuid().safeParse(value[1]).success) return value as [string, string];
  } catch {
    // fall through
  }
  throw unprocessable('Con trỏ phân trang không hợp lệ.', [{ field: 'cursor', message: 'không hợp lệ' }]);
}

export const outboxRoutes = [
  route({
    method: 'get',
    path: '/api/outbox',
    tag: 'mail',
    summary: 'Messages of the outbox, newest first: what was (or will be) mailed, to whom, and whether it went out',
    auth: ['coordinator'],
    query: listQuery,
    responses: { 200: { description: 'A page', schema: z.object({ items: z.array(messageSchema), nextCursor: z.string().nullable() }) } },
    async handler({ deps, query }) {
      // A sign-in link's mail is a credential of its addressee: not for coordinators to read.
      const where: SQL[] = [ne(outbox.kind, SIGN_IN_MAIL_KIND)];
      if (query.task) {
        where.push(sql`exists (select 1 from ${notifications} n where n.outbox_id = ${OUTBOX_ID} and n.task_id = ${query.task})`);
      }
      if (query.status?.length) where.push(inArray(outbox.status, query.status as OutboxStatus[]));
      if (query.cursor) {
        const [createdAt, id] = decodeCursor(query.cursor);
        where.push(sql`(${outbox.createdAt}, ${outbox.id}) < (${createdAt}::timestamptz, ${id}::uuid)`);
      }
      const rows = await deps.database.db
        .select({ ...columns, cursorAt: createdAtText })
        .from(outbox)
        .where(and(...where))
        .orderBy(desc(outbox.createdAt), desc(outbox.id))
        .limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        body: {
          items: page.map(({ cursorAt: _, ...r }) => timestamps(r)),
          nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursorAt, last.id) : null,
        },
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/outbox/:id',
    tag: 'mail',
    summary: 'One message with its text and HTML, and the notifications it carries',
    auth: ['coordinator'],
    params: idParam,
    responses: { 200: { description: 'The message', schema: messageDetailSchema }, 404: { description: 'Unknown message' } },
    async handler({ deps, params }) {
      const db = deps.database.db;
      const [row] = await db
        .select({ ...columns, language: outbox.language, messageId: outbox.messageId, text: outbox.text, html: outbox.html })
        .from(outbox)
        .where(and(eq(outbox.id, params.id), ne(outbox.kind, SIGN_IN_MAIL_KIND)));
      if (!row) throw notFound('thư');
      const carried = await db
        .select({ id: notifications.id, kind: notifications.kind, taskId: notifications.taskId, copy: notifications.copy, status: notifications.status, reason: notifications.reason })
        .from(notifications)
        .where(eq(notifications.outboxId, row.id))
        .orderBy(asc(notifications.id));
      return { body: { ...timestamps(row), notifications: carried } };
    },
  }),
];
