/**
 * A plan's reminder settings, changed while its tasks run, against the real stack (Postgres, the
 * Temporal test server, the product's worker, the real mail activities): running tasks re-plan their
 * reminders by the new settings from now on, exactly as a task started afterwards plans them; the
 * plan's escalations go to the leadership accounts it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { fromToday } from '../helpers/dates';
import { waitFor } from '../helpers/wait';
import { notifications } from '../../db/schema';

let stack: TestStack;
let coordinator: string;
let planId: string;

beforeAll(async () => {
  // The dev server: the plan's Schedule moves with its settings, which the time-skipping server cannot hold.
  stack = await startStack({ label: 'plan_settings', temporal: 'local' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
});
afterAll(() => stack?.close());

async function assign(title: string, dueDate: string, startDate?: string): Promise<string> {
  const res = await stack.request('POST', `/api/plans/${planId}/tasks`, {
    token: coordinator,
    body: { title, leadAgency: 'STTTT', coordinatingAgencies: [], dueDate, kind: 'new', ...(startDate ? { startDate } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** The due reminders a task plans, as `GET /api/tasks/:id/reminders` lists them. */
async function plannedDueReminders(taskId: string): Promise<string[]> {
  const res = await stack.request('GET', `/api/tasks/${taskId}/reminders`, { token: coordinator });
  return (res.body.items as { kind: string; status: string; at: string }[]).filter((r) => r.kind === 'due_reminder' && r.status === 'planned').map((r) => r.at);
}

describe('reminder settings changed under running tasks', () => {
  it('a running task re-plans its due reminders by the new offsets, as a task started afterwards does', async () => {
    const due = fromToday(120);
    const running = await assign('Nâng cấp Cổng thông tin điện tử tỉnh', due);
    const before = await waitFor(() => plannedDueReminders(running), (r) => r.length === 3, 'the default 30/7/1 working-day reminders');

    const patched = await stack.request('PATCH', `/api/plans/${planId}`, { token: coordinator, body: { settings: { reminders: { dueReminderWorkingDays: [20, 3] } } } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const after = await waitFor(() => plannedDueReminders(running), (r) => r.length === 2, 'the re-planned reminders');

    const started = await assign('Số hóa hồ sơ một cửa', due);
    const fresh = await waitFor(() => plannedDueReminders(started), (r) => r.length > 0, 'the new task’s reminders');
    expect(after).toEqual(fresh);
    expect(after).not.toEqual(before.slice(0, 2));
    // 20 working days before is earlier than 7 and later than 30.
    expect(after[0]! > before[0]! && after[0]! < before[1]!).toBe(true);
  });

  it('refuses an escalation recipient that is not an active leadership account, naming it', async () => {
    const clerk = await stack.user({ role: 'agency', agencyCode: 'STC' });
    const me = (await stack.request('GET', '/api/me', { token: clerk })).body;
    const res = await stack.request('PATCH', `/api/plans/${planId}`, { token: coordinator, body: { settings: { escalation: { leadershipUserIds: [me.id] } } } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'settings.escalation.leadershipUserIds.0', message: 'không phải tài khoản lãnh đạo đang hoạt động' }]);
  });

});

describe('escalations of a plan that names its leadership recipients', () => {
  // Time skipping: the escalation falls due 30 days after the deadline.
  let skipping: TestStack;
  afterAll(() => skipping?.close());

  it('go to the accounts it names, not to every viewer', async () => {
    skipping = await startStack({ label: 'plan_escalation' });
    await seedAgencies(skipping.database.db);
    const chosen = await skipping.user({ role: 'viewer', name: 'Phó Chủ tịch phụ trách' });
    await skipping.user({ role: 'viewer', name: 'Chủ tịch' });
    const chosenId = (await skipping.request('GET', '/api/me', { token: chosen })).body.id as string;
    // Set as the settings form sends it (the form itself, which also moves the plan's Schedule, is tested above).
    const plan = await seedPlan(skipping.database.db, { settings: { escalation: { leadershipUserIds: [chosenId] } } });
    const token = await skipping.user({ role: 'coordinator', agencyCode: 'VPUBND' });
    const res = await skipping.request('POST', `/api/plans/${plan}/tasks`, {
      token,
      body: { title: 'Báo cáo đánh giá an toàn thông tin', leadAgency: 'STTTT', coordinatingAgencies: [], dueDate: fromToday(-29), startDate: fromToday(-200), kind: 'new' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const escalations = () => skipping.database.db.select().from(notifications).where(and(eq(notifications.taskId, res.body.id), eq(notifications.kind, 'overdue_escalation')));
    await waitFor(
      async () => {
        await skipping.env.sleep('1 day');
        return escalations();
      },
      (rows) => rows.length > 0,
      'the escalation, a few skipped days later',
    );
    expect((await escalations()).map((n) => n.recipient)).toEqual([`user:${chosenId}`]);
  });
});
