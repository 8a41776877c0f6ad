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
