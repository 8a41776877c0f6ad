import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { idempotencyKeys, taskEvents, tasks, users } from '../../db/schema';
import { hashToken } from '../../api/tokens';
import { taskWorkflowId } from '../../workflows/constants';
import { getTaskQuery } from '../../workflows/messages';
import { addDays } from '../../domain/calendar';
import { fromToday } from '../helpers/dates';

let stack: TestStack;
let planId: string;
const tokens: Record<'coordinator' | 'viewer' | 'lead' | 'lead2' | 'partner' | 'other' | 'district', string> = {} as never;

beforeAll(async () => {
  stack = await startStack({ label: 'tasks' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  tokens.coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều phối' });
  tokens.viewer = await stack.user({ role: 'viewer', name: 'Lãnh đạo UBND tỉnh' });
  tokens.lead = await stack.user({ role: 'agency', agencyCode: 'STTTT', name: 'Nguyễn Thị Văn thư' });
  tokens.lead2 = await stack.user({ role: 'agency', agencyCode: 'STTTT', name: 'Lê Văn Chuyên viên' });
  tokens.partner = await stack.user({ role: 'agency', agencyCode: 'STC' });
  tokens.other = await stack.user({ role: 'agency', agencyCode: 'SNV' });
  tokens.district = await stack.user({ role: 'agency', agencyCode: 'H1' });
});
afterAll(() => stack?.close());

/** A new task's start and deadline: three months ahead, on whatever day the suite runs, so its due reminders are still to come. */
const START = fromToday(4);
const DUE = fromToday(91);

const as = (who: keyof typeof tokens | 'admin') => (who === 'admin' ? stack.adminToken : tokens[who]);

async function newTask(overrides: Record<string, unknown> = {}) {
  const res = await stack.request('POST', `/api/plans/${planId}/tasks`, {
    token: tokens.coordinator,
    body: { title: 'Xây dựng Trung tâm dữ liệu tỉnh', leadAgency: 'STTTT', coordinatingAgencies: ['STC'], startDate: START, dueDate: DUE, ...overrides },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; status: string; updatedAt: string; children: { id: string; leadAgency: string }[] };
}

const act = (who: keyof typeof tokens | 'admin', id: string, action: string, body: unknown = {}, headers?: Record<string, string>) =>
  stack.request('POST', `/api/tasks/${id}/${action}`, { token: as(who), body, headers });

describe('the lifecycle through the API', () => {
  it('assign → acknowledge → progress → completion → acceptance, each step recorded with who did it', async () => {
    const task = await newTask();
    expect(task).toMatchObject({ status: 'assigned', leadAgency: 'STTTT', coordinatingAgencies: ['STC'], dueDate: DUE, progress: 0 });
    const acknowledged = (await act('lead', task.id, 'acknowledge')).body;
    expect(acknowledged).toMatchObject({ status: 'in_progress' });
    // The answer is the task as the command's projection wrote it (the Update returns it): what a read shows.
    const { events: _events, children: _children, ...read } = (await stack.request('GET', `/api/tasks/${task.id}`, { token: tokens.lead })).body;
    expect(acknowledged).toEqual(read);
    expect((await act('lead', task.id, 'progress', { percent: 60, note: 'Đã lắp đặt thiết bị' })).body).toMatchObject({ progress: 60 });
    expect((await act('lead', task.id, 'completion', { note: 'Đã vận hành' })).body).toMatchObject({ status: 'completion_submitted' });
    const accepted = await act('coordinator', task.id, 'acceptance', {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'completed', progress: 100, overdue: false });
    expect(accepted.body.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Every projection moves the row's updatedAt (the prepared statement sets it each time).
    expect(Date.parse(acknowledged.updatedAt)).toBeGreaterThan(Date.parse(task.updatedAt));
    expect(Date.parse(accepted.body.updatedAt)).toBeGreaterThan(Date.parse(acknowledged.updatedAt));

    const detail = (await stack.request('GET', `/api/tasks/${task.id}`, { token: tokens.viewer })).body;
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['created', 'acknowledged', 'progress_reported', 'completion_submitted', 'completion_accepted']);
    expect(detail.events[1]).toMatchObject({ fromStatus: 'assigned', toStatus: 'in_progress', actor: { name: 'Nguyễn Thị Văn thư', role: 'agency', agencyCode: 'STTTT' } });
    expect(detail.events[2]).toMatchObject({ note: 'Đã lắp đặt thiết bị', data: { fromPercent: 0, percent: 60 } });
    expect(detail.events[4].actor).toMatchObject({ name: 'Trần Văn Điều phối', role: 'coordinator' });

    // The workflow finished with the same state the read model shows.
    const result = await stack.env.client.workflow.getHandle(taskWorkflowId(task.id)).result();
    expect(result.state).toMatchObject({ status: 'completed', progress: 100, seq: 5 });
  });

  it('a command whose projection finds a newer one already written answers with the task as read', async () => {
    const task = await newTask();
    // As if a later event's projection had landed first (local activities may finish out of order).
    await stack.database.db.update(tasks).set({ lastSeq: 100, title: 'Bản đã chiếu sau' }).where(eq(tasks.id, task.id));
    const res = await act('lead', task.id, 'acknowledge');
    expect(res.status).toBe(200);
    // The workflow's answer carries no task, so the API read the row: the newer projection's.
    expect(res.body).toMatchObject({ id: task.id, title: 'Bản đã chiếu sau', status: 'assigned' });
    const events = await stack.database.db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id));
    expect(events.map((e) => e.type)).toEqual(['created', 'acknowledged']);
  });

  it('a returned completion goes back to the agency, which submits again', async () => {
    const task = await newTask();
    await act('lead', task.id, 'acknowledge');
    await act('lead', task.id, 'completion', {});
    const returned = await act('coordinator', task.id, 'return', { reason: 'Thiếu hồ sơ nghiệm thu' });
    expect(returned.body.status).toBe('in_progress');
    expect((await act('lead', task.id, 'completion', { note: 'Đã bổ sung hồ sơ' })).body.status).toBe('completion_submitted');
    expect((await act('coordinator', task.id, 'acceptance')).body.status).toBe('completed');
    const detail = (await stack.request('GET', `/api/tasks/${task.id}`, { token: tokens.coordinator })).body;
    expect(detail.events.find((e: { type: string }) => e.type === 'completion_returned').note).toBe('Thiếu hồ sơ nghiệm thu');
  });

  it('an approved extension moves the due date and re-plans the reminders; a rejected one does not', async () => {
    const task = await newTask();
    await act('lead', task.id, 'acknowledge');
    const before = (await stack.database.db.select().from(tasks).where(eq(tasks.id, task.id)))[0]!;
    const dueBefore = before.reminderPlan.filter((r) => r.kind === 'due_reminder');
    expect(dueBefore.length).toBeGreaterThan(0);
    expect(dueBefore.every((r) => r.dueDate === DUE)).toBe(true);

    const extended = addDays(DUE, 124);
    const requested = await act('lead', task.id, 'extension-requests', { newDueDate: extended, reason: 'Chờ phân bổ vốn' });
    expect(requested.status).toBe(201);
    const approved = await act('coordinator', task.id, `extension-requests/${requested.body.requestId}/decision`, { approve: true, note: 'Đồng ý' });
    expect(approved.body).toMatchObject({ dueDate: extended, originalDueDate: DUE });
    const after = (await stack.database.db.select().from(tasks).where(eq(tasks.id, task.id)))[0]!;
    const dueReminders = after.reminderPlan.filter((r) => r.kind === 'due_reminder');
    expect(dueReminders.length).toBeGreaterThan(0);
    expect(dueReminders.every((r) => r.dueDate === extended && r.at > addDays(extended, -60))).toBe(true);
    const query = await stack.env.client.workflow.getHandle(taskWorkflowId(task.id)).query(getTaskQuery);
    expect(query.reminders).toEqual(after.reminderPlan);

    const second = await act('lead', task.id, 'extension-requests', { newDueDate: addDays(extended, 92), reason: 'Thêm hạng mục' });
    const rejected = await act('coordinator', task.id, `extension-requests/${second.body.requestId}/decision`, { approve: false, note: 'Không đủ căn cứ' });
    expect(rejected.body.dueDate).toBe(extended);
    expect(rejected.body.extensionRequests.map((r: { status: string }) => r.status)).toEqual(['approved', 'rejected']);
  });

  it('a cancelled task takes no more commands', async () => {
    const task = await newTask();
    const cancelled = await act('coordinator', task.id, 'cancel', { reason: 'Không còn phù hợp với kế hoạch' });
    expect(cancelled.body.status).toBe('cancelled');
    const late = await act('lead', task.id, 'acknowledge');
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('hủy');
    // The API asks the read model only once the workflow refuses: still 403 before 409 for another agency.
    expect((await act('other', task.id, 'acknowledge')).status).toBe(403);
  });

  it('a lead given as a group fans out to one child per member; the parent completes when they all do', async () => {
    const parent = await newTask({ leadAgency: 'HUYEN', coordinatingAgencies: ['STTTT'], title: 'Triển khai hệ thống một cửa điện tử cấp huyện' });
    expect(parent).toMatchObject({ isGroup: true, leadAgency: 'HUYEN' });
    expect(parent.children.map((c) => c.leadAgency).sort()).toEqual(['H1', 'H2', 'H3']);
    // The district clerk sees and acts on its own child only.
    const [mine, ...others] = [...parent.children].sort((a, b) => a.leadAgency.localeCompare(b.leadAgency));
    expect((await act('district', others[0]!.id, 'acknowledge')).status).toBe(403);
    expect((await act('lead', parent.id, 'acknowledge')).status).toBe(409);
    for (const child of [mine!, ...others]) {
      const token = await stack.user({ role: 'agency', agencyCode: child.leadAgency });
      await stack.request('POST', `/api/tasks/${child.id}/acknowledge`, { token });
      await stack.request('POST', `/api/tasks/${child.id}/completion`, { token, body: {} });
      expect((await act('coordinator', child.id, 'acceptance')).body.status).toBe('completed');
    }
    await expect.poll(async () => (await stack.request('GET', `/api/tasks/${parent.id}`, { token: tokens.coordinator })).body.status, { timeout: 20_000 }).toBe('completed');
    const detail = (await stack.request('GET', `/api/tasks/${parent.id}`, { token: tokens.coordinator })).body;
    expect(detail.progress).toBe(100);
    expect(detail.children.every((c: { status: string }) => c.status === 'completed')).toBe(true);
  });

  it('cancelling a group parent cancels every child', async () => {
    const parent = await newTask({ leadAgency: 'HUYEN' });
    await act('coordinator', parent.id, 'cancel', { reason: 'Gộp vào nhiệm vụ khác' });
    await expect
      .poll(async () => (await stack.request('GET', `/api/tasks/${parent.id}`, { token: tokens.coordinator })).body.children.map((c: { status: string }) => c.status), { timeout: 20_000 })
      .toEqual(['cancelled', 'cancelled', 'cancelled']);
  });
});

describe('bad input: 4xx naming the field, nothing changed', () => {
  it('unknown agency, due before start, a date that is not YYYY-MM-DD', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ leadAgency: 'KHONGCO' }, 'leadAgency'],
      [{ coordinatingAgencies: ['STC', 'NOPE'] }, 'coordinatingAgencies'],
      [{ startDate: '2027-03-01', dueDate: '2027-02-01' }, 'dueDate'],
      [{ dueDate: '26/02/2027' }, 'dueDate'],
      [{ dueDate: '2027-02-30' }, 'dueDate'],
      [{ kind: 'annual' }, 'kind'],
      [{ title: '' }, 'title'],
      // Postgres has no year 0 and cannot store NUL; half a surrogate pair is not text at all.
      [{ dueDate: '0000-01-01' }, 'dueDate'],
      [{ title: 'Số hóa\u0000hồ sơ' }, 'title'],
      [{ coordinatingAgencies: ['STC', '\ud800'] }, 'coordinatingAgencies.1'],
    ];
    const before = await stack.database.db.$count(tasks);
    for (const [override, field] of cases) {
      const res = await stack.request('POST', `/api/plans/${planId}/tasks`, {
        token: tokens.coordinator,
        body: { title: 'X', leadAgency: 'STTTT', coordinatingAgencies: [], startDate: START, dueDate: DUE, ...override },
      });
      expect(res.status, JSON.stringify(override)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await stack.database.db.$count(tasks)).toBe(before);
  });

  it('percent outside 0–100 or going backwards without a note; an extension not after the due date', async () => {
    const task = await newTask();
    await act('lead', task.id, 'progress', { percent: 50 });
    const field = async (action: string, body: unknown) => {
      const res = await act('lead', task.id, action, body);
      expect(res.status).toBe(422);
      return res.body.error.details.map((d: { field: string }) => d.field);
    };
    expect(await field('progress', { percent: 120 })).toContain('percent');
    expect(await field('progress', { percent: -1 })).toContain('percent');
    expect(await field('progress', { percent: 30 })).toContain('note');
    expect(await field('extension-requests', { newDueDate: addDays(DUE, -25), reason: 'x' })).toContain('newDueDate');
    expect(await field('extension-requests', { newDueDate: 'mai', reason: 'x' })).toContain('newDueDate');
    const events = await stack.database.db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id));
    expect(events.map((e) => e.type)).toEqual(['created', 'progress_reported']);
  });

  it('unknown task 404; malformed id 422', async () => {
    expect((await act('lead', '00000000-0000-4000-8000-000000000000', 'acknowledge')).status).toBe(404);
    expect((await act('lead', 'not-a-uuid', 'acknowledge')).status).toBe(422);
  });
});

type Who = keyof typeof tokens | 'admin';

describe('permission matrix: route × role × own/other agency', () => {
  const everyone: Who[] = ['coordinator', 'viewer', 'admin', 'lead', 'partner', 'other'];
  // [action, body, who may, state preparation]
  const matrix: [string, unknown, Who[], (id: string) => Promise<unknown>][] = [
    ['acknowledge', {}, ['lead'], async () => {}],
    ['progress', { percent: 10 }, ['lead'], async () => {}],
    ['extension-requests', { newDueDate: addDays(DUE, 308), reason: 'x' }, ['lead'], async () => {}],
    ['completion', {}, ['lead'], (id) => act('lead', id, 'acknowledge')],
    ['contributions', { note: 'Số liệu tài chính đã gửi' }, ['partner'], async () => {}],
    ['acceptance', {}, ['coordinator'], async (id) => (await act('lead', id, 'acknowledge'), act('lead', id, 'completion'))],
    ['return', { reason: 'x' }, ['coordinator'], async (id) => (await act('lead', id, 'acknowledge'), act('lead', id, 'completion'))],
    ['cancel', { reason: 'x' }, ['coordinator'], async () => {}],
    ['reassign', { leadAgency: 'SNV' }, ['coordinator'], async () => {}],
  ];
  for (const [action, body, allowed, prepare] of matrix) {
    it(`${action}: allowed for ${allowed.join(', ')}; 403 for the rest`, async () => {
      for (const who of everyone) {
        const task = await newTask();
        await prepare(task.id);
        const res = await act(who, task.id, action, body);
        if (allowed.includes(who)) expect([200, 201], `${who} ${action}: ${JSON.stringify(res.body)}`).toContain(res.status);
        else expect(res.status, `${who} ${action}`).toBe(403);
      }
    });
  }

  it('reading: coordinator and leadership see every task, an agency its own (lead or coordinating), admin none', async () => {
    const task = await newTask();
    const status = async (who: Who) => (await stack.request('GET', `/api/tasks/${task.id}`, { token: as(who) })).status;
    expect(await status('coordinator')).toBe(200);
    expect(await status('viewer')).toBe(200);
    expect(await status('lead')).toBe(200);
    expect(await status('partner')).toBe(200);
    expect(await status('other')).toBe(403);
    expect(await status('admin')).toBe(403);
  });

  it('decision on an extension and editing are the coordinator’s', async () => {
    const task = await newTask();
    const { requestId } = (await act('lead', task.id, 'extension-requests', { newDueDate: addDays(DUE, 308), reason: 'x' })).body;
    for (const who of ['lead', 'viewer', 'admin', 'partner'] as Who[]) {
      expect((await act(who, task.id, `extension-requests/${requestId}/decision`, { approve: true })).status).toBe(403);
      expect((await stack.request('PATCH', `/api/tasks/${task.id}`, { token: as(who), body: { dueDate: addDays(DUE, 64) } })).status).toBe(403);
    }
    expect((await stack.request('PATCH', `/api/tasks/${task.id}`, { token: tokens.coordinator, body: { dueDate: addDays(DUE, 64) } })).body.dueDate).toBe(addDays(DUE, 64));
  });
});

describe('concurrency and idempotency', () => {
  it('two clerks acknowledging at once: one wins, the other gets 409, history has one acknowledgement', async () => {
    const task = await newTask();
    const results = await Promise.all([act('lead', task.id, 'acknowledge'), act('lead2', task.id, 'acknowledge')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await stack.database.db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id));
    expect(events.filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });

  it('the same Idempotency-Key gives the same answer and makes one transition', async () => {
    const task = await newTask();
    const headers = { 'Idempotency-Key': `progress-${task.id}` };
    const first = await act('lead', task.id, 'progress', { percent: 30 }, headers);
    const again = await act('lead', task.id, 'progress', { percent: 30 }, headers);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await act('lead', task.id, 'progress', { percent: 40 }, headers);
    expect(other.status).toBe(422);
    const events = await stack.database.db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id));
    expect(events.filter((e) => e.type === 'progress_reported')).toHaveLength(1);
  });

  it('a key held by a request that never finished is 409 for a while, then taken over, once', async () => {
    const task = await newTask();
    const path = `/api/tasks/${task.id}/acknowledge`;
    const [lead] = await stack.database.db.select({ id: users.id }).from(users).where(eq(users.tokenHash, hashToken(tokens.lead)));
    // What a request left behind when its process died after claiming the key: no answer stored.
    const claim = (key: string, ageMs: number) =>
      stack.database.db.insert(idempotencyKeys).values({
        userId: lead!.id,
        key,
        method: 'POST',
        path,
        requestHash: createHash('sha256').update(`POST ${path}\n`).update('{}').digest('hex'),
        createdAt: new Date(Date.now() - ageMs),
      });
    await claim('left-fresh', 1000);
    await claim('left-stale', 10 * 60_000);
    const retry = (key: string) => act('lead', task.id, 'acknowledge', {}, { 'Idempotency-Key': key });
    expect((await retry('left-fresh')).status).toBe(409);
    expect((await retry('left-stale')).status).toBe(200);
    expect((await retry('left-stale')).headers.get('idempotent-replayed')).toBe('true');
    const events = await stack.database.db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id));
    expect(events.filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });
});

describe('listing', () => {
  it('filters by plan, status, agency, overdue and text; pages with a cursor; an agency sees only its own', async () => {
    const otherPlan = await seedPlan(stack.database.db);
    const mk = async (title: string, leadAgency: string, dueDate: string, plan = planId) =>
      (await stack.request('POST', `/api/plans/${plan}/tasks`, { token: tokens.coordinator, body: { title, leadAgency, startDate: '2024-01-01', dueDate } })).body;
    const a = await mk('Số hóa hồ sơ đất đai', 'SKHCN', '2025-06-30', otherPlan); // overdue
    const b = await mk('Số hóa sổ hộ tịch', 'SKHCN', '2099-06-30', otherPlan);
    const c = await mk('Đào tạo kỹ năng số', 'SNV', '2099-07-31', otherPlan);
    await stack.request('POST', `/api/tasks/${b.id}/acknowledge`, { token: await stack.user({ role: 'agency', agencyCode: 'SKHCN' }) });
    const ids = async (qs: string, who: Who = 'coordinator') =>
      ((await stack.request('GET', `/api/tasks?plan=${otherPlan}&${qs}`, { token: as(who) })).body.items as { id: string }[]).map((t) => t.id);

    expect(await ids('')).toEqual([a.id, b.id, c.id]);
    expect(await ids('agency=SKHCN')).toEqual([a.id, b.id]);
    expect(await ids('status=in_progress')).toEqual([b.id]);
    expect(await ids('status=assigned,in_progress&overdue=true')).toEqual([a.id]);
    expect(await ids('overdue=false')).toEqual([b.id, c.id]);
    expect(await ids('q=so hoa')).toEqual([a.id, b.id]);
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids('', 'other')).toEqual([c.id]);
    expect((await stack.request('GET', `/api/tasks?agency=SKHCN`, { token: tokens.other })).status).toBe(403);

    const page1 = (await stack.request('GET', `/api/tasks?plan=${otherPlan}&limit=2`, { token: tokens.coordinator })).body;
    expect(page1.items.map((t: { id: string }) => t.id)).toEqual([a.id, b.id]);
    const page2 = (await stack.request('GET', `/api/tasks?plan=${otherPlan}&limit=2&cursor=${page1.nextCursor}`, { token: tokens.coordinator })).body;
    expect(page2).toEqual({ items: [expect.objectContaining({ id: c.id })], nextCursor: null });

    // Due soon: open and due within the next seven days (today's date in Asia/Ho_Chi_Minh).
    const soonPlan = await seedPlan(stack.database.db);
    const soon = (await stack.request('POST', `/api/plans/${soonPlan}/tasks`, { token: tokens.coordinator, body: { title: 'Báo cáo quý', leadAgency: 'SNV', dueDate: fromToday(7) } })).body;
    const later = (await stack.request('POST', `/api/plans/${soonPlan}/tasks`, { token: tokens.coordinator, body: { title: 'Báo cáo năm', leadAgency: 'SNV', dueDate: fromToday(8) } })).body;
    const inSoonPlan = async (qs: string) => ((await stack.request('GET', `/api/tasks?plan=${soonPlan}&${qs}`, { token: tokens.coordinator })).body.items as { id: string }[]).map((t) => t.id);
    expect(await inSoonPlan('dueSoon=true')).toEqual([soon.id]);
    expect(await inSoonPlan('dueSoon=false')).toEqual([later.id]);
    expect(await inSoonPlan('dueSoon=true&overdue=false&status=assigned')).toEqual([soon.id]);

    const bad = await stack.request('GET', `/api/tasks?status=done&limit=0&cursor=xyz`, { token: tokens.coordinator });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['query.limit', 'query.status.0']);
  });
});
