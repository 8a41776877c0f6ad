import type { AgencyDirectory, ResolvedCell } from '../agencies/directory';
import { foldVietnamese, normalizeAgencyName } from '../agencies/normalize';
import { parseTimeframe, type PlanPeriod } from '../timeframe';
import { parseVnNumber } from '../vn-number';
import type { Funding } from '../vocabulary';
import { parseFundingSources, parseTaskKind } from './funding';
import { columnLabel, findHeader, foldHeader, headerField, type HeaderColumn, type HeaderInfo } from './headers';
import { columnLetter, MAX_COLUMNS, readSpreadsheet, type Grid, type GridCell } from './read';
import { columnSamples, mapColumns, plainHeaderRow, REQUIRED_FIELDS } from './mapping';
import type { ImportColumn, ImportField, ImportFormat, ImportInput, ImportOptions, ImportPreview, ImportProblem, ImportRow, ImportSheet, ImportSummary, ParsedTask, UnknownAgencyName } from './types';

/** DESIGN.md §9: larger uploads are refused before they are read (HTTP 413). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export class ImportTooLargeError extends Error {
  override name = 'ImportTooLargeError';
  constructor(readonly size: number) {
    super(`Tệp ${(size / 1024 / 1024).toFixed(1)} MB vượt quá giới hạn ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
}

/** Throws `ImportTooLargeError` for a file over the limit. */
export function assertImportSize(size: number): void {
  if (size > MAX_IMPORT_BYTES) throw new ImportTooLargeError(size);
}

export interface ImportContext {
  directory: AgencyDirectory;
  plan: PlanPeriod;
}

async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

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

const MARK = /^(?:x|✓|✔|v|có|co)$/i;

interface Ctx {
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

function noteUnknown(ctx: Ctx, field: UnknownAgencyName['field'], text: string, row: number): void {
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
function dataCell(grid: Grid, r: number, c: number): GridCell | undefined {
  return grid.rows[r]?.[c] ?? fillsOf(grid).get(r * MAX_COLUMNS + c);
}

function firstColumn(ctx: Ctx, field: ImportField): HeaderColumn | undefined {
  return ctx.byField.get(field)?.[0];
}

function textOf(ctx: Ctx, r: number, field: ImportField): string {
  const col = firstColumn(ctx, field);
  return col ? clean(dataCell(ctx.grid, r, col.index)?.text) : '';
}

function parseAmounts(ctx: Ctx, r: number, problems: ImportProblem[], row: number): Funding['amounts'] | undefined {
  const amounts: NonNullable<Funding['amounts']> = {};
  const keys: [ImportField, 'recurrent' | 'investment' | 'total'][] = [
    ['amountRecurrent', 'recurrent'],
    ['amountInvestment', 'investment'],
    ['amountTotal', 'total'],
  ];
  for (const [field, key] of keys) {
    for (const col of ctx.byField.get(field) ?? []) {
      // Money is never filled down a merged range: an amount merged over three tasks is one amount.
      const cell = ctx.grid.rows[r]?.[col.index];
      const text = clean(cell?.text);
      const merged = text ? ctx.grid.merges.find((m) => m.top === r && m.left === col.index && m.bottom > r) : undefined;
      if (merged) {
        problems.push({
          row,
          column: columnLabel(col),
          field: 'funding',
          severity: 'warning',
          message: `Kinh phí "${text}" ở ô gộp dòng ${r + 1}–${merged.bottom + 1} được ghi một lần, cho nhiệm vụ ở dòng ${r + 1}.`,
        });
      }
      if (!text || /^[-–—]$/.test(text)) continue;
      const value = cell?.number ?? parseVnNumber(text);
      if (value === undefined || value < 0) {
        problems.push({
          row,
          column: columnLabel(col),
          field: 'funding',
          severity: 'error',
          message: `Kinh phí "${text}" không phải số hợp lệ (viết kiểu Việt Nam: 1.200 hoặc 7.184,4).`,
        });
        continue;
      }
      // Round away binary noise after converting units (7184.4 × 1 stays 7184.4).
      const inMillions = Math.round(value * (col.unitFactor ?? 1) * 1e6) / 1e6;
      amounts[key] = (amounts[key] ?? 0) + inMillions;
    }
  }
  if (amounts.total === undefined && (amounts.recurrent !== undefined || amounts.investment !== undefined)) {
    amounts.total = Math.round(((amounts.recurrent ?? 0) + (amounts.investment ?? 0)) * 1e6) / 1e6;
  }
  return Object.keys(amounts).length ? amounts : undefined;
}

function parseTaskRow(ctx: Ctx, r: number, dirCtx: ImportContext, problems: ImportProblem[]): ParsedTask {
  const row = r + 1;
  const col = (field: ImportField) => firstColumn(ctx, field);
  const label = (field: ImportField) => {
    const c = col(field);
    return c ? columnLabel(c) : undefined;
  };
  const problem = (field: ImportField, severity: 'error' | 'warning', message: string, suggestions?: string[]) => {
    const p: ImportProblem = { row, field: field === 'fundingText' ? 'funding' : field, severity, message };
    const c = col(field);
    if (c) p.column = columnLabel(c);
    if (suggestions?.length) p.suggestions = suggestions;
    problems.push(p);
  };

  const title = textOf(ctx, r, 'title');
  if (!title) problem('title', 'error', `Dòng ${row}: thiếu tên nhiệm vụ ở cột ${label('title')}.`);

  // Đơn vị chủ trì.
  const leadText = textOf(ctx, r, 'lead');
  const leads: ParsedTask['leads'] = [];
  if (!leadText) {
    problem('lead', 'error', `Dòng ${row}: thiếu đơn vị chủ trì ở cột ${label('lead')}.`);
  } else {
    const resolved = ctx.resolveCell(leadText);
    for (const a of resolved.agencies) {
      leads.push({ code: a.code, kind: a.kind, members: a.members });
      if (!a.active) problem('lead', 'warning', `Dòng ${row}: đơn vị "${a.text}" (${a.name}) đã ngừng hoạt động trong danh mục.`);
    }
    for (const u of resolved.unresolved) {
      noteUnknown(ctx, 'lead', u.text, row);
      const hint = u.suggestions.length ? ` Có phải: ${u.suggestions.join('; ')}?` : '';
      problem('lead', 'error', `Dòng ${row}: không nhận ra đơn vị chủ trì "${u.text}".${hint}`, u.suggestions);
    }
    // A count written before a group that the directory does not match ("19 Sở, Ban, ngành"): shown, not blocking.
    for (const n of resolved.notes) problem('lead', 'warning', `Dòng ${row}: ${n.message}`);
    if (!resolved.agencies.length && !resolved.unresolved.length) {
      problem('lead', 'error', `Dòng ${row}: đơn vị chủ trì "${leadText}" không chỉ rõ cơ quan nào; hãy ghi tên đơn vị cụ thể.`);
    }
  }

  // Cơ quan phối hợp: an unknown name is a warning, the task can go ahead without it.
  const coordinatingText = textOf(ctx, r, 'coordinating');
  const coordinatingAgencyCodes: string[] = [];
  if (coordinatingText) {
    const resolved = ctx.resolveCell(coordinatingText);
    for (const a of resolved.agencies) {
      if (!leads.some((l) => l.code === a.code) && !coordinatingAgencyCodes.includes(a.code)) coordinatingAgencyCodes.push(a.code);
    }
    for (const u of resolved.unresolved) {
      noteUnknown(ctx, 'coordinating', u.text, row);
      const hint = u.suggestions.length ? ` Có phải: ${u.suggestions.join('; ')}?` : '';
      problem('coordinating', 'warning', `Dòng ${row}: không nhận ra cơ quan phối hợp "${u.text}"; tên này sẽ bị bỏ qua.${hint}`, u.suggestions);
    }
    for (const n of resolved.notes) problem('coordinating', 'warning', `Dòng ${row}: ${n.message}`);
  }

  // Loại: mới / chuyển tiếp / thường xuyên.
  const kindText = textOf(ctx, r, 'kind');
  let kind = parseTaskKind(kindText);
  if (!kind) {
    problem('kind', 'warning', `Dòng ${row}: không nhận ra loại nhiệm vụ "${kindText}"; coi là nhiệm vụ mới.`);
    kind = 'new';
  }

  // Thời gian: several columns → from the earliest start to the latest end.
  const timeframeTexts: string[] = [];
  let start: string | undefined;
  let end: string | undefined;
  for (const c of ctx.byField.get('timeframe') ?? []) {
    const cell = dataCell(ctx.grid, r, c.index);
    const text = clean(cell?.text);
    if (!text) continue;
    timeframeTexts.push(text);
    let span: { start: string; end: string } | undefined;
    if (MARK.test(text) && c.period) span = c.period;
    else {
      const parsed = parseTimeframe(cell?.date ?? text, dirCtx.plan);
      if (!parsed.ok) {
        problems.push({ row, column: columnLabel(c), field: 'timeframe', severity: 'error', message: `Dòng ${row}: ${parsed.message}` });
        continue;
      }
      span = parsed;
    }
    if (!start || span.start < start) start = span.start;
    if (!end || span.end > end) end = span.end;
  }
  // Blank (or unreadable, which is reported above and blocks the commit): the plan's period.
  if (!start || !end) {
    start = dirCtx.plan.periodStart;
    end = dirCtx.plan.periodEnd;
  }
  // Without a kind column, "Thường xuyên" / "Hằng năm" as the timeframe says what kind it is.
  if (!kindText && timeframeTexts.some((t) => /^(?:thuong xuyen|hang nam)$/.test(foldHeader(t)))) kind = 'recurring';

  // Nguồn vốn and kinh phí.
  let funding: Funding | undefined;
  const fundingText = textOf(ctx, r, 'fundingText');
  const amounts = parseAmounts(ctx, r, problems, row);
  if (fundingText || amounts) {
    const { sources, recognised } = parseFundingSources(fundingText);
    if (fundingText && !recognised) problem('fundingText', 'warning', `Dòng ${row}: không nhận ra nguồn vốn "${fundingText}"; ghi là nguồn khác.`);
    funding = { sources };
    if (fundingText) funding.text = fundingText;
    if (amounts) funding.amounts = amounts;
  }

  const descriptionCols = ctx.byField.get('description') ?? [];
  const descriptions = descriptionCols
    .map((c) => ({ c, text: clean(dataCell(ctx.grid, r, c.index)?.text) }))
    .filter((d) => d.text);
  const description =
    descriptions.length === 1 ? descriptions[0]!.text : descriptions.length > 1 ? descriptions.map((d) => `${d.c.header}: ${d.text}`).join('\n') : undefined;

  const task: ParsedTask = {
    row,
    title,
    leadText,
    leads,
    coordinatingAgencyCodes,
    kind,
    startDate: start,
    dueDate: end,
  };
  const number = textOf(ctx, r, 'number').replace(/\.$/, '');
  if (number) task.number = number;
  if (description) task.description = description;
  if (coordinatingText) task.coordinatingText = coordinatingText;
  if (kindText) task.kindText = kindText;
  if (timeframeTexts.length) task.timeframeText = timeframeTexts.join(' | ');
  if (funding) task.funding = funding;
  const note = textOf(ctx, r, 'note');
  if (note) task.note = note;
  return task;
}

/** Formula cells (XLSX) and formula-like text (CSV, DOCX: plain text) in a row that becomes data. */
function formulaProblems(ctx: Ctx, r: number): ImportProblem[] {
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

function emptySummary(rows: number): ImportSummary {
  return { rows, tasks: 0, sections: 0, byLeadText: {}, byKind: {}, byTimeframe: {}, byFunding: {}, byCoordinatingText: {} };
}

const bump = (rec: Record<string, number>, key: string) => {
  rec[key] = (rec[key] ?? 0) + 1;
};

function rowCells(grid: Grid, r: number, fill: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (let c = 0; c < grid.width; c++) {
    const cell = fill ? dataCell(grid, r, c) : grid.rows[r]?.[c];
    const t = clean(cell?.text);
    if (t) out[columnLetter(c)] = t;
  }
  return out;
}

const REQUIRED_LABELS: Partial<Record<ImportField, string>> = {
  title: '"Tên nhiệm vụ" (hoặc "Tên nhiệm vụ, dự án", "Nội dung")',
  lead: '"Đơn vị chủ trì" (hoặc "Cơ quan chủ trì")',
};

/** A header's columns as the preview shows them: field, where it came from, first values. */
function previewColumns(grid: Grid, header: HeaderInfo): ImportColumn[] {
  const samples = columnSamples(grid, header);
  return header.columns.map((c) => ({
    index: c.index,
    header: c.header,
    ...(c.field ? { field: c.field } : {}),
    ...(c.field && c.source ? { source: c.source } : {}),
    samples: samples.get(c.index) ?? [],
  }));
}

/** What a worksheet or table is called in a message. */
const SHEET_WORD: Record<ImportFormat, string> = { csv: 'bảng', xlsx: 'trang tính', docx: 'bảng' };

/** The grid `name` names: exactly, else ignoring case, spacing and the form of diacritics. */
function gridNamed(grids: Grid[], name: string): Grid | undefined {
  const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return grids.find((g) => g.name === name) ?? grids.find((g) => g.name !== undefined && fold(g.name) === fold(name));
}

/**
 * Read an appendix and say what importing it would do: every row classified, every task parsed and
 * its agencies resolved, every problem with its row and column. `options` carries the coordinator's
 * column choices and the worksheet or table to read (else the first whose columns hold a title and a
 * lead). Never throws for bad content; only a file over 10 MB is refused with `ImportTooLargeError`.
 */
export async function previewImport(input: ImportInput, ctx: ImportContext, options: ImportOptions = {}): Promise<ImportPreview> {
  assertImportSize(input.data.byteLength);
  const fileSha256 = await sha256Hex(input.data);
  const read = await readSpreadsheet(input);
  let sheets: ImportSheet[] = [];
  const base = (format: ImportFormat, problems: ImportProblem[], rows: number): ImportPreview => ({
    format,
    fileSha256,
    sheets,
    columns: [],
    rows: [],
    tasks: [],
    problems,
    ok: !problems.some((p) => p.severity === 'error'),
    summary: emptySummary(rows),
    missingFields: [],
    unknownNames: [],
  });
  if (!read.ok) return base(read.format, [read.problem], 0);

  // Every worksheet or table, with its header and columns settled.
  type Candidate = { grid: Grid; header: HeaderInfo | undefined; problems: ImportProblem[] };
  const mapped = read.grids.map((grid): Candidate => {
    const header = findHeader(grid) ?? plainHeaderRow(grid);
    return { grid, header, problems: header ? mapColumns(grid, header, options, ctx.directory, ctx.plan) : [] };
  });
  const usable = (c: Candidate) => !!c.header && REQUIRED_FIELDS.every((f) => c.header!.columns.some((col) => col.field === f));
  if (read.format !== 'csv') {
    sheets = mapped.map((c, i) => ({
      name: c.grid.name ?? String(i + 1),
      ...(c.grid.caption ? { caption: c.grid.caption } : {}),
      rows: c.grid.rows.length,
      columns: c.grid.width,
      hasHeader: usable(c),
    }));
  }

  // The sheet asked for, or every sheet in turn.
  let candidates = mapped;
  if (options.sheet !== undefined) {
    const named = read.format === 'csv' ? undefined : gridNamed(read.grids, options.sheet);
    if (!named) {
      const word = SHEET_WORD[read.format];
      const message =
        read.format === 'csv'
          ? `Tệp CSV chỉ có một bảng; không chọn được bảng "${options.sheet}".`
          : `Không có ${word} "${options.sheet}" trong tệp. Các ${word} có: ${sheets.map((s) => `"${s.name}"`).join(', ')}.`;
      return base(read.format, [...read.warnings, { field: 'sheet', severity: 'error', message }], 0);
    }
    candidates = mapped.filter((c) => c.grid === named);
  }

  // The first worksheet whose columns hold the required fields; else the first with any header.
  let chosen: (Candidate & { header: HeaderInfo }) | undefined;
  let partial: (Candidate & { header: HeaderInfo }) | undefined;
  for (const c of candidates) {
    if (!c.header) continue;
    if (usable(c)) {
      chosen = c as Candidate & { header: HeaderInfo };
      break;
    }
    partial ??= c as Candidate & { header: HeaderInfo };
  }

  const firstGrid = candidates.find((c) => c.grid.rows.length)?.grid ?? candidates[0]!.grid;
  if (!chosen) {
    const grid = partial?.grid ?? firstGrid;
    const found = partial
      ? partial.header.columns.map((c) => c.header).filter(Boolean)
      : (grid.rows.find((r) => r.some((c) => clean(c?.text))) ?? []).map((c) => clean(c?.text)).filter(Boolean);
    const fields = new Set(partial?.header.columns.map((c) => c.field) ?? []);
    const missing = REQUIRED_FIELDS.filter((f) => !fields.has(f));
    const problem: ImportProblem = {
      severity: 'error',
      message: `Thiếu cột bắt buộc: ${missing.map((f) => REQUIRED_LABELS[f]).join(' và ')}. Các cột tìm thấy: ${found.length ? found.map((h) => `"${h}"`).join(', ') : '(không có)'}.${partial ? ' Hãy chọn cột chứa trường này ở bảng ghép cột.' : ''}`,
    };
    if (partial) {
      problem.row = partial.header.rows[0]! + 1;
      problem.field = missing[0];
    }
    const preview = base(read.format, [...read.warnings, ...(partial?.problems ?? []), problem], grid.rows.length);
    preview.missingFields = missing;
    if (partial) {
      preview.headerRow = partial.header.rows[0]! + 1;
      preview.columns = previewColumns(grid, partial.header);
    }
    if (grid.name && read.format !== 'csv') preview.sheetName = grid.name;
    return preview;
  }

  const { grid, header } = chosen;
  const byField = new Map<ImportField, HeaderColumn[]>();
  for (const c of header.columns) {
    if (!c.field) continue;
    const list = byField.get(c.field) ?? [];
    list.push(c);
    byField.set(c.field, list);
  }
  const resolutions = new Map<string, ResolvedCell>();
  const ctxRows: Ctx = {
    grid,
    header,
    byField,
    format: read.format,
    unknown: new Map(),
    directory: ctx.directory,
    resolveCell(text) {
      let r = resolutions.get(text);
      if (!r) resolutions.set(text, (r = ctx.directory.resolveCell(text)));
      return r;
    },
  };
  const headerRows = new Set([...header.rows, ...header.numberingRows]);
  const firstDataRow = Math.max(...headerRows) + 1;

  const rows: ImportRow[] = [];
  const tasks: ParsedTask[] = [];
  const fileProblems: ImportProblem[] = [...read.warnings, ...chosen.problems];
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
      const problems = formulaProblems(ctxRows, r);
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

    const problems: ImportProblem[] = formulaProblems(ctxRows, r);
    const task = parseTaskRow(ctxRows, r, ctx, problems);
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

  for (const p of [...fileProblems, ...rows.flatMap((r) => r.problems)]) if (p.column === undefined) delete p.column;
  const problems = [...fileProblems, ...rows.flatMap((r) => r.problems)];
  const summary = emptySummary(grid.rows.length);
  summary.tasks = tasks.length;
  summary.sections = rows.filter((r) => r.type === 'section').length;
  for (const t of tasks) {
    bump(summary.byLeadText, t.leadText);
    bump(summary.byKind, t.kind);
    bump(summary.byTimeframe, t.timeframeText ?? '');
    bump(summary.byFunding, t.funding?.text ?? '');
    bump(summary.byCoordinatingText, t.coordinatingText ?? '');
  }
  if (!tasks.length) {
    problems.push({ severity: 'error', message: 'Không tìm thấy dòng nhiệm vụ nào dưới dòng tiêu đề cột.' });
  }

  const preview: ImportPreview = {
    format: read.format,
    fileSha256,
    sheets,
    headerRow: header.rows[0]! + 1,
    columns: previewColumns(grid, header),
    rows,
    tasks,
    problems,
    ok: !problems.some((p) => p.severity === 'error'),
    summary,
    missingFields: [],
    unknownNames: [...ctxRows.unknown.values()],
  };
  if (read.format !== 'csv' && grid.name) preview.sheetName = grid.name;
  return preview;
}
