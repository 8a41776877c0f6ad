/**
 * The compiled annual province report (DESIGN.md §8): from the plan's tasks and the agencies' yearly
 * reports, the figures the coordinating department sends to UBND tỉnh — per task, per lead agency,
 * per funding source and per section of the plan. Pure and deterministic (same input, same JSON):
 * no clock, every list sorted. A late report simply compiles again with a higher version.
 */
import {
  addToTally,
  classifyTask,
  countOf,
  emptyTally,
  finishTally,
  localDateOf,
  TASK_CLASSES,
  type ClassTally,
} from './classify';
import { compileFunding } from './funding-rows';
import { byPlanOrder, byText, planOrderKeys } from './plan-order';
import type { AnnualReport, ReportAgencyRow, ReportHeadline, ReportInput, ReportSectionRow, ReportSubmissionInput, ReportTaskRow } from './types';

const clampPercent = (n: number): number => Math.min(100, Math.max(0, Math.round(n)));
const nonEmpty = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

/** The lead agency's latest report is the one that counts; a resubmission supersedes. */
function latestSubmissions(submissions: ReportSubmissionInput[]): Map<string, ReportSubmissionInput> {
  const latest = new Map<string, ReportSubmissionInput>();
  for (const s of submissions) {
    const prev = latest.get(s.agencyCode);
    if (!prev || Date.parse(s.submittedAt) >= Date.parse(prev.submittedAt)) latest.set(s.agencyCode, s);
  }
  return latest;
}

type ReportItem = ReportSubmissionInput['items'][number];

/** Each agency's report items by task; an item repeated for a task counts once, the first time. */
function itemsByAgency(latest: Map<string, ReportSubmissionInput>): Map<string, Map<string, ReportItem>> {
  const byAgency = new Map<string, Map<string, ReportItem>>();
  for (const [code, submission] of latest) {
    const byTask = new Map<string, ReportItem>();
    for (const item of submission.items) if (!byTask.has(item.taskId)) byTask.set(item.taskId, item);
    byAgency.set(code, byTask);
  }
  return byAgency;
}


export function compileAnnualReport(input: ReportInput): AnnualReport {
  const yearEnd = `${input.year}-12-31`;
  const agencyByCode = new Map(input.agencies.map((a) => [a.code, a]));
  const nameOf = (code: string) => agencyByCode.get(code)?.name ?? code;

  const latest = latestSubmissions(input.submissions);
  const reportItems = itemsByAgency(latest);

  // In scope for year Y: started by 31/12/Y. Group parents are headings; their children are the tasks.
  const inScope = input.tasks.filter((t) => t.startDate <= yearEnd);
  const keyed = planOrderKeys(inScope, nameOf);
  const counted = keyed.filter(({ task: t }) => !t.isGroup && t.status !== 'cancelled').sort(byPlanOrder);
  const cancelled = keyed.filter(({ task: t }) => !t.isGroup && t.status === 'cancelled').sort(byPlanOrder);

  const rows: ReportTaskRow[] = counted.map(({ task: t }) => {
    const cls = classifyTask(t, input.asOf)!;
    const item = reportItems.get(t.leadAgencyCode)?.get(t.id);
    const reportNote = nonEmpty(item?.note);
    const taskNote = nonEmpty(t.note);
    // An accepted completion is 100 % whatever an earlier figure said.
    const progress = t.status === 'completed' ? 100 : item ? clampPercent(item.percent) : clampPercent(t.progress);
    const due = t.currentDueDate ?? t.dueDate;
    return {
      id: t.id,
      parentId: t.parentId,
      number: t.number,
      sectionCode: t.sectionCode,
      section: t.section,
      title: t.title,
      leadAgencyCode: t.leadAgencyCode,
      leadAgencyName: nameOf(t.leadAgencyCode),
      kind: t.kind,
      status: t.status,
      class: cls,
      progress,
      progressSource: item && t.status !== 'completed' ? 'report' : 'task',
      startDate: t.startDate,
      dueDate: due,
      originalDueDate: t.originalDueDate,
      dueDateMoved: t.dueDate !== t.originalDueDate,
      completedOn: t.status === 'completed' && t.completedAt ? localDateOf(t.completedAt) : null,
      note: reportNote ?? taskNote,
      noteSource: reportNote ? 'report' : taskNote ? 'task' : null,
      funding: t.funding,
    };
  });

  const headlineTally = emptyTally();
  const byAgency = new Map<string, ClassTally>();
  const bySection = new Map<number, { code: string | null; title: string | null; tally: ClassTally }>();
  rows.forEach((r, i) => {
    addToTally(headlineTally, r.class);
    if (!byAgency.has(r.leadAgencyCode)) byAgency.set(r.leadAgencyCode, emptyTally());
    addToTally(byAgency.get(r.leadAgencyCode)!, r.class);
    const rank = counted[i]!.section.rank;
    if (!bySection.has(rank)) bySection.set(rank, { code: r.sectionCode, title: r.section, tally: emptyTally() });
    addToTally(bySection.get(rank)!.tally, r.class);
  });
  finishTally(headlineTally);

  const requested = new Set(input.requestedAgencyCodes);
  const agencyCodes = new Set([...byAgency.keys(), ...requested, ...latest.keys()]);
  const agencies: ReportAgencyRow[] = [...agencyCodes]
    .map((code) => {
      const submission = latest.get(code);
      return {
        agencyCode: code,
        agencyName: nameOf(code),
        shortName: agencyByCode.get(code)?.shortName ?? code,
        ...finishTally(byAgency.get(code) ?? emptyTally()),
        requested: requested.has(code),
        reportSubmitted: !!submission,
        reportOnTime: submission ? submission.onTime : null,
        submittedAt: submission?.submittedAt ?? null,
        summary: nonEmpty(submission?.summary),
      };
    })
    .sort((a, b) => byText(a.agencyName, b.agencyName) || byText(a.agencyCode, b.agencyCode));

  const sections: ReportSectionRow[] = [...bySection.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, s]) => ({ code: s.code, title: s.title, ...finishTally(s.tally) }));

  const funding = compileFunding(inScope, counted.map(({ task }) => task));

  const missing = agencies.filter((a) => a.requested && !a.reportSubmitted);
  const headline: ReportHeadline = {
    ...headlineTally,
    cancelled: cancelled.length,
    agenciesRequested: requested.size,
    agenciesReported: agencies.filter((a) => a.reportSubmitted).length,
    agenciesReportedOnTime: agencies.filter((a) => a.reportOnTime === true).length,
    agenciesMissing: missing.length,
    missingAgencyCodes: missing.map((a) => a.agencyCode),
  };

  return {
    schemaVersion: 1,
    plan: { ...input.plan },
    year: input.year,
    asOf: input.asOf,
    dueDate: input.dueDate,
    compiledAt: input.compiledAt,
    version: input.version,
    coordinator: { ...input.coordinator },
    headline,
    classes: TASK_CLASSES.map((cls) => ({ class: cls, count: countOf(headlineTally, cls) })),
    sections,
    tasks: rows,
    cancelled: cancelled.map(({ task: t }) => ({
      id: t.id,
      number: t.number,
      sectionCode: t.sectionCode,
      section: t.section,
      title: t.title,
      leadAgencyCode: t.leadAgencyCode,
      leadAgencyName: nameOf(t.leadAgencyCode),
      dueDate: t.dueDate,
      note: nonEmpty(t.note),
    })),
    agencies,
    funding,
  };
}
