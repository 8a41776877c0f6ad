import { beforeAll, describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../domain/agencies';
import { previewImport, type ImportPreview, type ParsedTask } from '../../domain/import';
import { agencySeed } from '../../db/seed/agencies';

/**
 * An appendix in the shape other provinces' district-level plans use, whose lead cells count their
 * groups ("19 Sở, Ban, ngành, 09 UBND cấp huyện"), label their levels ("Cấp tỉnh: … Cấp huyện: …",
 * over several lines in one cell) and name bodies with the province's name after them ("Viettel
 * Vĩnh Long"), previewed against the generic seed directory.
 */

const seed = agencySeed('generic');
const directory = new AgencyDirectory(seed);
const plan = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };
const membersOf = (group: string) => seed.groupMembers.filter((m) => m.groupCode === group).map((m) => m.memberCode);

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
const run = (rows: string[][]): Promise<ImportPreview> => previewImport({ data: new TextEncoder().encode(csv(rows)), fileName: 'phu-luc.csv' }, { directory, plan });

const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'];

const APPENDIX: string[][] = [
  ['PHỤ LỤC', '', '', '', ''],
  ['DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025', '', '', '', ''],
  ['(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2025 của UBND tỉnh Vĩnh Long)', '', '', '', ''],
  HEADER,
  ['I', 'Hạ tầng số', '', '', ''],
  ['1', 'Phủ sóng di động 4G, 5G đến các ấp, khóm còn vùng lõm', 'Viettel Vĩnh Long', 'VNPT Vĩnh Long, Bưu điện tỉnh', 'Quý IV/2025'],
  ['2', 'Rà soát, chỉnh trang hạ tầng cáp viễn thông', 'Các doanh nghiệp viễn thông', 'Sở Thông tin và Truyền thông; UBND các huyện, thị xã, thành phố', '2025'],
  ['II', 'Chính quyền số', '', '', ''],
  ['3', 'Sử dụng nền tảng quản lý văn bản và hồ sơ công việc liên thông 4 cấp', '19 Sở, Ban, ngành, 09 UBND cấp huyện', 'Sở Thông tin và Truyền thông', '2025'],
  ['4', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'Cấp tỉnh: Sở Thông tin và Truyền thông\nCấp huyện: UBND cấp huyện', 'Trung tâm Phục vụ hành chính công tỉnh', 'Năm 2025'],
  ['5', 'Vận hành Tổ công nghệ số cộng đồng', '- Cấp tỉnh: Văn phòng Tỉnh ủy;\n- Cấp xã: UBND các xã, phường, thị trấn', 'Các cơ quan thông tấn, báo chí', '2025'],
  ['6', 'Thúc đẩy nộp thuế, thanh toán không dùng tiền mặt', 'Cục Thuế tỉnh Vĩnh Long', 'Ngân hàng Nhà nước chi nhánh tỉnh Vĩnh Long, Bưu điện tỉnh', '2025'],
  ['7', 'Tuyên truyền về chuyển đổi số trên báo, đài', 'Các cơ quan thông tấn, báo chí', 'Các sở, ban, ngành tỉnh, UBND cấp huyện', '2025'],
  ['8', 'Bố trí kinh phí, thẩm định giá các dự án', 'Sở Tài chính, Sở Xây dựng', 'Các cơ quan, đơn vị liên quan', '2025'],
];

const taskNumbered = (p: ImportPreview, n: string): ParsedTask => {
  const t = p.tasks.find((x) => x.number === n);
  if (!t) throw new Error(`no task numbered ${n}`);
  return t;
};
/** The agencies a row is given to, as the commit does it: each lead, a group with members replaced by them. */
const assignees = (t: ParsedTask) => [...new Set(t.leads.flatMap((l) => (l.members.length ? l.members : [l.code])))];

describe('importing an appendix whose cells count, label and localise their agencies', () => {
  let p: ImportPreview;
  beforeAll(async () => {
    p = await run(APPENDIX);
  });

  it('reads every task and resolves every lead; the only problems are the counts that do not add up', () => {
    expect(p.headerRow).toBe(4);
    expect(p.columns.map((c) => c.field)).toEqual(['number', 'title', 'lead', 'coordinating', 'timeframe']);
    expect(p.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(p.summary.sections).toBe(2);
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
    expect(p.ok).toBe(true);
    const warnings = p.problems.filter((x) => x.severity === 'warning');
    expect(warnings.map((w) => [w.row, w.field, w.column])).toEqual([
      [9, 'lead', 'C — Đơn vị chủ trì'],
      [9, 'lead', 'C — Đơn vị chủ trì'],
    ]);
    expect(warnings[0]!.message).toContain(`Dòng 9: "19 Sở, Ban, ngành": văn bản ghi 19 đơn vị`);
    expect(warnings[0]!.message).toContain(`có ${membersOf('SBN').length} thành viên`);
    expect(warnings[1]!.message).toContain('"09 UBND cấp huyện"');
  });

  it('gives each counted group its members, or leads with the group where it has none', () => {
    const t = taskNumbered(p, '3');
    expect(t.leads).toEqual([
      { code: 'SBN', kind: 'group', members: membersOf('SBN') },
      { code: 'HUYEN', kind: 'group', members: [] },
    ]);
    expect(membersOf('SBN').length).toBeGreaterThan(10);
    expect(assignees(t)).toEqual([...membersOf('SBN'), 'HUYEN']);
  });

  it('splits level-labelled cells written over several lines', () => {
    expect(taskNumbered(p, '4').leads.map((l) => l.code)).toEqual(['STTTT', 'HUYEN']);
    expect(taskNumbered(p, '4').leadText).toBe('Cấp tỉnh: Sở Thông tin và Truyền thông Cấp huyện: UBND cấp huyện');
    expect(taskNumbered(p, '5').leads.map((l) => l.code)).toEqual(['VPTU', 'XA']);
    expect(taskNumbered(p, '4').coordinatingAgencyCodes).toEqual(['TTPVHCC']);
  });

  it('resolves the province-named bodies and the press and telecom groups, which fan out to their members', () => {
    expect(taskNumbered(p, '1').leads).toEqual([{ code: 'VIETTEL', kind: 'other', members: [] }]);
    expect(taskNumbered(p, '1').coordinatingAgencyCodes).toEqual(['VNPT', 'BUUDIEN']);
    expect(taskNumbered(p, '1')).toMatchObject({ startDate: '2025-10-01', dueDate: '2025-12-31' });
    expect(assignees(taskNumbered(p, '2'))).toEqual(['VIETTEL', 'VNPT', 'MOBIFONE']);
    expect(taskNumbered(p, '2').coordinatingAgencyCodes).toEqual(['STTTT', 'HUYEN']);
    expect(taskNumbered(p, '5').coordinatingAgencyCodes).toEqual(['BAOCHI']);
    expect(taskNumbered(p, '6').leads.map((l) => l.code)).toEqual(['CTHUE']);
    expect(taskNumbered(p, '6').coordinatingAgencyCodes).toEqual(['NHNN', 'BUUDIEN']);
    expect(assignees(taskNumbered(p, '7'))).toEqual(['DPTTH', 'BAO']);
    expect(taskNumbered(p, '7').coordinatingAgencyCodes).toEqual(['SBN', 'HUYEN']);
  });

  it('still reads a plain list as two leads, and a vague coordinating phrase as nobody', () => {
    const t = taskNumbered(p, '8');
    expect(t.leads.map((l) => l.code)).toEqual(['STC', 'SXD']);
    expect(t.coordinatingAgencyCodes).toEqual([]);
  });
});

describe('an appendix of this shape with names the directory lacks', () => {
  it('blocks on an unknown lead, names its row and column and suggests the closest names', async () => {
    const p = await run([
      HEADER,
      ['1', 'Triển khai nền tảng số', 'Cấp tỉnh: Sở Tài chánh\nCấp huyện: UBND cấp huyện', 'Viettel Vĩnh Long', '2025'],
      ['2', 'Hỗ trợ doanh nghiệp chuyển đổi số', '03 Sở Thông tin Truyền thôngg', '', '2025'],
    ]);
    expect(p.ok).toBe(false);
    const errors = p.problems.filter((x) => x.severity === 'error');
    expect(errors.map((e) => [e.row, e.column, e.field])).toEqual([
      [2, 'C — Đơn vị chủ trì', 'lead'],
      [3, 'C — Đơn vị chủ trì', 'lead'],
    ]);
    expect(errors[0]!.message).toContain('"Sở Tài chánh"');
    expect(errors[0]!.suggestions?.[0]).toBe('Sở Tài chính');
    expect(errors[1]!.message).toContain('"03 Sở Thông tin Truyền thôngg"');
    expect(errors[1]!.suggestions?.[0]).toBe('Sở Thông tin và Truyền thông');
    // The labelled part that did resolve is kept.
    expect(p.tasks[0]!.leads.map((l) => l.code)).toEqual(['HUYEN']);
    expect(p.tasks[0]!.coordinatingAgencyCodes).toEqual(['VIETTEL']);
  });
});
