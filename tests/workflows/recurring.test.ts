import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { notifications, outbox, tasks } from '../../db/schema';
import { localDate } from '../../domain/calendar';
import { assignedDueDate } from '../../domain/deadline';
import { DEFAULT_REMINDER_POLICY } from '../../domain/plan-settings';
import { searchableText } from '../../domain/text';
import { initialTaskState, type Actor, type TaskState } from '../../domain/task-machine';
import { startTaskWorkflows } from '../../activities/task-starter';
import { TASK_QUEUE, taskWorkflowId } from '../../workflows/constants';
import { acknowledgeTaskUpdate, getTaskQuery, reportProgressUpdate } from '../../workflows/messages';
import { taskWorkflow } from '../../workflows/task';
import { skipTo as skipMailStackTo, startMailStack, type MailStack } from '../helpers/mail-stack';
import type { TestDatabase } from '../helpers/db';
import type { TestSmtpServer } from '../helpers/smtp';

/**
 * Recurring tasks (nhiệm vụ thường xuyên) judged year by year, end to end through three years: the real
 * worker and activities, Postgres, an SMTP server, timers skipped. Task A runs over three years (Y to
 * Y+2): reported in year Y, not in Y+1 (overdue notices, then the escalation to leadership), reported
 * late in January Y+2 (the notices stop), reported with the annual report of Y+2, and then nothing more
 * after its period ends. Task B is a one-year row (Y), reported in Y: nothing the next year.
 *
 * The test server's clock starts at the real time and only moves forward, so Y is the first year of the
 * table still ahead of it. Every date was worked out by hand: report day 20/12, the default policy (due
 * reminders 30, 7 and 1 working days before, overdue notices from the first working day after and then
 * every 7 days, leadership 30 days after, next working day), weekends and the days off of November to
 * January: 24/11 (Ngày Văn hóa Việt Nam), 1/1 (3/1/2028 for a Saturday), Tết 2028 (24–28/1) and Tết
 * 2031 (21–25/1, 27/1 for the Saturday).
 */
interface Scenario {
  /** Y: the first year of the tasks; both are assigned on 05/01 of it. */
  year: number;
  /** 30 working days before 20/12/Y: A's and B's only reminder before A reports on 20/11. */
  firstDueReminder: string;
  /** 7 working days before 20/12/Y: B's second, before it reports on 14/12. */
  secondDueReminder: string;
  /** Y+1, nothing reported: 30, 7 and 1 working days before 20/12. */
  missedYearReminders: [string, string, string];
  /** The first five weekly notices from the first working day after 20/12/(Y+1). */
  overdueNotices: string[];
  /** 30 days after 20/12/(Y+1), the next working day. */
  escalation: string;
  /** Y+2: 30 and 7 working days before 20/12, before the annual report of 16/12. */
  finalYearReminders: [string, string];
}

const SCENARIOS: Scenario[] = [
  {
    year: 2027,
    firstDueReminder: '2027-11-05',
    secondDueReminder: '2027-12-09',
    missedYearReminders: ['2028-11-07', '2028-12-11', '2028-12-19'],
    overdueNotices: ['2028-12-21', '2028-12-28', '2029-01-04', '2029-01-11', '2029-01-18'],
    escalation: '2029-01-19',
    finalYearReminders: ['2029-11-08', '2029-12-11'],
  },
  {
    year: 2028,
    firstDueReminder: '2028-11-07',
    secondDueReminder: '2028-12-11',
    missedYearReminders: ['2029-11-08', '2029-12-11', '2029-12-19'],
    overdueNotices: ['2029-12-21', '2029-12-28', '2030-01-04', '2030-01-11', '2030-01-18'],
    // 19/01/2030 is a Saturday.
    escalation: '2030-01-21',
    finalYearReminders: ['2030-11-08', '2030-12-11'],
  },
  {
    year: 2029,
    firstDueReminder: '2029-11-08',
    secondDueReminder: '2029-12-11',
    missedYearReminders: ['2030-11-08', '2030-12-11', '2030-12-19'],
    // 20/12/2030 is a Friday: the first notice is on Monday 23/12.
    overdueNotices: ['2030-12-23', '2030-12-30', '2031-01-06', '2031-01-13', '2031-01-20'],
    escalation: '2031-01-20',
    // 20/12/2031 is a Saturday; 24/11/2031 a Monday off.
    finalYearReminders: ['2031-11-07', '2031-12-11'],
  },
];
const scenario = SCENARIOS.find((sc) => Date.now() < Date.parse(`${sc.year}-01-05T01:00:00Z`));
const S = scenario ?? SCENARIOS[SCENARIOS.length - 1]!;
const Y = S.year;

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let smtp: TestSmtpServer;
let planId: string;
let viewerId: string;

const coordinator: Actor = { userId: null, name: 'Chuyên viên VP UBND tỉnh', role: 'coordinator', agencyCode: 'VPUBND' };
const stttt: Actor = { userId: null, name: 'Văn thư Sở TTTT', role: 'agency', agencyCode: 'STTTT' };
const snv: Actor = { userId: null, name: 'Văn thư Sở Nội vụ', role: 'agency', agencyCode: 'SNV' };
/** 08:00 Asia/Ho_Chi_Minh as `notified` prints it (to the minute). */
const m8 = (date: string) => `${date}T01:00`;

let stack: MailStack;
beforeAll(async () => {
  stack = await startMailStack('recurring', { viewer: true, plan: { periodStart: `${Y}-01-01`, periodEnd: `${Y + 2}-12-31` } });
  ({ env, database, smtp, planId } = stack);
  viewerId = stack.viewerId!;
}, 120_000);
afterAll(() => stack?.stop());

const skipTo = (iso: string, marginMinutes?: number) => skipMailStackTo(env, iso, marginMinutes);

/** A recurring task inserted as the API inserts it, and its workflow started. */
async function assignRecurring(title: string, leadAgencyCode: string, coordinatingAgencyCodes: string[], dueDate: string): Promise<string> {
  const id = randomUUID();
  const row = { kind: 'recurring' as const, isGroup: false, startDate: `${Y}-01-01`, dueDate };
  await database.db.insert(tasks).values({
    ...row,
    id,
    planId,
    title,
    titleSearch: searchableText(title),
    leadAgencyCode,
    coordinatingAgencyCodes,
    originalDueDate: dueDate,
    currentDueDate: assignedDueDate(row, '12-20', localDate(await env.currentTimeMs())),
    createdAt: new Date(await env.currentTimeMs()),
  });
  await startTaskWorkflows(env.client, database.db, [id], coordinator);
  return id;
}

/** What was recorded for a task, as `<local 08:00 or time> <kind> <recipient>`, in time order. */
async function notified(taskId: string) {
  const rows = await database.db.select().from(notifications).where(eq(notifications.taskId, taskId)).orderBy(asc(notifications.scheduledFor), asc(notifications.recipient));
  return rows.map((n) => `${n.scheduledFor.toISOString().slice(0, 16)} ${n.kind} ${n.recipient}${n.copy ? ' (cc)' : ''}`);
}

const currentDueDateOf = async (id: string) => (await database.db.select({ d: tasks.currentDueDate }).from(tasks).where(eq(tasks.id, id)))[0]!.d;

describe(`recurring tasks from ${Y}, judged year by year`, () => {
  it('remind before each 20/12, escalate a year without a report until it comes, and never for the end of the period', { timeout: 600_000 }, async () => {
    expect(scenario, 'every scenario lies in the past: add the next year’s to SCENARIOS').toBeDefined();
    await skipTo(`${Y}-01-05T02:00:00Z`, 0);
    const a = await assignRecurring('Bảo đảm an toàn thông tin mạng', 'STTTT', ['STC'], `${Y + 2}-12-31`);
    const b = await assignRecurring('Tuyên truyền chuyển đổi số', 'SNV', [], `${Y}-12-31`);
    const handleA = env.client.workflow.getHandle(taskWorkflowId(a));
    const handleB = env.client.workflow.getHandle(taskWorkflowId(b));
    await handleA.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: stttt }] });
    await handleB.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: snv }] });
    expect(await currentDueDateOf(a)).toBe(`${Y}-12-20`);
    expect(await currentDueDateOf(b)).toBe(`${Y}-12-20`);

    // Year Y: A reports on 20/11, B on 14/12; each report moves its deadline on.
    await skipTo(`${Y}-11-20T03:00:00Z`, 0);
    await handleA.executeUpdate(reportProgressUpdate, { args: [{ actor: stttt, percent: 20, note: `Kết quả năm ${Y}` }] });
    expect(await currentDueDateOf(a)).toBe(`${Y + 1}-12-20`);
    await skipTo(`${Y}-12-14T03:00:00Z`, 0);
    await handleB.executeUpdate(reportProgressUpdate, { args: [{ actor: snv, percent: 100, note: `Kết quả năm ${Y}` }] });
    // B owes nothing more: its one year is reported.
    expect(await currentDueDateOf(b)).toBeNull();

    // Year Y+1: A reports nothing; in January Y+2, after the escalation, a late report makes up Y+1.
    await skipTo(`${Y + 2}-01-10T03:00:00Z`, 0);
    expect(await currentDueDateOf(a)).toBe(`${Y + 1}-12-20`);
    await skipTo(`${Y + 2}-01-22T03:00:00Z`, 0);
    await handleA.executeUpdate(reportProgressUpdate, { args: [{ actor: stttt, percent: 60, note: `Báo cáo bổ sung năm ${Y + 1}` }] });
    expect(await currentDueDateOf(a)).toBe(`${Y + 2}-12-20`);
    expect((await handleA.query(getTaskQuery)).currentDueDate).toBe(`${Y + 2}-12-20`);

    // Year Y+2: A's figure comes with the annual report of Y+2, as the API sends it.
    await skipTo(`${Y + 2}-12-16T03:00:00Z`, 0);
    await handleA.executeUpdate(reportProgressUpdate, { args: [{ actor: { ...stttt, via: 'report' }, percent: 90, note: `Báo cáo năm ${Y + 2}`, year: Y + 2 }] });
    expect(await currentDueDateOf(a)).toBeNull();

    // Well past the end of A's period (31/12/(Y+2)) and of B's (31/12/Y).
    await skipTo(`${Y + 3}-02-15T03:00:00Z`);

    const viewer = `user:${viewerId}`;
    const due = (d: string, lead: string, cc?: string) => [`${m8(d)} due_reminder agency:${lead}`, ...(cc ? [`${m8(d)} due_reminder agency:${cc} (cc)`] : [])];
    const sorted = (lines: string[]) => [...lines].sort();
    expect(sorted(await notified(a))).toEqual(
      sorted([
        `${Y}-01-05T02:00 task_assigned agency:STTTT`,
        `${Y}-01-05T02:00 task_assigned agency:STC (cc)`,
        // Y: reported on 20/11, after the first reminder and before the others.
        ...due(S.firstDueReminder, 'STTTT', 'STC'),
        // Y+1: all three reminders, then weekly notices and the escalation until the late report of 22/01.
        ...S.missedYearReminders.flatMap((d) => due(d, 'STTTT', 'STC')),
        ...S.overdueNotices.flatMap((d) => [`${m8(d)} overdue_notice agency:STTTT`, `${m8(d)} overdue_notice agency:VPUBND (cc)`]),
        `${m8(S.escalation)} overdue_escalation ${viewer}`,
        // Y+2: reminded until the annual report of 16/12; nothing once the period ended.
        ...S.finalYearReminders.flatMap((d) => due(d, 'STTTT', 'STC')),
      ]),
    );
    // B: the two reminders of its year, and nothing in the next year though 31/12 passed.
    expect(sorted(await notified(b))).toEqual(sorted([`${Y}-01-05T02:00 task_assigned agency:SNV`, ...due(S.firstDueReminder, 'SNV'), ...due(S.secondDueReminder, 'SNV')]));

    // What the clerk read on the first overdue day: the year whose report is missing and its date.
    const messages = await database.db.select().from(outbox).where(eq(outbox.recipientAgencyCode, 'STTTT'));
    const firstOverdue = messages.find((m) => m.day === S.overdueNotices[0])!;
    expect(firstOverdue.status).toBe('sent');
    const mail = smtp.messages.find((m) => m.messageId === firstOverdue.messageId)!;
    expect(mail.text).toContain(`Hạn báo cáo năm ${Y + 1}: 20/12/${Y + 1}`);
    expect(mail.text).toContain(`Chưa nhận được báo cáo kết quả thực hiện năm ${Y + 1}`);
    expect(smtp.messagesTo('lanhdao@ubnd.example.gov.vn')).toHaveLength(1);

    // Both still open, owing nothing: the projected deadline and the workflow agree.
    const live = await Promise.all([handleA, handleB].map((h) => h.query(getTaskQuery)));
    expect(live.map((l) => [l.state.status, l.currentDueDate, l.state.yearly?.reported])).toEqual([
      ['in_progress', null, [Y, Y + 1, Y + 2]],
      ['in_progress', null, [Y]],
    ]);
  });

  it('a task that ran under the earlier rule is judged by year from its next run, which corrects the deadline the list reads', { timeout: 120_000 }, async () => {
    // Two one-year rows of last year, due 31/12, both open; the earlier rule projected that date. The
    // run now starting is what the earlier version's continue-as-new starts: its state, its years as the
    // earlier run's replay rebuilt them (one reported last year, one not), a policy without the report day.
    const last = Number(localDate(await env.currentTimeMs()).slice(0, 4)) - 1;
    const continued = async (title: string, reported: number[]) => {
      const id = randomUUID();
      const dates = { kind: 'recurring' as const, startDate: `${last}-01-01`, dueDate: `${last}-12-31` };
      await database.db.insert(tasks).values({
        ...dates,
        id,
        planId,
        title,
        titleSearch: searchableText(title),
        leadAgencyCode: 'STTTT',
        originalDueDate: dates.dueDate,
        currentDueDate: dates.dueDate,
        status: 'in_progress',
        progress: 50,
        lastSeq: 3,
      });
      const assignedAt = `${last}-01-05T02:00:00.000Z`;
      const state: TaskState = {
        ...initialTaskState({ ...dates, taskId: id, planId, parentId: null, childIds: [], title, leadAgencyCode: 'STTTT', coordinatingAgencyCodes: [], assignedAt }),
        status: 'in_progress',
        progress: 50,
        acknowledgedAt: assignedAt,
        seq: 3,
        yearly: { dueOn: '12-20', owedFrom: `${last}-01-01`, reported },
      };
      await env.client.workflow.start(taskWorkflow, { taskQueue: TASK_QUEUE, workflowId: taskWorkflowId(id), args: [{ state, policy: DEFAULT_REMINDER_POLICY, createdBy: coordinator }] });
      return id;
    };
    const reported = await continued('Duy trì chuyên mục hỏi đáp trực tuyến', [last]);
    const missing = await continued('Cập nhật cơ sở dữ liệu văn bản', []);
    await expect.poll(() => currentDueDateOf(reported), { timeout: 20_000 }).toBeNull();
    await expect.poll(() => currentDueDateOf(missing), { timeout: 20_000 }).toBe(`${last}-12-20`);
    await env.sleep(10 * 86_400_000);
    // Only the task whose year is missing is told it is overdue.
    expect(await notified(reported)).toEqual([]);
    expect((await notified(missing)).some((line) => line.includes('overdue_notice agency:STTTT'))).toBe(true);
  });
});
