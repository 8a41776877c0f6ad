import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { agencies, plans, tasks } from '../../db/schema';
import { addToTally, classifyTask, emptyTally, finishTally, type ClassTally } from '../../domain/report/classify';
import { localDate } from '../../domain/calendar';
import type { Db } from '../../db/client';
import { notFound } from '../errors';
import { classTallyShape } from './annual-report-schema';

/**
 * Live statistics of a plan: per lead agency and for the whole plan, counted with the same
 * classification as the annual report (domain/report/classify), so the dashboard and the compiled
 * report never disagree. Group parents are not counted (their children are); cancelled tasks are
 * counted apart and nowhere else.
 */

export const agencyStatsSchema = z.object({ agencyCode: z.string(), agencyName: z.string(), ...classTallyShape });

export const planStatsSchema = z.object({
  planId: z.uuid(),
  asOf: z.string(),
  totals: z.object({ ...classTallyShape, cancelled: z.number().int() }),
  agencies: z.array(agencyStatsSchema),
});

export type AgencyStats = z.infer<typeof agencyStatsSchema>;
export type PlanStats = z.infer<typeof planStatsSchema>;

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** The plan's statistics as of `asOf` (default: today in Asia/Ho_Chi_Minh); 404 for an unknown plan. */
export async function planStats(db: Db, planId: string, asOf: string = localDate(Date.now())): Promise<PlanStats> {
  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');

  // Only the columns the classification reads: a plan has thousands of tasks at most.
  const rows = await db
    .select({
      leadAgencyCode: tasks.leadAgencyCode,
      status: tasks.status,
      progress: tasks.progress,
      dueDate: tasks.dueDate,
      currentDueDate: tasks.currentDueDate,
      acknowledgedAt: tasks.acknowledgedAt,
      submittedAt: tasks.submittedAt,
      completedAt: tasks.completedAt,
    })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), eq(tasks.isGroup, false)));

  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const totals = emptyTally();
  const byAgency = new Map<string, ClassTally>();
  let cancelled = 0;
  for (const row of rows) {
    const cls = classifyTask({ ...row, acknowledgedAt: iso(row.acknowledgedAt), submittedAt: iso(row.submittedAt), completedAt: iso(row.completedAt) }, asOf);
    if (!cls) {
      cancelled++;
      continue;
    }
    addToTally(totals, cls);
    if (!byAgency.has(row.leadAgencyCode)) byAgency.set(row.leadAgencyCode, emptyTally());
    addToTally(byAgency.get(row.leadAgencyCode)!, cls);
  }

  const codes = [...byAgency.keys()];
  const names = codes.length ? await db.select({ code: agencies.code, name: agencies.name }).from(agencies).where(inArray(agencies.code, codes)) : [];
  const nameOf = new Map(names.map((a) => [a.code, a.name]));
  const agencyRows = codes
    .map((code) => ({ agencyCode: code, agencyName: nameOf.get(code) ?? code, ...finishTally(byAgency.get(code)!) }))
    .sort((a, b) => collator.compare(a.agencyName, b.agencyName) || (a.agencyCode < b.agencyCode ? -1 : a.agencyCode > b.agencyCode ? 1 : 0));

  return { planId, asOf, totals: { ...finishTally(totals), cancelled }, agencies: agencyRows };
}
