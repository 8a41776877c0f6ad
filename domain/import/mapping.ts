import type { AgencyDirectory } from '../agencies/directory';
import { parseTimeframe, type PlanPeriod } from '../timeframe';
import { parseVnNumber } from '../vn-number';
import { columnLabel, fieldExtras, foldHeader, headerField, type HeaderColumn, type HeaderInfo } from './headers';
import { columnLetter } from './read';
import type { ColumnChoice, Grid, ImportColumn, ImportField, ImportOptions, ImportProblem } from './types';

/**
 * Which field each column of an appendix holds. The header's wording decides first (headers.ts); the
 * plan's earlier imports and the coordinator's choice in the wizard override it; and a column whose
 * header the importer does not know is guessed from its cells (agency names, timeframes, long text),
 * so an unusual wording ends in a question in the wizard, not in a refused file.
 */

/** Fields a task cannot do without. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['title', 'lead'];

/** Fields that may span several columns (they combine); every other field is one column. */
const MULTI_COLUMN: ReadonlySet<ImportField> = new Set(['timeframe', 'description', 'amountRecurrent', 'amountInvestment', 'amountTotal']);

export const FIELD_LABELS: Record<ImportField, string> = {
  number: 'Số thứ tự',
  title: 'Tên nhiệm vụ',
  lead: 'Đơn vị chủ trì',
  coordinating: 'Cơ quan phối hợp',
  timeframe: 'Thời gian thực hiện',
  fundingText: 'Nguồn vốn',
  amountRecurrent: 'Kinh phí sự nghiệp',
  amountInvestment: 'Kinh phí đầu tư',
  amountTotal: 'Tổng kinh phí',
  kind: 'Loại nhiệm vụ',
  description: 'Mô tả, mục tiêu',
  note: 'Ghi chú',
};

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The rows of data below the header: the rows content is read from. */
function dataRows(grid: Grid, header: HeaderInfo): number[] {
  const first = Math.max(...header.rows, ...header.numberingRows) + 1;
  const out: number[] = [];
  for (let r = first; r < grid.rows.length; r++) {
    // A task row fills several cells; a section heading or a note under the table fills one.
    if ((grid.rows[r] ?? []).filter((c) => clean(c?.text)).length >= 2) out.push(r);
  }
  return out;
}

/** The first values of each column below the header, shown beside the column in the wizard. */
export function columnSamples(grid: Grid, header: HeaderInfo, count = 3): Map<number, string[]> {
  const rows = dataRows(grid, header);
  const out = new Map<number, string[]>();
  for (const col of header.columns) {
    const values: string[] = [];
    for (const r of rows) {
      const text = clean(grid.rows[r]?.[col.index]?.text);
      if (text && !values.includes(text)) values.push(text.length > 80 ? `${text.slice(0, 79)}…` : text);
      if (values.length >= count) break;
    }
    out.set(col.index, values);
  }
  return out;
}

/**
 * A header row when no row names the columns in words the importer knows: the first row of three or
 * more short, non-numeric cells that has data below it. Its columns carry no field yet.
 */
export function plainHeaderRow(grid: Grid, searchRows = 40): HeaderInfo | undefined {
  for (let r = 0; r < Math.min(grid.rows.length - 1, searchRows); r++) {
    const texts = (grid.rows[r] ?? []).map((c) => clean(c?.text));
    const filled = texts.filter(Boolean);
    if (filled.length < 3 || filled.some((t) => t.length > 80 || parseVnNumber(t) !== undefined)) continue;
    if ((grid.rows[r + 1] ?? []).filter((c) => clean(c?.text)).length < 2) continue;
    const taken = new Set<ImportField>();
    const columns = texts.map((header, index): HeaderColumn => {
      const col: HeaderColumn = { index, letter: columnLetter(index), header };
      // One known word ("STT", "Ghi chú") is not enough to find the row, but it still names its column.
      const field = headerField(header)?.field;
      if (field && (!taken.has(field) || MULTI_COLUMN.has(field))) Object.assign(col, { field }, fieldExtras(field, header));
      if (field) taken.add(field);
      return col;
    });
    while (columns.length && !columns[columns.length - 1]!.header) columns.pop();
    return { rows: [r], numberingRows: [], columns };
  }
  return undefined;
}

interface ColumnFeatures {
  filled: number;
  agencies: number;
  timeframes: number;
  numbering: number;
  averageLength: number;
}

const NUMBERING = /^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])[.)]?$/i;

function features(grid: Grid, rows: number[], index: number, directory: AgencyDirectory, plan: PlanPeriod): ColumnFeatures {
  const f: ColumnFeatures = { filled: 0, agencies: 0, timeframes: 0, numbering: 0, averageLength: 0 };
  let length = 0;
  for (const r of rows.slice(0, 200)) {
    const text = clean(grid.rows[r]?.[index]?.text);
    if (!text) continue;
    f.filled++;
    length += text.length;
    if (NUMBERING.test(text)) f.numbering++;
    else if (text.length <= 40 && parseTimeframe(text, plan).ok) f.timeframes++;
    const resolved = directory.resolveCell(text);
    if (resolved.unresolved.length === 0 && (resolved.agencies.length > 0 || resolved.vague.length > 0)) f.agencies++;
  }
  f.averageLength = f.filled ? length / f.filled : 0;
  return f;
}

/**
 * Guess the fields that no header named from the cells of the columns nobody mapped: a column of
 * agency names is the lead (the first) or the coordinating agencies (the second), a column of
 * timeframes is the timeframe, a column counting 1, 2, 3 is the number, and the first column of long
 * text is the title. Only fields still missing are guessed; amounts and notes never are.
 */
function guessFromContent(grid: Grid, header: HeaderInfo, open: HeaderColumn[], directory: AgencyDirectory, plan: PlanPeriod): void {
  const rows = dataRows(grid, header);
  if (rows.length === 0) return;
  const taken = new Set(header.columns.map((c) => c.field).filter(Boolean));
  const share = (n: number, f: ColumnFeatures) => (f.filled ? n / f.filled : 0);
  const scored = open.map((col) => ({ col, f: features(grid, rows, col.index, directory, plan) })).filter(({ f }) => f.filled >= Math.min(2, rows.length));
  const assign = (col: HeaderColumn, field: ImportField) => {
    col.field = field;
    col.source = 'content';
    Object.assign(col, fieldExtras(field, col.header));
    taken.add(field);
  };
  for (const { col, f } of scored) {
    if (col.field) continue;
    if (!taken.has('number') && col.index <= 1 && share(f.numbering, f) >= 0.8) assign(col, 'number');
    else if (share(f.timeframes, f) >= 0.6 && f.averageLength <= 40) assign(col, 'timeframe');
    else if (!taken.has('lead') && share(f.agencies, f) >= 0.5) assign(col, 'lead');
    else if (!taken.has('coordinating') && taken.has('lead') && share(f.agencies, f) >= 0.3) assign(col, 'coordinating');
  }
  if (!taken.has('title')) {
    const title = scored.find(({ col, f }) => !col.field && f.averageLength >= 15 && share(f.agencies, f) < 0.3 && share(f.timeframes, f) < 0.3);
    if (title) assign(title.col, 'title');
  }
}

/**
 * Settle the field of every column: the coordinator's choice for this file, then the plan's remembered
 * choice for a header worded the same, then the header's wording, then the content. Returns the
 * problems with the choices (two columns given one field).
 */
export function mapColumns(grid: Grid, header: HeaderInfo, options: ImportOptions, directory: AgencyDirectory, plan: PlanPeriod): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const chosenBy = new Map<ImportField, HeaderColumn>();
  const decided = new Set<number>();
  const choose = (col: HeaderColumn, choice: ColumnChoice, source: 'user' | 'plan') => {
    decided.add(col.index);
    delete col.field;
    delete col.unitFactor;
    delete col.period;
    delete col.source;
    if (choice === 'ignore') return;
    const earlier = chosenBy.get(choice);
    if (earlier && !MULTI_COLUMN.has(choice)) {
      problems.push({
        column: columnLabel(col),
        field: choice,
        severity: 'error',
        message: `Cột ${earlier.letter} và cột ${col.letter} cùng được chọn là "${FIELD_LABELS[choice]}"; mỗi trường này chỉ lấy từ một cột.`,
      });
      return;
    }
    chosenBy.set(choice, col);
    col.field = choice;
    col.source = source;
    Object.assign(col, fieldExtras(choice, col.header));
  };

  for (const col of header.columns) {
    const mine = options.mapping?.[col.letter];
    if (mine) choose(col, mine, 'user');
  }
  for (const col of header.columns) {
    if (decided.has(col.index) || !col.header) continue;
    const remembered = options.remembered?.[foldHeader(col.header)];
    if (remembered) choose(col, remembered, 'plan');
  }
  // Header-named fields stand unless a choice above took their field (one column per field).
  for (const col of header.columns) {
    if (decided.has(col.index) || !col.field) continue;
    if (chosenBy.has(col.field) && !MULTI_COLUMN.has(col.field)) {
      delete col.field;
      delete col.unitFactor;
      delete col.period;
      continue;
    }
    col.source = 'header';
  }
  // A mapping may name a column beyond the header's last titled one.
  for (const letter of Object.keys(options.mapping ?? {})) {
    if (!header.columns.some((c) => c.letter === letter)) {
      problems.push({ column: letter, severity: 'error', message: `Cột ${letter} không có trong bảng (bảng có các cột ${header.columns[0]?.letter ?? 'A'}–${header.columns.at(-1)?.letter ?? 'A'}).` });
    }
  }
  const open = header.columns.filter((c) => !decided.has(c.index) && !c.field && !headerField(c.header));
  guessFromContent(grid, header, open, directory, plan);
  const guessed = header.columns.filter((c) => c.source === 'content');
  if (guessed.length > 0) {
    problems.push({
      severity: 'warning',
      message: `Tiêu đề ${guessed.length > 1 ? 'các cột' : 'cột'} ${guessed.map((c) => `${c.letter} ("${c.header || 'không có tiêu đề'}")`).join(', ')} chưa quen thuộc; theo nội dung, đoán là ${guessed.map((c) => `"${FIELD_LABELS[c.field!]}"`).join(', ')}. Hãy kiểm tra ở bảng ghép cột.`,
    });
  }
  return problems;
}

/**
 * The choices worth remembering for the plan, by folded header: what the coordinator picked (or left
 * out) and what was guessed from the content and then committed. Fields named by the header itself
 * need no memory.
 */
export function choicesToRemember(columns: readonly ImportColumn[], mapping: Record<string, ColumnChoice> | undefined): Record<string, ColumnChoice> {
  const out: Record<string, ColumnChoice> = {};
  for (const col of columns) {
    const key = foldHeader(col.header);
    if (!key) continue;
    const mine = mapping?.[columnLetter(col.index)];
    if (mine) out[key] = mine;
    else if (col.source === 'content' && col.field) out[key] = col.field;
  }
  return out;
}
