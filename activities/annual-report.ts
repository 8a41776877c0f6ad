import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQLWrapper } from 'drizzle-orm';
import { agencies, agencyReports, annualCycles, plans, tasks } from '../db/schema';
import { independently, rowsOf, type Db, type Tx } from '../db/client';
import { localDate } from '../domain/calendar';
import { reminderPolicyOf, reportSettingsOf, type ReportSettings } from '../domain/plan-settings';
import { compileAnnualReport, type AnnualReport, type ReportInput, type ReportTaskInput } from '../domain/report';
import { OPEN_STATUSES } from '../domain/task-status';
import type { ActivityDeps } from './deps';

export interface OpenedCycle {
  report: ReportSettings;
  sendHour: number;
  agencyCodes: string[];
  submittedAgencyCodes: string[];
  /** The report version already compiled (0: none yet). */
  version: number;
}

async function planOf(db: Db | Tx, planId: string) {
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
export function currentReports(db: Db | Tx, planId: string, year: number) {
  return db
    .select()
    .from(agencyReports)
    .where(and(eq(agencyReports.planId, planId), eq(agencyReports.year, year), isNull(agencyReports.supersededAt)))
    .orderBy(desc(agencyReports.submittedAt));
}

/** An instant as ISO 8601 UTC text, the way Date.toISOString() writes it (milliseconds, truncated). */
const isoInstant = (instant: SQLWrapper) => sql`to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoDate = (date: SQLWrapper) => sql`to_char(${date}, 'YYYY-MM-DD')`;

/**
 * A plan's tasks as the report takes them. The query does the shaping — only the columns the report
 * reads, named as ReportTaskInput names them, instants already ISO text — so the driver's rows are the
 * report's input, with no per-row mapping in JavaScript. Unordered: the report sorts them into plan
 * order itself, and unsorted rows stream from the server as it reads them.
 */
function reportTasks(db: Db | Tx, planId: string): Promise<ReportTaskInput[]> {
  // A completion is on time when the agency submitted it in time, however long the acceptance took.
  const completedAt = sql`case when ${tasks.status} = 'completed' then ${isoInstant(sql`coalesce(${tasks.submittedAt}, ${tasks.completedAt})`)} end`;
  return rowsOf<ReportTaskInput>(
    db,
    sql`select ${tasks.id} as "id", ${tasks.parentId} as "parentId", ${tasks.isGroup} as "isGroup", ${tasks.number} as "number",
      ${tasks.sectionCode} as "sectionCode", ${tasks.section} as "section", ${tasks.position} as "position", ${tasks.title} as "title",
      ${tasks.leadAgencyCode} as "leadAgencyCode", ${tasks.kind} as "kind", ${tasks.status} as "status", ${tasks.progress} as "progress",
      ${isoDate(tasks.startDate)} as "startDate", ${isoDate(tasks.dueDate)} as "dueDate", ${isoDate(tasks.originalDueDate)} as "originalDueDate", ${isoDate(tasks.currentDueDate)} as "currentDueDate",
      ${isoInstant(tasks.acknowledgedAt)} as "acknowledgedAt", ${completedAt} as "completedAt", ${isoInstant(tasks.submittedAt)} as "submittedAt",
      ${tasks.funding} as "funding", ${tasks.note} as "note"
    from ${tasks} where ${tasks.planId} = ${planId}`,
  );
}

/** Everything the compiled report is made of, read from the read model. */
export async function reportInput(db: Db | Tx, planId: string, year: number, version: number, compiledAt: Date): Promise<ReportInput> {
  const [plan, taskRows, agencyRows, reports, [cycle]] = await independently(db, [
    () => planOf(db, planId),
    () => reportTasks(db, planId),
    () => db.select({ code: agencies.code, name: agencies.name, shortName: agencies.shortName }).from(agencies),
    () => currentReports(db, planId, year),
    () => db.select().from(annualCycles).where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, year))),
  ]);
  const settings = reportSettingsOf(plan.settings);
  const coordinator = agencyRows.find((a) => a.code === plan.coordinatorAgencyCode);
  const today = localDate(compiledAt.getTime());
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
    tasks: taskRows,
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
        const report: AnnualReport = compileAnnualReport(await reportInput(tx, planId, year, version, compiledAt));
        await tx
          .update(annualCycles)
          .set({ status: 'compiled', version, compiledAt, report: report as unknown as Record<string, unknown> })
          .where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, year)));
        return { version };
      });
    },
  };
}
