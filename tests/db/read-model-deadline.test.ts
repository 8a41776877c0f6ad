import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { dueSoonSql, overdueSql, rowIsDueSoon, rowIsOverdue } from '../../db/read-model/deadline';
import { tasks } from '../../db/schema';
import { TASK_STATUSES } from '../../domain/task-status';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/**
 * The read model's two forms of each deadline rule, the TypeScript one (the task's `overdue` and
 * `dueSoon` flags) and its SQL twin (the list's filters, the statistics), judge the same rows alike:
 * every status, no deadline, deadlines around "today" and DUE_SOON_DAYS, and completions submitted
 * either side of local midnight (UTC+7) on the deadline.
 */
const TODAYS = ['2026-12-19', '2026-12-20', '2026-12-21', '2026-12-27', '2026-12-28'];
const DEADLINES = [null, '2026-12-13', '2026-12-20', '2026-12-21', '2026-12-27', '2026-12-28'];
const SUBMISSIONS = [null, '2026-12-20T16:59:59Z', '2026-12-20T17:00:00Z', '2026-12-27T16:30:00Z', '2026-12-27T17:30:00Z'];
// The workflow sets `submittedAt` with the status `completion_submitted` and clears it on leaving it.
const submissionsOf = (status: string) => (status === 'completion_submitted' ? SUBMISSIONS.filter((s) => s !== null) : [null]);

let database: TestDatabase;
let ids: string[];

beforeAll(async () => {
  database = await createTestDatabase('read_model_deadline');
  const { db } = database;
  await seedAgencies(db);
  const planId = await seedPlan(db);
  const rows = TASK_STATUSES.flatMap((status) => DEADLINES.flatMap((currentDueDate) => submissionsOf(status).map((submittedAt) => ({ status, currentDueDate, submittedAt }))));
  const values = rows.map((r, i) => ({
    id: randomUUID(),
    planId,
    position: i + 1,
    title: `Nhiệm vụ ${i}`,
    titleSearch: `nhiem vu ${i}`,
    leadAgencyCode: 'STTTT',
    kind: 'new' as const,
    startDate: '2026-01-01',
    dueDate: r.currentDueDate ?? '2026-12-31',
    originalDueDate: r.currentDueDate ?? '2026-12-31',
    currentDueDate: r.currentDueDate,
    status: r.status,
    submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
  }));
  await database.db.insert(tasks).values(values);
  ids = values.map((v) => v.id);
});

afterAll(() => database?.drop());

describe('the read model’s deadline rules in TypeScript and in SQL', () => {
  for (const today of TODAYS) {
    it(`pick the same rows on ${today}`, async () => {
      const { db } = database;
      const all = await db.select().from(tasks).where(inArray(tasks.id, ids));
      const picked = async (where: ReturnType<typeof overdueSql>) => (await db.select({ id: tasks.id }).from(tasks).where(where)).map((r) => r.id).sort();
      const overdue = all.filter((r) => rowIsOverdue(r, today)).map((r) => r.id).sort();
      const dueSoon = all.filter((r) => rowIsDueSoon(r, today)).map((r) => r.id).sort();
      // Both rules hold for some rows and not others on every day tested, so agreement is not vacuous.
      expect(overdue.length).toBeGreaterThan(0);
      expect(await picked(overdueSql(today))).toEqual(overdue);
      expect(await picked(dueSoonSql(today))).toEqual(dueSoon);
    });
  }
});
