import { isOpen, type TaskStatus } from '../task-status';
import type { ChangedRow, FieldChange, ImportedRow } from './diff';

/**
 * The commands a re-import sends to running task workflows: what a coordinator would have done by hand
 * on each task page (edit, reassign, cancel), so each change is validated by the workflow, re-plans its
 * reminders and enters the task's audit trail.
 */
export type ImportChange =
  | {
      type: 'edit';
      taskId: string;
      title?: string;
      startDate?: string;
      dueDate?: string;
      coordinatingAgencyCodes?: string[];
      /** Appendix columns the workflow does not act on (funding, notes…), recorded in the audit trail. */
      details?: Record<string, { from: unknown; to: unknown }>;
    }
  | { type: 'reassign'; taskId: string; leadAgencyCode: string }
  | { type: 'cancel'; taskId: string; reason: string };

/** The children of a group task, as the read model has them. */
export interface ChildTask {
  id: string;
  leadAgencyCode: string;
  status: TaskStatus;
}

/** Fields the workflow does not hold: they change in the read model and are recorded in the edit's audit event. */
const DETAIL_FIELDS = new Set<FieldChange['field']>(['funding', 'description', 'note', 'number', 'section']);

/**
 * The commands for one changed row. A group task takes the edit itself (its new deadline cascades to
 * every child) and each open child takes the title, start and coordinating agencies.
 */
export function commandsForChange(
  change: ChangedRow,
  after: ImportedRow,
  opts: { isGroup: boolean; children: readonly ChildTask[]; expand: (codes: readonly string[]) => string[] },
): ImportChange[] {
  const applied = change.changes.filter((c) => !c.notApplied);
  if (applied.length === 0) return [];
  const has = (field: FieldChange['field']) => applied.some((c) => c.field === field);
  const coordinating = has('coordinating') ? opts.expand(after.coordinatingCodes) : undefined;
  const details = Object.fromEntries(applied.filter((c) => DETAIL_FIELDS.has(c.field)).map((c) => [c.field, { from: c.from, to: c.to }]));

  const edit: Extract<ImportChange, { type: 'edit' }> = { type: 'edit', taskId: change.taskId };
  if (has('title')) edit.title = after.title;
  if (has('startDate')) edit.startDate = after.startDate;
  if (has('dueDate')) edit.dueDate = after.dueDate;
  if (coordinating) edit.coordinatingAgencyCodes = coordinating;
  if (Object.keys(details).length) edit.details = details;

  const out: ImportChange[] = [];
  if (has('lead') && !opts.isGroup) out.push({ type: 'reassign', taskId: change.taskId, leadAgencyCode: after.leadCodes[0]! });
  if (Object.keys(edit).length > 2) {
    // Without the new lead: a reassignment drops it from the coordinating agencies itself.
    if (edit.coordinatingAgencyCodes && !opts.isGroup) edit.coordinatingAgencyCodes = edit.coordinatingAgencyCodes.filter((c) => c !== after.leadCodes[0]);
    out.push(edit);
  }
  if (opts.isGroup && (edit.title || edit.startDate || coordinating)) {
    for (const child of opts.children) {
      if (!isOpen(child.status)) continue;
      const childEdit: Extract<ImportChange, { type: 'edit' }> = { type: 'edit', taskId: child.id };
      if (edit.title) childEdit.title = edit.title;
      if (edit.startDate) childEdit.startDate = edit.startDate;
      if (coordinating) childEdit.coordinatingAgencyCodes = coordinating.filter((c) => c !== child.leadAgencyCode);
      out.push(childEdit);
    }
  }
  return out;
}
