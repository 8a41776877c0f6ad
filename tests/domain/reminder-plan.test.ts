import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../domain/calendar';
import { DEFAULT_REMINDER_POLICY } from '../../domain/plan-settings';
import { decideReminders, reminderKey, reminderSchedule, type ReminderSubject } from '../../domain/reminder-plan';

const cal = new WorkingCalendar({ amendments: [] });
// 08:00 Asia/Ho_Chi_Minh is 01:00 UTC.
const at8 = (date: string) => `${date}T01:00:00.000Z`;

/** The scenario: assigned Tuesday 2026-12-01, due Friday 2027-02-26, across Tết 2027 (4–10/2 off). */
const task: ReminderSubject = {
  status: 'assigned',
  isGroup: false,
  assignedAt: '2026-12-01T02:30:00.000Z',
  dueDate: '2027-02-26',
  deadlineSetAt: '2026-12-01T02:30:00.000Z',
};

describe('reminder schedule (DESIGN.md §6) on the Vietnamese working-day calendar', () => {
  it('plans every reminder at 08:00 +07:00 on the right working day, skipping weekends and Tết', () => {
    const plan = reminderSchedule(task, DEFAULT_REMINDER_POLICY, cal, Date.parse('2026-12-01T03:00:00Z'));
    expect(plan.map((r) => [r.kind, r.at, r.to, r.cc])).toEqual([
      // 3rd and 5th working day after Tue 1/12: Fri 4/12, Tue 8/12.
      ['ack_reminder', at8('2026-12-04'), ['lead'], []],
      ['ack_escalation', at8('2026-12-08'), ['coordinator'], []],
      // 30 working days before Fri 26/2/2027, counting past Tết (Thu 4/2–Wed 10/2) and 1/1: Fri 8/1.
      ['due_reminder', at8('2027-01-08'), ['lead'], ['coordinating']],
      // 7 working days before: Wed 17/2; 1 working day before: Thu 25/2.
      ['due_reminder', at8('2027-02-17'), ['lead'], ['coordinating']],
      ['due_reminder', at8('2027-02-25'), ['lead'], ['coordinating']],
      // The first working day after the due date: Mon 1/3.
      ['overdue_notice', at8('2027-03-01'), ['lead'], ['coordinator']],
      // Due date + 30 days is Sunday 28/3: the next working day, Mon 29/3.
      ['overdue_escalation', at8('2027-03-29'), ['leadership'], []],
    ]);
  });

  it('repeats the overdue notice every 7 days while the task stays open', () => {
    const acknowledged = { ...task, status: 'in_progress' as const };
    const plan = reminderSchedule(acknowledged, DEFAULT_REMINDER_POLICY, cal, Date.parse('2027-03-20T00:00:00Z'));
    expect(plan.filter((r) => r.kind === 'overdue_notice').map((r) => r.at)).toEqual([at8('2027-03-01'), at8('2027-03-08'), at8('2027-03-15'), at8('2027-03-22')]);
    expect(plan.some((r) => r.kind.startsWith('ack_'))).toBe(false);
  });

  it('plans nothing for a closed task, a group parent, or a completion awaiting acceptance', () => {
    for (const status of ['completed', 'cancelled', 'completion_submitted'] as const) {
      expect(reminderSchedule({ ...task, status }, DEFAULT_REMINDER_POLICY, cal, Date.parse('2026-12-01T03:00:00Z'))).toEqual([]);
    }
    expect(reminderSchedule({ ...task, isGroup: true }, DEFAULT_REMINDER_POLICY, cal, Date.parse('2026-12-01T03:00:00Z'))).toEqual([]);
  });

  it('after an extension only the new deadline’s reminders remain; those planned before the change are void', () => {
    const extended = { ...task, status: 'in_progress' as const, dueDate: '2027-03-31', deadlineSetAt: '2027-01-20T03:00:00.000Z' };
    const plan = reminderSchedule(extended, DEFAULT_REMINDER_POLICY, cal, Date.parse('2027-01-20T03:00:00Z'));
    expect(plan.every((r) => r.dueDate === '2027-03-31')).toBe(true);
    // 30 working days before Wed 31/3/2027 falls on Wed 17/2, after the change: kept. Nothing before 20/1.
    expect(plan.filter((r) => r.kind === 'due_reminder').map((r) => r.at)).toEqual([at8('2027-02-17'), at8('2027-03-22'), at8('2027-03-30')]);
    expect(plan.every((r) => r.at >= extended.deadlineSetAt)).toBe(true);
  });

  it('a plan can change the policy', () => {
    const plan = reminderSchedule(task, { ...DEFAULT_REMINDER_POLICY, dueReminderWorkingDays: [2], sendHour: 7 }, cal, Date.parse('2026-12-01T03:00:00Z'));
    expect(plan.filter((r) => r.kind === 'due_reminder').map((r) => r.at)).toEqual(['2027-02-24T00:00:00.000Z']);
  });
});

describe('deciding what to send', () => {
  it('sends what is due and not yet sent, and waits for the next', () => {
    const now = Date.parse('2026-12-04T01:00:00Z');
    const d = decideReminders(task, DEFAULT_REMINDER_POLICY, cal, now, new Set());
    expect(d.send.map((r) => r.kind)).toEqual(['ack_reminder']);
    expect(d.next).toMatchObject({ kind: 'ack_escalation', at: at8('2026-12-08') });
    const after = decideReminders(task, DEFAULT_REMINDER_POLICY, cal, now, new Set(d.send.map(reminderKey)));
    expect(after.send).toEqual([]);
  });

  it('after an outage sends only the latest of each kind and skips a due reminder that came too late', () => {
    const acknowledged = { ...task, status: 'in_progress' as const };
    // The worker was down from January to 12 March: three due reminders and two overdue notices passed.
    const d = decideReminders(acknowledged, DEFAULT_REMINDER_POLICY, cal, Date.parse('2027-03-12T05:00:00Z'), new Set());
    expect(d.send.map((r) => [r.kind, r.at])).toEqual([['overdue_notice', at8('2027-03-08')]]);
    expect(d.skip.map((r) => [r.kind, r.at])).toEqual([
      ['due_reminder', at8('2027-01-08')],
      ['due_reminder', at8('2027-02-17')],
      ['due_reminder', at8('2027-02-25')],
      ['overdue_notice', at8('2027-03-01')],
    ]);
    expect(d.next).toMatchObject({ kind: 'overdue_notice', at: at8('2027-03-15') });
  });
});

describe('a task long overdue', () => {
  const overdue = { ...task, status: 'in_progress' as const };
  /** Every weekly notice from the first overdue day on, walked one by one: what the plan must agree with. */
  const everyNotice = (nowMs: number) => {
    const first = cal.addWorkingDays(overdue.dueDate, 1);
    const all: string[] = [];
    for (let k = 0; ; k++) {
      const at = new Date(cal.nextWorkingDayAt(Date.parse(`${first}T00:00:00+07:00`) + k * 7 * 86_400_000, 8)).toISOString();
      all.push(at);
      if (Date.parse(at) > nowMs) return all;
    }
  };

  it('sends the latest notice and plans the next, as a walk over every week would, without listing years of them', () => {
    // From the day after the deadline to four years later, every 13 days: Tết and other holidays included.
    for (let day = 1; day < 4 * 366; day += 13) {
      const now = Date.parse('2027-02-27T05:00:00Z') + day * 86_400_000;
      const notices = everyNotice(now);
      const d = decideReminders(overdue, DEFAULT_REMINDER_POLICY, cal, now, new Set());
      const sent = d.send.filter((r) => r.kind === 'overdue_notice').map((r) => r.at);
      // The one before the next is due (none in the first days after the deadline).
      expect(sent, new Date(now).toISOString()).toEqual(notices.slice(-2, -1));
      expect(d.upcoming.filter((r) => r.kind === 'overdue_notice').map((r) => r.at)).toEqual([notices.at(-1)]);
      // Only the notices of the last two months are listed (and skipped as superseded).
      expect(reminderSchedule(overdue, DEFAULT_REMINDER_POLICY, cal, now).filter((r) => r.kind === 'overdue_notice').length).toBeLessThanOrEqual(11);
    }
  });

  it('walks from the first notice when a day off longer than the look-back covers today', () => {
    // An admin declares ninety days off around today: the notices of those weeks all move past them.
    const amendments = Array.from({ length: 90 }, (_, i) => ({ date: new Date(Date.parse('2030-03-01') + i * 86_400_000).toISOString().slice(0, 10), kind: 'off' as const, name: 'Nghỉ' }));
    const closed = new WorkingCalendar({ amendments });
    const now = Date.parse('2030-05-15T05:00:00Z');
    const d = decideReminders(overdue, DEFAULT_REMINDER_POLICY, closed, now, new Set());
    // The last notice before the closure (the week of 2030-02-25) is the one due; the next is after it.
    expect(d.send.filter((r) => r.kind === 'overdue_notice').map((r) => r.at)).toEqual([at8('2030-02-25')]);
    expect(d.next).toMatchObject({ kind: 'overdue_notice', at: at8('2030-05-30') });
  });
});
