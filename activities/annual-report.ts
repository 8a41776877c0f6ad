import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { agencies, agencyReports, annualCycles, plans, tasks } from '../db/schema';
import type { Db } from '../db/client';
import { localDate } from '../domain/calendar';
import { reminderPolicyOf, reportSettingsOf, type ReportSettings } from '../domain/plan-settings';
import { compileAnnualReport, type AnnualReport } from '../domain/report';
import { OPEN_STATUSES } from '../domain/task-status';
import type { ActivityDeps } from './index';

export interface OpenedCycle {
  report: ReportSettings;
  sendHour: number;
  agencyCodes: string[];
  submittedAgencyCodes: string[];
  /** The report version already compiled (0: none yet). */
  version: number;
}

async function planOf(db: Db, planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new Error(`Plan ${planId} not found`);
  return plan;
}

/** The agencies asked to report for `year`: leads of tasks started by then that are open or were completed that year. */
export async function agenciesToReport(db: Db, planId: string, year: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: tasks.leadAgencyCode })
    .from(tasks)
    .where(
      and(
        eq(tasks.planId, planId),
        eq(tasks.isGroup, false),
        lte(tasks.startDate, `${year}-12-31`),
        or(
          inArray(tasks.status, [...OPEN_STATUSES]),
          and(eq(tasks.status, 'completed'), gte(sql`(${tasks.completedAt} at time zone 'Asia/Ho_Chi_Minh')::date`, `${year}-01-01`)),
        ),
      ),
    )
    .orderBy(asc(tasks.leadAgencyCode));
  return rows.map((r) => r.code);
}

/** The latest report of each agency for a plan and year (earlier ones are kept as history). */
export function currentReports(db: Db, planId: string, year: number) {
  return db
    .select()
    .from(agencyReports)
    .where(and(eq(agencyReports.planId, planId), eq(agencyReports.year, year), isNull(agencyReports.supersededAt)))
    .orderBy(desc(agencyReports.submittedAt));
}

/** Everything the compiled report is made of, read from the read model. */
export async function reportInput(db: Db, planId: string, year: number, version: number, compiledAt: Date): Promise<Parameters<typeof compileAnnualReport>[0]> {
  const plan = await planOf(db, planId);
  const settings = reportSettingsOf(plan.settings);
  const [taskRows, agencyRows, reports, [cycle]] = await Promise.all([
    db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.position)),
    db.select({ code: agencies.code, name: agencies.name, shortName: agencies.shortName }).from(agencies),
    currentReports(db, planId, year),
    db.select().from(annualCycles).where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, year))),
  ]);
  const coordinator = agencyRows.find((a) => a.code === plan.coordinatorAgencyCode);
  const today = localDate(compiledAt.getTime());
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    plan: { ...plan, createdAt: undefined, updatedAt: undefined } as never,
    year,
    // The year's figures as they stood at its end, or today while the year is still running.
    asOf: today < `${year}-12-31` ? today : `${year}-12-31`,
    dueDate: cycle?.dueDate ?? `${year}-${settings.dueOn}`,
    compiledAt: compiledAt.toISOString(),
    version,
    coordinator: { code: plan.coordinatorAgencyCode, name: coordinator?.name ?? plan.coordinatorAgencyCode },
    agencies: agencyRows,
    tasks: taskRows.map((t) => ({
      id: t.id,
      parentId: t.parentId,
      isGroup: t.isGroup,
      number: t.number,
      sectionCode: t.sectionCode,
      section: t.section,
      position: t.position,
      title: t.title,
      leadAgencyCode: t.leadAgencyCode,
      kind: t.kind,
      status: t.status,
      progress: t.progress,
      startDate: t.startDate,
      dueDate: t.dueDate,
      originalDueDate: t.originalDueDate,
      acknowledgedAt: iso(t.acknowledgedAt),
      // A completion is on time when the agency submitted it in time, however long the acceptance took.
      completedAt: t.status === 'completed' ? iso(t.submittedAt ?? t.completedAt) : null,
      submittedAt: iso(t.submittedAt),
      funding: t.funding,
      note: t.note,
    })),
    requestedAgencyCodes: cycle?.agencyCodes ?? [],
    submissions: reports.map((r) => ({ agencyCode: r.agencyCode, submittedAt: r.submittedAt.toISOString(), onTime: r.onTime, summary: r.summary, items: r.items })),
  };
}

export function createAnnualReportActivities({ db }: Pick<ActivityDeps, 'db'>) {
  return {
    /** Record the cycle (idempotently) and say whom to ask and when. */
    async openCycle({ planId, year }: { planId: string; year: number }): Promise<OpenedCycle> {
      const plan = await planOf(db, planId);
      const report = reportSettingsOf(plan.settings);
      const agencyCodes = await agenciesToReport(db, planId, year);
      const [cycle] = await db
        .insert(annualCycles)
        .values({ planId, year, requestedOn: `${year}-${report.requestOn}`, dueDate: `${year}-${report.dueOn}`, agencyCodes })
        .onConflictDoUpdate({ target: [annualCycles.planId, annualCycles.year], set: { agencyCodes, requestedOn: `${year}-${report.requestOn}`, dueDate: `${year}-${report.dueOn}` } })
        .returning({ version: annualCycles.version });
      const submitted = await currentReports(db, planId, year);
      return {
        report,
        sendHour: reminderPolicyOf(plan.settings).sendHour,
        agencyCodes,
        submittedAgencyCodes: [...new Set(submitted.map((r) => r.agencyCode))],
        version: cycle!.version,
      };
    },

    /**
     * Compile the report from the read model and store it as `version`. Idempotent: a retried attempt
     * finds that version stored and does nothing.
     */
    async compileCycle({ planId, year, version }: { planId: string; year: number; version: number }): Promise<{ version: number }> {
      return db.transaction(async (tx) => {
        const [cycle] = await tx
          .select({ version: annualCycles.version })
          .from(annualCycles)
          .where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, year)))
          .for('update');
        if ((cycle?.version ?? 0) >= version) return { version: cycle!.version };
        const compiledAt = new Date();
        const report: AnnualReport = compileAnnualReport(await reportInput(tx as unknown as Db, planId, year, version, compiledAt));
        await tx
          .update(annualCycles)
          .set({ status: 'compiled', version, compiledAt, report: report as unknown as Record<string, unknown> })
          .where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, year)));
        return { version };
      });
    },
  };
}
