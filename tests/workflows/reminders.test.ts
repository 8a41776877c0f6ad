import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { notifications, outbox, tasks, users } from '../../db/schema';
import { localDate } from '../../domain/calendar';
import { searchableText } from '../../domain/text';
import type { Actor } from '../../domain/task-machine';
import { startTaskWorkflows } from '../../api/services/task-starter';
import { hashToken } from '../../api/tokens';
import { taskWorkflowId } from '../../workflows/constants';
import { acknowledgeTaskUpdate, decideExtensionUpdate, requestExtensionUpdate } from '../../workflows/task';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { createTestWorker, createTimeSkippingEnv } from '../helpers/temporal';

/**
 * DESIGN.md §6 end to end, through time: task workflows, the digest and delivery workflows, the real
 * worker, real Postgres and a real SMTP server, with months of timers skipped in seconds. The scenario
 * is the issue's: assigned Tuesday 2026-12-01, due Friday 2027-02-26, across Tết 2027 (4–10/2 off).
 */
let env: TestWorkflowEnvironment;
let database: TestDatabase;
let smtp: TestSmtpServer;
let worker: Worker;
let running: Promise<void>;
let planId: string;

const coordinator: Actor = { userId: null, name: 'Chuyên viên VP UBND tỉnh', role: 'coordinator', agencyCode: 'VPUBND' };
const at8 = (date: string) => `${date}T01:00:00.000Z`;
/** 08:00 Asia/Ho_Chi_Minh as `notified` prints it (to the minute). */
const m8 = (date: string) => `${date}T01:00`;

beforeAll(async () => {
  [env, database, smtp] = await Promise.all([createTimeSkippingEnv(), createTestDatabase('reminders'), startSmtpServer()]);
  await seedAgencies(database.db);
  await database.db.insert(users).values({ name: 'Lãnh đạo UBND tỉnh', email: 'lanhdao@ubnd.example.gov.vn', role: 'viewer', tokenHash: hashToken(randomUUID()) });
  planId = await seedPlan(database.db);
  worker = await createTestWorker(env, database.db, { mailer: smtp.transport() });
  running = worker.run();
}, 120_000);
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await smtp?.close();
  await database?.drop();
});

/** Move the test server's clock to `iso` (plus a margin for the digest's collection window). */
async function skipTo(iso: string, marginMinutes = 30) {
  const target = Date.parse(iso) + marginMinutes * 60_000;
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
}

async function assign(title: string, leadAgencyCode: string, coordinatingAgencyCodes: string[], dueDate: string): Promise<string> {
  const id = randomUUID();
  await database.db.insert(tasks).values({
    id,
    planId,
    title,
    titleSearch: searchableText(title),
    leadAgencyCode,
    coordinatingAgencyCodes,
    kind: 'new',
    startDate: '2026-12-01',
    dueDate,
    originalDueDate: dueDate,
    createdAt: new Date(await env.currentTimeMs()),
  });
  await startTaskWorkflows(env.client, database.db, [id], coordinator);
  return id;
}

/** What was recorded for a task: kind, recipient, and the local day and hour it was due. */
async function notified(taskId: string) {
  const rows = await database.db.select().from(notifications).where(eq(notifications.taskId, taskId)).orderBy(asc(notifications.scheduledFor), asc(notifications.recipient));
  return rows.map((n) => `${n.kind} ${n.recipient}${n.copy ? ' (cc)' : ''} ${n.scheduledFor.toISOString().slice(0, 16)}`);
}

describe('reminders and escalations for a task assigned 2026-12-01, due 2027-02-26', () => {
  it('go out on the right working days at 08:00, each mail exactly once; after an extension the old ones never fire', { timeout: 300_000 }, async () => {
    expect(await env.currentTimeMs(), 'the scenario needs a clock before 1/12/2026').toBeLessThan(Date.parse('2026-12-01T02:00:00Z'));
    await skipTo('2026-12-01T02:00:00Z', 0);
    const a = await assign('Xây dựng kho dữ liệu dùng chung của tỉnh', 'STTTT', ['STC'], '2027-02-26');
    const b = await assign('Chuẩn hóa hồ sơ công chức', 'SNV', [], '2027-02-26');
    const handleA = env.client.workflow.getHandle(taskWorkflowId(a));
    const handleB = env.client.workflow.getHandle(taskWorkflowId(b));
    const snv: Actor = { userId: null, name: 'Văn thư Sở Nội vụ', role: 'agency', agencyCode: 'SNV' };
    await handleB.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: snv }] });

    // Not acknowledged: reminded on the 3rd working day (Fri 4/12), escalated on the 5th (Tue 8/12).
    await skipTo(at8('2026-12-08'));
    await handleA.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: { userId: null, name: 'Văn thư Sở TTTT', role: 'agency', agencyCode: 'STTTT' } }] });

    // B asks for more time on 20/1; the coordinator agrees to 31/3.
    await skipTo('2027-01-20T02:00:00Z', 0);
    await handleB.executeUpdate(requestExtensionUpdate, { args: [{ actor: snv, requestId: 'r1', newDueDate: '2027-03-31', reason: 'Chờ hướng dẫn của Bộ Nội vụ' }] });
    await handleB.executeUpdate(decideExtensionUpdate, { args: [{ actor: coordinator, requestId: 'r1', approve: true, note: 'Đồng ý' }] });

    await skipTo(at8('2027-04-01'));

    expect(await notified(a)).toEqual([
      'task_assigned agency:STC (cc) 2026-12-01T02:00',
      'task_assigned agency:STTTT 2026-12-01T02:00',
      `ack_reminder agency:STTTT ${m8('2026-12-04')}`,
      `ack_escalation agency:VPUBND ${m8('2026-12-08')}`,
      // 30, 7 and 1 working days before Fri 26/2, counting past 1/1 and Tết.
      `due_reminder agency:STC (cc) ${m8('2027-01-08')}`,
      `due_reminder agency:STTTT ${m8('2027-01-08')}`,
      `due_reminder agency:STC (cc) ${m8('2027-02-17')}`,
      `due_reminder agency:STTTT ${m8('2027-02-17')}`,
      `due_reminder agency:STC (cc) ${m8('2027-02-25')}`,
      `due_reminder agency:STTTT ${m8('2027-02-25')}`,
      // Overdue: the first working day after, then every 7 days; leadership after 30 days (Sun 28/3 → Mon 29/3).
      `overdue_notice agency:STTTT ${m8('2027-03-01')}`,
      `overdue_notice agency:VPUBND (cc) ${m8('2027-03-01')}`,
      `overdue_notice agency:STTTT ${m8('2027-03-08')}`,
      `overdue_notice agency:VPUBND (cc) ${m8('2027-03-08')}`,
      `overdue_notice agency:STTTT ${m8('2027-03-15')}`,
      `overdue_notice agency:VPUBND (cc) ${m8('2027-03-15')}`,
      `overdue_notice agency:STTTT ${m8('2027-03-22')}`,
      `overdue_notice agency:VPUBND (cc) ${m8('2027-03-22')}`,
      `overdue_notice agency:STTTT ${m8('2027-03-29')}`,
      `overdue_notice agency:VPUBND (cc) ${m8('2027-03-29')}`,
      `overdue_escalation user:${(await database.db.select().from(users).where(eq(users.role, 'viewer')))[0]!.id} ${m8('2027-03-29')}`,
    ]);
    // B: the reminders of its old deadline (1 working day before 26/2, overdue from 1/3) never fired.
    expect(await notified(b)).toEqual([
      'task_assigned agency:SNV 2026-12-01T02:00',
      `due_reminder agency:SNV ${m8('2027-01-08')}`,
      // The request went to the coordinator, the decision to the agency.
      'status_change agency:VPUBND 2027-01-20T02:00',
      'status_change agency:SNV 2027-01-20T02:00',
      // 30, 7 and 1 working days before Wed 31/3, the new due date.
      `due_reminder agency:SNV ${m8('2027-02-17')}`,
      `due_reminder agency:SNV ${m8('2027-03-22')}`,
      `due_reminder agency:SNV ${m8('2027-03-30')}`,
      `overdue_notice agency:SNV ${m8('2027-04-01')}`,
      `overdue_notice agency:VPUBND (cc) ${m8('2027-04-01')}`,
    ]);

    // Every message went out once: one SMTP delivery per outbox row, with its stored Message-ID.
    const messages = await database.db.select().from(outbox).orderBy(asc(outbox.scheduledFor));
    expect(messages.every((m) => m.status === 'sent')).toBe(true);
    const ids = smtp.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(messages.map((m) => m.messageId).sort());

    // Reminders that fall on one day for one agency are one message: STTTT got one a day at most.
    const toSttt = smtp.messagesTo('vanthu@stttt.example.gov.vn');
    const days = messages.filter((m) => m.recipientAgencyCode === 'STTTT').map((m) => m.day);
    expect(new Set(days).size).toBe(days.length);
    expect(toSttt).toHaveLength(days.length);
    // What a clerk reads: the task, its due date in Vietnamese style, days left, and the links.
    const reminder = (await database.db.select().from(outbox).where(and(eq(outbox.recipientAgencyCode, 'STTTT'), eq(outbox.day, '2027-02-25'))))[0]!;
    const mail = smtp.messages.find((m) => m.messageId === reminder.messageId)!;
    expect(mail.subject).toMatch(/^\[Giao việc\] Nhắc hạn/);
    expect(mail.text).toContain('Xây dựng kho dữ liệu dùng chung của tỉnh');
    expect(mail.text).toContain('26/02/2027');
    expect(mail.text).toContain('212/KH-UBND');
    expect(mail.html).toContain('http://giaoviec.test/l/');
    expect(mail.cc).toEqual([]);
    const escalation = smtp.messagesTo('lanhdao@ubnd.example.gov.vn');
    expect(escalation).toHaveLength(1);
    expect(escalation[0]!.text).toContain('Sở Thông tin và Truyền thông');
    // B's agency heard nothing on the days its old deadline would have triggered.
    const toSnvDays = messages.filter((m) => m.recipientAgencyCode === 'SNV').map((m) => m.day);
    expect(toSnvDays).not.toContain('2027-02-25');
    expect(toSnvDays).not.toContain('2027-03-01');
    expect(localDate(await env.currentTimeMs())).toBe('2027-04-01');
  });

  it('fifty tasks of one agency due the same day make one mail listing all fifty', { timeout: 300_000 }, async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 50; i++) ids.push(await assign(`Nhiệm vụ số hóa số ${i}`, 'SKHCN', [], '2027-06-30'));
    // 1 working day before Wed 30/6/2027 is Tue 29/6.
    await skipTo(at8('2027-06-29'));
    const rows = await database.db
      .select()
      .from(notifications)
      .where(and(inArray(notifications.taskId, ids), eq(notifications.kind, 'due_reminder'), eq(notifications.scheduledFor, new Date(at8('2027-06-29')))));
    expect(rows).toHaveLength(50);
    const outboxIds = new Set(rows.map((r) => r.outboxId));
    expect(outboxIds.size).toBe(1);
    const [message] = await database.db.select().from(outbox).where(eq(outbox.id, [...outboxIds][0]!));
    const received = smtp.messages.filter((m) => m.messageId === message!.messageId);
    expect(received).toHaveLength(1);
    expect(new Set(received[0]!.text.match(/Nhiệm vụ số hóa số \d+/g)).size).toBe(50);
    expect(received[0]!.subject).toContain('50');
  });
});
