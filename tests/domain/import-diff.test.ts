import { describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../domain/agencies';
import { previewImport, type ParsedTask } from '../../domain/import';
import { commandsForChange } from '../../domain/import/changes';
import { diffImport, importedRowOf, nextImportedRow, titleSimilarity, type ImportedTask } from '../../domain/import/diff';
import { agencySeed } from '../../db/seed/agencies';
import { planFixture, SON_LA } from '../helpers/plan-fixtures';

const task = (over: Partial<ParsedTask> & Pick<ParsedTask, 'row' | 'title'>): ParsedTask => ({
  leadText: 'Sở Nội vụ',
  leads: [{ code: 'SNV', kind: 'department', members: [] }],
  coordinatingAgencyCodes: [],
  kind: 'new',
  startDate: '2026-01-01',
  dueDate: '2026-12-31',
  ...over,
});
const existing = (rows: ParsedTask[], over: Partial<ImportedTask> = {}): ImportedTask[] =>
  rows.map((t, i) => ({ id: `t${i + 1}`, status: 'in_progress', isGroup: false, row: importedRowOf(t), ...over }));

describe('matching a corrected appendix with the imported one', () => {
  it('finds every row of the Sơn La appendix again, though its STT restarts in each unnamed group', async () => {
    const p = await previewImport({ data: planFixture(SON_LA) }, { directory: new AgencyDirectory(agencySeed('son-la')), plan: { periodStart: '2021-01-01', periodEnd: '2025-12-31' } });
    const diff = diffImport(p.tasks, existing(p.tasks));
    expect(diff).toMatchObject({ compared: 30, added: [], changed: [], removed: [] });
    expect(diff.unchanged.map((u) => u.taskId)).toEqual(p.tasks.map((_, i) => `t${i + 1}`));
  });

  it('a row inserted at the top of a section renumbers the others: they are matched by title, with the new STT as a change', () => {
    const before = [task({ row: 3, sectionCode: 'I', number: '1', title: 'Số hóa hồ sơ lưu trữ' }), task({ row: 4, sectionCode: 'I', number: '2', title: 'Chuẩn hóa dữ liệu hộ tịch' })];
    const after = [
      task({ row: 3, sectionCode: 'I', number: '1', title: 'Kết nối dữ liệu dân cư' }),
      task({ row: 4, sectionCode: 'I', number: '2', title: 'Số hóa hồ sơ lưu trữ' }),
      task({ row: 5, sectionCode: 'I', number: '3', title: 'Chuẩn hóa dữ liệu hộ tịch' }),
    ];
    const diff = diffImport(after, existing(before));
    expect(diff.added).toEqual([{ row: 3, title: 'Kết nối dữ liệu dân cư' }]);
    expect(diff.changed.map((c) => [c.taskId, c.changes])).toEqual([
      ['t1', [{ field: 'number', from: '1', to: '2' }]],
      ['t2', [{ field: 'number', from: '2', to: '3' }]],
    ]);
  });

  it('a reworded title keeps its STT; a task moved to another section keeps its title', () => {
    const before = [task({ row: 3, sectionCode: 'I', section: 'Hạ tầng', number: '1', title: 'Nâng cấp mạng nội bộ tại trụ sở' }), task({ row: 4, sectionCode: 'I', section: 'Hạ tầng', number: '2', title: 'Cơ sở dữ liệu đất đai' })];
    const after = [
      task({ row: 3, sectionCode: 'I', section: 'Hạ tầng', number: '1', title: 'Nâng cấp mạng nội bộ tại trụ sở các sở, ngành' }),
      task({ row: 5, sectionCode: 'II', section: 'Dữ liệu', number: '1', title: 'Cơ sở dữ liệu đất đai' }),
    ];
    const diff = diffImport(after, existing(before));
    expect(diff.changed.map((c) => [c.taskId, c.changes.map((x) => x.field)])).toEqual([
      ['t1', ['title']],
      ['t2', ['number', 'section']],
    ]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('a different task under the same STT is a new row, and the old one is listed as removed', () => {
    const diff = diffImport([task({ row: 3, sectionCode: 'I', number: '1', title: 'Đào tạo kỹ năng số' })], existing([task({ row: 3, sectionCode: 'I', number: '1', title: 'Cơ sở dữ liệu giá' })]));
    expect(diff.added).toHaveLength(1);
    expect(diff.removed.map((r) => r.taskId)).toEqual(['t1']);
    expect(titleSimilarity('Đào tạo kỹ năng số', 'Cơ sở dữ liệu giá')).toBeLessThan(0.5);
  });

  it('says which changes a task cannot take: closed, a lead change of a group task, a new kind', () => {
    const before = task({ row: 3, title: 'Triển khai họp trực tuyến', leads: [{ code: 'HUYEN', kind: 'group', members: ['H1', 'H2'] }], leadText: 'UBND các huyện' });
    const after = task({ row: 3, title: 'Triển khai họp trực tuyến', leads: [{ code: 'SNV', kind: 'department', members: [] }], kind: 'recurring', dueDate: '2027-12-31' });
    const group = diffImport([after], existing([before], { isGroup: true })).changed[0]!;
    expect(group.changes.map((c) => [c.field, c.notApplied])).toEqual([
      ['lead', 'nhiệm vụ giao cho nhiều đơn vị: hãy hủy và giao lại nếu cần'],
      ['dueDate', undefined],
      ['kind', 'đổi loại nhiệm vụ cần sửa trên từng nhiệm vụ'],
    ]);
    // What was not applied stays in the snapshot, so the next import shows it again.
    const next = nextImportedRow(importedRowOf(before), importedRowOf(after), group.changes);
    expect([next.leadCodes, next.dueDate, next.kind]).toEqual([['HUYEN'], '2027-12-31', 'new']);
    const closed = diffImport([after], existing([before], { status: 'completed' })).changed[0]!;
    expect(closed.changes.every((c) => c.notApplied === 'nhiệm vụ đã hoàn thành')).toBe(true);
  });
});

describe('the commands a change becomes', () => {
  const expand = (codes: readonly string[]) => codes.flatMap((c) => (c === 'HUYEN' ? ['H1', 'H2'] : [c]));

  it('a single task: a reassignment, then one edit with the workflow fields and the appendix columns for the audit trail', () => {
    const before = task({ row: 3, title: 'Số hóa hồ sơ', funding: { sources: ['province'], amounts: { total: 100 } } });
    const after = task({ row: 3, title: 'Số hóa hồ sơ', leads: [{ code: 'STP', kind: 'department', members: [] }], coordinatingAgencyCodes: ['STP', 'SNV'], dueDate: '2027-06-30', funding: { sources: ['province'], amounts: { total: 150 } } });
    const change = diffImport([after], existing([before])).changed[0]!;
    expect(commandsForChange(change, importedRowOf(after), { isGroup: false, children: [], expand })).toEqual([
      { type: 'reassign', taskId: 't1', leadAgencyCode: 'STP' },
      {
        type: 'edit',
        taskId: 't1',
        dueDate: '2027-06-30',
        coordinatingAgencyCodes: ['SNV'],
        details: { funding: { from: { sources: ['province'], amounts: { total: 100 } }, to: { sources: ['province'], amounts: { total: 150 } } } },
      },
    ]);
  });

  it('a group task: the parent takes the edit (its deadline cascades), each open child the title and its coordinating agencies', () => {
    const lead = { leads: [{ code: 'HUYEN', kind: 'group' as const, members: ['H1', 'H2'] }], leadText: 'UBND các huyện' };
    const before = task({ row: 3, number: '1', title: 'Họp trực tuyến', ...lead });
    const after = task({ row: 3, number: '1', title: 'Họp trực tuyến đến cấp xã', ...lead, coordinatingAgencyCodes: ['STTTT'], dueDate: '2027-12-31' });
    const change = diffImport([after], existing([before], { isGroup: true })).changed[0]!;
    const children = [
      { id: 'c1', leadAgencyCode: 'H1', status: 'in_progress' as const },
      { id: 'c2', leadAgencyCode: 'H2', status: 'completed' as const },
    ];
    expect(commandsForChange(change, importedRowOf(after), { isGroup: true, children, expand })).toEqual([
      { type: 'edit', taskId: 't1', title: 'Họp trực tuyến đến cấp xã', dueDate: '2027-12-31', coordinatingAgencyCodes: ['STTTT'] },
      { type: 'edit', taskId: 'c1', title: 'Họp trực tuyến đến cấp xã', coordinatingAgencyCodes: ['STTTT'] },
    ]);
  });
});
