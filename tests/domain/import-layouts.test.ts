import { describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../domain/agencies';
import { previewImport, type ImportPreview } from '../../domain/import';
import { agencySeed } from '../../db/seed/agencies';

/** Layouts real appendices use besides the two fixtures. */

const directory = new AgencyDirectory(agencySeed('son-la'));
const plan = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const run = (lines: string[]): Promise<ImportPreview> =>
  previewImport({ data: new TextEncoder().encode(lines.join('\r\n')) }, { directory, plan });

describe('appendix layouts', () => {
  it('skips a column-numbering row, a repeated header, blank rows and rows with only a number', async () => {
    const p = await run([
      'TT,Nội dung,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành',
      '(1),(2),(3),(4),(5)',
      '1,Số hóa hồ sơ lưu trữ,Sở Nội vụ,Sở TTTT,2022',
      ',,,,',
      '2,,,,',
      'TT,Nội dung,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành',
      '3,Nâng cấp Cổng dịch vụ công,VP UBND tỉnh,"Sở TTTT, Công an tỉnh",Quý III/2023',
    ]);
    expect(p.rows.map((r) => r.type)).toEqual(['header', 'header', 'task', 'blank', 'blank', 'header', 'task']);
    expect(p.problems).toEqual([]);
    expect(p.tasks.map((t) => [t.number, t.leads.map((l) => l.code), t.coordinatingAgencyCodes, t.startDate, t.dueDate])).toEqual([
      ['1', ['SNV'], ['STTTT'], '2022-01-01', '2022-12-31'],
      ['3', ['VPUBND'], ['STTTT', 'CAT'], '2023-07-01', '2023-09-30'],
    ]);
  });

  it('reads letter and Roman sections, "I. heading" in one cell, and "1" over "1.1" as a heading', async () => {
    const p = await run([
      'STT,Tên nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện',
      'A,PHÁT TRIỂN HẠ TẦNG,,',
      'I. Hạ tầng kỹ thuật,,,',
      '1,Mạng truyền số liệu chuyên dùng,,',
      '1.1,Kết nối cấp xã,Sở TTTT,2022',
      '1.2,Kết nối cấp huyện,Sở TTTT,2021',
      'II,Hạ tầng dữ liệu,,',
      '1,Trung tâm dữ liệu,Sở TTTT,2021-2023',
      'Tổng cộng (A),,,',
    ]);
    expect(p.rows.map((r) => r.type)).toEqual(['header', 'section', 'section', 'section', 'task', 'task', 'section', 'task', 'total']);
    expect(p.tasks.map((t) => [t.sectionCode, t.section, t.number])).toEqual([
      ['1', 'Mạng truyền số liệu chuyên dùng', '1.1'],
      ['1', 'Mạng truyền số liệu chuyên dùng', '1.2'],
      ['II', 'Hạ tầng dữ liệu', '1'],
    ]);
    expect(p.rows[2]!.cells.A).toBe('I. Hạ tầng kỹ thuật');
    expect(p.summary.sections).toBe(4);
    expect(p.ok).toBe(true);
  });

  it('takes the period from the header when the cell only ticks the column', async () => {
    const p = await run([
      'STT,Tên nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện 2021-2022,Thời gian thực hiện 2023-2025',
      '1,Đào tạo cán bộ an toàn thông tin,Sở TTTT,x,x',
      '2,Diễn tập ứng cứu sự cố,Sở TTTT,,x',
      '3,Tuyên truyền chuyển đổi số,Sở TTTT,,',
    ]);
    expect(p.tasks.map((t) => [t.startDate, t.dueDate])).toEqual([
      ['2021-01-01', '2025-12-31'],
      ['2023-01-01', '2025-12-31'],
      [plan.periodStart, plan.periodEnd],
    ]);
  });

  it('a timeframe of "Thường xuyên" without a kind column makes a recurring task over the plan period', async () => {
    const p = await run(['STT,Tên nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện', '1,Cập nhật Cổng thông tin điện tử,VP UBND tỉnh,Thường xuyên', '2,Số hóa hồ sơ,Sở Nội vụ,Năm 2022']);
    expect(p.tasks.map((t) => [t.kind, t.startDate, t.dueDate])).toEqual([
      ['recurring', plan.periodStart, plan.periodEnd],
      ['new', '2022-01-01', '2022-12-31'],
    ]);
  });

  it('warns about text under the table that is not a task', async () => {
    const p = await run(['STT,Tên nhiệm vụ,Đơn vị chủ trì,Ghi chú', '1,Số hóa hồ sơ,Sở Nội vụ,', ',,,Các đơn vị báo cáo kết quả trước 15/12 hằng năm']);
    expect(p.rows.map((r) => r.type)).toEqual(['header', 'task', 'title']);
    expect(p.problems).toEqual([{ row: 3, severity: 'warning', message: expect.stringContaining('bỏ qua') }]);
    expect(p.ok).toBe(true);
  });

  it('numbers each problem by the row a spreadsheet shows, a quoted line break included', async () => {
    const p = await run(['STT,Tên nhiệm vụ,Đơn vị chủ trì', '1,"Nhiệm vụ viết\r\ntrên hai dòng",Sở Nội vụ', '2,Nhiệm vụ thứ hai,Sở Không Có']);
    expect(p.tasks[0]!.title).toBe('Nhiệm vụ viết trên hai dòng');
    expect(p.problems.map((x) => [x.row, x.column])).toEqual([[3, 'C — Đơn vị chủ trì']]);
  });
});
