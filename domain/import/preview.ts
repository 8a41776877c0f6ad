import { classifyRows } from './classify-rows';
import { findHeader, type HeaderInfo } from './headers';
import { columnSamples, mapColumns, plainHeaderRow, REQUIRED_FIELDS } from './mapping';
import { readSpreadsheet } from './read';
import { clean, sheetContext, type ImportContext } from './sheet-context';
import type { Grid, ImportColumn, ImportField, ImportFormat, ImportInput, ImportOptions, ImportPreview, ImportProblem, ImportSheet, ImportSummary } from './types';

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

async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function emptySummary(rows: number): ImportSummary {
  return { rows, tasks: 0, sections: 0, byLeadText: {}, byKind: {}, byTimeframe: {}, byFunding: {}, byCoordinatingText: {} };
}

const bump = (rec: Record<string, number>, key: string) => {
  rec[key] = (rec[key] ?? 0) + 1;
};

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

  const sheet = sheetContext(chosen.grid, chosen.header, read.format, ctx.directory);
  const { grid, header } = chosen;
  const { rows, tasks } = classifyRows(sheet, ctx);
  const fileProblems: ImportProblem[] = [...read.warnings, ...chosen.problems];

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
    unknownNames: [...sheet.unknown.values()],
  };
  if (read.format !== 'csv' && grid.name) preview.sheetName = grid.name;
  return preview;
}
