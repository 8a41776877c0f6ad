import { FUNDING_SOURCES, type Funding, type FundingSource } from '../vocabulary';
import type { ReportFundingRow, ReportTaskInput } from './types';

/** Amounts are summed in thousandths of a triệu đồng (one thousand đồng) so 0.1 + 0.2 stays 0.3. */
const toMilli = (n: number): number => Math.round(n * 1000);
const fromMilli = (n: number): number => n / 1000;

interface AmountSums {
  recurrent: number | null;
  investment: number | null;
  total: number | null;
  items: number;
}

function addAmounts(sums: AmountSums, funding: Funding | null): void {
  const a = funding?.amounts;
  if (!a) return;
  const total = a.total ?? (a.recurrent !== undefined || a.investment !== undefined ? (a.recurrent ?? 0) + (a.investment ?? 0) : undefined);
  if (a.recurrent === undefined && a.investment === undefined && total === undefined) return;
  sums.items++;
  if (a.recurrent !== undefined) sums.recurrent = (sums.recurrent ?? 0) + toMilli(a.recurrent);
  if (a.investment !== undefined) sums.investment = (sums.investment ?? 0) + toMilli(a.investment);
  if (total !== undefined) sums.total = (sums.total ?? 0) + toMilli(total);
}

/** A funding's sources as a bit set (bit i: FUNDING_SOURCES[i]), so that the same sources in any order are one key. */
function sourceSet(funding: Funding | null): number {
  let set = 0;
  for (const s of funding?.sources ?? []) {
    const i = FUNDING_SOURCES.indexOf(s);
    if (i >= 0) set |= 1 << i;
  }
  return set;
}

/** The sources of a set, in vocabulary order. */
const sourcesOf = (set: number): FundingSource[] => FUNDING_SOURCES.filter((_, i) => set & (1 << i));

/**
 * Tasks and amounts per combination of funding sources ("Ngân sách tỉnh + Xã hội hóa" is one row),
 * so each task sits in exactly one row and the rows add up to the total.
 *
 * Amounts belong to the appendix item, not to each agency doing it: a group task ("UBND các huyện,
 * thành phố") carries one amount on its parent row that every child repeats, so amounts are taken
 * from the parent once (when at least one of its children is counted) and never from the children.
 */
export function compileFunding(inScope: ReportTaskInput[], counted: ReportTaskInput[]): { rows: ReportFundingRow[]; total: ReportFundingRow } {
  // Only group parents hold amounts for other tasks (their children).
  const groupById = new Map(inScope.filter((t) => t.isGroup).map((t) => [t.id, t]));
  const groups = new Map<number, { sources: FundingSource[]; taskCount: number; sums: AmountSums }>();
  const groupOf = (funding: Funding | null) => {
    const key = sourceSet(funding);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { sources: sourcesOf(key), taskCount: 0, sums: { recurrent: null, investment: null, total: null, items: 0 } }));
    return group;
  };

  // Sums are whole thousandths, so the order they are added in cannot change them.
  const parentsSummed = new Set<ReportTaskInput>();
  for (const t of counted) {
    const group = groupOf(t.funding);
    group.taskCount++;
    const parent = t.parentId ? groupById.get(t.parentId) : undefined;
    if (!parent) addAmounts(group.sums, t.funding);
    else if (!parentsSummed.has(parent)) {
      parentsSummed.add(parent);
      addAmounts(groupOf(parent.funding).sums, parent.funding);
    }
  }

  const toRow = (sources: FundingSource[], taskCount: number, sums: AmountSums): ReportFundingRow => ({
    sources,
    taskCount,
    itemsWithAmounts: sums.items,
    recurrent: sums.recurrent === null ? null : fromMilli(sums.recurrent),
    investment: sums.investment === null ? null : fromMilli(sums.investment),
    total: sums.total === null ? null : fromMilli(sums.total),
  });

  // Rows by the first source's place in the vocabulary, combinations after single sources; "not specified" last.
  const rank = (sources: FundingSource[]) => (sources.length === 0 ? [FUNDING_SOURCES.length] : sources.map((s) => FUNDING_SOURCES.indexOf(s)));
  const compareRank = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  const entries = [...groups.values()].filter((g) => g.taskCount > 0 || g.sums.items > 0).sort((a, b) => compareRank(rank(a.sources), rank(b.sources)));

  const totalSums: AmountSums = { recurrent: null, investment: null, total: null, items: 0 };
  for (const g of entries) {
    totalSums.items += g.sums.items;
    for (const k of ['recurrent', 'investment', 'total'] as const) {
      if (g.sums[k] !== null) totalSums[k] = (totalSums[k] ?? 0) + g.sums[k];
    }
  }
  return {
    rows: entries.map((g) => toRow(g.sources, g.taskCount, g.sums)),
    total: toRow([], entries.reduce((n, g) => n + g.taskCount, 0), totalSums),
  };
}
