import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createMailActivities, NO_ADDRESS, resumePendingDeliveries, type RecordNotificationInput } from '../../activities/mail';
import { agencies, notifications, outbox, tasks, users } from '../../db/schema';
import { searchableText } from '../../domain/text';
import type { TaskStatus } from '../../domain/task-status';
import { createLinkSigner, consumeLinkOnce, InvalidLinkError, loadLinkSecret } from '../../runtime/links';
import type { DigestResult } from '../../workflows/types';
import { deliveryWorkflowId, digestWorkflowId } from '../../workflows/constants';
import type { DeliveryResult } from '../../activities/mail';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { createTestWorker, createTimeSkippingEnv, testConfig } from '../helpers/temporal';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const SMTP_QUEUE = 'mail-smtp';
const NO_SMTP_QUEUE = 'mail-no-smtp';
const STTTT = 'vanthu@stttt.example.gov.vn';
const STC = 'vanthu@stc.example.gov.vn';
const CLERK = 'chuyenvien@stttt.example.gov.vn';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let smtp: TestSmtpServer;
let planId: string;
const workers: Array<{ worker: Worker; running: Promise<void> }> = [];
let mail: ReturnType<typeof createMailActivities>;

beforeAll(async () => {
  [env, database, smtp] = await Promise.all([createTimeSkippingEnv(), createTestDatabase('mail_wf'), startSmtpServer()]);
  await seedAgencies(database.db);
  // An agency nobody gave an address yet.
  await database.db.insert(agencies).values({ code: 'SXD', name: 'Sở Xây dựng', shortName: 'Sở XD', kind: 'department', emails: [] });
  await database.db.insert(users).values({ name: 'Chuyên viên Sở TTTT', email: CLERK, role: 'agency', agencyCode: 'STTTT', tokenHash: randomUUID() });
  planId = await seedPlan(database.db);
  for (const [taskQueue, mailer] of [
    [SMTP_QUEUE, smtp.transport()],
    [NO_SMTP_QUEUE, undefined],
  ] as const) {
    const worker = await createTestWorker(env, database.db, { taskQueue, mailer });
    workers.push({ worker, running: worker.run() });
  }
  mail = createMailActivities({ db: database.db, client: env.client, config: testConfig, digestSignalReuseMs: 0 });
});

afterAll(async () => {
  for (const w of workers) w.worker.shutdown();
  await Promise.all(workers.map((w) => w.running));
  await env?.teardown();
  await smtp?.close();
  await database?.drop();
});

/** Record a notification the way a task workflow's activity does, on the given worker's queue. */
function record(input: Omit<RecordNotificationInput, 'planId' | 'cc' | 'data'> & Partial<RecordNotificationInput>, taskQueue = SMTP_QUEUE): Promise<{ recipients: string[] }> {
  return new MockActivityEnvironment({ taskQueue }).run(mail.recordNotification, { planId, cc: [], data: {}, ...input }) as Promise<{ recipients: string[] }>;
}

let taskCounter = 0;
async function newTask(opts: { lead: string; coordinating?: string[]; dueDate: string; status?: TaskStatus; title?: string }) {
  const id = randomUUID();
  const n = ++taskCounter;
  const title = opts.title ?? `Nhiệm vụ thử nghiệm ${n}: số hóa hồ sơ`;
  await database.db.insert(tasks).values({
    id,
    planId,
    number: String(n),
    title,
    titleSearch: searchableText(title),
    leadAgencyCode: opts.lead,
    coordinatingAgencyCodes: opts.coordinating ?? [],
    kind: 'new',
    startDate: '2026-01-01',
    dueDate: opts.dueDate,
    originalDueDate: opts.dueDate,
    status: opts.status ?? 'in_progress',
  });
  return { id, title };
}

/** 08:00 in Hà Nội on `day`, when reminders fire. */
const at8 = (day: string) => new Date(Date.parse(`${day}T01:00:00Z`)).toISOString();

const dueReminder = (task: { id: string }, day: string, dueDate: string) => ({
  key: `task-${task.id}:due_reminder:${at8(day)}`,
  kind: 'due_reminder' as const,
  taskId: task.id,
  scheduledFor: at8(day),
  to: ['lead' as const],
  cc: ['coordinating' as const],
  data: { dueDate },
});

// One wait at a time: each result() call unlocks the test server's time skipping and locks it again
// afterwards, and two concurrent ones leave it locked for good.
const digestResult = (recipient: string, day: string) => env.client.workflow.getHandle<() => Promise<DigestResult>>(digestWorkflowId(recipient, day)).result();
const deliveryResult = (outboxId: string) => env.client.workflow.getHandle<() => Promise<DeliveryResult>>(deliveryWorkflowId(outboxId)).result();
const outboxRow = async (id: string) => (await database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

describe('daily digest', () => {
  const day = '2027-01-15';

  it('50 due reminders of one agency on one day make exactly one email listing all 50; its coordinating agency gets one copy', async () => {
    const list = [];
    for (let i = 0; i < 50; i++) list.push(await newTask({ lead: 'STTTT', coordinating: ['STC'], dueDate: '2027-01-22' }));
    await inBatches(list, 10, (t) => record(dueReminder(t, day, '2027-01-22')));

    const lead = await digestResult('agency:STTTT', day);
    const copy = await digestResult('agency:STC', day);
    expect(lead.outboxIds).toHaveLength(1);
    expect(copy.outboxIds).toHaveLength(1);
    const delivered = [await deliveryResult(lead.outboxIds[0]!), await deliveryResult(copy.outboxIds[0]!)];
    expect(delivered.map((d) => d.status)).toEqual(['sent', 'sent']);

    const toLead = smtp.messagesTo(STTTT);
    expect(toLead).toHaveLength(1);
    const message = toLead[0]!;
    expect(message.subject).toBe('[Giao việc] Nhắc hạn: 50 nhiệm vụ của Sở Thông tin và Truyền thông');
    for (const t of list) {
      expect(message.text).toContain(t.title);
      expect(message.html).toContain(t.title);
    }
    expect(message.text).toContain('Hạn hoàn thành: 22/01/2027 (còn 7 ngày)');
    // The official mailbox is addressed, the agency's clerk copied; both are the same one message.
    expect(message.to).toEqual([STTTT]);
    expect(message.cc).toEqual([CLERK]);
    expect(message.envelopeTo.sort()).toEqual([CLERK, STTTT].sort());
    expect(message.headers['auto-submitted']).toBe('auto-generated');

    const row = await outboxRow(lead.outboxIds[0]!);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, kind: 'digest', recipient: 'agency:STTTT', day, idempotencyKey: `digest:agency:STTTT:${day}:1` });
    expect(row.messageId).toMatch(/^<[0-9a-f-]{36}@giaoviec>$/);
    expect(message.messageId).toBe(row.messageId);
    expect(row.sentAt).toBeInstanceOf(Date);

    const toCopy = smtp.messagesTo(STC);
    expect(toCopy).toHaveLength(1);
    expect(toCopy[0]!.text).toContain('Nhiệm vụ phối hợp thực hiện (để phối hợp) (50)');

    const rows = await database.db.select().from(notifications).where(eq(notifications.day, day));
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.filter((r) => r.copy).every((r) => r.recipient === 'agency:STC')).toBe(true);
  });

  it('recording the same firing again adds nothing and sends nothing', async () => {
    const [first] = await database.db.select().from(notifications).where(and(eq(notifications.day, day), eq(notifications.recipient, 'agency:STTTT'))).limit(1);
    const before = await database.db.select({ id: notifications.id }).from(notifications);
    const again = await record(dueReminder({ id: first!.taskId! }, day, '2027-01-22'));
    expect(again.recipients).toEqual(['agency:STTTT', 'agency:STC']);
    expect(await database.db.select({ id: notifications.id }).from(notifications)).toHaveLength(before.length);
    expect(smtp.messagesTo(STTTT)).toHaveLength(1);
  });

  it('a reminder that arrives after the day\'s digest went out makes a second message', async () => {
    const late = await newTask({ lead: 'STTTT', dueDate: '2027-01-16' });
    await record({ ...dueReminder(late, day, '2027-01-16'), key: `task-${late.id}:due_reminder:late`, scheduledFor: `${day}T09:30:00.000Z` });
    const second = await digestResult('agency:STTTT', day);
    expect(second.outboxIds).toHaveLength(1);
    expect((await deliveryResult(second.outboxIds[0]!)).status).toBe('sent');
    const row = await outboxRow(second.outboxIds[0]!);
    expect(row.idempotencyKey).toBe(`digest:agency:STTTT:${day}:2`);
    const messages = smtp.messagesTo(STTTT);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.subject).toBe('[Giao việc] Nhắc hạn: 1 nhiệm vụ của Sở Thông tin và Truyền thông');
    expect(messages[1]!.text).toContain(late.title);
    expect(messages[1]!.text).toContain('(còn 1 ngày)');
  });

  it('acknowledge links only for tasks not yet acknowledged, verified for the lead agency', async () => {
    const ackDay = '2027-01-18';
    const fresh = await newTask({ lead: 'STTTT', dueDate: '2027-06-30', status: 'assigned' });
    const started = await newTask({ lead: 'STTTT', dueDate: '2027-06-30', status: 'in_progress' });
    await record({ key: `task-${fresh.id}:created`, kind: 'task_assigned', taskId: fresh.id, scheduledFor: at8(ackDay), to: ['lead'], data: { event: 'created' } });
    await record({ key: `task-${started.id}:overdue`, kind: 'overdue_notice', taskId: started.id, scheduledFor: at8(ackDay), to: ['lead'], data: { dueDate: '2027-06-30' } });
    const { outboxIds } = await digestResult('agency:STTTT', ackDay);
    await deliveryResult(outboxIds[0]!);
    const message = smtp.messages.find((m) => m.text.includes(fresh.title))!;
    const ackLinks = [...message.text.matchAll(/Tiếp nhận nhiệm vụ: (\S+)/g)].map((m) => m[1]!);
    expect(ackLinks).toHaveLength(1);
    const token = ackLinks[0]!.replace('http://giaoviec.test/l/', '');
    const claims = await createLinkSigner(testConfig.LINK_SECRET!).verify(token);
    expect(claims).toMatchObject({ purpose: 'ack', taskId: fresh.id, agencyCode: 'STTTT' });
    expect(claims.exp * 1000 - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(message.text.match(/Mở nhiệm vụ: http:\/\/giaoviec\.test\/l\/\S+/g)).toHaveLength(2);
  });
});

describe('SMTP outage', () => {
  it('a server down for a whole (skipped) day delays the mail; when it is back every message arrives exactly once', async () => {
    const day = '2027-02-01';
    const a = await newTask({ lead: 'SNV', dueDate: '2027-02-10' });
    const b = await newTask({ lead: 'SKHCN', dueDate: '2027-02-10' });
    await smtp.stop();
    await record({ ...dueReminder(a, day, '2027-02-10'), cc: [] });
    await record({ ...dueReminder(b, day, '2027-02-10'), cc: [] });
    const digests = [await digestResult('agency:SNV', day), await digestResult('agency:SKHCN', day)];
    const ids = digests.map((d) => d.outboxIds[0]!);

    await env.sleep('1 day');
    for (const id of ids) {
      const row = await outboxRow(id);
      expect(row.status).toBe('pending');
      // 30 s doubling to 30 min, then every 30 min: about 53 attempts in a day, none lost, none sent.
      expect(row.attempts).toBeGreaterThanOrEqual(45);
      expect(row.attempts).toBeLessThanOrEqual(60);
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      expect(row.sentAt).toBeNull();
    }
    expect(smtp.messagesTo('vanthu@snv.example.gov.vn')).toHaveLength(0);

    await smtp.start();
    const results = [await deliveryResult(ids[0]!), await deliveryResult(ids[1]!)];
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent']);
    for (const [id, address] of [
      [ids[0]!, 'vanthu@snv.example.gov.vn'],
      [ids[1]!, 'vanthu@skhcn.example.gov.vn'],
    ] as const) {
      const received = smtp.messagesTo(address);
      expect(received).toHaveLength(1);
      const row = await outboxRow(id);
      expect(received[0]!.messageId).toBe(row.messageId);
      expect(row.status).toBe('sent');
    }
  });
});

describe('the digest window and coalesced signals', () => {
  it('a notification just before the 15-minute maximum still gets a minute: the digest composes no sooner than 60 s after the last signal', async () => {
    const day = '2027-03-01';
    const recipient = 'agency:STC';
    const remind = async () => {
      const t = await newTask({ lead: 'STC', dueDate: '2027-03-05' });
      await record({ ...dueReminder(t, day, '2027-03-05'), cc: [] });
      return t;
    };
    const list = [await remind()];
    // Keep the window open (a notification every 100 s, inside the 2-minute quiet), then one at 14½ min.
    for (let i = 0; i < 8; i++) {
      await env.sleep('100 seconds');
      list.push(await remind());
    }
    await env.sleep('70 seconds');
    list.push(await remind());

    const result = await digestResult(recipient, day);
    expect(result.outboxIds).toHaveLength(1);
    const history = await env.client.workflow.getHandle(digestWorkflowId(recipient, day)).fetchHistory();
    const at = (e: { eventTime?: { seconds?: unknown } | null }) => Number(e.eventTime!.seconds);
    const events = history.events ?? [];
    const opened = at(events[0]!);
    const lastSignal = Math.max(...events.filter((e) => e.workflowExecutionSignaledEventAttributes).map(at));
    const composeActivity = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'composeDigest').map(at);
    expect(lastSignal - opened).toBeGreaterThanOrEqual(860);
    // The 15-minute maximum closed the window 30 s after that signal; the compose waited out the minute,
    // and no longer: not the 2-minute quiet either.
    expect(composeActivity).toHaveLength(1);
    expect(composeActivity[0]! - lastSignal).toBeGreaterThanOrEqual(60);
    expect(composeActivity[0]! - lastSignal).toBeLessThan(120);
    expect((await deliveryResult(result.outboxIds[0]!)).status).toBe('sent');
    const [message] = smtp.messagesTo(STC).filter((m) => m.subject.includes(`${list.length} nhiệm vụ`));
    expect(message, `one message listing the ${list.length} tasks`).toBeDefined();
    for (const t of list) expect(message!.text).toContain(t.title);
  });
});

describe('temporary refusal', () => {
  it('a 4xx "try later" keeps the message pending and retries it until the server accepts it', async () => {
    const t = await newTask({ lead: 'SKHCN', dueDate: '2027-02-28' });
    const address = 'vanthu@skhcn.example.gov.vn';
    smtp.deferRecipients([address]);
    const before = smtp.messagesTo(address).length;
    await record({ key: `task-${t.id}:5:status_change`, kind: 'status_change', taskId: t.id, scheduledFor: '2027-02-15T02:00:00.000Z', to: ['lead'], data: { event: 'extension_approved', newDueDate: '2027-02-28' } });
    const [row] = await database.db.select().from(outbox).where(like(outbox.idempotencyKey, `notice:task-${t.id}:5:%`));
    // The first attempt runs at once; the next waits 30 s of (locked) test-server time.
    for (let i = 0; i < 100; i++) {
      if ((await outboxRow(row!.id)).attempts >= 1 && (await outboxRow(row!.id)).status === 'pending') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const deferredRow = await outboxRow(row!.id);
    expect(deferredRow).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(deferredRow.lastError).toMatch(/^451 /);

    smtp.acceptRecipients([address]);
    expect(await deliveryResult(row!.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.messagesTo(address)).toHaveLength(before + 1);
  });
});

describe('permanent refusal', () => {
  it('a recipient refused with 550 fails that message with the reason; the others are delivered', async () => {
    const day = '2027-03-01';
    smtp.rejectRecipients(['vanthu@mocchau.example.gov.vn']);
    const refused = await newTask({ lead: 'H1', dueDate: '2027-03-08' });
    const fine = await newTask({ lead: 'H2', dueDate: '2027-03-08' });
    await record({ ...dueReminder(refused, day, '2027-03-08'), cc: [] });
    await record({ ...dueReminder(fine, day, '2027-03-08'), cc: [] });
    const h1 = await digestResult('agency:H1', day);
    const h2 = await digestResult('agency:H2', day);
    const r1 = await deliveryResult(h1.outboxIds[0]!);
    const r2 = await deliveryResult(h2.outboxIds[0]!);
    expect(r1).toMatchObject({ status: 'failed', attempts: 1 });
    expect(r1.error).toMatch(/550/);
    expect(r2.status).toBe('sent');

    const row = await outboxRow(h1.outboxIds[0]!);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/550.*Recipient address rejected/);
    const [n] = await database.db.select().from(notifications).where(eq(notifications.outboxId, row.id));
    expect(n).toMatchObject({ status: 'failed' });
    expect(n!.reason).toMatch(/550/);
    expect(smtp.messagesTo('vanthu@maison.example.gov.vn')).toHaveLength(1);
    expect(smtp.messagesTo('vanthu@mocchau.example.gov.vn')).toHaveLength(0);
  });

  it('an agency with no address: recorded, failed with the reason, visible in the outbox, nothing sent', async () => {
    const day = '2027-03-02';
    const t = await newTask({ lead: 'SXD', dueDate: '2027-09-30', status: 'assigned' });
    await record({ key: `task-${t.id}:created`, kind: 'task_assigned', taskId: t.id, scheduledFor: at8(day), to: ['lead'], data: { event: 'created' } });
    const { outboxIds } = await digestResult('agency:SXD', day);
    const row = await outboxRow(outboxIds[0]!);
    expect(row).toMatchObject({ status: 'failed', lastError: NO_ADDRESS, to: [], attempts: 0 });
    expect(row.subject).toBe('[Giao việc] Nhiệm vụ mới được giao: 1 nhiệm vụ của Sở Xây dựng');
    const [n] = await database.db.select().from(notifications).where(eq(notifications.taskId, t.id));
    expect(n).toMatchObject({ status: 'failed', reason: NO_ADDRESS, outboxId: row.id });
  });
});

describe('stale notifications', () => {
  it('a task completed, or whose deadline moved, before the digest is composed is skipped with the reason', async () => {
    const day = '2027-04-05';
    const done = await newTask({ lead: 'SKHCN', dueDate: '2027-04-12' });
    const moved = await newTask({ lead: 'SKHCN', dueDate: '2027-04-12' });
    const current = await newTask({ lead: 'SKHCN', dueDate: '2027-04-12' });
    for (const t of [done, moved, current]) await record({ ...dueReminder(t, day, '2027-04-12'), cc: [] });
    // In between, as the task workflows' projections would write them.
    await database.db.update(tasks).set({ status: 'completed', completedAt: new Date() }).where(eq(tasks.id, done.id));
    await database.db.update(tasks).set({ dueDate: '2027-06-30' }).where(eq(tasks.id, moved.id));

    const result = await digestResult('agency:SKHCN', day);
    expect(result.skipped).toBe(2);
    await deliveryResult(result.outboxIds[0]!);
    const message = smtp.messages.find((m) => m.text.includes(current.title))!;
    expect(message.subject).toBe('[Giao việc] Nhắc hạn: 1 nhiệm vụ của Sở Khoa học và Công nghệ');
    expect(message.text).not.toContain(done.title);
    expect(message.text).not.toContain(moved.title);

    const rows = await database.db
      .select({ taskId: notifications.taskId, status: notifications.status, reason: notifications.reason, outboxId: notifications.outboxId })
      .from(notifications)
      .where(inArray(notifications.taskId, [done.id, moved.id]));
    const byTask = new Map(rows.map((r) => [r.taskId, r]));
    expect(byTask.get(done.id)).toMatchObject({ status: 'skipped', reason: 'nhiệm vụ đã hoàn thành', outboxId: null });
    expect(byTask.get(moved.id)).toMatchObject({ status: 'skipped', reason: 'hạn hoàn thành đã đổi từ 12/04/2027 sang 30/06/2027', outboxId: null });
  });
});

describe('status changes', () => {
  it('go out alone and at once, without waiting for a digest window', async () => {
    const day = '2027-05-10';
    const t = await newTask({ lead: 'STC', dueDate: '2027-05-31' });
    await record({
      key: `task-${t.id}:7:status_change`,
      kind: 'status_change',
      taskId: t.id,
      scheduledFor: `${day}T03:12:00.000Z`,
      to: ['coordinator'],
      data: { event: 'extension_requested', actorName: 'Trần Thị Bình', note: 'Chờ phân bổ vốn', newDueDate: '2027-09-30', currentDueDate: '2027-05-31' },
    });
    // The message is in the outbox when the activity returns.
    const [row] = await database.db.select().from(outbox).where(like(outbox.idempotencyKey, `notice:task-${t.id}:7:status_change#%`));
    expect(row).toMatchObject({ kind: 'status_change', recipient: 'agency:VPUBND', to: ['vanthu@vpubnd.example.gov.vn'] });
    expect((await deliveryResult(row!.id)).status).toBe('sent');
    const received = smtp.messages.find((m) => m.messageId === row!.messageId)!;
    expect(received.subject).toBe(`[Giao việc] Đề nghị gia hạn nhiệm vụ: ${t.title}`);
    expect(received.text).toContain('Trần Thị Bình đề nghị gia hạn nhiệm vụ đến ngày 30/09/2027 (hạn hiện tại: 31/05/2027).');
    expect(received.text).toContain('Chờ phân bổ vốn');
    await expect(env.client.workflow.getHandle(digestWorkflowId('agency:VPUBND', day)).describe()).rejects.toThrow();
  });

  it('a cancellation copies each member of a coordinating group, marked for coordination', async () => {
    const day = '2027-05-11';
    const t = await newTask({ lead: 'STC', coordinating: ['HUYEN'], dueDate: '2027-05-31' });
    const { recipients } = await record({
      key: `task-${t.id}:9:status_change`,
      kind: 'status_change',
      taskId: t.id,
      scheduledFor: `${day}T03:00:00.000Z`,
      to: ['lead'],
      cc: ['coordinating'],
      data: { event: 'cancelled', actorName: 'Văn phòng UBND tỉnh', note: 'Trùng với nhiệm vụ khác' },
    });
    expect(recipients).toEqual(['agency:STC', 'agency:H1', 'agency:H2', 'agency:H3']);
    const rows = await database.db.select().from(outbox).where(like(outbox.idempotencyKey, `notice:task-${t.id}:9:%`)).orderBy(asc(outbox.recipient));
    expect(rows).toHaveLength(4);
    const statuses: Record<string, string> = {};
    for (const r of rows) statuses[r.recipient!] = (await deliveryResult(r.id)).status;
    // Mộc Châu's address is refused by the server since the test above; the others go out regardless.
    expect(statuses).toEqual({ 'agency:STC': 'sent', 'agency:H1': 'failed', 'agency:H2': 'sent', 'agency:H3': 'sent' });
    const copy = smtp.messages.find((m) => m.to.includes('vanthu@maison.example.gov.vn') && m.subject.includes(t.title))!;
    expect(copy.subject).toBe(`[Giao việc] (Để phối hợp) Hủy nhiệm vụ: ${t.title}`);
    const own = smtp.messages.find((m) => m.to.includes(STC) && m.subject.includes(t.title))!;
    expect(own.subject).toBe(`[Giao việc] Hủy nhiệm vụ: ${t.title}`);
  });

  it('escalations to leadership reach each viewer in their own language', async () => {
    const day = '2027-05-12';
    const [vi] = await database.db.insert(users).values({ name: 'Phó Chủ tịch UBND tỉnh', email: 'pct@sonla.example.gov.vn', role: 'viewer', tokenHash: randomUUID() }).returning();
    const [en] = await database.db.insert(users).values({ name: 'Advisor', email: 'advisor@example.org', role: 'viewer', language: 'en', tokenHash: randomUUID() }).returning();
    const t = await newTask({ lead: 'SNV', dueDate: '2027-04-10' });
    await record({ key: `task-${t.id}:overdue_escalation`, kind: 'overdue_escalation', taskId: t.id, scheduledFor: at8(day), to: ['leadership'], data: { dueDate: '2027-04-10' } });
    for (const user of [vi!, en!]) {
      const { outboxIds } = await digestResult(`user:${user.id}`, day);
      expect((await deliveryResult(outboxIds[0]!)).status).toBe('sent');
    }
    const viMail = smtp.messagesTo('pct@sonla.example.gov.vn')[0]!;
    expect(viMail.subject).toBe('[Giao việc] Nhiệm vụ quá hạn kéo dài: 1 nhiệm vụ của Phó Chủ tịch UBND tỉnh');
    expect(viMail.text).toContain('Đơn vị chủ trì: Sở Nội vụ');
    expect(viMail.text).toContain('quá hạn 32 ngày');
    const enMail = smtp.messagesTo('advisor@example.org')[0]!;
    expect(enMail.subject).toBe('[Giao việc] Long overdue tasks: 1 task of Advisor');
    expect(enMail.text).toContain('32 days overdue');
  });
});

describe('without SMTP', () => {
  it('messages stay pending in the outbox', async () => {
    const day = '2027-06-01';
    const t = await newTask({ lead: 'STC', dueDate: '2027-06-08' });
    const sentBefore = smtp.messages.length;
    await record({ ...dueReminder(t, day, '2027-06-08'), cc: [] }, NO_SMTP_QUEUE);
    const { outboxIds } = await digestResult('agency:STC', day);
    expect(await deliveryResult(outboxIds[0]!)).toMatchObject({ status: 'pending', attempts: 0 });
    await record(
      { key: `task-${t.id}:3:status_change`, kind: 'status_change', taskId: t.id, scheduledFor: `${day}T04:00:00.000Z`, to: ['lead'], data: { event: 'completion_returned', note: 'Thiếu hồ sơ' } },
      NO_SMTP_QUEUE,
    );
    const rows = await database.db.select().from(outbox).where(eq(outbox.recipient, 'agency:STC'));
    const mine = rows.filter((r) => r.id === outboxIds[0] || r.idempotencyKey.startsWith(`notice:task-${t.id}:3:`));
    expect(mine).toHaveLength(2);
    for (const r of mine) {
      expect(await deliveryResult(r.id)).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await outboxRow(r.id)).toMatchObject({ status: 'pending', attempts: 0, sentAt: null });
    }
    expect(smtp.messages.length).toBe(sentBefore);
    const [n] = await database.db.select().from(notifications).where(eq(notifications.outboxId, outboxIds[0]!));
    expect(n!.status).toBe('queued');
  });

  it('once SMTP is configured, resuming the outbox delivers what waited, once', async () => {
    const waiting = await database.db.select().from(outbox).where(eq(outbox.status, 'pending'));
    expect(waiting).toHaveLength(2);
    expect(await resumePendingDeliveries(database.db, env.client, SMTP_QUEUE)).toBe(2);
    for (const row of waiting) {
      expect((await deliveryResult(row.id)).status).toBe('sent');
      expect(smtp.messages.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
    }
    // Resuming again finds nothing left to send.
    expect(await resumePendingDeliveries(database.db, env.client, SMTP_QUEUE)).toBe(0);
  });
});

describe('links', () => {
  const secret = testConfig.LINK_SECRET!;
  const claims = { purpose: 'ack' as const, taskId: randomUUID(), agencyCode: 'STTTT' };

  it('a genuine link verifies to its claims', async () => {
    const signer = createLinkSigner(secret);
    const verified = await signer.verify(await signer.sign(claims));
    expect(verified).toMatchObject(claims);
    expect(verified.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a tampered link is refused', async () => {
    const signer = createLinkSigner(secret);
    const token = await signer.sign(claims);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), agencyCode: 'STC' })).toString('base64url');
    await expect(signer.verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({ name: 'InvalidLinkError', reason: 'invalid' });
    const otherSecret = await createLinkSigner('another-secret-another-secret-another').sign(claims);
    await expect(signer.verify(otherSecret)).rejects.toBeInstanceOf(InvalidLinkError);
    await expect(signer.verify('not-a-token')).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('an expired link is refused', async () => {
    const past = createLinkSigner(secret, { now: () => Date.now() - 31 * 86_400_000 });
    const token = await past.sign(claims);
    await expect(createLinkSigner(secret).verify(token)).rejects.toMatchObject({ reason: 'expired', message: expect.stringContaining('hết hạn') });
    const shortLived = await createLinkSigner(secret).sign(claims, 1);
    await expect(createLinkSigner(secret, { now: () => Date.now() + 2 * 86_400_000 }).verify(shortLived)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('a used link is refused the second time', async () => {
    const signer = createLinkSigner(secret);
    const { jti } = await signer.verify(await signer.sign(claims));
    expect(await consumeLinkOnce(database.db, jti, 'ack')).toBe(true);
    expect(await consumeLinkOnce(database.db, jti, 'ack')).toBe(false);
  });

  it('without LINK_SECRET a secret is generated once into the data folder, readable by its owner only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gv-links-'));
    try {
      const dataDir = path.join(dir, 'data');
      const first = loadLinkSecret({ LINK_SECRET: undefined, dataDir });
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(path.join(dataDir, 'link-secret')).mode & 0o777).toBe(0o600);
      expect(loadLinkSecret({ LINK_SECRET: undefined, dataDir })).toBe(first);
      expect(loadLinkSecret({ LINK_SECRET: secret, dataDir })).toBe(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
