import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../domain/agencies';
import { previewImport, type ImportPreview, type ParsedTask } from '../../domain/import';
import { agencySeed } from '../../db/seed/agencies';
import { planFixture, SON_LA, TAY_NINH } from '../helpers/plan-fixtures';

/**
 * The two real appendices in tests/fixtures/plans import with exactly the counts their
 * README states, and every lead resolves against the seed directory of its province.
 */


const sonLaPlan = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const tayNinhPlan = { periodStart: '2019-01-01', periodEnd: '2020-12-31' };

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

const taskAt = (p: ImportPreview, row: number): ParsedTask => {
  const t = p.tasks.find((x) => x.row === row);
  if (!t) throw new Error(`no task on row ${row}`);
  return t;
};

describe(`Sơn La: ${SON_LA}`, () => {
  let p: ImportPreview;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = planFixture(SON_LA);
    p = await previewImport({ data: bytes, fileName: SON_LA, contentType: 'text/csv' }, { directory: new AgencyDirectory(agencySeed('son-la')), plan: sonLaPlan });
  });

  it('reads the file as CSV with its header on row 1 and no problem at all', () => {
    expect(p.format).toBe('csv');
    expect(p.fileSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(p.headerRow).toBe(1);
    expect(p.columns.map((c) => c.field)).toEqual(['number', 'title', 'lead', 'kind', 'description', 'timeframe', 'fundingText', 'note']);
    expect(p.problems).toEqual([]);
    expect(p.ok).toBe(true);
  });

  it('has 30 task rows and no sections; TT restarts per group', () => {
    expect(p.summary.tasks).toBe(30);
    expect(p.tasks).toHaveLength(30);
    expect(p.summary.sections).toBe(0);
    expect(p.rows.filter((r) => r.type === 'task')).toHaveLength(30);
    expect(p.tasks.map((t) => t.number).join(',')).toBe('1,2,3,4,1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9,10,11,12,1,2,1,2,3');
  });

  it('counts rows per exact lead text', () => {
    expect(p.summary.byLeadText).toEqual({
      'Sở Thông tin và Truyền thông': 19,
      'Các sở, ban, ngành, UBND các huyện, thành phố, UBND các xã phường, thị trấn.': 4,
      'VP UBND tỉnh, Công an tỉnh, Tòa án nhân dân tỉnh, UBND các huyện thành phố': 1,
      'Sở Thông tin và Truyền thông, UBND các huyện, thành phố': 1,
      'Các sở, ban, ngành, UBND huyện, thành phố': 1,
      'Sở Nội vụ': 1,
      'Sở Tài chính': 1,
      'VP UBND tỉnh, các sở, ngành, UBND các huyện thành phố': 1,
      'Các sở, ban, ngành, UBND các huyện, thành phố liên quan': 1,
    });
  });

  it('reads the kinds', () => {
    expect(countBy(p.tasks, (t) => t.kindText ?? '')).toEqual({ 'Nhiệm vụ thường xuyên': 15, 'Nhiệm vụ mới': 11, 'Nhiệm vụ chuyển tiếp': 4 });
    expect(p.summary.byKind).toEqual({ recurring: 15, new: 11, carried_over: 4 });
  });

  it('reads the timeframes and turns them into dates', () => {
    expect(p.summary.byTimeframe).toEqual({ '2020-2025': 18, '2021': 6, '2022-2025': 2, '2021-2025': 1, '2021-2022': 1, '2022': 1, '2021-2023': 1 });
    expect(taskAt(p, 2)).toMatchObject({ number: '1', timeframeText: '2021', startDate: '2021-01-01', dueDate: '2021-12-31', kind: 'new' });
    expect(taskAt(p, 4)).toMatchObject({ timeframeText: '2021-2022', startDate: '2021-01-01', dueDate: '2022-12-31' });
    expect(taskAt(p, 6)).toMatchObject({ kind: 'carried_over', startDate: '2020-01-01', dueDate: '2025-12-31' });
    expect(taskAt(p, 9)).toMatchObject({ title: 'Xây dựng Cổng cơ sở dữ liệu của tỉnh', startDate: '2022-01-01', dueDate: '2025-12-31' });
    expect(taskAt(p, 24)).toMatchObject({ timeframeText: '2022', startDate: '2022-01-01', dueDate: '2022-12-31' });
    expect(taskAt(p, 27)).toMatchObject({ timeframeText: '2021-2023', startDate: '2021-01-01', dueDate: '2023-12-31' });
  });

  it('reads the funding sources', () => {
    expect(p.summary.byFunding).toEqual({ 'Ngân sách tỉnh': 24, 'Ngân sách tỉnh, huyện, xã': 1, '': 5 });
    expect(taskAt(p, 6).funding).toEqual({ text: 'Ngân sách tỉnh', sources: ['province'] });
    expect(taskAt(p, 13).funding).toEqual({ text: 'Ngân sách tỉnh, huyện, xã', sources: ['province', 'district', 'commune'] });
    expect(taskAt(p, 2).funding).toBeUndefined();
    expect(countBy(p.tasks, (t) => t.note ?? '')).toEqual({
      'Theo QĐ giao dự toán hàng năm của cấp có thẩm quyền': 26,
      'Quyết định số 2872/QĐ- UBND ngày 07/11/2017': 1,
      '': 3,
    });
  });

  it('resolves every lead, groups with their members', () => {
    for (const t of p.tasks) expect(t.leads.length, t.leadText).toBeGreaterThan(0);
    expect(taskAt(p, 7).leads.map((l) => l.code)).toEqual(['VPUBND', 'CAT', 'TAND', 'HUYEN']);
    expect(taskAt(p, 7).leads[3]!.members).toHaveLength(12);
    expect(taskAt(p, 13).leads.map((l) => l.code)).toEqual(['SBN', 'HUYEN', 'XA']);
    expect(taskAt(p, 13).leads[2]).toEqual({ code: 'XA', kind: 'group', members: [] });
    expect(taskAt(p, 11).leads.map((l) => l.code)).toEqual(['STTTT', 'HUYEN']);
    expect(taskAt(p, 7).description).toBeUndefined();
    expect(taskAt(p, 2).description).toBe('Bổ sung nhiệm vụ về chỉ đạo bảo đảm ATTT mạng trên địa bàn tỉnh');
  });
});

describe(`Tây Ninh: ${TAY_NINH}`, () => {
  let p: ImportPreview;
  beforeAll(async () => {
    p = await previewImport({ data: planFixture(TAY_NINH), fileName: TAY_NINH }, { directory: new AgencyDirectory(agencySeed('tay-ninh')), plan: tayNinhPlan });
  });

  it('reads the flattened two-level header and has no problem at all', () => {
    expect(p.columns.map((c) => [c.header, c.field])).toEqual([
      ['STT', 'number'],
      ['Tên nhiệm vụ, đề án', 'title'],
      ['Cơ quan chủ trì', 'lead'],
      ['Cơ quan phối hợp', 'coordinating'],
      ['Thời gian thực hiện, hoàn thành 2019-2020', 'timeframe'],
      ['Thời gian thực hiện, hoàn thành 2021-2025', 'timeframe'],
      ['Ghi chú', 'note'],
    ]);
    expect(p.problems).toEqual([]);
    expect(p.ok).toBe(true);
  });

  it('has 5 sections and 24 tasks, per section 3/7/4/3/7', () => {
    expect(p.summary.sections).toBe(5);
    expect(p.summary.tasks).toBe(24);
    const sections = p.rows.filter((r) => r.type === 'section');
    expect(sections.map((r) => r.cells.A)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(sections[0]!.cells.B).toBe('Xây dựng, hoàn thiện cơ chế, chính sách pháp Luật về ứng dụng, phát triển công nghệ thông tin');
    expect(countBy(p.tasks, (t) => t.sectionCode ?? '')).toEqual({ I: 3, II: 7, III: 4, IV: 3, V: 7 });
    expect(p.tasks.find((t) => t.sectionCode === 'V')!.section).toBe('Bảo đảm các nguồn lực triển khai xây dựng Chính phủ điện tử');
  });

  it('counts rows per exact lead and coordinating text', () => {
    expect(p.summary.byLeadText).toEqual({
      'Sở Thông tin và Truyền thông': 18,
      'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh': 2,
      'Các sở, ban, ngành, UBND các huyện, thành phố': 1,
      'Sở.Thông tin và Truyền thông': 1,
      'Sở Kế hoạch và Đầu tư': 1,
      'Sở Khoa học và Công nghệ': 1,
    });
    expect(p.summary.byCoordinatingText).toEqual({
      'Các cơ quan liên quan': 12,
      'Các sở, ban, ngành, UBND các huyện, thành phố': 8,
      'Các cơ quan đơn vị liên quan': 2,
      'UBND các huyện, thành phố và các đơn vị liên quan': 1,
      'Các đơn vị liên quan': 1,
    });
  });

  it('reads both timeframe columns, from the earliest start to the latest end', () => {
    const tasks = p.rows.filter((r) => r.type === 'task');
    expect(countBy(tasks, (r) => r.cells.E ?? '')).toEqual({ '2019-2020': 20, '2020': 2, '2019': 1, '2019 -2020': 1 });
    expect(countBy(tasks, (r) => r.cells.F ?? '')).toEqual({ '2021-2025': 15, '': 9 });
    expect(taskAt(p, 3)).toMatchObject({ sectionCode: 'I', number: '1', startDate: '2019-01-01', dueDate: '2020-12-31' });
    expect(taskAt(p, 7)).toMatchObject({ sectionCode: 'II', number: '1', timeframeText: '2019 | 2021-2025', startDate: '2019-01-01', dueDate: '2025-12-31' });
    expect(taskAt(p, 15)).toMatchObject({ sectionCode: 'III', number: '1', startDate: '2020-01-01', dueDate: '2025-12-31' });
    expect(taskAt(p, 26)).toMatchObject({ sectionCode: 'V', number: '3', timeframeText: '2019 -2020 | 2021-2025', startDate: '2019-01-01', dueDate: '2025-12-31' });
    expect(taskAt(p, 30)).toMatchObject({ sectionCode: 'V', number: '7', startDate: '2019-01-01', dueDate: '2020-12-31' });
  });

  it('has no kind or funding column: every task is new, without funding', () => {
    expect(p.summary.byKind).toEqual({ new: 24 });
    expect(p.summary.byFunding).toEqual({ '': 24 });
    expect(p.tasks.every((t) => t.funding === undefined && t.note === undefined)).toBe(true);
  });

  it('resolves the leads, the typo "Sở.Thông tin" included, and the coordinating agencies', () => {
    expect(taskAt(p, 13)).toMatchObject({ leadText: 'Sở.Thông tin và Truyền thông', leads: [{ code: 'STTTT', kind: 'department', members: [] }], coordinatingAgencyCodes: [] });
    expect(taskAt(p, 15).leads.map((l) => l.code)).toEqual(['VP-DBQH-HDND-UBND']);
    expect(taskAt(p, 3).coordinatingAgencyCodes).toEqual(['SBN', 'HUYEN']);
    expect(taskAt(p, 12).coordinatingAgencyCodes).toEqual(['HUYEN']);
    // Lead and coordinating are the same groups: nobody coordinates with itself.
    expect(taskAt(p, 10).leads.map((l) => l.code)).toEqual(['SBN', 'HUYEN']);
    expect(taskAt(p, 10).leads[1]!.members).toHaveLength(9);
    expect(taskAt(p, 10).coordinatingAgencyCodes).toEqual([]);
    for (const t of p.tasks) expect(t.leads.length).toBeGreaterThan(0);
  });
});
