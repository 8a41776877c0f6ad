/**
 * The compiled annual report as the API sends it (`?format=json`): domain/report's AnnualReport written
 * as a zod schema, so the OpenAPI document and the web client's generated types describe it, and test
 * stacks check every reply against it. `SameShape` ties the two: a field added on either side only
 * stops compiling.
 */
import { z } from 'zod';
import { fundingSchema } from '../../db/read-model/task-view';
import { TASK_CLASSES } from '../../domain/report/classify';
import type { AnnualReport } from '../../domain/report/types';
import type { SameShape } from '../../domain/same-shape';
import { TASK_STATUSES } from '../../domain/task-status';
import { FUNDING_SOURCES, TASK_KINDS } from '../../domain/vocabulary';

/** Counts of one set of tasks, classed as domain/report/classify classes them (the plan statistics use them too). */
export const classTallyShape = {
  total: z.number().int(),
  open: z.number().int(),
  completed: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  inProgressOnTime: z.number().int(),
  overdue: z.number().int(),
  notStarted: z.number().int(),
  onTimeRate: z.number().nullable().describe('completedOnTime / (completed + overdue); null when that is 0'),
};

const date = z.string().describe('YYYY-MM-DD');
const taskClass = z.enum(TASK_CLASSES);

/** How a task appears on any list of the report: its place in the plan, its title, its lead. */
const taskLine = {
  id: z.string(),
  number: z.string().nullable(),
  sectionCode: z.string().nullable(),
  section: z.string().nullable(),
  title: z.string(),
  leadAgencyCode: z.string(),
  leadAgencyName: z.string(),
};

const fundingRowSchema = z.object({
  sources: z.array(z.enum(FUNDING_SOURCES)).describe('In vocabulary order; empty for "not specified"'),
  taskCount: z.number().int(),
  itemsWithAmounts: z.number().int(),
  recurrent: z.number().nullable().describe('triệu đồng; null when no task of the row states it'),
  investment: z.number().nullable(),
  total: z.number().nullable(),
});

export const annualReportSchema = z.object({
  schemaVersion: z.literal(1),
  plan: z.object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    documentNumber: z.string(),
    issuer: z.string(),
    issuedOn: date,
    periodStart: date,
    periodEnd: date,
  }),
  year: z.number().int(),
  asOf: date,
  dueDate: date,
  compiledAt: z.string(),
  version: z.number().int(),
  coordinator: z.object({ code: z.string(), name: z.string() }),
  headline: z.object({
    ...classTallyShape,
    cancelled: z.number().int(),
    agenciesRequested: z.number().int(),
    agenciesReported: z.number().int(),
    agenciesReportedOnTime: z.number().int(),
    agenciesMissing: z.number().int(),
    missingAgencyCodes: z.array(z.string()),
  }),
  classes: z.array(z.object({ class: taskClass, count: z.number().int() })),
  sections: z.array(z.object({ code: z.string().nullable(), title: z.string().nullable(), ...classTallyShape })),
  tasks: z.array(
    z.object({
      ...taskLine,
      parentId: z.string().nullable(),
      kind: z.enum(TASK_KINDS),
      status: z.enum(TASK_STATUSES),
      class: taskClass,
      progress: z.number(),
      progressSource: z.enum(['report', 'task']),
      startDate: date,
      dueDate: date,
      originalDueDate: date,
      dueDateMoved: z.boolean(),
      completedOn: date.nullable(),
      note: z.string().nullable(),
      noteSource: z.enum(['report', 'task']).nullable(),
      funding: fundingSchema.nullable(),
    }),
  ),
  cancelled: z.array(
    z.object({
      ...taskLine,
      dueDate: date,
      note: z.string().nullable(),
    }),
  ),
  agencies: z.array(
    z.object({
      agencyCode: z.string(),
      agencyName: z.string(),
      shortName: z.string(),
      ...classTallyShape,
      requested: z.boolean(),
      reportSubmitted: z.boolean(),
      reportOnTime: z.boolean().nullable(),
      submittedAt: z.string().nullable(),
      summary: z.string().nullable(),
    }),
  ),
  funding: z.object({ rows: z.array(fundingRowSchema), total: fundingRowSchema }),
});

const _schemaDescribesReport: SameShape<z.output<typeof annualReportSchema>, AnnualReport> = true;
