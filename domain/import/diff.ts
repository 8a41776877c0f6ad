import { searchableText } from '../text';
import { isOpen, type TaskStatus } from '../task-status';
import type { Funding, TaskKind } from '../vocabulary';
import type { ImportPreview, ParsedTask } from './types';

/**
 * A corrected appendix against the one imported before: which rows are the same tasks (matched by
 * section and STT, then by title), what changed in each, which rows are new and which tasks the new
 * file no longer lists. Pure: the API loads the plan's imported tasks and applies what this decides.
 *
 * Rows are compared with the appendix as it was last imported (each task keeps that snapshot), not
 * with the task as it is now: a deadline an approved extension moved is not put back because the
 * corrected file still carries the old one; only what the file itself changed is applied.
 */

/** What the appendix said of a task when it was last imported. */
export interface ImportedRow {
  sectionCode: string | null;
  section: string | null;
  number: string | null;
  title: string;
  leadText: string;
  /** The agencies the row named as lead (a group is its code, not its members). */
  leadCodes: string[];
  coordinatingCodes: string[];
  kind: TaskKind;
  startDate: string;
  dueDate: string;
  funding: Funding | null;
  description: string | null;
  note: string | null;
}

/** A task of the plan that an earlier import created (the parent, for a row led by several agencies). */
export interface ImportedTask {
  id: string;
  status: TaskStatus;
  isGroup: boolean;
  row: ImportedRow;
}

export const CHANGE_FIELDS = ['title', 'lead', 'coordinating', 'startDate', 'dueDate', 'kind', 'funding', 'description', 'note', 'number', 'section'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export interface FieldChange {
  field: ChangeField;
  from: unknown;
  to: unknown;
  /** Why the change cannot be applied to the running task; absent when it will be. */
  notApplied?: string;
}

export interface ChangedRow {
  row: number;
  taskId: string;
  title: string;
  status: TaskStatus;
  changes: FieldChange[];
}

export interface RemovedTask {
  taskId: string;
  title: string;
  number: string | null;
  section: string | null;
  status: TaskStatus;
}

/** A dry run's answer: the preview and, when the plan has imported tasks already, what the file changes in them. */
export type ImportDryRun = ImportPreview & { diff?: ImportDiff };

export interface ImportDiff {
  /** Tasks of earlier imports the file was compared with. */
  compared: number;
  added: { row: number; title: string }[];
  changed: ChangedRow[];
  unchanged: { row: number; taskId: string }[];
  removed: RemovedTask[];
}

/** The snapshot a parsed row leaves on the task it creates or updates. */
export function importedRowOf(t: ParsedTask): ImportedRow {
  return {
    sectionCode: t.sectionCode ?? null,
    section: t.section ?? null,
    number: t.number ?? null,
    title: t.title,
    leadText: t.leadText,
    leadCodes: t.leads.map((l) => l.code),
    coordinatingCodes: t.coordinatingAgencyCodes,
    kind: t.kind,
    startDate: t.startDate,
    dueDate: t.dueDate,
    funding: t.funding ?? null,
    description: t.description ?? null,
    note: t.note ?? null,
  };
}

const titleKey = (title: string) => searchableText(title).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
const sectionKey = (r: Pick<ImportedRow, 'sectionCode' | 'section'>) => r.sectionCode ?? (r.section ? titleKey(r.section) : '');

/** Word-set similarity of two titles (Dice's coefficient): 1 for the same words, 0 for none shared. */
export function titleSimilarity(a: string, b: string): number {
  const wa = new Set(titleKey(a).split(' ').filter(Boolean));
  const wb = new Set(titleKey(b).split(' ').filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

/** A title reworded under the same STT still names the same task when half its words stay. */
const SAME_NUMBER_SIMILARITY = 0.5;
/** A task that moved (another section or STT) is recognised only by a nearly equal title. */
const MOVED_SIMILARITY = 0.85;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
/** Funding compared by content: key order and absent versus undefined keys do not count. */
const fundingKey = (f: Funding | null) =>
  f ? JSON.stringify({ text: f.text ?? null, sources: [...f.sources].sort(), amounts: f.amounts ? { r: f.amounts.recurrent ?? null, i: f.amounts.investment ?? null, t: f.amounts.total ?? null } : null }) : 'null';

/** What changed between two snapshots of one row, each with whether the running task can take it. */
function changesOf(before: ImportedRow, after: ImportedRow, task: ImportedTask): FieldChange[] {
  const out: FieldChange[] = [];
  const add = (field: ChangeField, from: unknown, to: unknown) => out.push({ field, from, to });
  if (before.title !== after.title) add('title', before.title, after.title);
  if (!sameSet(before.leadCodes, after.leadCodes)) add('lead', before.leadCodes, after.leadCodes);
  if (!sameSet(before.coordinatingCodes, after.coordinatingCodes)) add('coordinating', before.coordinatingCodes, after.coordinatingCodes);
  if (before.startDate !== after.startDate) add('startDate', before.startDate, after.startDate);
  if (before.dueDate !== after.dueDate) add('dueDate', before.dueDate, after.dueDate);
  if (before.kind !== after.kind) add('kind', before.kind, after.kind);
  if (fundingKey(before.funding) !== fundingKey(after.funding)) add('funding', before.funding, after.funding);
  if ((before.description ?? '') !== (after.description ?? '')) add('description', before.description, after.description);
  if ((before.note ?? '') !== (after.note ?? '')) add('note', before.note, after.note);
  if ((before.number ?? '') !== (after.number ?? '')) add('number', before.number, after.number);
  if (sectionKey(before) !== sectionKey(after) || (before.section ?? '') !== (after.section ?? '')) add('section', before.section, after.section);

  for (const change of out) {
    if (!isOpen(task.status)) change.notApplied = task.status === 'completed' ? 'nhiệm vụ đã hoàn thành' : 'nhiệm vụ đã bị hủy';
    else if (change.field === 'lead' && (task.isGroup || after.leadCodes.length !== 1)) {
      change.notApplied = 'nhiệm vụ giao cho nhiều đơn vị: hãy hủy và giao lại nếu cần';
    } else if (change.field === 'kind') change.notApplied = 'đổi loại nhiệm vụ cần sửa trên từng nhiệm vụ';
  }
  return out;
}

/**
 * Pair the file's rows with the plan's imported tasks and say what differs. Passes from the surest
 * match to the loosest, each on what the earlier ones left: same section, STT and title; same section
 * and title (renumbered); same section and STT with a reworded title; the same title elsewhere (moved);
 * a nearly equal title elsewhere.
 */
export function diffImport(rows: readonly ParsedTask[], existing: readonly ImportedTask[]): ImportDiff {
  const incoming = rows.map((t) => ({ t, row: importedRowOf(t) }));
  const freeTasks = new Set(existing);
  const pairs = new Map<number, ImportedTask>();

  const pass = (matches: (row: ImportedRow, task: ImportedRow) => number | boolean) => {
    for (const [i, { row }] of incoming.entries()) {
      if (pairs.has(i)) continue;
      let best: { task: ImportedTask; score: number } | undefined;
      for (const task of freeTasks) {
        const m = matches(row, task.row);
        const score = m === true ? 1 : m === false ? 0 : m;
        if (score > 0 && (!best || score > best.score)) best = { task, score };
      }
      if (best) {
        pairs.set(i, best.task);
        freeTasks.delete(best.task);
      }
    }
  };
  const sameSection = (a: ImportedRow, b: ImportedRow) => sectionKey(a) === sectionKey(b);
  const sameNumber = (a: ImportedRow, b: ImportedRow) => (a.number ?? '') === (b.number ?? '');
  const sameTitle = (a: ImportedRow, b: ImportedRow) => titleKey(a.title) === titleKey(b.title);
  pass((a, b) => sameSection(a, b) && sameNumber(a, b) && sameTitle(a, b));
  pass((a, b) => sameSection(a, b) && sameTitle(a, b));
  pass((a, b) => {
    if (!sameSection(a, b) || !sameNumber(a, b) || !a.number) return 0;
    const s = titleSimilarity(a.title, b.title);
    return s >= SAME_NUMBER_SIMILARITY ? s : 0;
  });
  pass((a, b) => sameTitle(a, b));
  pass((a, b) => {
    const s = titleSimilarity(a.title, b.title);
    return s >= MOVED_SIMILARITY ? s : 0;
  });

  const diff: ImportDiff = { compared: existing.length, added: [], changed: [], unchanged: [], removed: [] };
  for (const [i, { t, row }] of incoming.entries()) {
    const task = pairs.get(i);
    if (!task) {
      diff.added.push({ row: t.row, title: t.title });
      continue;
    }
    const changes = changesOf(task.row, row, task);
    if (changes.length === 0) diff.unchanged.push({ row: t.row, taskId: task.id });
    else diff.changed.push({ row: t.row, taskId: task.id, title: t.title, status: task.status, changes });
  }
  for (const task of existing) {
    if (freeTasks.has(task)) diff.removed.push({ taskId: task.id, title: task.row.title, number: task.row.number, section: task.row.section, status: task.status });
  }
  return diff;
}

const applicable = (row: ChangedRow) => row.changes.some((c) => !c.notApplied);

/** Whether applying the diff (with these removed tasks to cancel) would change anything. */
export function diffIsEmpty(diff: ImportDiff, cancelRemoved: readonly string[] = []): boolean {
  return diff.added.length === 0 && !diff.changed.some(applicable) && cancelRemoved.length === 0;
}

/** The snapshot fields each change concerns. */
const SNAPSHOT_FIELDS: Record<ChangeField, (keyof ImportedRow)[]> = {
  title: ['title'],
  lead: ['leadCodes', 'leadText'],
  coordinating: ['coordinatingCodes'],
  startDate: ['startDate'],
  dueDate: ['dueDate'],
  kind: ['kind'],
  funding: ['funding'],
  description: ['description'],
  note: ['note'],
  number: ['number'],
  section: ['section', 'sectionCode'],
};

/**
 * The snapshot a task keeps after a re-import: the file's row, except the fields whose change was not
 * applied, which keep the old value so the next import still shows them as changed.
 */
export function nextImportedRow(before: ImportedRow, after: ImportedRow, changes: readonly FieldChange[]): ImportedRow {
  const next: ImportedRow = { ...after };
  for (const change of changes) {
    if (!change.notApplied) continue;
    for (const key of SNAPSHOT_FIELDS[change.field]) (next as unknown as Record<string, unknown>)[key] = before[key];
  }
  return next;
}
