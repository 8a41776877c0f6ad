import { and, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDays } from '../../db/schema';
import type { Db } from '../../db/client';
import { AMENDMENT_KINDS, WorkingCalendar, localDate, type CalendarData } from '../../domain/calendar';
import { conflict, notFound } from '../errors';
import { route } from '../route';
import { isoDate, requiredText } from '../schemas';
import { actorOf, recordAudit } from '../services/audit';

const ALL_ROLES = ['admin', 'coordinator', 'agency', 'viewer'] as const;

const calendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'off', 'work']),
  name: z.string(),
  source: z.enum(['law', 'decree', 'admin']),
  document: z.string().optional(),
});

const amendmentBody = z.object({
  date: isoDate,
  kind: z.enum(AMENDMENT_KINDS, { message: 'phải là off (ngày nghỉ) hoặc work (ngày làm việc)' }),
  name: requiredText(200),
});

const amendmentSchema = z.object({ date: z.string(), kind: z.enum(AMENDMENT_KINDS), name: z.string(), source: z.literal('admin') });

async function yearData(db: Db, year: number): Promise<CalendarData> {
  const rows = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source })
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)));
  return { amendments: rows };
}

export const calendarRoutes = [
  route({
    method: 'get',
    path: '/api/calendar/holidays',
    tag: 'calendar',
    summary: "A year's holidays and days off other than plain weekends (law, government notices, amendments), and its weekend days worked",
    auth: ALL_ROLES,
    query: z.object({
      year: z.coerce
        .number({ message: 'phải là số năm' })
        .int('phải là số năm')
        .min(1970, 'từ 1970 đến 2200')
        .max(2200, 'từ 1970 đến 2200')
        .optional(),
    }),
    responses: { 200: { description: 'The days, by date', schema: z.object({ year: z.number(), items: z.array(calendarDaySchema) }) } },
    async handler({ deps, query }) {
      const year = query.year ?? Number(localDate(Date.now()).slice(0, 4));
      const calendar = new WorkingCalendar(await yearData(deps.database.db, year));
      return { body: { year, items: calendar.nonWorkingDays(year) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/calendar/holidays',
    tag: 'calendar',
    summary: 'Amend the calendar: make a date a day off or a working day (replaces any earlier amendment of that date)',
    auth: ['admin'],
    body: amendmentBody,
    responses: { 201: { description: 'The amendment', schema: amendmentSchema } },
    async handler({ deps, body, user }) {
      const values = { date: body.date, kind: body.kind, name: body.name, source: 'admin' as const, createdBy: user.id };
      await deps.database.db.transaction(async (tx) => {
        const [before] = await tx.select({ kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source }).from(calendarDays).where(eq(calendarDays.date, body.date)).for('update');
        await tx
          .insert(calendarDays)
          .values(values)
          .onConflictDoUpdate({ target: calendarDays.date, set: { kind: values.kind, name: values.name, source: values.source, createdBy: values.createdBy, updatedAt: new Date() } });
        await recordAudit(tx, actorOf(user), {
          action: 'calendar.amend',
          targetType: 'calendar_day',
          targetId: body.date,
          targetLabel: body.name,
          before: before ?? null,
          after: { kind: values.kind, name: values.name, source: values.source },
        });
      });
      deps.logger.info({ date: body.date, kind: body.kind, by: user.id }, 'calendar amended');
      return { status: 201, body: { date: body.date, kind: body.kind, name: body.name, source: 'admin' } };
    },
  }),
  route({
    method: 'delete',
    path: '/api/calendar/holidays/:date',
    tag: 'calendar',
    summary: "Remove an administrator's amendment; the date falls back to the law and the government notices",
    auth: ['admin'],
    params: z.object({ date: isoDate }),
    responses: { 204: { description: 'Removed' } },
    async handler({ deps, params, res, user }) {
      const db = deps.database.db;
      const [row] = await db.select({ source: calendarDays.source }).from(calendarDays).where(eq(calendarDays.date, params.date));
      if (!row) throw notFound(`ngày điều chỉnh ${params.date} (ngày lễ theo luật không xoá được; hãy thêm một ngày điều chỉnh)`);
      // A notice's day is shipped with the code and seeded again at start: deleting its row would change nothing.
      if (row.source !== 'admin') {
        throw conflict(`Ngày ${params.date} do văn bản của Chính phủ quy định, không xoá được; muốn đổi, hãy thêm một ngày điều chỉnh cho ngày này.`, [
          { field: 'date', message: 'ngày theo văn bản của Chính phủ' },
        ]);
      }
      await db.transaction(async (tx) => {
        const removed = await tx
          .delete(calendarDays)
          .where(and(eq(calendarDays.date, params.date), eq(calendarDays.source, 'admin')))
          .returning({ kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source });
        if (removed[0]) await recordAudit(tx, actorOf(user), { action: 'calendar.remove', targetType: 'calendar_day', targetId: params.date, targetLabel: removed[0].name, before: removed[0] });
      });
      deps.logger.info({ date: params.date, by: user.id }, 'calendar amendment removed');
      res.status(204).end();
    },
  }),
];
