import { describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../domain/agencies';
import { previewImport, type ImportOptions, type ImportPreview } from '../../domain/import';
import { choicesToRemember } from '../../domain/import/mapping';
import { agencySeed } from '../../db/seed/agencies';

/**
 * Appendices worded as other provinces word them (tables written for these tests, in the shapes of
 * district-level and provincial plans): the columns are found by their headers' many wordings, or by
 * what their cells hold, or as the coordinator maps them; nothing is refused for a wording alone.
 */

const directory = new AgencyDirectory(agencySeed('generic'));
const plan = { periodStart: '2026-01-01', periodEnd: '2030-12-31' };
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n'));
const preview = (rows: string[][], options?: ImportOptions) => previewImport({ data: csv(rows), fileName: 'phu-luc.csv' }, { directory, plan }, options);
const fieldOf = (p: ImportPreview, letter: string) => p.columns.find((c) => String.fromCharCode(65 + c.index) === letter);

describe('header wordings of other provinces', () => {
  it('reads a district appendix: "Đơn vị thực hiện", "Đơn vị phối hợp thực hiện", funding Đầu tư before Sự nghiệp, "Thời gian hoàn thành"', async () => {
    const p = await preview([
      ['PHỤ LỤC', '', '', '', '', '', '', ''],
      ['Danh mục nhiệm vụ chuyển đổi số năm 2026 (Kèm theo Kế hoạch số 45/KH-UBND)', '', '', '', '', '', '', ''],
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Đơn vị phối hợp thực hiện', 'Kinh phí (triệu đồng)', '', 'Thời gian hoàn thành', 'Ghi chú'],
      ['', '', '', '', 'Đầu tư', 'Sự nghiệp', '', ''],
      ['I', 'Hạ tầng số', '', '', '', '', '', ''],
      ['1', 'Nâng cấp mạng LAN tại trụ sở', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', '1.200', '350,5', 'Quý II/2026', ''],
      ['2', 'Số hóa hồ sơ lưu trữ', 'Sở Nội vụ', 'Các cơ quan liên quan', '', '7.184,4', '2026-2027', 'Chuyển tiếp'],
    ]);
    expect(p.ok, JSON.stringify(p.problems)).toBe(true);
    expect(p.columns.filter((c) => c.field).map((c) => [c.field, c.source])).toEqual([
      ['number', 'header'],
      ['title', 'header'],
      ['lead', 'header'],
      ['coordinating', 'header'],
      ['amountInvestment', 'header'],
      ['amountRecurrent', 'header'],
      ['timeframe', 'header'],
      ['note', 'header'],
    ]);
    expect(p.tasks.map((t) => [t.title, t.leads.map((l) => l.code), t.coordinatingAgencyCodes, t.funding?.amounts, t.dueDate, t.sectionCode])).toEqual([
      ['Nâng cấp mạng LAN tại trụ sở', ['STTTT'], ['STC'], { investment: 1200, recurrent: 350.5, total: 1550.5 }, '2026-06-30', 'I'],
      ['Số hóa hồ sơ lưu trữ', ['SNV'], [], { recurrent: 7184.4, total: 7184.4 }, '2027-12-31', 'I'],
    ]);
  });

  it.each([
    ['Cơ quan thực hiện', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
    ['Đơn vị chủ trì thực hiện', 'Đơn vị phối hợp', 'Tiến độ'],
    ['Cơ quan, đơn vị chủ trì', 'Cơ quan, đơn vị phối hợp', 'Tiến độ thực hiện'],
  ])('maps "%s" to the lead, "%s" to the coordinating agencies, "%s" to the timeframe', async (lead, coordinating, timeframe) => {
    const p = await preview([
      ['STT', 'Tên nhiệm vụ', lead, coordinating, timeframe, 'Kinh phí (triệu đồng)'],
      ['1', 'Triển khai hệ thống họp trực tuyến', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', '2026', '500'],
    ]);
    expect(p.ok, JSON.stringify(p.problems)).toBe(true);
    expect([fieldOf(p, 'C')?.field, fieldOf(p, 'D')?.field, fieldOf(p, 'E')?.field, fieldOf(p, 'F')?.field]).toEqual(['lead', 'coordinating', 'timeframe', 'amountTotal']);
    expect(p.tasks[0]!.funding?.amounts).toEqual({ total: 500 });
  });
});

describe('columns guessed from their content', () => {
  const rows = [
    ['Số', 'Việc cần làm', 'Đầu mối', 'Cùng làm', 'Hạn'],
    ['1', 'Xây dựng kho dữ liệu dùng chung của tỉnh', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', '2026-2027'],
    ['2', 'Chuẩn hóa danh mục thủ tục hành chính', 'Sở Tư pháp', 'Các cơ quan liên quan', 'Năm 2026'],
    ['3', 'Đào tạo kỹ năng số cho cán bộ, công chức', 'Sở Nội vụ', 'Sở Thông tin và Truyền thông', 'Quý IV/2026'],
  ];

  it('finds the lead, the coordinating agencies, the title and the timeframe when no header names them, and says so', async () => {
    const p = await preview(rows);
    expect(p.ok, JSON.stringify(p.problems)).toBe(true);
    expect(p.columns.map((c) => [c.header, c.field, c.source])).toEqual([
      ['Số', 'number', 'header'],
      ['Việc cần làm', 'title', 'content'],
      ['Đầu mối', 'lead', 'content'],
      ['Cùng làm', 'coordinating', 'content'],
      ['Hạn', 'timeframe', 'content'],
    ]);
    expect(p.tasks.map((t) => t.leads[0]?.code)).toEqual(['STTTT', 'STP', 'SNV']);
    const guess = p.problems.find((x) => x.severity === 'warning' && x.message.includes('đoán là'));
    expect(guess?.message).toContain('C ("Đầu mối")');
    expect(guess?.message).toContain('"Đơn vị chủ trì"');
    expect(p.columns[1]!.samples).toEqual(['Xây dựng kho dữ liệu dùng chung của tỉnh', 'Chuẩn hóa danh mục thủ tục hành chính', 'Đào tạo kỹ năng số cho cán bộ, công chức']);
  });

  it('remembers the guessed and the chosen columns by header, and applies them as the plan\'s choices next time', async () => {
    const first = await preview(rows, { mapping: { D: 'ignore' } });
    expect(fieldOf(first, 'D')?.field).toBeUndefined();
    const remembered = choicesToRemember(first.columns, { D: 'ignore' });
    expect(remembered).toEqual({ 'viec can lam': 'title', 'dau moi': 'lead', 'cung lam': 'ignore', han: 'timeframe' });
    const next = await preview(rows, { remembered });
    expect(next.columns.map((c) => [c.field, c.source])).toEqual([
      ['number', 'header'],
      ['title', 'plan'],
      ['lead', 'plan'],
      [undefined, undefined],
      ['timeframe', 'plan'],
    ]);
    expect(next.problems.some((x) => x.message.includes('đoán là'))).toBe(false);
  });
});

describe('columns the coordinator maps', () => {
  // The lead column holds names the directory does not know yet: nothing to guess it from.
  const rows = [
    ['TT', 'Tên nhiệm vụ', 'Phụ trách', 'Năm'],
    ['1', 'Lắp đặt camera giám sát giao thông', 'Trung tâm Giám sát điều hành đô thị thông minh', '2026'],
    ['2', 'Phần mềm quản lý văn bản cấp xã', 'Trung tâm Giám sát điều hành đô thị thông minh', '2027'],
    ['3', 'Cổng dữ liệu mở của tỉnh', 'Sở Thông tn và Truyền thông', '2027'],
  ];

  it('asks for a required column instead of refusing the file, with the columns and their first values', async () => {
    const p = await preview(rows);
    expect(p.ok).toBe(false);
    expect(p.missingFields).toEqual(['lead']);
    expect(p.tasks).toEqual([]);
    expect(p.columns.map((c) => c.header)).toEqual(['TT', 'Tên nhiệm vụ', 'Phụ trách', 'Năm']);
    expect(p.columns[2]!.samples).toEqual(['Trung tâm Giám sát điều hành đô thị thông minh', 'Sở Thông tn và Truyền thông']);
    expect(p.problems.at(-1)!.message).toContain('Hãy chọn cột chứa trường này ở bảng ghép cột');
  });

  it('imports with the column chosen, listing each unknown name once with its rows and the closest agencies', async () => {
    const p = await preview(rows, { mapping: { C: 'lead' } });
    expect(p.missingFields).toEqual([]);
    expect(fieldOf(p, 'C')).toMatchObject({ field: 'lead', source: 'user' });
    expect(p.tasks).toHaveLength(3);
    expect(p.unknownNames).toEqual([
      { text: 'Trung tâm Giám sát điều hành đô thị thông minh', field: 'lead', rows: [2, 3], suggestions: expect.any(Array) },
      { text: 'Sở Thông tn và Truyền thông', field: 'lead', rows: [4], suggestions: expect.any(Array) },
    ]);
    // The closest spelling first.
    expect(p.unknownNames[1]!.suggestions[0]).toEqual({ code: 'STTTT', name: 'Sở Thông tin và Truyền thông' });
    expect(p.ok).toBe(false); // the unknown lead names are still errors until resolved
  });

  it('refuses two columns mapped to a one-column field, naming both', async () => {
    const p = await preview(rows, { mapping: { B: 'lead', C: 'lead' } });
    const clash = p.problems.find((x) => x.field === 'lead' && x.message.includes('cùng được chọn'));
    expect(clash?.message).toBe('Cột B và cột C cùng được chọn là "Đơn vị chủ trì"; mỗi trường này chỉ lấy từ một cột.');
    expect(p.ok).toBe(false);
  });

  it('lets a choice override a header: a mapped title column replaces the one the header named', async () => {
    const p = await preview([
      ['TT', 'Tên nhiệm vụ', 'Nội dung cụ thể', 'Đơn vị chủ trì'],
      ['1', 'Nhóm 1', 'Triển khai chữ ký số cho cán bộ', 'Sở Nội vụ'],
    ], { mapping: { C: 'title', B: 'ignore' } });
    expect(p.ok, JSON.stringify(p.problems)).toBe(true);
    expect(p.tasks[0]!.title).toBe('Triển khai chữ ký số cho cán bộ');
  });

  it('names a mapped column the table does not have', async () => {
    const p = await preview(rows, { mapping: { C: 'lead', K: 'note' } });
    expect(p.problems.find((x) => x.column === 'K')?.message).toBe('Cột K không có trong bảng (bảng có các cột A–D).');
  });

  it('reads a table whose headers are all unknown words, from its content', async () => {
    const p = await preview([
      ['Công việc', 'Người làm', 'Khi nào'],
      ['Xây dựng kho dữ liệu dùng chung của tỉnh', 'Sở Thông tin và Truyền thông', '2026'],
      ['Rà soát thủ tục hành chính liên thông', 'Sở Tư pháp', '2027'],
    ]);
    expect(p.columns.map((c) => c.field)).toEqual(['title', 'lead', 'timeframe']);
    expect(p.ok, JSON.stringify(p.problems)).toBe(true);
    expect(p.tasks.map((t) => t.dueDate)).toEqual(['2026-12-31', '2027-12-31']);
  });
});
