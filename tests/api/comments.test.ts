/**
 * Discussion on a task through the real API and the task's workflow: who may comment, what a comment
 * must be, the agencies it may name (picked or written `@CODE`), the notification each named agency
 * gets, and the comment's place in the audit trail.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { notifications, taskEvents } from '../../db/schema';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { fromToday } from '../helpers/dates';

let stack: TestStack;
let planId: string;
const tokens: Record<'coordinator' | 'viewer' | 'lead' | 'partner' | 'other' | 'district', string> = {} as never;
type Who = keyof typeof tokens | 'admin';

beforeAll(async () => {
  stack = await startStack({ label: 'comments' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  tokens.coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều phối' });
  tokens.viewer = await stack.user({ role: 'viewer', name: 'Lãnh đạo UBND tỉnh' });
  tokens.lead = await stack.user({ role: 'agency', agencyCode: 'STTTT', name: 'Nguyễn Thị Văn thư' });
  tokens.partner = await stack.user({ role: 'agency', agencyCode: 'STC', name: 'Lê Văn Tài chính' });
  tokens.other = await stack.user({ role: 'agency', agencyCode: 'SNV', name: 'Văn thư Sở Nội vụ' });
  tokens.district = await stack.user({ role: 'agency', agencyCode: 'H1', name: 'Văn thư huyện Mộc Châu' });
});
afterAll(() => stack?.close());

const as = (who: Who) => (who === 'admin' ? stack.adminToken : tokens[who]);

async function newTask(body: Record<string, unknown> = {}) {
  const res = await stack.request('POST', `/api/plans/${planId}/tasks`, {
    token: tokens.coordinator,
    body: { title: 'Xây dựng kho dữ liệu dùng chung', leadAgency: 'STTTT', coordinatingAgencies: ['STC'], startDate: fromToday(1), dueDate: fromToday(150), ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; children: { id: string; leadAgency: string }[] };
}

const comment = (who: Who, taskId: string, body: unknown, headers?: Record<string, string>) =>
  stack.request('POST', `/api/tasks/${taskId}/comments`, { token: as(who), body, headers });

const events = (taskId: string) => stack.database.db.select().from(taskEvents).where(eq(taskEvents.taskId, taskId)).orderBy(asc(taskEvents.seq));
const mentionsOf = (taskId: string) =>
  stack.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.taskId, taskId), eq(notifications.kind, 'mention')))
    .orderBy(asc(notifications.id));

describe('who comments', () => {
  it('the coordinator, the lead and the coordinating agency; each comment is an event of the audit trail that changes nothing else', async () => {
    const task = await newTask();
    const before = (await stack.request('GET', `/api/tasks/${task.id}`, { token: tokens.coordinator })).body;
    for (const [who, text] of [
      ['coordinator', 'Đề nghị Sở TTTT báo cáo tiến độ trước ngày 15.'],
      ['lead', 'Sở TTTT đang chờ số liệu của Sở Tài chính.'],
      ['partner', 'Sở Tài chính sẽ gửi trong tuần.'],
    ] as const) {
      const res = await comment(who, task.id, { text });
      expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body).toMatchObject({ id: task.id, status: 'assigned', progress: 0, dueDate: before.dueDate });
    }
    const detail = (await stack.request('GET', `/api/tasks/${task.id}`, { token: tokens.viewer })).body;
    const comments = detail.events.filter((e: { type: string }) => e.type === 'commented');
    expect(comments.map((e: { note: string; actor: { name: string } }) => [e.actor.name, e.note])).toEqual([
      ['Trần Văn Điều phối', 'Đề nghị Sở TTTT báo cáo tiến độ trước ngày 15.'],
      ['Nguyễn Thị Văn thư', 'Sở TTTT đang chờ số liệu của Sở Tài chính.'],
      ['Lê Văn Tài chính', 'Sở Tài chính sẽ gửi trong tuần.'],
    ]);
    expect(comments[0]).toMatchObject({ fromStatus: 'assigned', toStatus: 'assigned', data: { mentions: [] } });
    // Nobody was named: nobody is mailed.
    expect(await mentionsOf(task.id)).toEqual([]);
  });

  it('leadership reads but does not comment; an unrelated agency neither; the admin is not part of the work', async () => {
    const task = await newTask();
    for (const who of ['viewer', 'other', 'admin', 'district'] as const) {
      const res = await comment(who, task.id, { text: 'Xin phép góp ý' });
      expect(res.status, who).toBe(403);
    }
    expect((await comment('lead', randomUUID(), { text: 'Không có nhiệm vụ này' })).status).toBe(404);
    expect((await events(task.id)).map((e) => e.type)).toEqual(['created']);
  });

  it('a closed task takes no more comments', async () => {
    const task = await newTask();
    await stack.request('POST', `/api/tasks/${task.id}/cancel`, { token: tokens.coordinator, body: { reason: 'Không còn phù hợp' } });
    const res = await comment('lead', task.id, { text: 'Vì sao hủy?' });
    expect(res.status).toBe(409);
  });
});

describe('what a comment must be', () => {
  it('a text of 1 to 5000 characters, each problem named by its field', async () => {
    const task = await newTask();
    const empty = await comment('lead', task.id, { text: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details).toEqual([{ field: 'text', message: 'không được để trống' }]);
    const long = await comment('lead', task.id, { text: 'ạ'.repeat(5001) });
    expect(long.status).toBe(422);
    expect(long.body.error.details[0]).toMatchObject({ field: 'text', message: 'tối đa 5000 ký tự' });
    expect((await comment('lead', task.id, { text: 'ạ'.repeat(5000) })).status).toBe(201);
    const badMentions = await comment('lead', task.id, { text: 'Xin ý kiến', mentions: 'STC' });
    expect(badMentions.status).toBe(422);
    expect(badMentions.body.error.details[0].field).toBe('mentions');
  });

  it('names only agencies of the directory that are related to the task or coordinate the plan', async () => {
    const task = await newTask();
    const unknownPicked = await comment('lead', task.id, { text: 'Xin ý kiến', mentions: ['STC', 'NOPE'] });
    expect(unknownPicked.status).toBe(422);
    expect(unknownPicked.body.error.details).toEqual([{ field: 'mentions.1', message: 'không có đơn vị mã NOPE' }]);
    const unknownWritten = await comment('lead', task.id, { text: 'Đề nghị @SXYZ phối hợp' });
    expect(unknownWritten.status).toBe(422);
    expect(unknownWritten.body.error.details).toEqual([{ field: 'text', message: '@SXYZ: không có đơn vị mã SXYZ' }]);
    // Sở Nội vụ exists but has nothing to do with this task.
    const unrelated = await comment('lead', task.id, { text: 'Đề nghị @SNV cho ý kiến' });
    expect(unrelated.status).toBe(422);
    expect(unrelated.body.error.details).toEqual([{ field: 'mentions', message: 'SNV không liên quan đến nhiệm vụ' }]);
    // The plan's coordinating office may be named by the agencies.
    expect((await comment('lead', task.id, { text: 'Kính đề nghị @VPUBND xem xét.' })).status).toBe(201);
    expect((await events(task.id)).map((e) => e.type)).toEqual(['created', 'commented']);
  });
});

describe('mentions', () => {
  it('each named agency, picked or written @CODE, gets one notification for its digest; the author’s own agency does not', async () => {
    const task = await newTask();
    const res = await comment('lead', task.id, { text: 'Đề nghị @STC gửi số liệu kinh phí; @STTTT tổng hợp.', mentions: ['STC', 'VPUBND'] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [commented] = (await events(task.id)).filter((e) => e.type === 'commented');
    expect(commented!.data).toMatchObject({ mentions: ['STC', 'VPUBND', 'STTTT'] });
    const rows = await mentionsOf(task.id);
    expect(rows.map((r) => r.recipient).sort()).toEqual(['agency:STC', 'agency:VPUBND']);
    for (const r of rows) {
      expect(r).toMatchObject({ copy: false, status: expect.stringMatching(/pending|queued|sent/) });
      expect(r.data).toMatchObject({ event: 'commented', note: 'Đề nghị @STC gửi số liệu kinh phí; @STTTT tổng hợp.', actorName: 'Nguyễn Thị Văn thư', actorAgency: 'STTTT' });
    }
  });

  it('an Idempotency-Key retried gives one comment and one notification', async () => {
    const task = await newTask();
    const key = randomUUID();
    const first = await comment('coordinator', task.id, { text: 'Đề nghị @STC phối hợp.' }, { 'idempotency-key': key });
    const again = await comment('coordinator', task.id, { text: 'Đề nghị @STC phối hợp.' }, { 'idempotency-key': key });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect((await events(task.id)).filter((e) => e.type === 'commented')).toHaveLength(1);
    expect(await mentionsOf(task.id)).toHaveLength(1);
  });

  it('a group task: naming the group tells every member; a comment on a child is not news to its parent', async () => {
    const task = await newTask({ leadAgency: 'HUYEN', coordinatingAgencies: ['STC'] });
    expect(task.children).toHaveLength(3);
    const res = await comment('coordinator', task.id, { text: 'Đề nghị @HUYEN báo cáo kết quả từng địa phương.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await mentionsOf(task.id)).map((r) => r.recipient)).toEqual(['agency:H1', 'agency:H2', 'agency:H3']);

    const child = task.children.find((c) => c.leadAgency === 'H1')!;
    const changes = async () => (await events(task.id)).filter((e) => e.type === 'child_changed').map((e) => (e.data as { childStatus: string }).childStatus);
    // Each child tells its parent once when it opens.
    await expect.poll(changes, { timeout: 20_000 }).toEqual(['assigned', 'assigned', 'assigned']);
    expect((await comment('district', child.id, { text: 'Huyện Mộc Châu đã triển khai tại 5 xã.' })).status).toBe(201);
    // Then a real change: the parent hears of it, and of nothing in between (a comment changes no status or progress).
    expect((await stack.request('POST', `/api/tasks/${child.id}/acknowledge`, { token: tokens.district })).status).toBe(200);
    await expect.poll(changes, { timeout: 20_000 }).toEqual(['assigned', 'assigned', 'assigned', 'in_progress']);
    expect((await events(child.id)).map((e) => e.type)).toEqual(['created', 'commented', 'acknowledged']);
  });

  it('a comment may carry files its author uploaded to the task', async () => {
    const task = await newTask();
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'mau-bao-cao.pdf');
    const uploaded = await stack.request('POST', `/api/tasks/${task.id}/attachments`, { token: tokens.coordinator, rawBody: form });
    expect(uploaded.status).toBe(201);
    const res = await comment('coordinator', task.id, { text: 'Gửi các đơn vị mẫu báo cáo.', attachmentIds: [uploaded.body.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [commented] = (await events(task.id)).filter((e) => e.type === 'commented');
    expect(commented!.data).toMatchObject({ attachments: [{ id: uploaded.body.id, fileName: 'mau-bao-cao.pdf' }] });
    // Another agency cannot cite the coordinator's file as its own.
    const cited = await comment('lead', task.id, { text: 'Đã nhận', attachmentIds: [uploaded.body.id] });
    expect(cited.status).toBe(422);
  });
});
