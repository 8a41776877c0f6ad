import type { AgencyDirectory, ResolvedCell } from '../agencies/directory';
import type { PlanPeriod } from '../timeframe';
import type { HeaderColumn, HeaderInfo } from './headers';
import { MAX_COLUMNS } from './read';
import type { Grid, GridCell, ImportField, ImportFormat, UnknownAgencyName } from './types';

/** What an import is read against: the agency directory and the plan's period. */
export interface ImportContext {
  directory: AgencyDirectory;
  plan: PlanPeriod;
}

/** The worksheet or table being read, its columns by field, and what reading its rows collects. */
export interface SheetContext {
  grid: Grid;
  header: HeaderInfo;
  byField: Map<ImportField, HeaderColumn[]>;
  format: ImportFormat;
  /** resolveCell, memoised: an appendix repeats the same few lead texts on every row. */
  resolveCell(text: string): ResolvedCell;
  /** Names the directory does not know, once each, with the rows that use them. */
  unknown: Map<string, UnknownAgencyName>;
  directory: AgencyDirectory;
}

/** The context for reading `grid` under `header`; agency cells resolved once per distinct text. */
export function sheetContext(grid: Grid, header: HeaderInfo, format: ImportFormat, directory: AgencyDirectory): SheetContext {
  const byField = new Map<ImportField, HeaderColumn[]>();
  for (const c of header.columns) {
    if (!c.field) continue;
    const list = byField.get(c.field) ?? [];
    list.push(c);
    byField.set(c.field, list);
  }
  const resolutions = new Map<string, ResolvedCell>();
  return {
    grid,
    header,
    byField,
    format,
    unknown: new Map(),
    directory,
    resolveCell(text) {
      let r = resolutions.get(text);
      if (!r) resolutions.set(text, (r = directory.resolveCell(text)));
      return r;
    },
  };
}

export const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function noteUnknown(ctx: SheetContext, field: UnknownAgencyName['field'], text: string, row: number): void {
  const key = `${field}\u0000${text}`;
  const known = ctx.unknown.get(key);
  if (known) known.rows.push(row);
  else ctx.unknown.set(key, { text, field, rows: [row], suggestions: ctx.directory.suggestAgencies(text) });
}

/** Per grid: the cells covered by a vertical merge, mapped to the merge's top cell. */
const verticalFills = new WeakMap<Grid, Map<number, GridCell>>();

function fillsOf(grid: Grid): Map<number, GridCell> {
  let fills = verticalFills.get(grid);
  if (!fills) {
    fills = new Map();
    for (const m of grid.merges) {
      const top = grid.rows[m.top]?.[m.left];
      if (!top) continue;
      for (let r = m.top + 1; r <= m.bottom; r++) fills.set(r * MAX_COLUMNS + m.left, top);
    }
    verticalFills.set(grid, fills);
  }
  return fills;
}

/**
 * Cell of a data row, vertically merged cells filled from the top of their range: a "Nguồn vốn"
 * merged over three tasks applies to each. Horizontal merges are not spread (a heading merged
 * across the row stays one cell).
 */
export function dataCell(grid: Grid, r: number, c: number): GridCell | undefined {
  return grid.rows[r]?.[c] ?? fillsOf(grid).get(r * MAX_COLUMNS + c);
}

export function firstColumn(ctx: SheetContext, field: ImportField): HeaderColumn | undefined {
  return ctx.byField.get(field)?.[0];
}

export function textOf(ctx: SheetContext, r: number, field: ImportField): string {
  const col = firstColumn(ctx, field);
  return col ? clean(dataCell(ctx.grid, r, col.index)?.text) : '';
}
