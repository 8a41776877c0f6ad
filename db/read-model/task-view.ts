/**
 * The read model's task as every reader shows it: the API's answers and lists, and the projection
 * activity, which returns the row it wrote for a command's Update to answer with.
 */
import { getTableColumns } from 'drizzle-orm';
import { z } from 'zod';
import { owedReportYear } from '../../domain/deadline';
import { TASK_STATUSES } from '../../domain/task-status';
import type { TaskView } from '../../domain/task-view';
import type { Actor, ExtensionRequest } from '../../domain/task-machine';
import { FUNDING_SOURCES, ROLES, TASK_KINDS, type Funding } from '../../domain/vocabulary';
import { agencies, tasks } from '../schema';
import { rowIsDueSoon, rowIsOverdue } from './deadline';

export type { TaskView };

/**
 * A task's columns as the API shows them: every one but the workflow's bookkeeping, which no view
 * carries: the reminder plan (a few hundred bytes a row, served by `/reminders`), the search key and the
 * projection's sequence number. A page of 50 or an export of 20,000 rows leaves them in Postgres.
 */
const { reminderPlan: _plan, titleSearch: _search, lastSeq: _seq, ...shownColumns } = getTableColumns(tasks);
export { shownColumns };

export type TaskRow = Omit<typeof tasks.$inferSelect, 'reminderPlan' | 'titleSearch' | 'lastSeq'>;

/** Columns for selecting a task with its lead's name. */
export const taskWithLeadName = { task: shownColumns, leadAgencyName: agencies.name };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function taskView(row: TaskRow, leadAgencyName?: string | null): TaskView {
  return {
    id: row.id,
    planId: row.planId,
    parentId: row.parentId,
    isGroup: row.isGroup,
    number: row.number,
    sectionCode: row.sectionCode,
    section: row.section,
    title: row.title,
    description: row.description,
    leadAgency: row.leadAgencyCode,
    leadAgencyName: leadAgencyName ?? null,
    leadAgencyText: row.leadAgencyText,
    coordinatingAgencies: row.coordinatingAgencyCodes,
    kind: row.kind,
    startDate: row.startDate,
    dueDate: row.dueDate,
    originalDueDate: row.originalDueDate,
    currentDueDate: row.currentDueDate,
    reportYear: owedReportYear(row),
    timeframeText: row.timeframeText,
    funding: row.funding,
    note: row.note,
    status: row.status,
    overdue: rowIsOverdue(row),
    dueSoon: rowIsDueSoon(row),
    progress: row.progress,
    extensionRequests: row.extensionRequests,
    acknowledgedAt: iso(row.acknowledgedAt),
    submittedAt: iso(row.submittedAt),
    completedAt: iso(row.completedAt),
    cancelledAt: iso(row.cancelledAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A task's funding as stored and shown (the API's input schema adds limits and defaults). */
export const fundingSchema: z.ZodType<Funding> = z.object({
  text: z.string().optional(),
  sources: z.array(z.enum(FUNDING_SOURCES)),
  amounts: z.object({ recurrent: z.number().optional(), investment: z.number().optional(), total: z.number().optional() }).optional(),
});

/** Who did something, as the timeline and extension requests show them. */
const actorSchema: z.ZodType<Actor> = z.object({
  userId: z.string().nullable(),
  name: z.string(),
  role: z.enum([...ROLES, 'system']),
  agencyCode: z.string().nullable(),
  via: z.enum(['api', 'link', 'report', 'import', 'system']).optional(),
});

const extensionRequestSchema: z.ZodType<ExtensionRequest> = z.object({
  id: z.string(),
  newDueDate: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  requestedBy: actorSchema,
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  decidedAt: z.string().optional(),
  decidedBy: actorSchema.optional(),
  note: z.string().optional(),
});

/** `TaskView` as the OpenAPI document and the response validation give it. */
export const taskViewSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  parentId: z.uuid().nullable(),
  isGroup: z.boolean(),
  number: z.string().nullable(),
  sectionCode: z.string().nullable(),
  section: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  leadAgency: z.string(),
  leadAgencyName: z.string().nullable(),
  leadAgencyText: z.string().nullable(),
  coordinatingAgencies: z.array(z.string()),
  kind: z.enum(TASK_KINDS),
  startDate: z.string(),
  dueDate: z.string(),
  originalDueDate: z.string(),
  currentDueDate: z.string().nullable().describe('The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported)'),
  reportYear: z.number().int().nullable().describe('Recurring tasks: the year whose report is owed by currentDueDate'),
  timeframeText: z.string().nullable(),
  funding: fundingSchema.nullable(),
  note: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  progress: z.number().int(),
  extensionRequests: z.array(extensionRequestSchema),
  acknowledgedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
