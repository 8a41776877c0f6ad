import { foldVietnamese, normalizeAgencyName } from '../agencies/normalize';
import { columnLabel, foldHeader, headerField } from './headers';
import { columnLetter } from './read';
import { clean, dataCell, type ImportContext, type SheetContext } from './sheet-context';
import { parseTaskRow } from './task-row';
import type { Grid, ImportField, ImportProblem, ImportRow, ParsedTask } from './types';

/**
 * Every row of a sheet classified (title, header, section, total, blank, task) and its tasks parsed,
 * each under the section heading above it.
 */

const ROMAN = /^(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** "I", "II.", "A", "Phần II", "PHẦN THỨ NHẤT": the code of a section row, if `number` is one. */
function sectionCode(number: string): string | undefined {
  const t = number.replace(/[.):]+$/, '').trim();
  if (ROMAN.test(t) || /^[A-Z]$/.test(t) || /^phần\s+\S/iu.test(t)) return t;
  return undefined;
}

/** "I. Xây dựng nền tảng…" written in one cell (a heading merged across the row). */
function inlineSection(text: string): { code: string; heading: string } | undefined {
  const m = /^((?=[IVXLC])[IVXLC]+|[A-Z])[.)]\s+(.+)$/u.exec(text);
  if (!m || (!ROMAN.test(m[1]!) && !/^[A-Z]$/.test(m[1]!))) return undefined;
  return { code: m[1]!, heading: m[2]!.trim() };
}

const TOTAL = /^(?:tong cong|tong so|tong kinh phi|tong|cong)(?:\s+(?:[ivxlc]+|[a-z]|muc [ivxlc\d]+|\(.*\)))?$/;

function isTotal(text: string): boolean {
  return TOTAL.test(foldHeader(text));
}

/** Cells that would run as formulas if the data were opened in a spreadsheet again. */
const INJECTION = /^[=+@]/;

/** Formula cells (XLSX) and formula-like text (CSV, DOCX: plain text) in a row that becomes data. */
function formulaProblems(ctx: SheetContext, r: number): ImportProblem[] {
  const out: ImportProblem[] = [];
  const cells = ctx.grid.rows[r] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell) continue;
    const col = ctx.header.columns[c] ?? { letter: columnLetter(c), header: '' };
    const column = columnLabel(col);
    if (cell.formula) {
      out.push({ row: r + 1, column, severity: 'error', message: `Ô ${col.letter}${r + 1} chứa công thức (=${cell.formula}); hãy thay công thức bằng giá trị.` });
    } else if (ctx.format !== 'xlsx' && INJECTION.test(cell.text.trimStart())) {
      out.push({
        row: r + 1,
        column,
        severity: 'error',
        message: `Ô ${col.letter}${r + 1} bắt đầu bằng "${cell.text.trimStart()[0]}" như một công thức bảng tính; hãy bỏ ký tự đó hoặc đặt nội dung trong dấu nháy.`,
      });
    }
  }
  return out;
}

function rowCells(grid: Grid, r: number, fill: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (let c = 0; c < grid.width; c++) {
    const cell = fill ? dataCell(grid, r, c) : grid.rows[r]?.[c];
    const t = clean(cell?.text);
    if (t) out[columnLetter(c)] = t;
  }
  return out;
}

/** Rows and tasks of the sheet, from its first row to its last. */
export function classifyRows(sheet: SheetContext, ctx: ImportContext): { rows: ImportRow[]; tasks: ParsedTask[] } {
  const { grid, header, byField } = sheet;
  const headerRows = new Set([...header.rows, ...header.numberingRows]);
  const firstDataRow = Math.max(...headerRows) + 1;

  const rows: ImportRow[] = [];
  const tasks: ParsedTask[] = [];
  let section: { code?: string; heading: string } | undefined;
  let sectionIndex = 0;
  const seen = new Map<string, number>();

  const numberCol = byField.get('number')?.[0];
  const titleCol = byField.get('title')?.[0];
  const leadCol = byField.get('lead')?.[0];
  /** STT of the next row that has a number or a title. */
  const nextNumber = (r: number) => {
    for (let k = r + 1; k < grid.rows.length; k++) {
      const n = numberCol ? clean(dataCell(grid, k, numberCol.index)?.text) : '';
      const t = titleCol ? clean(dataCell(grid, k, titleCol.index)?.text) : '';
      if (n || t) return n;
    }
    return '';
  };
  const taskFields: ImportField[] = ['lead', 'coordinating', 'timeframe', 'kind', 'fundingText', 'amountRecurrent', 'amountInvestment', 'amountTotal', 'note', 'description'];
  const hasAny = (r: number, fields: ImportField[]) =>
    fields.some((f) => (byField.get(f) ?? []).some((c) => clean(dataCell(grid, r, c.index)?.text)));

  for (let r = 0; r < grid.rows.length; r++) {
    const row = r + 1;
    if (r < header.rows[0]!) {
      const cells = rowCells(grid, r, false);
      rows.push({ row, type: Object.keys(cells).length ? 'title' : 'blank', cells, problems: [] });
      continue;
    }
    if (headerRows.has(r)) {
      rows.push({ row, type: 'header', cells: rowCells(grid, r, false), problems: [] });
      continue;
    }
    if (r < firstDataRow) continue;

    const cells = rowCells(grid, r, true);
    const number = numberCol ? clean(dataCell(grid, r, numberCol.index)?.text) : '';
    const title = titleCol ? clean(dataCell(grid, r, titleCol.index)?.text) : '';
    const ownCells = (grid.rows[r] ?? []).filter((c) => clean(c?.text));
    if (!ownCells.length) {
      rows.push({ row, type: 'blank', cells, problems: [] });
      continue;
    }
    if ((number && isTotal(number)) || (title && isTotal(title))) {
      rows.push({ row, type: 'total', cells, problems: [] });
      continue;
    }

    // The header repeated further down (a table pasted page by page).
    const leadText = leadCol ? clean(dataCell(grid, r, leadCol.index)?.text) : '';
    if (title && leadText && headerField(title)?.field === 'title' && headerField(leadText)?.field === 'lead') {
      rows.push({ row, type: 'header', cells, problems: [] });
      continue;
    }

    // A heading merged across the row, "I. Xây dựng…" in the number cell.
    const inline = number && !title ? inlineSection(number) : undefined;
    const code = number ? sectionCode(number) : undefined;
    const otherFilled = hasAny(r, taskFields);
    const isSection =
      inline ||
      (code && title && !leadText) ||
      (!number && title && !otherFilled) ||
      // "1" over "1.1", "1.2": a numbered group heading without a lead.
      (/^\d+$/.test(number) && title && !leadText && nextNumber(r).startsWith(`${number}.`));
    if (isSection) {
      section = inline ? { code: inline.code, heading: inline.heading } : { code: code ?? (number || undefined), heading: title };
      sectionIndex++;
      const problems = formulaProblems(sheet, r);
      rows.push({ row, type: 'section', cells, problems });
      continue;
    }
    // Everything empty but the number (the lost section rows of some transcriptions): nothing to import.
    if (!title && !otherFilled) {
      rows.push({ row, type: 'blank', cells, problems: [] });
      continue;
    }
    // Text outside the task columns' core (a note under the table, a signature block, a cell that
    // overflowed from the row above): not a task, but say that it is skipped.
    if (!title && !leadText && !number) {
      rows.push({
        row,
        type: 'title',
        cells,
        problems: [{ row, severity: 'warning', message: `Dòng ${row} có nội dung nhưng không có tên nhiệm vụ và đơn vị chủ trì; dòng này được bỏ qua.` }],
      });
      continue;
    }

    const problems: ImportProblem[] = formulaProblems(sheet, r);
    const task = parseTaskRow(sheet, r, ctx, problems);
    if (section) {
      if (section.code) task.sectionCode = section.code;
      if (section.heading) task.section = section.heading;
    }
    // The same task twice in one section (same title and lead) is a copy-paste slip.
    const key = `${sectionIndex}\u0000${foldVietnamese(title).replace(/\W+/g, ' ').trim()}\u0000${normalizeAgencyName(task.leadText)}`;
    const firstRow = title ? seen.get(key) : undefined;
    if (firstRow !== undefined) {
      problems.push({
        row,
        column: titleCol ? columnLabel(titleCol) : undefined,
        field: 'title',
        severity: 'error',
        message: `Dòng ${row} trùng với dòng ${firstRow}: cùng mục, cùng tên nhiệm vụ và đơn vị chủ trì.`,
      });
    } else if (title) {
      seen.set(key, row);
    }
    rows.push({ row, type: 'task', cells, task, problems });
    tasks.push(task);
  }
  return { rows, tasks };
}
