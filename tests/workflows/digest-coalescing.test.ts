/**
 * On the real dev server, with the worker's clock, a burst of notifications for one agency wakes its
 * digest with far fewer signals than notifications (activities/coalesce.ts): the bench's bulk start
 * depends on it, and the time-skipping tests turn it off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { digestWorkflowId } from '../../workflows/constants';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { startStack, type TestStack } from '../helpers/stack';
import { waitFor } from '../helpers/wait';

let stack: TestStack;
let planId: string;
let coordinator: string;

beforeAll(async () => {
  stack = await startStack({ label: 'digest_coalescing', temporal: 'local' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
});
afterAll(() => stack?.close());

describe('digest signals under a burst', () => {
  it('twenty assignments to one agency record twenty notifications and signal its digest once or twice', async () => {
    const burst = 20;
    const created = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        stack.request('POST', `/api/plans/${planId}/tasks`, { token: coordinator, body: { title: `Rà soát hồ sơ số ${i + 1}`, leadAgency: 'SKHCN', dueDate: '2027-06-30' } }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(burst).fill(201));

    const assigned = and(eq(notifications.kind, 'task_assigned'), eq(notifications.recipientAgencyCode, 'SKHCN'));
    const rows = await waitFor(
      () => stack.database.db.select({ recipient: notifications.recipient, day: notifications.day }).from(notifications).where(assigned),
      (r) => r.length >= burst,
      `${burst} task_assigned notifications`,
    );
    expect(rows).toHaveLength(burst);
    const digests = [...new Set(rows.map((r) => digestWorkflowId(r.recipient, r.day)))];
    expect(digests).toHaveLength(1);

    const history = await stack.env.client.workflow.getHandle(digests[0]!).fetchHistory();
    const signals = history.events!.filter((e) => e.workflowExecutionSignaledEventAttributes).length;
    expect(signals).toBeGreaterThanOrEqual(1);
    expect(signals).toBeLessThanOrEqual(2);
  });
});
