import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../domain/calendar';
import {
  assignedDueDate,
  currentDueDate,
  isDueSoon,
  isOverdue,
  reportYearFor,
  reportYears,
  yearlyReportsFor,
  type DeadlineSubject,
  type YearlyReports,
} from '../../domain/deadline';
import { DEFAULT_REMINDER_POLICY, reminderPolicyOf } from '../../domain/plan-settings';
import { decideReminders, reminderSchedule, type ReminderSubject } from '../../domain/reminder-plan';
import { applyCommand, checkCommand, initialTaskState, type Actor, type TaskState } from '../../domain/task-machine';

/**
 * The one deadline rule (domain/deadline). Every expected date below was worked out by hand: report days
 * 20/12 (the default), weekdays from a calendar, and working days counted past weekends and the one
 * public holiday of November and December, Ngày Văn hóa Việt Nam (24/11, from 2026).
 */
const yearly = (over: Partial<YearlyReports> = {}): YearlyReports => ({ dueOn: '12-20', owedFrom: '2026-01-01', reported: [], ...over });
/** A recurring task over 2026–2028, assigned before it started. */
const recurring = (over: Partial<DeadlineSubject> = {}, years: Partial<YearlyReports> = {}): DeadlineSubject => ({
  kind: 'recurring',
  startDate: '2026-01-01',
  dueDate: '2028-12-31',
  yearly: yearly(years),
  ...over,
});

describe('the deadline that applies', () => {
  it('a task other than recurring has one deadline, its due date', () => {
    expect(currentDueDate({ kind: 'new', startDate: '2026-01-01', dueDate: '2027-02-26' })).toBe('2027-02-26');
    // Yearly bookkeeping on a task of another kind changes nothing.
    expect(currentDueDate({ kind: 'carried_over', dueDate: '2027-02-26', yearly: yearly() })).toBe('2027-02-26');
    expect(yearlyReportsFor({ kind: 'new', isGroup: false }, '12-20', '2026-01-01')).toBeUndefined();
  });

  it('a recurring task owes a report each year, due on the plan’s report day; the earliest one missing is its deadline', () => {
    expect(reportYears(recurring())).toEqual([
      { year: 2026, dueDate: '2026-12-20' },
      { year: 2027, dueDate: '2027-12-20' },
      { year: 2028, dueDate: '2028-12-20' },
    ]);
    expect(currentDueDate(recurring())).toBe('2026-12-20');
    expect(currentDueDate(recurring({}, { reported: [2026] }))).toBe('2027-12-20');
    // A year left out is still owed, whatever came after it.
    expect(currentDueDate(recurring({}, { reported: [2027] }))).toBe('2026-12-20');
    // Every year in: nothing owed, no deadline — not the end of the period.
    expect(currentDueDate(recurring({}, { reported: [2026, 2027, 2028] }))).toBeNull();
  });

  it('a report day on a weekend stays the deadline (20/12/2026 is a Sunday)', () => {
    expect(currentDueDate(recurring())).toBe('2026-12-20');
  });

  it('the plan’s own report day, and a day the year lacks', () => {
    expect(reportYears(recurring({}, { dueOn: '06-30' })).map((y) => y.dueDate)).toEqual(['2026-06-30', '2027-06-30', '2028-06-30']);
    // 29/02 only in 2028; 2026 and 2027 take 28/02.
    expect(reportYears(recurring({}, { dueOn: '02-29' })).map((y) => y.dueDate)).toEqual(['2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('a task starting mid-year reports that year; one starting after that year’s report day, from the next', () => {
    expect(reportYears(recurring({ startDate: '2026-07-01' })).map((y) => y.year)).toEqual([2026, 2027, 2028]);
    expect(reportYears(recurring({ startDate: '2026-12-22' })).map((y) => y.year)).toEqual([2027, 2028]);
    expect(currentDueDate(recurring({ startDate: '2026-12-22' }))).toBe('2027-12-20');
  });

  it('the final year is due by the end of the period when that comes before the report day', () => {
    expect(reportYears(recurring({ dueDate: '2028-06-30' })).at(-1)).toEqual({ year: 2028, dueDate: '2028-06-30' });
    expect(reportYears(recurring({ dueDate: '2028-12-31' })).at(-1)).toEqual({ year: 2028, dueDate: '2028-12-20' });
    // A period of one year that starts after its report day still owes one report, by its end.
    expect(reportYears(recurring({ startDate: '2026-12-22', dueDate: '2026-12-31' }))).toEqual([{ year: 2026, dueDate: '2026-12-31' }]);
  });

  it('an approved extension moving the end of the period adds the years it brings', () => {
    const allIn = recurring({ dueDate: '2027-12-31' }, { reported: [2026, 2027] });
    expect(currentDueDate(allIn)).toBeNull();
    expect(currentDueDate({ ...allIn, dueDate: '2028-06-30' })).toBe('2028-06-30');
  });

  it('years that fell due before the task was assigned are not owed, except the final one', () => {
    // A 2026–2028 plan imported on 01/03/2028: only 2028 is owed.
    expect(reportYears(recurring({}, { owedFrom: '2028-03-01' }))).toEqual([{ year: 2028, dueDate: '2028-12-20' }]);
    // Assigned on the report day itself: that year is owed.
    expect(reportYears(recurring({}, { owedFrom: '2026-12-20' })).map((y) => y.year)).toEqual([2026, 2027, 2028]);
    // A whole period already past when assigned: its final year is owed, and late.
    const past = recurring({ startDate: '2021-01-01', dueDate: '2025-12-31' }, { owedFrom: '2026-12-04' });
    expect(currentDueDate(past)).toBe('2025-12-20');
    expect(assignedDueDate({ kind: 'recurring', isGroup: false, startDate: '2021-01-01', dueDate: '2025-12-31' }, '12-20', '2026-12-04')).toBe('2025-12-20');
  });

  it('a group parent is not judged by year: its children report', () => {
    expect(yearlyReportsFor({ kind: 'recurring', isGroup: true }, '12-20', '2026-01-01')).toBeUndefined();
    expect(assignedDueDate({ kind: 'recurring', isGroup: true, startDate: '2026-01-01', dueDate: '2028-12-31' }, '12-20', '2026-01-01')).toBe('2028-12-31');
    expect(assignedDueDate({ kind: 'recurring', isGroup: false, startDate: '2026-01-01', dueDate: '2028-12-31' }, '12-20', '2026-01-01')).toBe('2026-12-20');
  });
});

describe('which year a progress report is the report of', () => {
  it('the year of the annual report it came with, if the task owes that year', () => {
    expect(reportYearFor(recurring(), '2027-01-15', 2026)).toBe(2026);
    expect(reportYearFor(recurring(), '2027-01-15', 2025)).toBeNull();
  });

  it('a late report makes up the earliest year missing, one year per report', () => {
    expect(reportYearFor(recurring(), '2026-12-21')).toBe(2026);
    expect(reportYearFor(recurring(), '2028-01-10')).toBe(2026);
    expect(reportYearFor(recurring({}, { reported: [2026] }), '2028-01-10')).toBe(2027);
  });

  it('otherwise the year it is recorded in, if owed; a second one that year is only progress', () => {
    expect(reportYearFor(recurring(), '2026-03-01')).toBe(2026);
    expect(reportYearFor(recurring({}, { reported: [2026] }), '2026-12-28')).toBe(2026);
    expect(reportYearFor(recurring({}, { reported: [2026, 2027, 2028] }), '2029-02-01')).toBeNull();
    expect(reportYearFor({ kind: 'new', dueDate: '2027-02-26' }, '2026-03-01')).toBeNull();
  });
});

describe('overdue and due soon', () => {
  const open = { status: 'in_progress' as const, submittedAt: null };
  it('overdue from the day after the deadline, never without one', () => {
    expect(isOverdue({ ...open, currentDueDate: '2026-12-20' }, '2026-12-20')).toBe(false);
    expect(isOverdue({ ...open, currentDueDate: '2026-12-20' }, '2026-12-21')).toBe(true);
    expect(isOverdue({ ...open, currentDueDate: null }, '2030-01-01')).toBe(false);
    expect(isOverdue({ ...open, status: 'assigned', currentDueDate: '2026-12-20' }, '2027-01-05')).toBe(true);
  });

  it('cancelled and completed tasks are never overdue; a completion submitted by the deadline waits on the coordinator', () => {
    expect(isOverdue({ ...open, status: 'cancelled', currentDueDate: '2026-12-20' }, '2027-01-05')).toBe(false);
    expect(isOverdue({ ...open, status: 'completed', currentDueDate: '2026-12-20' }, '2027-01-05')).toBe(false);
    // 23:30 on 20/12 in Vietnam is 16:30 UTC: in time; 00:30 on 21/12 is 17:30 UTC on the 20th: late.
    expect(isOverdue({ status: 'completion_submitted', currentDueDate: '2026-12-20', submittedAt: '2026-12-20T16:30:00Z' }, '2027-01-05')).toBe(false);
    expect(isOverdue({ status: 'completion_submitted', currentDueDate: '2026-12-20', submittedAt: '2026-12-20T17:30:00Z' }, '2027-01-05')).toBe(true);
  });

  it('due soon within 7 days of the deadline that applies, while the agency has to act', () => {
    expect(isDueSoon({ status: 'in_progress', currentDueDate: '2026-12-20' }, '2026-12-13')).toBe(true);
    expect(isDueSoon({ status: 'in_progress', currentDueDate: '2026-12-20' }, '2026-12-12')).toBe(false);
    expect(isDueSoon({ status: 'completion_submitted', currentDueDate: '2026-12-20' }, '2026-12-15')).toBe(false);
    expect(isDueSoon({ status: 'in_progress', currentDueDate: null }, '2026-12-15')).toBe(false);
  });
});

describe('reminders of a recurring task', () => {
  const cal = new WorkingCalendar({ amendments: [] });
  const at8 = (date: string) => `${date}T01:00:00.000Z`;
  const task = (years: Partial<YearlyReports> = {}): ReminderSubject => ({
    status: 'in_progress',
    isGroup: false,
    assignedAt: '2026-01-05T02:00:00.000Z',
    deadlineSetAt: '2026-01-05T02:00:00.000Z',
    ...recurring({}, years),
  });
  const deadlineKinds = (plan: { kind: string; at: string; dueDate: string }[]) =>
    plan.filter((r) => r.kind !== 'ack_reminder' && r.kind !== 'ack_escalation').map((r) => [r.kind, r.at, r.dueDate]);

  it('go before each year’s report day, on working days (Sunday 20/12/2026: Friday 18/12 is the day before)', () => {
    expect(deadlineKinds(reminderSchedule(task(), DEFAULT_REMINDER_POLICY, cal, Date.parse('2026-06-01T00:00:00Z'))).slice(0, 4)).toEqual([
      // 30 working days before, past Tuesday 24/11: Friday 6/11; 7 before: Thursday 10/12.
      ['due_reminder', at8('2026-11-06'), '2026-12-20'],
      ['due_reminder', at8('2026-12-10'), '2026-12-20'],
      ['due_reminder', at8('2026-12-18'), '2026-12-20'],
      // Overdue from the first working day after, Monday 21/12, only if it is still missing then.
      ['overdue_notice', at8('2026-12-21'), '2026-12-20'],
    ]);
    // 2026 reported: the next ones are 2027's (Monday 20/12/2027).
    expect(deadlineKinds(reminderSchedule(task({ reported: [2026] }), DEFAULT_REMINDER_POLICY, cal, Date.parse('2026-12-15T00:00:00Z'))).slice(0, 3)).toEqual([
      ['due_reminder', at8('2027-11-05'), '2027-12-20'],
      ['due_reminder', at8('2027-12-09'), '2027-12-20'],
      ['due_reminder', at8('2027-12-17'), '2027-12-20'],
    ]);
  });

  it('a year whose report is missing gets weekly notices and, after 30 days, the escalation; a year reported, none', () => {
    const now = Date.parse('2027-01-20T05:00:00Z');
    const plan = reminderSchedule(task(), DEFAULT_REMINDER_POLICY, cal, now);
    expect(plan.filter((r) => r.kind === 'overdue_notice').map((r) => r.at)).toEqual(
      ['2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25'].map(at8),
    );
    // 30 days after 20/12/2026: Tuesday 19/01/2027.
    expect(plan.find((r) => r.kind === 'overdue_escalation')!.at).toBe(at8('2027-01-19'));
    // Reported: whatever is planned is about 2027's report, and none of it is due.
    const reported = reminderSchedule(task({ reported: [2026] }), DEFAULT_REMINDER_POLICY, cal, now);
    expect(new Set(reported.map((r) => r.dueDate))).toEqual(new Set(['2027-12-20']));
    expect(reported.every((r) => Date.parse(r.at) > now)).toBe(true);
    expect(decideReminders(task({ reported: [2026] }), DEFAULT_REMINDER_POLICY, cal, now, new Set()).send).toEqual([]);
  });

  it('a one-year row reported in its year owes nothing: no notice the next year because 31/12 passed', () => {
    const oneYear: ReminderSubject = { ...task({ reported: [2026] }), dueDate: '2026-12-31' };
    const d = decideReminders(oneYear, DEFAULT_REMINDER_POLICY, cal, Date.parse('2027-02-15T05:00:00Z'), new Set());
    expect(d.send).toEqual([]);
    expect(d.upcoming).toEqual([]);
    // The same row judged by its due date, as before this rule: overdue notices.
    const byDueDate = decideReminders({ ...oneYear, yearly: undefined }, DEFAULT_REMINDER_POLICY, cal, Date.parse('2027-02-15T05:00:00Z'), new Set());
    expect(byDueDate.send.map((r) => r.kind)).toContain('overdue_notice');
  });

  it('the plan’s report day reaches the workflow with its reminder policy', () => {
    expect(reminderPolicyOf({ report: { dueOn: '06-30' } }).reportDueOn).toBe('06-30');
    expect(reminderPolicyOf(undefined).reportDueOn).toBe('12-20');
  });
});

describe('the state machine records the year a report is for', () => {
  const clerk: Actor = { userId: null, name: 'Văn thư Sở TTTT', role: 'agency', agencyCode: 'STTTT' };
  const state: TaskState = {
    ...initialTaskState({
      taskId: 't1',
      planId: 'p1',
      parentId: null,
      childIds: [],
      title: 'Duy trì Cổng thông tin điện tử',
      leadAgencyCode: 'STTTT',
      coordinatingAgencyCodes: [],
      kind: 'recurring',
      startDate: '2026-01-01',
      dueDate: '2028-12-31',
      assignedAt: '2026-01-05T02:00:00.000Z',
    }),
    seq: 1,
    yearly: yearly({ owedFrom: '2026-01-05' }),
  };

  it('an in-year report, then an annual report of a named year, each counted once', () => {
    const first = applyCommand(state, { type: 'report_progress', actor: clerk, percent: 30 }, '2026-11-02T03:00:00.000Z');
    expect(first.event.data).toMatchObject({ percent: 30, reportYear: 2026 });
    expect(first.state.yearly!.reported).toEqual([2026]);
    expect(currentDueDate(first.state)).toBe('2027-12-20');
    const again = applyCommand(first.state, { type: 'report_progress', actor: { ...clerk, via: 'report' }, percent: 35, year: 2026 }, '2026-12-15T03:00:00.000Z');
    expect(again.state.yearly!.reported).toEqual([2026]);
    expect(again.event.data.reportYear).toBe(2026);
  });

  it('a late report makes up the missing year; a task of another kind records no year', () => {
    const late = applyCommand(state, { type: 'report_progress', actor: clerk, percent: 40 }, '2027-01-10T03:00:00.000Z');
    expect(late.event.data.reportYear).toBe(2026);
    expect(currentDueDate(late.state)).toBe('2027-12-20');
    const other = applyCommand({ ...state, kind: 'new', yearly: undefined }, { type: 'report_progress', actor: clerk, percent: 40 }, '2027-01-10T03:00:00.000Z');
    expect(other.event.data).not.toHaveProperty('reportYear');
    expect(other.state.yearly).toBeUndefined();
  });

  it('a year that is not a year is refused, naming the field', () => {
    expect(() => checkCommand(state, { type: 'report_progress', actor: clerk, percent: 40, year: 20.5 })).toThrow(expect.objectContaining({ type: 'InvalidInput', details: [{ field: 'year', message: expect.any(String) }] }));
  });
});
