import { describe, expect, it } from 'vitest';
import { fanOutRows } from '../../domain/task-fan-out';

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

describe('fanOutRows', () => {
  it('one agency: the task itself, no parent', () => {
    expect(fanOutRows([{ code: 'STC', members: [] }], ids(), (p) => p)).toEqual([{ id: 'id1', leadAgencyCode: 'STC', isGroup: false, parentId: null }]);
  });

  it('a group of one member: that agency has the task', () => {
    expect(fanOutRows([{ code: 'HUYEN', members: ['H1'] }], ids(), (p) => p)).toEqual([{ id: 'id1', leadAgencyCode: 'H1', isGroup: false, parentId: null }]);
  });

  it('a group: the parent first, led by the group, then one child per member in order', () => {
    expect(fanOutRows([{ code: 'HUYEN', members: ['H1', 'H2'] }], ids(), (p) => p)).toEqual([
      { id: 'id1', leadAgencyCode: 'HUYEN', isGroup: true, parentId: null },
      { id: 'id2', leadAgencyCode: 'H1', isGroup: false, parentId: 'id1' },
      { id: 'id3', leadAgencyCode: 'H2', isGroup: false, parentId: 'id1' },
    ]);
  });
});
