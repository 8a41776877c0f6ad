import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../domain/agencies';
import { assertImportSize, detectDelimiter, ImportTooLargeError, MAX_IMPORT_BYTES, previewImport, type ImportPreview } from '../../domain/import';
import { agencySeed } from '../../db/seed/agencies';
import { planFixture, TAY_NINH as TAY_NINH_FILE } from '../helpers/plan-fixtures';

/** Bad and unusual input: each gives a clear problem (or reads correctly), never an exception. */

const TAY_NINH = planFixture(TAY_NINH_FILE);
const TAY_NINH_TEXT = TAY_NINH.toString('utf8');
const directory = new AgencyDirectory(agencySeed('tay-ninh'));
const plan = { periodStart: '2019-01-01', periodEnd: '2020-12-31' };

const run = (data: Uint8Array | string, fileName?: string): Promise<ImportPreview> =>
  previewImport({ data: typeof data === 'string' ? new TextEncoder().encode(data) : data, fileName }, { directory, plan });

const records = parse(TAY_NINH, { relax_column_count: true }) as string[][];

/** Serialise records with another delimiter and line ending, quoting as RFC 4180 requires. */
function toCsv(rows: string[][], delimiter = ',', eol = '\r\n'): string {
  const quote = (v: string) => (v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

function withCell(rowIndex: number, col: number, value: string): string[][] {
  return records.map((r, i) => (i === rowIndex ? r.map((v, c) => (c === col ? value : v)) : r));
}

const errorsOf = (p: ImportPreview) => p.problems.filter((x) => x.severity === 'error');

let reference: ImportPreview;
const referenceTasks = async () => (reference ??= await run(TAY_NINH)).tasks;

describe('files that are not a table', () => {
  it('an empty file', async () => {
    const p = await run(new Uint8Array());
    expect(p.ok).toBe(false);
    expect(p.tasks).toEqual([]);
    expect(p.problems).toEqual([{ severity: 'error', message: expect.stringContaining('rỗng') }]);
  });

  it('a file of blank lines', async () => {
    const p = await run('\r\n \r\n\r\n');
    expect(errorsOf(p)).toHaveLength(1);
    expect(errorsOf(p)[0]!.message).toContain('rỗng');
  });

  it('a PNG uploaded by mistake', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const p = await run(png, 'phu-luc.csv');
    expect(p.ok).toBe(false);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]!.message).toMatch(/PNG.*không phải bảng tính/);
  });

  it('binary garbage', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const p = await run(garbage);
    expect(p.ok).toBe(false);
    expect(p.problems[0]!.message).toMatch(/không phải bảng tính|nhị phân/);
  });

  it('an Excel 97–2003 .xls file', async () => {
    const p = await run(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'phu-luc.xls');
    expect(p.problems[0]!.message).toContain('.xls');
  });

  it('a ZIP that is not a workbook', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    const p = await run(zip, 'phu-luc.xlsx');
    expect(p.format).toBe('xlsx');
    expect(p.problems[0]!.message).toMatch(/không phải bảng tính XLSX/);
  });

  it('a CSV with an unclosed quote', async () => {
    const p = await run('STT,Tên nhiệm vụ,Đơn vị chủ trì\r\n1,"Xây dựng CSDL,Sở TTTT\r\n');
    expect(p.ok).toBe(false);
    expect(p.problems[0]!.message).toMatch(/CSV sai cấu trúc/);
  });

  it('over 10 MB is refused before reading', async () => {
    const big = new Uint8Array(11 * 1024 * 1024).fill(0x41);
    await expect(run(big)).rejects.toBeInstanceOf(ImportTooLargeError);
    await expect(run(big)).rejects.toThrow(/10 MB/);
    expect(() => assertImportSize(MAX_IMPORT_BYTES)).not.toThrow();
    expect(() => assertImportSize(MAX_IMPORT_BYTES + 1)).toThrow(ImportTooLargeError);
  });
});

describe('encodings and delimiters read the same tasks', () => {
  it('UTF-8 with a byte order mark', async () => {
    const p = await run(new Uint8Array([0xef, 0xbb, 0xbf, ...TAY_NINH]));
    expect(p.problems).toEqual([]);
    expect(p.tasks).toEqual(await referenceTasks());
  });

  it('UTF-16 LE and BE with a byte order mark', async () => {
    const le = Buffer.from(`\ufeff${TAY_NINH_TEXT}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be]) {
      const p = await run(bytes);
      expect(p.problems).toEqual([]);
      expect(p.tasks).toEqual(await referenceTasks());
    }
  });

  it('UTF-16 LE without a byte order mark', async () => {
    const p = await run(Buffer.from(TAY_NINH_TEXT, 'utf16le'));
    expect(p.tasks).toEqual(await referenceTasks());
  });

  it('semicolon- and tab-delimited, with LF line endings', async () => {
    for (const delimiter of [';', '\t']) {
      const text = toCsv(records, delimiter, '\n');
      expect(detectDelimiter(text)).toBe(delimiter);
      const p = await run(text);
      expect(p.problems).toEqual([]);
      expect(p.tasks).toEqual(await referenceTasks());
    }
  });

  it('Excel\'s "sep=;" hint line', async () => {
    const p = await run(`sep=;\r\n${toCsv(records, ';')}`);
    expect(p.headerRow).toBe(2);
    expect(p.tasks.map((t) => t.title)).toEqual((await referenceTasks()).map((t) => t.title));
  });

  it('decomposed Vietnamese (NFD) reads the same', async () => {
    const p = await run(TAY_NINH_TEXT.normalize('NFD'));
    expect(p.problems).toEqual([]);
    expect(p.tasks.map((t) => t.leads)).toEqual((await referenceTasks()).map((t) => t.leads));
  });

  it('title rows above the header shift the row numbers, nothing else', async () => {
    const text = `"DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN TRIỂN KHAI THỰC HIỆN",,,,,,\r\n"(Ban hành kèm theo Kế hoạch số 794/KH-UBND ngày 23 tháng 4 năm 2019 của UBND tỉnh Tây Ninh)",,,,,,\r\n,,,,,,\r\n${TAY_NINH_TEXT}`;
    const p = await run(text);
    expect(p.headerRow).toBe(4);
    expect(p.rows.slice(0, 4).map((r) => r.type)).toEqual(['title', 'title', 'blank', 'header']);
    const ref = await referenceTasks();
    expect(p.tasks.map((t) => t.row)).toEqual(ref.map((t) => t.row + 3));
    expect(p.tasks.map(({ row: _r, ...t }) => t)).toEqual(ref.map(({ row: _r, ...t }) => t));
  });
});

describe('problems with row and column', () => {
  it('a missing required column names it and lists the headers found', async () => {
    const p = await run(toCsv(records.map((r) => r.filter((_, c) => c !== 2))));
    expect(p.ok).toBe(false);
    expect(p.tasks).toEqual([]);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ row: 1, field: 'lead', severity: 'error' });
    expect(p.problems[0]!.message).toContain('"Đơn vị chủ trì"');
    expect(p.problems[0]!.message).toContain('"Tên nhiệm vụ, đề án"');
    expect(p.problems[0]!.message).toContain('"Cơ quan phối hợp"');
  });

  it('an unknown agency gets suggestions', async () => {
    // Row 4 of the file (index 3): "Sở Thông tin và Truyền thông" misspelt.
    const p = await run(toCsv(withCell(3, 2, 'Sở Thông tin và Truyền thônh')));
    expect(p.ok).toBe(false);
    expect(errorsOf(p)).toEqual([
      {
        row: 4,
        column: 'C — Cơ quan chủ trì',
        field: 'lead',
        severity: 'error',
        message: expect.stringContaining('"Sở Thông tin và Truyền thônh"'),
        suggestions: expect.arrayContaining(['Sở Thông tin và Truyền thông']),
      },
    ]);
    expect(errorsOf(p)[0]!.suggestions![0]).toBe('Sở Thông tin và Truyền thông');
    // The row is still previewed, just without that lead.
    expect(p.rows.find((r) => r.row === 4)).toMatchObject({ type: 'task', task: { leads: [] } });
  });

  it('a vague lead is an error, a vague or unknown coordinating agency is not', async () => {
    let rows = withCell(3, 2, 'Các cơ quan liên quan');
    rows = rows.map((r, i) => (i === 4 ? r.map((v, c) => (c === 3 ? 'Sở Ngoại giao' : v)) : r));
    const p = await run(toCsv(rows));
    expect(errorsOf(p)).toEqual([expect.objectContaining({ row: 4, field: 'lead', message: expect.stringContaining('không chỉ rõ') })]);
    const warning = p.problems.find((x) => x.severity === 'warning');
    expect(warning).toMatchObject({ row: 5, column: 'D — Cơ quan phối hợp', field: 'coordinating' });
    expect(warning!.suggestions).toContain('Sở Ngoại vụ');
  });

  it('an impossible date or quarter', async () => {
    const rows = withCell(2, 4, '31/02/2019').map((r, i) => (i === 6 ? r.map((v, c) => (c === 5 ? 'Quý V/2022' : v)) : r));
    const p = await run(toCsv(rows));
    expect(errorsOf(p).map((e) => [e.row, e.column, e.field])).toEqual([
      [3, 'E — Thời gian thực hiện, hoàn thành 2019-2020', 'timeframe'],
      [7, 'F — Thời gian thực hiện, hoàn thành 2021-2025', 'timeframe'],
    ]);
    expect(errorsOf(p)[0]!.message).toContain('31/02/2019');
    expect(errorsOf(p)[1]!.message).toContain('Quý "V"');
  });

  it('a task row twice in one section; the same title in another section is fine', async () => {
    const copy = [...records.slice(0, 5), records[3]!, ...records.slice(5)];
    const p = await run(toCsv(copy));
    expect(errorsOf(p)).toEqual([expect.objectContaining({ row: 6, field: 'title', message: expect.stringContaining('trùng với dòng 4') })]);

    const elsewhere = [...records.slice(0, 6), records[3]!, ...records.slice(6)];
    expect(elsewhere[5]![0]).toBe('II');
    expect(errorsOf(await run(toCsv(elsewhere)))).toEqual([]);
  });

  it('CSV cells that a spreadsheet would run as formulas', async () => {
    let rows = withCell(2, 1, '=HYPERLINK("http://example.com","Bấm vào đây")');
    rows = rows.map((r, i) => (i === 3 ? r.map((v, c) => (c === 6 ? '+84 912 345 678' : v)) : r));
    rows = rows.map((r, i) => (i === 4 ? r.map((v, c) => (c === 3 ? '@SUM(A1:A9)' : v)) : r));
    const p = await run(toCsv(rows));
    expect(errorsOf(p).map((e) => [e.row, e.column])).toEqual([
      [3, 'B — Tên nhiệm vụ, đề án'],
      [4, 'G — Ghi chú'],
      [5, 'D — Cơ quan phối hợp'],
    ]);
    expect(errorsOf(p)[0]!.message).toMatch(/B3 bắt đầu bằng "="/);
  });

  it('a row missing its title, and unknown kind and funding texts', async () => {
    const text = [
      'STT,Tên nhiệm vụ,Đơn vị chủ trì,Loại,Thời gian thực hiện,Nguồn kinh phí,Tổng kinh phí',
      '1,,Sở Tài chính,Nhiệm vụ mới,2020,Ngân sách tỉnh,"1.200"',
      '2,Xây dựng CSDL đất đai,Sở TN&MT,Đặc biệt,2020,Quỹ tương lai,nhiều',
      'Tổng cộng,,,,,,"1.200"',
    ].join('\r\n');
    const p = await run(text);
    expect(p.rows.map((r) => r.type)).toEqual(['header', 'task', 'task', 'total']);
    expect(p.problems.map((x) => [x.row, x.field, x.severity])).toEqual([
      [2, 'title', 'error'],
      [3, 'kind', 'warning'],
      [3, 'funding', 'error'],
      [3, 'funding', 'warning'],
    ]);
    expect(p.tasks[0]!.funding).toEqual({ text: 'Ngân sách tỉnh', sources: ['province'], amounts: { total: 1200 } });
    expect(p.tasks[1]).toMatchObject({ kind: 'new', funding: { text: 'Quỹ tương lai', sources: ['other'] } });
  });

  it('no task rows under the header', async () => {
    const p = await run('STT,Tên nhiệm vụ,Đơn vị chủ trì\r\n,,\r\n');
    expect(p.ok).toBe(false);
    expect(p.problems[0]!.message).toContain('Không tìm thấy dòng nhiệm vụ');
  });
});
