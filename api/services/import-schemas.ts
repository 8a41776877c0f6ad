/**
 * The import's replies as the API sends them: domain/import's preview, diff and summary written as zod
 * schemas, so the OpenAPI document and the web client's generated types describe them, and test stacks
 * check every reply against them. `SameShape` ties each schema to its domain type: a field added on
 * either side only stops compiling.
 */
import { z } from 'zod';
import { fundingSchema } from '../../db/read-model/task-view';
import type { ImportDiff, ImportDryRun } from '../../domain/import/diff';
import { CHANGE_FIELDS } from '../../domain/import/diff';
import { COLUMN_SOURCES, IMPORT_FIELDS, IMPORT_FORMATS, IMPORT_ROW_TYPES, type ImportSummary } from '../../domain/import/types';
import type { SameShape } from '../../domain/same-shape';
import { TASK_STATUSES } from '../../domain/task-status';
import { AGENCY_KINDS, TASK_KINDS } from '../../domain/vocabulary';

const problemSchema = z.object({
  row: z.number().int().optional().describe('1-based file row'),
  column: z.string().optional().describe('Column letter and header text: "C — Đơn vị chủ trì"'),
  field: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  suggestions: z.array(z.string()).optional(),
});

const parsedTaskSchema = z.object({
  row: z.number().int(),
  sectionCode: z.string().optional(),
  section: z.string().optional(),
  number: z.string().optional(),
  title: z.string(),
  description: z.string().optional(),
  leadText: z.string(),
  leads: z.array(z.object({ code: z.string(), kind: z.enum(AGENCY_KINDS), members: z.array(z.string()) })),
  coordinatingText: z.string().optional(),
  coordinatingAgencyCodes: z.array(z.string()),
  kind: z.enum(TASK_KINDS),
  kindText: z.string().optional(),
  timeframeText: z.string().optional(),
  startDate: z.string(),
  dueDate: z.string(),
  funding: fundingSchema.optional(),
  note: z.string().optional(),
});

const counts = z.record(z.string(), z.number().int());
const summarySchema = z.object({
  rows: z.number().int(),
  tasks: z.number().int(),
  sections: z.number().int(),
  byLeadText: counts,
  byKind: counts,
  byTimeframe: counts,
  byFunding: counts,
  byCoordinatingText: counts,
});

const statusSchema = z.enum(TASK_STATUSES);
const diffSchema = z.object({
  compared: z.number().int(),
  added: z.array(z.object({ row: z.number().int(), title: z.string() })),
  changed: z.array(
    z.object({
      row: z.number().int(),
      taskId: z.string(),
      title: z.string(),
      status: statusSchema,
      changes: z.array(z.object({ field: z.enum(CHANGE_FIELDS), from: z.unknown(), to: z.unknown(), notApplied: z.string().optional() })),
    }),
  ),
  unchanged: z.array(z.object({ row: z.number().int(), taskId: z.string() })),
  removed: z.array(z.object({ taskId: z.string(), title: z.string(), number: z.string().nullable(), section: z.string().nullable(), status: statusSchema })),
});

/** `?dryRun=true`: every row, problem and column mapping, and for a plan imported before, what the file changes. */
export const importDryRunSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  fileSha256: z.string(),
  sheetName: z.string().optional(),
  sheets: z.array(z.object({ name: z.string(), caption: z.string().optional(), rows: z.number().int(), columns: z.number().int(), hasHeader: z.boolean() })),
  headerRow: z.number().int().optional(),
  columns: z.array(
    z.object({
      index: z.number().int(),
      header: z.string(),
      field: z.enum(IMPORT_FIELDS).optional(),
      source: z.enum(COLUMN_SOURCES).optional(),
      samples: z.array(z.string()).optional(),
    }),
  ),
  rows: z.array(
    z.object({
      row: z.number().int(),
      type: z.enum(IMPORT_ROW_TYPES),
      cells: z.record(z.string(), z.string()),
      task: parsedTaskSchema.optional(),
      problems: z.array(problemSchema),
    }),
  ),
  tasks: z.array(parsedTaskSchema),
  problems: z.array(problemSchema),
  ok: z.boolean(),
  summary: summarySchema,
  missingFields: z.array(z.enum(IMPORT_FIELDS)),
  unknownNames: z.array(
    z.object({
      text: z.string(),
      field: z.enum(['lead', 'coordinating']),
      rows: z.array(z.number().int()),
      suggestions: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
  diff: diffSchema.optional(),
});

/** A commit's outcome besides its job: what the file changed and what it held. */
export const commitOutcomeShape = { diff: diffSchema, summary: summarySchema };

const _dryRunDescribed: SameShape<z.output<typeof importDryRunSchema>, ImportDryRun> = true;
const _diffDescribed: SameShape<z.output<typeof diffSchema>, ImportDiff> = true;
const _summaryDescribed: SameShape<z.output<typeof summarySchema>, ImportSummary> = true;
