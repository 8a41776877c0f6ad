/**
 * The small province every security test works in: the fixture agencies, one plan, and one user per
 * kind of caller — the lead agency of the tasks (Sở TTTT), the agency that coordinates them (Sở Tài
 * chính) and an agency with nothing to do with them (Sở Nội vụ).
 */
import { expect } from 'vitest';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import type { ApiResponse, TestStack } from '../helpers/stack';

export const LEAD = 'STTTT';
export const PARTNER = 'STC';
export const OTHER = 'SNV';

export interface World {
  planId: string;
  tokens: { admin: string; coordinator: string; viewer: string; lead: string; partner: string; other: string };
}

export async function seedWorld(stack: TestStack): Promise<World> {
  await seedAgencies(stack.database.db);
  const planId = await seedPlan(stack.database.db, { code: 'KH-212-2020', periodStart: '2021-01-01', periodEnd: '2027-12-31' });
  const tokens = {
    admin: stack.adminToken,
    coordinator: await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều phối' }),
    viewer: await stack.user({ role: 'viewer', name: 'Lãnh đạo UBND tỉnh' }),
    lead: await stack.user({ role: 'agency', agencyCode: LEAD, name: 'Văn thư Sở TTTT' }),
    partner: await stack.user({ role: 'agency', agencyCode: PARTNER, name: 'Văn thư Sở Tài chính' }),
    other: await stack.user({ role: 'agency', agencyCode: OTHER, name: 'Văn thư Sở Nội vụ' }),
  };
  return { planId, tokens };
}

export interface CreatedTask {
  id: string;
  title: string;
  status: string;
}

/** A task assigned through the API (its workflow started), led by Sở TTTT with Sở Tài chính coordinating. */
export async function assignTask(stack: TestStack, world: World, body: Record<string, unknown> = {}): Promise<CreatedTask> {
  const res = await stack.request('POST', `/api/plans/${world.planId}/tasks`, {
    token: world.tokens.coordinator,
    body: { title: 'Xây dựng Trung tâm dữ liệu tỉnh', leadAgency: LEAD, coordinatingAgencies: [PARTNER], startDate: '2026-01-05', dueDate: '2027-06-30', ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CreatedTask;
}

/** POST a task command and insist that it worked: fixtures are built with these. */
export async function command(stack: TestStack, token: string, taskId: string, action: string, body: unknown = {}): Promise<ApiResponse> {
  const res = await stack.request('POST', `/api/tasks/${taskId}/${action}`, { token, body });
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res;
}

/** The error envelope of DESIGN.md §10, with a message a person can read. */
export function expectErrorEnvelope(res: ApiResponse, context: string): void {
  expect(res.headers.get('content-type') ?? '', `${context}: content type`).toContain('application/json');
  const error = (res.body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  expect(typeof error?.code, `${context}: error.code in ${JSON.stringify(res.body)?.slice(0, 300)}`).toBe('string');
  expect(typeof error?.message, `${context}: error.message`).toBe('string');
  expect((error!.message as string).length, `${context}: empty message`).toBeGreaterThan(0);
  expect(Array.isArray(error!.details), `${context}: error.details`).toBe(true);
}
