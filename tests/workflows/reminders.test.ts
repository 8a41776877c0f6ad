import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { notifications, outbox, tasks, users } from '../../db/schema';
import { localDate } from '../../domain/calendar';
import { searchableText } from '../../domain/text';
import type { Actor } from '../../domain/task-machine';
import { startTaskWorkflows } from '../../activities/task-starter';
import { taskWorkflowId } from '../../workflows/constants';
import { acknowledgeTaskUpdate, decideExtensionUpdate, requestExtensionUpdate } from '../../workflows/messages';
import { skipTo as skipMailStackTo, startMailStack, type MailStack } from '../helpers/mail-stack';
import type { TestDatabase } from '../helpers/db';
import type { TestSmtpServer } from '../helpers/smtp';

/**
 * DESIGN.md §6 end to end, through time: task workflows, the digest and delivery workflows, the real
 * worker, real Postgres and a real SMTP server, with months of timers skipped in seconds. The scenario
 * is the issue's: assigned Tuesday 2026-12-01, due Friday 2027-02-26, across Tết 2027 (4–10/2 off).
 * The test server's clock starts at the real time and only moves forward, so from December 2026 the
 * same story runs a year later, across Tết 2028 (24–28/1 off, 3/1 off for 1/1 on a Saturday), and from
 * December 2027 two years later, across Tết 2029 (no notice yet, so the law's rule: 11–15/2, Sunday 11/2
 * made up on Friday 16/2; 1/1/2029 a Monday). Every date below was worked out by hand from the
 * calendar and DEFAULT_REMINDER_POLICY: 3 and 5 working days to acknowledge, due reminders 30, 7 and
 * 1 working days before, overdue notices from the first working day after and then weekly, leadership
 * 30 days after (the next working day).
 */
interface Scenario {
  assigned: string;
  due: string;
  /** As the mail prints it. */
  dueText: string;
  ackReminder: string;
  ackEscalation: string;
  dueReminders: [string, string, string];
  overdueNotices: string[];
  overdueEscalation: string;
  /** B asks on `extensionOn` to move its deadline to `extendedTo`, and gets it. */
  extensionOn: string;
  extendedTo: string;
  dueRemindersAfterExtension: [string, string, string];
  /** The first working day after `extendedTo`: the scenario ends there. */
  end: string;
  /** Fifty tasks due `digestDue`: their reminder 1 working day before, on `digestDay`. */
  digestDue: string;
  digestDay: string;
}

const SCENARIOS: Scenario[] = [
  {
    assigned: '2026-12-01', // Tuesday
    due: '2027-02-26',
    dueText: '26/02/2027',
    ackReminder: '2026-12-04',
    ackEscalation: '2026-12-08',
    // 30, 7 and 1 working days before Fri 26/2, counting past 1/1 and Tết.
    dueReminders: ['2027-01-08', '2027-02-17', '2027-02-25'],
    overdueNotices: ['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29'],
    overdueEscalation: '2027-03-29', // 28/3 is a Sunday
    extensionOn: '2027-01-20',
    extendedTo: '2027-03-31',
    dueRemindersAfterExtension: ['2027-02-17', '2027-03-22', '2027-03-30'],
    end: '2027-04-01',
    digestDue: '2027-06-30',
    digestDay: '2027-06-29',
  },
  {
    assigned: '2027-12-01', // Wednesday
    due: '2028-02-25',
    dueText: '25/02/2028',
    ackReminder: '2027-12-06',
    ackEscalation: '2027-12-08',
    dueReminders: ['2028-01-07', '2028-02-16', '2028-02-24'],
    overdueNotices: ['2028-02-28', '2028-03-06', '2028-03-13', '2028-03-20', '2028-03-27', '2028-04-03'],
    overdueEscalation: '2028-03-27', // 26/3 is a Sunday
    extensionOn: '2028-01-20',
    extendedTo: '2028-03-31',
    dueRemindersAfterExtension: ['2028-02-18', '2028-03-22', '2028-03-30'],
    end: '2028-04-03',
    digestDue: '2028-06-30',
    digestDay: '2028-06-29',
  },
  {
    assigned: '2028-12-01', // Friday
    due: '2029-02-23',
    dueText: '23/02/2029',
    ackReminder: '2028-12-06',
    ackEscalation: '2028-12-08',
    dueReminders: ['2029-01-05', '2029-02-07', '2029-02-22'],
    overdueNotices: ['2029-02-26', '2029-03-05', '2029-03-12', '2029-03-19', '2029-03-26', '2029-04-02'],
    overdueEscalation: '2029-03-26', // 25/3 is a Sunday
    extensionOn: '2029-01-22',
    extendedTo: '2029-03-30',
    dueRemindersAfterExtension: ['2029-02-09', '2029-03-21', '2029-03-29'],
    end: '2029-04-02',
    digestDue: '2029-06-29',
    digestDay: '2029-06-28',
  },
];
// The first scenario still ahead of the clock; REMINDERS_SCENARIO_YEAR=2027 (or 2028) runs a later one today.
const scenario = SCENARIOS.find(
  (sc) => Date.now() < Date.parse(`${sc.assigned}T01:00:00Z`) && sc.assigned >= (process.env.REMINDERS_SCENARIO_YEAR ?? ''),
);
const S = scenario ?? SCENARIOS[SCENARIOS.length - 1]!;

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let smtp: TestSmtpServer;
let planId: string;

const coordinator: Actor = { userId: null, name: 'Chuyên viên VP UBND tỉnh', role: 'coordinator', agencyCode: 'VPUBND' };
const at8 = (date: string) => `${date}T01:00:00.000Z`;
/** 08:00 Asia/Ho_Chi_Minh as `notified` prints it (to the minute). */
const m8 = (date: string) => `${date}T01:00`;

let stack: MailStack;
beforeAll(async () => {
  stack = await startMailStack('reminders', { viewer: true, plan: { periodEnd: '2029-12-31' } });
  ({ env, database, smtp, planId } = stack);
}, 120_000);
afterAll(() => stack?.stop());

const skipTo = (iso: string, marginMinutes?: number) => skipMailStackTo(env, iso, marginMinutes);

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
    startDate: S.assigned,
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

describe(`reminders and escalations for a task assigned ${S.assigned}, due ${S.due}`, () => {
  it('go out on the right working days at 08:00, each mail exactly once; after an extension the old ones never fire', { timeout: 300_000 }, async () => {
    expect(scenario, 'every scenario lies in the past: add the next year\'s to SCENARIOS').toBeDefined();
    expect(await env.currentTimeMs(), `the scenario needs a clock before ${S.assigned}`).toBeLessThan(Date.parse(`${S.assigned}T02:00:00Z`));
    await skipTo(`${S.assigned}T02:00:00Z`, 0);
    const a = await assign('Xây dựng kho dữ liệu dùng chung của tỉnh', 'STTTT', ['STC'], S.due);
    const b = await assign('Chuẩn hóa hồ sơ công chức', 'SNV', [], S.due);
    const handleA = env.client.workflow.getHandle(taskWorkflowId(a));
    const handleB = env.client.workflow.getHandle(taskWorkflowId(b));
    const snv: Actor = { userId: null, name: 'Văn thư Sở Nội vụ', role: 'agency', agencyCode: 'SNV' };
    await handleB.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: snv }] });

    // Not acknowledged: reminded on the 3rd working day, escalated on the 5th; acknowledged then.
    await skipTo(at8(S.ackEscalation));
    await handleA.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: { userId: null, name: 'Văn thư Sở TTTT', role: 'agency', agencyCode: 'STTTT' } }] });

    // B asks for more time; the coordinator agrees.
    await skipTo(`${S.extensionOn}T02:00:00Z`, 0);
    await handleB.executeUpdate(requestExtensionUpdate, { args: [{ actor: snv, requestId: 'r1', newDueDate: S.extendedTo, reason: 'Chờ hướng dẫn của Bộ Nội vụ' }] });
    await handleB.executeUpdate(decideExtensionUpdate, { args: [{ actor: coordinator, requestId: 'r1', approve: true, note: 'Đồng ý' }] });

    await skipTo(at8(S.end));

    const viewer = (await database.db.select().from(users).where(eq(users.role, 'viewer')))[0]!.id;
    const overdue = S.overdueNotices.flatMap((d) => [`overdue_notice agency:STTTT ${m8(d)}`, `overdue_notice agency:VPUBND (cc) ${m8(d)}`]);
    const escalationAt = overdue.findIndex((line) => line.endsWith(m8(S.overdueEscalation))) + 2;
    expect(await notified(a)).toEqual([
      `task_assigned agency:STC (cc) ${S.assigned}T02:00`,
      `task_assigned agency:STTTT ${S.assigned}T02:00`,
      `ack_reminder agency:STTTT ${m8(S.ackReminder)}`,
      `ack_escalation agency:VPUBND ${m8(S.ackEscalation)}`,
      ...S.dueReminders.flatMap((d) => [`due_reminder agency:STC (cc) ${m8(d)}`, `due_reminder agency:STTTT ${m8(d)}`]),
      // Overdue: the first working day after, then every 7 days; leadership after 30 days, with that day's notice.
      ...overdue.slice(0, escalationAt),
      `overdue_escalation user:${viewer} ${m8(S.overdueEscalation)}`,
      ...overdue.slice(escalationAt),
    ]);
    // B: the reminders of its old deadline (1 working day before, overdue after) never fired.
    expect(await notified(b)).toEqual([
      `task_assigned agency:SNV ${S.assigned}T02:00`,
      `due_reminder agency:SNV ${m8(S.dueReminders[0])}`,
      // The request went to the coordinator, the decision to the agency.
      `status_change agency:VPUBND ${S.extensionOn}T02:00`,
      `status_change agency:SNV ${S.extensionOn}T02:00`,
      // 30, 7 and 1 working days before the new due date.
      ...S.dueRemindersAfterExtension.map((d) => `due_reminder agency:SNV ${m8(d)}`),
      `overdue_notice agency:SNV ${m8(S.end)}`,
      `overdue_notice agency:VPUBND (cc) ${m8(S.end)}`,
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
    const reminder = (await database.db.select().from(outbox).where(and(eq(outbox.recipientAgencyCode, 'STTTT'), eq(outbox.day, S.dueReminders[2]))))[0]!;
    const mail = smtp.messages.find((m) => m.messageId === reminder.messageId)!;
    expect(mail.subject).toMatch(/^\[Giao việc\] Nhắc hạn/);
    expect(mail.text).toContain('Xây dựng kho dữ liệu dùng chung của tỉnh');
    expect(mail.text).toContain(S.dueText);
    expect(mail.text).toContain('212/KH-UBND');
    expect(mail.html).toContain('http://giaoviec.test/l/');
    expect(mail.cc).toEqual([]);
    const escalation = smtp.messagesTo('lanhdao@ubnd.example.gov.vn');
    expect(escalation).toHaveLength(1);
    expect(escalation[0]!.text).toContain('Sở Thông tin và Truyền thông');
    // B's agency heard nothing on the days its old deadline would have triggered.
    const toSnvDays = messages.filter((m) => m.recipientAgencyCode === 'SNV').map((m) => m.day);
    expect(toSnvDays).not.toContain(S.dueReminders[2]);
    expect(toSnvDays).not.toContain(S.overdueNotices[0]);
    expect(localDate(await env.currentTimeMs())).toBe(S.end);
  });

  it('fifty tasks of one agency due the same day make one mail listing all fifty', { timeout: 300_000 }, async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 50; i++) ids.push(await assign(`Nhiệm vụ số hóa số ${i}`, 'SKHCN', [], S.digestDue));
    // 1 working day before the due date.
    await skipTo(at8(S.digestDay));
    const rows = await database.db
      .select()
      .from(notifications)
      .where(and(inArray(notifications.taskId, ids), eq(notifications.kind, 'due_reminder'), eq(notifications.scheduledFor, new Date(at8(S.digestDay)))));
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
