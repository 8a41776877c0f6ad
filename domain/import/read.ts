import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readDocx, wordDocumentPart } from './docx';
import type { Grid, GridCell, ImportFormat, ImportProblem, MergeRange } from './types';

/**
 * File → grid of cells. CSV (any of the encodings and delimiters a Vietnamese office's Excel or
 * LibreOffice produces), XLSX (every worksheet, with merged ranges and typed values) and DOCX (every
 * table of a Word document, merged cells as merged ranges) end up in the same shape, so everything
 * after this reads one structure.
 */

export type ReadResult =
  | { ok: true; format: ImportFormat; grids: Grid[]; warnings: ImportProblem[] }
  | { ok: false; format: ImportFormat; problem: ImportProblem };

/** Refuse sheets bigger than any plan appendix, before walking them cell by cell. */
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 200;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

const fail = (format: ImportFormat, message: string): ReadResult => ({ ok: false, format, problem: { severity: 'error', message } });

/** Column letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A ZIP archive (XLSX and DOCX are both ZIP packages), by its first bytes. */
function looksLikeZip(data: Uint8Array): boolean {
  return startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06]);
}

/** Formats people upload by mistake, recognised by their first bytes. */
function knownNonSpreadsheet(data: Uint8Array): string | undefined {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47])) return 'ảnh PNG';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'ảnh JPEG';
  if (startsWith(data, [0x47, 0x49, 0x46, 0x38])) return 'ảnh GIF';
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) return 'tài liệu PDF';
  if (startsWith(data, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'văn bản RTF';
  if (startsWith(data, [0x1f, 0x8b])) return 'tệp nén gzip';
  if (startsWith(data, [0x52, 0x61, 0x72, 0x21])) return 'tệp nén RAR';
  if (startsWith(data, [0x37, 0x7a, 0xbc, 0xaf])) return 'tệp nén 7z';
  return undefined;
}

// ---------------------------------------------------------------------------------------------- CSV

function decodeText(data: Uint8Array): { text: string; warning?: string } | { error: string } {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(data.subarray(3)) };
  if (startsWith(data, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)) };
  if (startsWith(data, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)) };

  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  const sample = data.subarray(0, Math.min(data.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  if (half >= 2 && oddZeros > half * 0.4 && evenZeros < half * 0.05) return { text: new TextDecoder('utf-16le').decode(data) };
  if (half >= 2 && evenZeros > half * 0.4 && oddZeros < half * 0.05) return { text: new TextDecoder('utf-16be').decode(data) };

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data) };
  } catch {
    // Not UTF-8: Excel's "CSV" on a Vietnamese Windows writes the ANSI code page, Windows-1258.
    try {
      return {
        text: new TextDecoder('windows-1258').decode(data),
        warning: 'Tệp không ở bảng mã UTF-8; đã đọc theo bảng mã Windows-1258. Nếu chữ có dấu hiển thị sai, hãy lưu lại dưới dạng "CSV UTF-8".',
      };
    } catch {
      return { error: 'Tệp không ở bảng mã UTF-8 và không đọc được. Hãy lưu lại dưới dạng "CSV UTF-8" hoặc XLSX.' };
    }
  }
}

/** Control characters other than tab and line breaks: a sign of binary content read as text. */
function binaryShare(text: string): number {
  const sample = text.slice(0, 8192);
  if (!sample.length) return 0;
  let bad = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / sample.length;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter that splits the first lines most consistently, counting only outside quotes.
 * Comma wins ties, as RFC 4180 has it.
 */
export function detectDelimiter(text: string): string {
  const lines: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 50; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (cur.trim()) lines.push(cur);
      cur = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) lines.push(cur);

  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((line) => {
      let n = 0;
      let q = false;
      for (const ch of line) {
        if (ch === '"') q = !q;
        else if (ch === d && !q) n++;
      }
      return n;
    });
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    // Lines agreeing on the most common non-zero count, weighted by that count: title rows of one
    // cell do not outvote the table.
    let score = 0;
    for (const [n, f] of freq) score = Math.max(score, f * 1000 + n);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function readCsv(data: Uint8Array): ReadResult {
  const decoded = decodeText(data);
  if ('error' in decoded) return fail('csv', decoded.error);
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (binaryShare(text) > 0.02 || text.includes('\u0000')) {
    return fail('csv', 'Tệp không phải bảng tính CSV hay XLSX (nội dung nhị phân). Hãy tải lên tệp .csv hoặc .xlsx của phụ lục.');
  }
  if (!text.trim()) return fail('csv', 'Tệp rỗng: không có dòng nào.');

  // Excel's "sep=;" hint line.
  let delimiter = detectDelimiter(text);
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) delimiter = hint[1]!;

  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return fail('csv', `Tệp CSV sai cấu trúc${e.lines ? ` ở dòng ${e.lines}` : ''}: ${e.message ?? 'không đọc được'}. Hãy kiểm tra dấu ngoặc kép (").`);
  }
  if (records.length > MAX_ROWS) return fail('csv', `Tệp có ${records.length} dòng, quá ${MAX_ROWS} dòng cho phép của một phụ lục.`);
  let width = 0;
  const rows = records.map((rec) => {
    width = Math.max(width, rec.length);
    return rec.map((v) => (v === '' ? undefined : { text: v }));
  });
  if (width > MAX_COLUMNS) return fail('csv', `Tệp có ${width} cột, quá ${MAX_COLUMNS} cột cho phép.`);
  const warnings: ImportProblem[] = decoded.warning ? [{ severity: 'warning', message: decoded.warning }] : [];
  return { ok: true, format: 'csv', grids: [{ rows, merges: [], width }], warnings };
}

// --------------------------------------------------------------------------------------------- XLSX

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel stores a date as a serial day; exceljs hands it over as a UTC midnight. */
function dateParts(d: Date): { iso: string; text: string } {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return { iso: `${y}-${pad2(m)}-${pad2(day)}`, text: `${pad2(day)}/${pad2(m)}/${y}` };
}

function valueText(v: unknown): GridCell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) {
    const { iso, text } = dateParts(v);
    return { text, date: iso };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return { text: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
    if ('formula' in o || 'sharedFormula' in o) {
      const result = valueText(o.result);
      return { ...(result ?? { text: '' }), formula: String(o.formula ?? o.sharedFormula ?? '') };
    }
    if ('hyperlink' in o || 'text' in o) return valueText(o.text);
    if ('error' in o) return { text: String(o.error) };
  }
  return { text: String(v) };
}

async function readXlsx(data: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return fail('xlsx', 'Tệp nén (ZIP) bị hỏng, hoặc không phải bảng tính XLSX hay tài liệu Word DOCX đọc được. Hãy lưu lại phụ lục dưới dạng .xlsx, .docx hoặc .csv.');
  }
  // Any ZIP other than a workbook (a Word document is read before this) loads as a workbook without sheets.
  if (!workbook.worksheets.length) {
    return fail('xlsx', 'Tệp nén (ZIP) nhưng không phải bảng tính XLSX hay tài liệu Word DOCX (không có trang tính nào). Hãy lưu lại phụ lục dưới dạng .xlsx, .docx hoặc .csv.');
  }
  const grids: Grid[] = [];
  for (const ws of workbook.worksheets) {
    // actualRowCount counts rows holding values; rowCount also counts rows that only carry formatting.
    if (ws.actualRowCount > MAX_ROWS) return fail('xlsx', `Trang "${ws.name}" có ${ws.actualRowCount} dòng, quá ${MAX_ROWS} dòng cho phép của một phụ lục.`);
    const rows: (GridCell | undefined)[][] = [];
    const masters = new Map<string, MergeRange>();
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      while (rows.length < r - 1) rows.push([]);
      const cells: (GridCell | undefined)[] = [];
      // Columns beyond MAX_COLUMNS are formatting leftovers, never part of an appendix.
      for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) {
        const cell = row.getCell(c);
        if (cell.type === ExcelJS.ValueType.Merge) {
          const master = cell.master;
          const [mr, mc] = [Number(master.row) - 1, Number(master.col) - 1];
          const range = masters.get(master.address) ?? { top: mr, left: mc, bottom: mr, right: mc };
          range.bottom = Math.max(range.bottom, r - 1);
          range.right = Math.max(range.right, c - 1);
          masters.set(master.address, range);
          cells.push(undefined);
          continue;
        }
        const v = valueText(cell.value);
        cells.push(v && (v.text.trim() || v.formula) ? v : undefined);
      }
      while (cells.length && cells[cells.length - 1] === undefined) cells.pop();
      width = Math.max(width, cells.length);
      rows.push(cells);
    });
    while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
    grids.push({ name: ws.name, rows, merges: [...masters.values()], width });
  }
  if (!grids.some((g) => g.rows.length)) return fail('xlsx', 'Bảng tính rỗng: không trang nào có dữ liệu.');
  return { ok: true, format: 'xlsx', grids, warnings: [] };
}

// --------------------------------------------------------------------------------------------- ZIP

const MOVED_NAME = {
  docxAsXlsx: 'Tệp được gửi lên như bảng tính .xlsx nhưng là tài liệu Word; đã đọc các bảng trong tài liệu.',
  xlsxAsDocx: 'Tệp được gửi lên như tài liệu Word .docx nhưng là bảng tính Excel; đã đọc như bảng tính XLSX.',
};

/** XLSX and DOCX are both ZIP packages: which one this is, the content says, not the name. */
async function readZip(data: Uint8Array, claimed: ImportFormat): Promise<ReadResult> {
  let zip: JSZip | undefined;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    zip = undefined;
  }
  const part = zip && (await wordDocumentPart(zip));
  if (zip && part) {
    const read = await readDocx(zip, part, { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS });
    if (!read.ok) return fail('docx', read.message);
    const warnings: ImportProblem[] = claimed === 'xlsx' ? [{ severity: 'warning', message: MOVED_NAME.docxAsXlsx }] : [];
    return { ok: true, format: 'docx', grids: read.grids, warnings };
  }
  if (claimed === 'docx' && !zip) {
    return fail('docx', 'Tài liệu Word (.docx) bị hỏng, không mở được. Hãy mở bằng Word, lưu lại rồi tải lên lần nữa, hoặc lưu phụ lục dưới dạng .xlsx.');
  }
  const read = await readXlsx(data);
  if (claimed !== 'docx') return read;
  if (!read.ok) {
    return fail('docx', 'Tệp mang đuôi .docx nhưng không phải tài liệu Word hay bảng tính XLSX đọc được. Hãy lưu lại bằng Word dưới dạng .docx.');
  }
  read.warnings.push({ severity: 'warning', message: MOVED_NAME.xlsxAsDocx });
  return read;
}

/** Read an uploaded file into grids, or say in one sentence why it cannot be read. */
export async function readSpreadsheet(input: { data: Uint8Array; fileName?: string; contentType?: string }): Promise<ReadResult> {
  const { data } = input;
  const name = input.fileName ?? '';
  const type = input.contentType ?? '';
  const byName = /\.xlsx$/i.test(name) || /spreadsheetml/i.test(type);
  // .docx, and its macro-enabled and template siblings, which hold the same document part.
  const byWordName = /\.(?:docx|docm|dotx)$/i.test(name) || /wordprocessingml/i.test(type);
  const claimed: ImportFormat = byWordName ? 'docx' : byName ? 'xlsx' : 'csv';
  if (data.length === 0) return fail(claimed, 'Tệp rỗng: không có dữ liệu.');
  const other = knownNonSpreadsheet(data);
  if (other) return fail(claimed, `Tệp là ${other}, không phải bảng tính. Hãy tải lên tệp .csv, .xlsx hoặc .docx của phụ lục.`);
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    // The old binary formats of Word and Excel share one container; only the name tells them apart.
    if (/\.doc$/i.test(name) || /msword/i.test(type)) {
      return fail('docx', 'Tài liệu Word 97–2003 (.doc) chưa được hỗ trợ. Hãy mở bằng Word và lưu lại dưới dạng .docx, hoặc lưu phụ lục dưới dạng .xlsx.');
    }
    return fail('xlsx', 'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.');
  }
  if (looksLikeZip(data)) return readZip(data, claimed);
  if (byWordName) return fail('docx', 'Tệp mang đuôi .docx nhưng không phải tài liệu Word DOCX. Hãy lưu lại bằng Word dưới dạng .docx, hoặc lưu phụ lục dưới dạng .xlsx hay .csv.');
  if (byName) return fail('xlsx', 'Tệp mang đuôi .xlsx nhưng không phải bảng tính XLSX. Hãy lưu lại phụ lục dưới dạng .xlsx hoặc .csv.');
  return readCsv(data);
}
