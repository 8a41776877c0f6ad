import type { Grid, GridCell, MergeRange } from '../types';

/**
 * A Word table as read so far (rows of cells with their merge marks) and its conversion into the
 * grid every import reader produces.
 */

export interface RawCell {
  text: string;
  span: number;
  /** w:vMerge: "restart" opens a vertical merge, "continue" (or no value) extends the one above. */
  vMerge?: 'restart' | 'continue';
  /** w:hMerge, the Word 97-era horizontal merge. */
  hMerge?: 'restart' | 'continue';
}

export interface RawRow {
  gridBefore: number;
  cells: RawCell[];
  deleted: boolean;
}

export interface OpenCell {
  span: number;
  vMerge?: 'restart' | 'continue';
  hMerge?: 'restart' | 'continue';
  lines: string[];
  /** Paragraphs since the last nested table: the caption of the next one. */
  above: string[];
}

export interface OpenTable {
  index: number;
  caption?: string;
  rows: RawRow[];
  row?: RawRow;
  cell?: OpenCell;
}

export interface DocxLimits {
  maxRows: number;
  maxColumns: number;
}

const CAPTION_PARAGRAPHS = 3;
const CAPTION_LENGTH = 200;

/** The last few paragraphs above a table, e.g. "PHỤ LỤC I … (Kèm theo Kế hoạch số 45/KH-UBND …)". */
export function captionOf(paragraphs: string[]): string | undefined {
  const text = paragraphs
    .slice(-CAPTION_PARAGRAPHS)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .join(' ')
    .normalize('NFC');
  if (!text) return undefined;
  if (text.length <= CAPTION_LENGTH) return text;
  const cut = text.slice(0, CAPTION_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), CAPTION_LENGTH / 2))}…`;
}

export const tableName = (index: number) => `Bảng ${index + 1}`;

/** Raw Word rows → a grid: w:gridSpan and w:vMerge as merged ranges, text in the top-left cell. */
export function gridOf(table: OpenTable): Grid {
  const rows: (GridCell | undefined)[][] = [];
  const merges: MergeRange[] = [];
  type Master = { range: MergeRange; cell: GridCell };
  /** Vertical merges still open, by their left grid column. */
  let open = new Map<number, Master>();
  for (const [r, raw] of table.rows.entries()) {
    const cells: (GridCell | undefined)[] = [];
    const stillOpen = new Map<number, Master>();
    let previous: Master | undefined;
    let col = raw.gridBefore;
    for (const c of raw.cells) {
      // Word shows a continuation cell's own text inside the merged cell, below the first one's.
      const append = (target: GridCell) => {
        if (c.text) target.text = target.text ? `${target.text}\n${c.text}` : c.text;
      };
      if (c.hMerge === 'continue' && previous && previous.range.right === col - 1 && previous.range.top === r) {
        previous.range.right = col + c.span - 1;
        append(previous.cell);
        col += c.span;
        continue;
      }
      const above = c.vMerge === 'continue' ? open.get(col) : undefined;
      if (above) {
        above.range.bottom = r;
        append(above.cell);
        stillOpen.set(col, above);
        previous = undefined;
        col += c.span;
        continue;
      }
      const master: Master = { range: { top: r, left: col, bottom: r, right: col + c.span - 1 }, cell: { text: c.text } };
      while (cells.length < col) cells.push(undefined);
      cells[col] = master.cell;
      merges.push(master.range);
      previous = master;
      // A "continue" with nothing above to continue starts a merge of its own.
      if (c.vMerge) stillOpen.set(col, master);
      col += c.span;
    }
    // A column whose merge this row did not continue closes it.
    open = stillOpen;
    rows.push(cells);
  }
  // Empty and covered cells are absent, as in the other readers.
  let width = 0;
  for (const cells of rows) {
    for (let c = 0; c < cells.length; c++) if (cells[c] && !cells[c]!.text) cells[c] = undefined;
    while (cells.length && cells[cells.length - 1] === undefined) cells.pop();
    width = Math.max(width, cells.length);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  const grid: Grid = { name: tableName(table.index), rows, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left), width };
  if (table.caption) grid.caption = table.caption;
  return grid;
}
