/**
 * The yearly reporting cycle of a plan (DESIGN.md §8), one workflow per plan and year
 * (`annual-report-<planId>-<year>`): ask every agency leading an open or recently completed task for
 * its report, remind those that have not sent it, compile the province report when all are in or the
 * due date passes, escalate the missing ones, and recompile when a late report arrives.
 *
 * A Temporal Schedule per plan starts `annualReportScheduled` each year; a coordinator can also start
 * the cycle of a year by hand. Both end up in the one workflow of that plan and year.
 */
import * as wf from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError, defineSearchAttributeKey } from '@temporalio/common';
import type { Activities } from '../activities';
import { cycleTimeline, type CycleTimeline } from '../domain/annual-cycle';
import { localDate, WorkingCalendar } from '../domain/calendar';
import { TASK_QUEUE, annualCycleWorkflowId } from './constants';
import { agencyReportedSignal, getCycleQuery } from './messages';
import type { AnnualCycleInput, CycleStatus } from './types';

const { openCycle, compileCycle, loadCalendar, recordNotification } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function annualReportCycle(input: AnnualCycleInput): Promise<CycleStatus> {
  const { planId, year } = input;
  const submitted = new Set<string>();
  let requested: string[] = [];
  let timeline: CycleTimeline | null = null;
  let compiledVersion = 0;
  let phase: CycleStatus['phase'] = 'waiting';
  let lateReport = false;

  const status = (): CycleStatus => ({ planId, year, timeline, requested, submitted: [...submitted], compiledVersion, phase });
  wf.setHandler(getCycleQuery, status);
  wf.setHandler(agencyReportedSignal, ({ agencyCode }) => {
    submitted.add(agencyCode);
    if (compiledVersion > 0) lateReport = true;
  });

  const opened = await openCycle({ planId, year });
  const calendar = new WorkingCalendar(await loadCalendar({ fromYear: year, toYear: year + 1 }));
  timeline = cycleTimeline(year, opened.report, calendar, opened.sendHour);
  requested = opened.agencyCodes;
  // A cycle run again (a late report after it closed) continues the version numbering.
  compiledVersion = opened.version;
  for (const code of opened.submittedAgencyCodes) submitted.add(code);
  const missing = () => requested.filter((code) => !submitted.has(code));
  const until = (iso: string, done: () => boolean = () => false) => {
    const ms = Date.parse(iso) - Date.now();
    return ms > 0 ? wf.condition(done, ms) : Promise.resolve(done());
  };
  const key = (kind: string, at: string) => `${annualCycleWorkflowId(planId, year)}:${kind}:${at}`;
  /** Ask agencies by code (those that have not reported), or tell the coordinator and the province's leaders. */
  const notify = (kind: 'report_request' | 'report_reminder' | 'report_escalation' | 'report_compiled', at: string, extra: { agencyCodes?: string[]; data?: Record<string, unknown>; keySuffix?: string }) =>
    recordNotification({
      key: key(kind + (extra.keySuffix ?? ''), at),
      kind,
      planId,
      cycleYear: year,
      scheduledFor: at,
      to: extra.agencyCodes ? [] : ['coordinator', 'leadership'],
      cc: [],
      agencyCodes: extra.agencyCodes,
      data: { year, dueDate: timeline!.dueDate, ...extra.data },
    });

  await until(timeline.requestAt);
  phase = 'requested';
  if (missing().length) {
    await notify('report_request', timeline.requestAt, { agencyCodes: missing() });
  }
  // A cycle started after its due date (by hand, or a backfill) asks, then compiles: no reminders, no escalation.
  const late = Date.now() >= Date.parse(timeline.dueEndsAt);
  for (const at of late ? [] : timeline.reminderAts) {
    if (await until(at, () => missing().length === 0)) break;
    if (missing().length) await notify('report_reminder', at, { agencyCodes: missing() });
  }
  await until(timeline.dueEndsAt, () => missing().length === 0);

  const compile = async () => {
    lateReport = false;
    const { version } = await compileCycle({ planId, year, version: compiledVersion + 1 });
    compiledVersion = version;
    phase = 'compiled';
    await notify('report_compiled', new Date(Date.now()).toISOString(), { keySuffix: `:v${version}`, data: { version, missing: missing() } });
  };
  await compile();

  if (!late && missing().length && !(await until(timeline.escalateAt, () => missing().length === 0))) {
    await notify('report_escalation', timeline.escalateAt, { data: { missing: missing() } });
  }

  // Late reports: each recompiles the report, until the cycle closes.
  for (;;) {
    if (lateReport) await compile();
    const closed = !(await until(timeline.closeAt, () => lateReport));
    if (closed && !lateReport) break;
  }
  phase = 'closed';
  await wf.condition(wf.allHandlersFinished);
  return status();
}

/** Set by the server on workflows a Schedule starts: the time the run was due (a backfill's, too). */
const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', 'DATETIME');

/**
 * Started by the plan's Schedule each year: works out the year from the scheduled time (so a backfill
 * starts the cycles of past years correctly) and starts that year's cycle, unless it already runs.
 */
export async function annualReportScheduled(input: { planId: string }): Promise<number> {
  const scheduled = wf.workflowInfo().typedSearchAttributes.get(SCHEDULED_START_TIME);
  const year = Number(localDate((scheduled ?? new Date(Date.now())).getTime()).slice(0, 4));
  try {
    await wf.startChild(annualReportCycle, {
      args: [{ planId: input.planId, year }],
      workflowId: annualCycleWorkflowId(input.planId, year),
      taskQueue: TASK_QUEUE,
      parentClosePolicy: 'ABANDON',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return year;
}
