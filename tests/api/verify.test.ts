import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskEvents, tasks } from '../../db/schema';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { runScript } from '../helpers/scripts';
import { startStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let coordinator: string;
let clerk: string;
const ids: string[] = [];

beforeAll(async () => {
  stack = await startStack({ label: 'verify' });
  await seedAgencies(stack.database.db);
  const planId = await seedPlan(stack.database.db);
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
  clerk = await stack.user({ role: 'agency', agencyCode: 'STTTT' });
  for (const title of ['Xây dựng kho dữ liệu dùng chung', 'Số hóa hồ sơ lưu trữ']) {
    const res = await stack.request('POST', `/api/plans/${planId}/tasks`, { token: coordinator, body: { title, leadAgency: 'STTTT', dueDate: '2027-09-30' } });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  expect((await stack.request('POST', `/api/tasks/${ids[0]}/acknowledge`, { token: clerk, body: {} })).status).toBe(200);
});
afterAll(() => stack?.close());

/** `npm run verify -- --url … --token …` against the running API. */
const verifyCli = () => runScript('verify', ['--url', stack.url, '--token', stack.adminToken]);

describe('npm run verify', () => {
  it('finds the read model and the workflows in agreement', async () => {
    const res = await stack.request('GET', '/api/admin/verify', { token: stack.adminToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tasksChecked: 2, transitionsChecked: 3, lost: 0, duplicated: 0, mismatches: [] });
    const cli = await verifyCli();
    expect(cli.code, cli.output).toBe(0);
    expect(cli.output).toContain('verify: 2 tasks, 3 transitions');
  });

  it('names a row that says something else than its workflow, and an event missing from the trail, and exits 1', async () => {
    await stack.database.db.update(tasks).set({ progress: 77 }).where(eq(tasks.id, ids[1]!));
    await stack.database.db.delete(taskEvents).where(and(eq(taskEvents.taskId, ids[0]!), eq(taskEvents.type, 'acknowledged')));
    const res = await stack.request('GET', '/api/admin/verify', { token: stack.adminToken });
    // Tasks are checked side by side: the order of the lines says nothing.
    expect([...res.body.mismatches].sort()).toEqual(
      [`lost: task ${ids[0]}: event 2 not in the audit trail`, `mismatch: task ${ids[1]}: progress is 77 in the read model, 0 in the workflow`].sort(),
    );
    expect(res.body.lost).toBe(1);
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.output).toContain(`✗ mismatch: task ${ids[1]}: progress is 77`);
    expect(cli.output).toContain('2 mismatches, 1 lost, 0 duplicated');
  });
});
