import type { ReportTaskInput } from './types';

/** Vietnamese collation for names, with a stable fallback so the order never depends on input order. */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export const byText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Two tasks by their place in the appendix: position, then id. */
const byPosition = (a: ReportTaskInput, b: ReportTaskInput): number => a.position - b.position || byId(a, b);

/** A section of the plan; sections rank in the order of their first tasks. */
interface SectionSlot {
  first: ReportTaskInput;
  rank: number;
}

/** A task with what puts it in plan order, worked out once rather than at every comparison. */
interface PlanOrderKey {
  task: ReportTaskInput;
  section: SectionSlot;
  lead: string;
}

export function planOrderKeys(tasks: ReportTaskInput[], nameOf: (code: string) => string): PlanOrderKey[] {
  // Section code, then section title, to the section.
  const sections = new Map<string | null, Map<string | null, SectionSlot>>();
  const keys = tasks.map((task) => {
    let byTitle = sections.get(task.sectionCode ?? null);
    if (!byTitle) sections.set(task.sectionCode ?? null, (byTitle = new Map()));
    let section = byTitle.get(task.section ?? null);
    if (!section) byTitle.set(task.section ?? null, (section = { first: task, rank: 0 }));
    else if (byPosition(task, section.first) < 0) section.first = task;
    return { task, section, lead: nameOf(task.leadAgencyCode) };
  });
  [...sections.values()]
    .flatMap((byTitle) => [...byTitle.values()])
    .sort((a, b) => byPosition(a.first, b.first))
    .forEach((section, rank) => (section.rank = rank));
  return keys;
}


/** Plan order: section, place in the appendix, lead agency's name, then id so that ties never depend on input order. */
export const byPlanOrder = (a: PlanOrderKey, b: PlanOrderKey): number =>
  a.section.rank - b.section.rank || a.task.position - b.task.position || byText(a.lead, b.lead) || byId(a.task, b.task);
