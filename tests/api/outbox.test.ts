import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createMailActivities, type DeliveryResult, type RecordNotificationInput } from '../../activities/mail';
import { agencies, outbox, tasks } from '../../db/schema';
import { searchableText } from '../../domain/text';
import { TASK_QUEUE } from '../../workflows/constants';
import type { DigestResult } from '../../workflows/types';
import { deliveryWorkflowId, digestWorkflowId } from '../../workflows/constants';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { startStack, type TestStack } from '../helpers/stack';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { testConfig } from '../helpers/temporal';

const REFUSED = 'vanthu@mocchau.example.gov.vn';
const DAY = '2027-01-15';

let stack: TestStack;
let smtp: TestSmtpServer;
let planId: string;
let coordinator: string;
const task: Record<'sttt' | 'h1' | 'stc' | 'sxd', string> = { sttt: '', h1: '', stc: '', sxd: '' };
/** Every message the setup produced, by what it is. */
const ids: Record<'noticeSttt' | 'noticeH1' | 'digestSttt' | 'digestStc' | 'digestSxd', string> = { noticeSttt: '', noticeH1: '', digestSttt: '', digestStc: '', digestSxd: '' };

async function newTask(lead: string): Promise<string> {
  const id = randomUUID();
  const title = `Nhiệm vụ của ${lead}: triển khai nền tảng số`;
  await stack.database.db.insert(tasks).values({
    id,
    planId,
    title,
    titleSearch: searchableText(title),
    leadAgencyCode: lead,
    kind: 'new',
    startDate: '2026-01-01',
    dueDate: '2027-01-22',
    originalDueDate: '2027-01-22',
    status: 'in_progress',
  });
  return id;
}

beforeAll(async () => {
  smtp = await startSmtpServer({ rejectRecipients: [REFUSED] });
  stack = await startStack({ label: 'outbox', worker: { mailer: smtp.transport() } });
  const db = stack.database.db;
  await seedAgencies(db);
  await db.insert(agencies).values({ code: 'SXD', name: 'Sở Xây dựng', shortName: 'Sở XD', kind: 'department', emails: [] });
  planId = await seedPlan(db);
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
  task.sttt = await newTask('STTTT');
  task.h1 = await newTask('H1');
  task.stc = await newTask('STC');
  task.sxd = await newTask('SXD');

  // The real activity, as a task workflow calls it, on the stack's worker queue (mail goes to the SMTP server above).
  const mail = createMailActivities({ db, client: stack.env.client, config: testConfig, digestSignalReuseMs: 0 });
  const record = (input: Omit<RecordNotificationInput, 'planId' | 'cc'>) =>
    new MockActivityEnvironment({ taskQueue: TASK_QUEUE }).run(mail.recordNotification, { planId, cc: [], ...input });
  const statusChange = (taskId: string, seq: number) =>
    record({ key: `task-${taskId}:${seq}:status_change`, kind: 'status_change', taskId, scheduledFor: `${DAY}T03:00:00.000Z`, to: ['lead'], data: { event: 'completion_returned', note: 'Thiếu hồ sơ' } });
  const reminder = (taskId: string) =>
    record({ key: `task-${taskId}:due_reminder:${DAY}`, kind: 'due_reminder', taskId, scheduledFor: `${DAY}T01:00:00.000Z`, to: ['lead'], data: { dueDate: '2027-01-22' } });

  const messageOf = async (taskId: string, prefix: string) => {
    const rows = await db.select({ id: outbox.id, key: outbox.idempotencyKey }).from(outbox);
    return rows.find((r) => r.key.startsWith(`${prefix}task-${taskId}`))!.id;
  };
  await statusChange(task.sttt, 4);
  ids.noticeSttt = await messageOf(task.sttt, 'notice:');
  await statusChange(task.h1, 4);
  ids.noticeH1 = await messageOf(task.h1, 'notice:');
  for (const t of [task.sttt, task.stc, task.sxd]) await reminder(t);
  // One wait at a time: the time-skipping server does not support concurrent waits.
  const digest = async (code: string) => (await stack.env.client.workflow.getHandle<() => Promise<DigestResult>>(digestWorkflowId(`agency:${code}`, DAY)).result()).outboxIds[0]!;
  ids.digestSttt = await digest('STTTT');
  ids.digestStc = await digest('STC');
  ids.digestSxd = await digest('SXD');
  for (const id of [ids.noticeSttt, ids.noticeH1, ids.digestSttt, ids.digestStc]) {
    await stack.env.client.workflow.getHandle<() => Promise<DeliveryResult>>(deliveryWorkflowId(id)).result();
  }
});

afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});

const list = (query = '', token = coordinator) => stack.request('GET', `/api/outbox${query}`, { token });

describe('GET /api/outbox', () => {
  it('lists every message newest first, with recipients, status, attempts and the tasks it is about', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    const items = res.body.items as Array<Record<string, any>>;
    expect(items.map((i) => i.id).sort()).toEqual(Object.values(ids).sort());
    const created = items.map((i) => Date.parse(i.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));

    const digest = items.find((i) => i.id === ids.digestSttt)!;
    expect(digest).toMatchObject({
      kind: 'digest',
      recipient: 'agency:STTTT',
      to: ['vanthu@stttt.example.gov.vn'],
      cc: [],
      subject: '[Giao việc] Nhắc hạn: 1 nhiệm vụ của Sở Thông tin và Truyền thông',
      scheduledFor: `${DAY}T01:00:00.000Z`,
      status: 'sent',
      attempts: 1,
      lastError: null,
      taskIds: [task.sttt],
    });
    expect(Date.parse(digest.sentAt)).not.toBeNaN();
    expect(items.find((i) => i.id === ids.noticeSttt)).toMatchObject({ kind: 'status_change', status: 'sent', taskIds: [task.sttt] });
    expect(items.find((i) => i.id === ids.digestSxd)).toMatchObject({ status: 'failed', to: [], attempts: 0, lastError: 'đơn vị chưa có địa chỉ email', sentAt: null });
  });

  it('filters by task', async () => {
    const res = await list(`?task=${task.sttt}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.noticeSttt, ids.digestSttt].sort());
    const none = await list(`?task=${randomUUID()}`);
    expect(none.body.items).toEqual([]);
  });

  it('filters by status, one or several', async () => {
    const failed = await list('?status=failed');
    expect(failed.body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.noticeH1, ids.digestSxd].sort());
    const refused = failed.body.items.find((i: { id: string }) => i.id === ids.noticeH1);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, to: [REFUSED] });
    expect(refused.lastError).toMatch(/^550 .*Recipient address rejected/);
    const some = await list('?status=sent,failed&task=' + task.h1);
    expect(some.body.items.map((i: { id: string }) => i.id)).toEqual([ids.noticeH1]);
    expect((await list('?status=pending')).body.items).toEqual([]);
  });

  it('pages with a cursor, without skipping or repeating a message', async () => {
    const all = (await list()).body.items.map((i: { id: string }) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('422 names a bad status, task, limit or cursor', async () => {
    const status = await list('?status=sent,lost');
    expect(status.status).toBe(422);
    expect(status.body.error.details[0].field).toMatch(/^query\.status/);
    const taskId = await list('?task=123');
    expect(taskId.status).toBe(422);
    expect(taskId.body.error.details[0].field).toBe('query.task');
    expect((await list('?limit=0')).status).toBe(422);
    const cursor = await list('?cursor=bm9wZQ');
    expect(cursor.status).toBe(422);
    expect(cursor.body.error.details[0].field).toBe('cursor');
  });

  it('is for coordinators only: 403 for an agency clerk and for leadership, 401 without a token', async () => {
    const agency = await stack.user({ role: 'agency', agencyCode: 'STTTT' });
    const viewer = await stack.user({ role: 'viewer' });
    for (const token of [agency, viewer]) {
      expect((await list('', token)).status).toBe(403);
      expect((await stack.request('GET', `/api/outbox/${ids.digestSttt}`, { token })).status).toBe(403);
    }
    expect((await stack.request('GET', '/api/outbox')).status).toBe(401);
  });
});

describe('GET /api/outbox/:id', () => {
  it('returns the message with its text and HTML and the notifications it carries', async () => {
    const res = await stack.request('GET', `/api/outbox/${ids.digestSttt}`, { token: coordinator });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids.digestSttt, kind: 'digest', status: 'sent', language: 'vi', taskIds: [task.sttt] });
    expect(res.body.messageId).toMatch(/^<.+@giaoviec>$/);
    expect(res.body.text).toContain('Nhiệm vụ của STTTT: triển khai nền tảng số');
    expect(res.body.text).toContain('Hạn hoàn thành: 22/01/2027 (còn 7 ngày)');
    expect(res.body.html).toContain('<!DOCTYPE html>');
    expect(res.body.notifications).toEqual([{ id: expect.any(Number), kind: 'due_reminder', taskId: task.sttt, copy: false, status: 'sent', reason: null }]);
    // What was stored is what went out.
    expect(smtp.messages.find((m) => m.messageId === res.body.messageId)?.subject).toBe(res.body.subject);
  });

  it('404 for an unknown message, 422 for a malformed id', async () => {
    const missing = await stack.request('GET', `/api/outbox/${randomUUID()}`, { token: coordinator });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await stack.request('GET', '/api/outbox/abc', { token: coordinator })).status).toBe(422);
  });
});
