import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '../../db/schema';
import type { TaskStatus } from '../../domain/task-status';
import type { TaskKind } from '../../domain/vocabulary';
import { AGENCIES, seedAgencies, seedPlan } from '../helpers/fixtures';
import { startStack, type TestStack } from '../helpers/stack';

/**
 * Rows written straight into `tasks` (the workflows are not under test here), each annotated with
 * the class a clerk would give it on 20/12/2024. The expected figures are counted from those
 * annotations.
 */
type Expected = 'completed_on_time' | 'completed_late' | 'in_progress_on_time' | 'in_progress_overdue' | 'not_started' | 'cancelled' | 'not_counted';

interface Row {
  key: string;
  lead: string;
  status: TaskStatus;
  dueDate: string;
  originalDueDate?: string;
  /** As the workflow projects it (domain/deadline); the due date unless given. */
  currentDueDate?: string | null;
  kind?: TaskKind;
  progress?: number;
  acknowledgedAt?: string;
  submittedAt?: string;
  completedAt?: string;
  isGroup?: boolean;
  parent?: string;
  expect: Expected;
}

const AS_OF = '2024-12-20';

const ROWS: Row[] = [
  { key: 'a', lead: 'STTTT', status: 'completed', dueDate: '2024-06-30', acknowledgedAt: '2024-01-05T02:00:00Z', progress: 100, completedAt: '2024-06-29T20:00:00Z', expect: 'completed_on_time' },
  // 00:30 on 01/07 in Vietnam, still 30/06 in UTC: late.
  { key: 'b', lead: 'STTTT', status: 'completed', dueDate: '2024-06-30', acknowledgedAt: '2024-01-05T02:00:00Z', progress: 100, completedAt: '2024-06-30T17:30:00Z', expect: 'completed_late' },
  // Submitted for acceptance before its due date: waits on the coordinator, not overdue.
  { key: 'c', lead: 'STTTT', status: 'completion_submitted', dueDate: '2024-11-30', acknowledgedAt: '2024-01-05T02:00:00Z', progress: 100, submittedAt: '2024-11-20T02:00:00Z', expect: 'in_progress_on_time' },
  { key: 'd', lead: 'STC', status: 'assigned', dueDate: '2024-10-31', expect: 'in_progress_overdue' },
  { key: 'e', lead: 'STC', status: 'in_progress', dueDate: '2025-06-30', acknowledgedAt: '2024-02-01T02:00:00Z', progress: 30, expect: 'in_progress_on_time' },
  { key: 'f', lead: 'STC', status: 'cancelled', dueDate: '2024-03-31', expect: 'cancelled' },
  { key: 'g', lead: 'SNV', status: 'assigned', dueDate: '2025-12-31', expect: 'not_started' },
  // Extended from 30/09/2024 to 31/03/2025.
  { key: 'h', lead: 'SNV', status: 'in_progress', dueDate: '2025-03-31', originalDueDate: '2024-09-30', acknowledgedAt: '2024-02-01T02:00:00Z', progress: 50, expect: 'in_progress_on_time' },
  // Recurring, every year reported to 2023: it owes 2024's report, due this very day, so not overdue yet.
  { key: 'i', lead: 'SKHCN', kind: 'recurring', status: 'in_progress', dueDate: '2025-12-31', currentDueDate: '2024-12-20', acknowledgedAt: '2021-02-01T02:00:00Z', progress: 20, expect: 'in_progress_on_time' },
  // Recurring, its 2023 report missing: overdue, though its period runs to 2025.
  { key: 'j', lead: 'SKHCN', kind: 'recurring', status: 'in_progress', dueDate: '2025-12-31', currentDueDate: '2023-12-20', acknowledgedAt: '2021-02-01T02:00:00Z', progress: 60, expect: 'in_progress_overdue' },
  // A one-year recurring row (2021), reported: owes nothing, not overdue because 31/12/2021 passed.
  { key: 'k', lead: 'SKHCN', kind: 'recurring', status: 'in_progress', dueDate: '2021-12-31', currentDueDate: null, acknowledgedAt: '2021-02-01T02:00:00Z', progress: 100, expect: 'in_progress_on_time' },
  // A group parent is not counted (it would look overdue); its children are.
  { key: 'grp', lead: 'HUYEN', isGroup: true, status: 'assigned', dueDate: '2024-09-30', expect: 'not_counted' },
  { key: 'grp-h1', parent: 'grp', lead: 'H1', status: 'completed', dueDate: '2024-09-30', acknowledgedAt: '2024-01-10T02:00:00Z', progress: 100, completedAt: '2024-09-01T02:00:00Z', expect: 'completed_on_time' },
  { key: 'grp-h2', parent: 'grp', lead: 'H2', status: 'in_progress', dueDate: '2024-09-30', acknowledgedAt: '2024-01-10T02:00:00Z', progress: 80, expect: 'in_progress_overdue' },
];

const counted = ROWS.filter((r) => !['cancelled', 'not_counted'].includes(r.expect));

function figures(rows: Row[]) {
  const n = (e: Expected) => rows.filter((r) => r.expect === e).length;
  const completed = n('completed_on_time') + n('completed_late');
  const overdue = n('in_progress_overdue');
  return {
    total: rows.length,
    open: rows.length - completed,
    completed,
    completedOnTime: n('completed_on_time'),
    overdue,
    onTimeRate: completed + overdue === 0 ? null : n('completed_on_time') / (completed + overdue),
  };
}

let stack: TestStack;
let planId: string;
let emptyPlanId: string;
let coordinator: string;
let viewer: string;

beforeAll(async () => {
  stack = await startStack({ label: 'stats' });
  const { db } = stack.database;
  await seedAgencies(db);
  planId = await seedPlan(db, { periodStart: '2021-01-01', periodEnd: '2025-12-31' });
  emptyPlanId = await seedPlan(db);
  const otherPlanId = await seedPlan(db);

  const ids = new Map(ROWS.map((r) => [r.key, randomUUID()]));
  const date = (s?: string) => (s ? new Date(s) : null);
  await db.insert(tasks).values(
    ROWS.map((r, i) => ({
      id: ids.get(r.key)!,
      planId,
      parentId: r.parent ? ids.get(r.parent)! : null,
      isGroup: r.isGroup ?? false,
      position: i + 1,
      title: `Nhiệm vụ ${r.key}`,
      titleSearch: `nhiem vu ${r.key}`,
      leadAgencyCode: r.lead,
      kind: r.kind ?? 'new',
      startDate: '2021-01-01',
      dueDate: r.dueDate,
      originalDueDate: r.originalDueDate ?? r.dueDate,
      currentDueDate: r.currentDueDate === undefined ? r.dueDate : r.currentDueDate,
      status: r.status,
      progress: r.progress ?? 0,
      acknowledgedAt: date(r.acknowledgedAt),
      submittedAt: date(r.submittedAt),
      completedAt: date(r.completedAt),
      cancelledAt: r.status === 'cancelled' ? new Date('2024-04-01T02:00:00Z') : null,
    })),
  );
  // Another plan's overdue task must not leak into this plan's figures.
  await db.insert(tasks).values({
    planId: otherPlanId,
    title: 'Nhiệm vụ kế hoạch khác',
    titleSearch: 'nhiem vu ke hoach khac',
    leadAgencyCode: 'STTTT',
    kind: 'new',
    startDate: '2021-01-01',
    dueDate: '2022-12-31',
    originalDueDate: '2022-12-31',
    currentDueDate: '2022-12-31',
  });

  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
  viewer = await stack.user({ role: 'viewer' });
});
afterAll(() => stack?.close());

describe('GET /api/plans/:id/stats', () => {
  it('counts per lead agency and in total, as the hand count does', async () => {
    const res = await stack.request('GET', `/api/plans/${planId}/stats?asOf=${AS_OF}`, { token: coordinator });
    expect(res.status).toBe(200);
    expect(res.body.planId).toBe(planId);
    expect(res.body.asOf).toBe(AS_OF);
    expect(res.body.totals).toMatchObject({ ...figures(counted), cancelled: ROWS.filter((r) => r.expect === 'cancelled').length });

    const leads = [...new Set(counted.map((r) => r.lead))];
    expect(res.body.agencies.map((a: { agencyCode: string }) => a.agencyCode).sort()).toEqual([...leads].sort());
    for (const code of leads) {
      const row = res.body.agencies.find((a: { agencyCode: string }) => a.agencyCode === code);
      expect(row, code).toMatchObject({ agencyCode: code, agencyName: AGENCIES.find((a) => a.code === code)!.name, ...figures(counted.filter((r) => r.lead === code)) });
    }
    // Sorted by name: "Sở Khoa học…" before "Sở Nội vụ" before "Sở Tài chính".
    const names: string[] = res.body.agencies.map((a: { agencyName: string }) => a.agencyName);
    expect(names.indexOf('Sở Khoa học và Công nghệ')).toBeLessThan(names.indexOf('Sở Nội vụ'));
    expect(names.indexOf('Sở Nội vụ')).toBeLessThan(names.indexOf('Sở Tài chính'));
  });

  it('a later date turns open tasks overdue', async () => {
    const res = await stack.request('GET', `/api/plans/${planId}/stats?asOf=2025-07-01`, { token: coordinator });
    expect(res.status).toBe(200);
    // STC's task due 30/06/2025 is now overdue as well.
    const stc = res.body.agencies.find((a: { agencyCode: string }) => a.agencyCode === 'STC');
    expect(stc).toMatchObject({ total: 2, overdue: 2, completed: 0, onTimeRate: 0 });
  });

  it('defaults to today in Asia/Ho_Chi_Minh', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const res = await stack.request('GET', `/api/plans/${planId}/stats`, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe(today);
    expect(res.body.totals.total).toBe(counted.length);
  });

  it('a plan without tasks has zero counts and no rate', async () => {
    const res = await stack.request('GET', `/api/plans/${emptyPlanId}/stats`, { token: coordinator });
    expect(res.status).toBe(200);
    expect(res.body.agencies).toEqual([]);
    expect(res.body.totals).toMatchObject({ total: 0, open: 0, completed: 0, completedOnTime: 0, overdue: 0, cancelled: 0, onTimeRate: null });
  });

  it('404 for an unknown plan, 422 for a bad id or date', async () => {
    const unknown = await stack.request('GET', `/api/plans/${randomUUID()}/stats`, { token: coordinator });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const badId = await stack.request('GET', '/api/plans/not-a-uuid/stats', { token: coordinator });
    expect(badId.status).toBe(422);
    const badDate = await stack.request('GET', `/api/plans/${planId}/stats?asOf=2024-02-30`, { token: coordinator });
    expect(badDate.status).toBe(422);
    expect(badDate.body.error.details[0].field).toBe('query.asOf');
  });

  it('only coordinators and leadership may read it', async () => {
    const agency = await stack.user({ role: 'agency', agencyCode: 'STTTT' });
    expect((await stack.request('GET', `/api/plans/${planId}/stats`, { token: agency })).status).toBe(403);
    expect((await stack.request('GET', `/api/plans/${planId}/stats`, { token: stack.adminToken })).status).toBe(403);
    expect((await stack.request('GET', `/api/plans/${planId}/stats`)).status).toBe(401);
  });

  it('is documented in the OpenAPI document', async () => {
    const res = await stack.request('GET', '/api/openapi.json');
    const op = res.body.paths['/api/plans/{id}/stats'].get;
    expect(op['x-roles']).toEqual(['coordinator', 'viewer']);
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'asOf']));
  });
});
