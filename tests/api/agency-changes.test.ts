/**
 * The directory changes under running tasks, against the real stack (Postgres, the Temporal test
 * server, the product's worker): a renamed agency keeps its old name as a former name that older
 * appendices still resolve; an agency that joins a group gets a child of every open task the group
 * was given, through the parent's workflow, and the parent then waits for it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { fromToday } from '../helpers/dates';
import { waitFor } from '../helpers/wait';
import { tasks } from '../../db/schema';
import { getTaskQuery } from '../../workflows/messages';
import { TASK_QUEUE, taskWorkflowId } from '../../workflows/constants';
import { groupMembersWorkflow } from '../../workflows/group-members';

let stack: TestStack;
let coordinator: string;
let planId: string;

beforeAll(async () => {
  stack = await startStack({ label: 'agency_changes' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
});
afterAll(() => stack?.close());

const admin = () => stack.adminToken;
const agency = async (code: string) => (await stack.request('GET', `/api/agencies/${code}`, { token: coordinator })).body;
const resolve = async (name: string) => (await stack.request('GET', `/api/agencies/resolve?name=${encodeURIComponent(name)}`, { token: coordinator })).body;

describe('a renamed agency', () => {
  it('keeps its old names as former names, with the last day of each; they still resolve', async () => {
    const renamed = await stack.request('PATCH', '/api/agencies/STTTT', {
      token: admin(),
      body: { name: 'Sở Khoa học, Công nghệ và Chuyển đổi số', shortName: 'Sở KHCN&CĐS', renamedOn: '2025-03-01' },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.formerNames).toEqual([
      { name: 'Sở TTTT', until: '2025-02-28' },
      { name: 'Sở Thông tin và Truyền thông', until: '2025-02-28' },
    ]);
    expect((await resolve('Sở Thông tin và Truyền thông')).agencies.map((a: { code: string }) => a.code)).toEqual(['STTTT']);
    expect((await resolve('Sở Khoa học, Công nghệ và Chuyển đổi số')).agencies.map((a: { code: string }) => a.code)).toEqual(['STTTT']);
    // An older appendix that names the department by its old name imports to it.
    const preview = await stack.request('POST', `/api/plans/${planId}/import?dryRun=true`, {
      token: coordinator,
      rawBody: 'STT,Tên nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện\n1,Số hóa hồ sơ,Sở Thông tin và Truyền thông,2027\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(preview.body.tasks[0].leads[0].code).toBe('STTTT');
  });

  it('keeps them when its aliases are replaced; a name taken back leaves the list; another agency cannot take one', async () => {
    const aliases = await stack.request('PATCH', '/api/agencies/STTTT', { token: admin(), body: { aliases: ['Sở KHCN và CĐS'] } });
    expect(aliases.body.aliases).toEqual(['Sở KHCN và CĐS']);
    expect(aliases.body.formerNames.map((f: { name: string }) => f.name)).toEqual(['Sở TTTT', 'Sở Thông tin và Truyền thông']);

    const taken = await stack.request('PATCH', '/api/agencies/STC', { token: admin(), body: { aliases: ['Sở Thông tin và Truyền thông'] } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].message).toContain('STTTT');

    const back = await stack.request('PATCH', '/api/agencies/STTTT', { token: admin(), body: { name: 'Sở Thông tin và Truyền thông', renamedOn: '2026-01-01' } });
    expect(back.body.formerNames).toEqual([
      { name: 'Sở Khoa học, Công nghệ và Chuyển đổi số', until: '2025-12-31' },
      { name: 'Sở TTTT', until: '2025-02-28' },
    ]);
  });
});

describe('an agency that joins a group', () => {
  let groupTask: string;
  let closedGroupTask: string;

  beforeAll(async () => {
    const make = async (title: string) => {
      const res = await stack.request('POST', `/api/plans/${planId}/tasks`, {
        token: coordinator,
        body: { title, leadAgency: 'HUYEN', coordinatingAgencies: ['STC'], dueDate: fromToday(90), kind: 'new' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    groupTask = await make('Triển khai hội nghị truyền hình đến cấp xã');
    closedGroupTask = await make('Khảo sát hạ tầng mạng cấp huyện');
    const cancelled = await stack.request('POST', `/api/tasks/${closedGroupTask}/cancel`, { token: coordinator, body: { reason: 'Gộp vào nhiệm vụ khác' } });
    expect(cancelled.status).toBe(200);
  });

  it('gets a child of every open task the group was given, after the parent knows of it; a closed one gets none', async () => {
    const created = await stack.request('POST', '/api/agencies', { token: admin(), body: { code: 'H4', name: 'UBND huyện Vân Hồ', kind: 'district', emails: ['vanthu@vanho.example.gov.vn'] } });
    expect(created.status).toBe(201);
    const members = (await agency('HUYEN')).members as string[];
    const patched = await stack.request('PATCH', '/api/agencies/HUYEN', { token: admin(), body: { members: [...members, 'H4'] } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    const children = (parentId: string) => stack.database.db.select().from(tasks).where(eq(tasks.parentId, parentId));
    const joined = await waitFor(
      () => children(groupTask),
      (rows) => rows.some((c) => c.leadAgencyCode === 'H4' && c.lastSeq > 0),
      'the new member’s child task, started',
    );
    expect(joined.map((c) => c.leadAgencyCode).sort()).toEqual([...members, 'H4'].sort());
    const child = joined.find((c) => c.leadAgencyCode === 'H4')!;
    expect(child).toMatchObject({ title: 'Triển khai hội nghị truyền hình đến cấp xã', coordinatingAgencyCodes: ['STC'], status: 'assigned' });

    const parent = (await stack.request('GET', `/api/tasks/${groupTask}`, { token: coordinator })).body;
    expect(parent.events.find((e: { type: string }) => e.type === 'child_added')).toMatchObject({ type: 'child_added', actor: { role: 'admin' }, data: { childId: child.id, agencyCode: 'H4' } });
    const state = await stack.env.client.workflow.getHandle(taskWorkflowId(groupTask)).query(getTaskQuery);
    expect(Object.keys(state.state.children)).toContain(child.id);
    expect((await children(closedGroupTask)).map((c) => c.leadAgencyCode)).not.toContain('H4');

    // The district's clerk sees its task and acknowledges it; the parent hears of it.
    const clerk = await stack.user({ role: 'agency', agencyCode: 'H4' });
    const list = await stack.request('GET', `/api/tasks?agency=H4`, { token: clerk });
    expect(list.body.items.map((t: { id: string }) => t.id)).toEqual([child.id]);
    expect((await stack.request('POST', `/api/tasks/${child.id}/acknowledge`, { token: clerk })).status).toBe(200);
    const heard = await waitFor(
      () => stack.env.client.workflow.getHandle(taskWorkflowId(groupTask)).query(getTaskQuery),
      (s) => s.state.children[child.id]?.status === 'in_progress',
      'the parent told of the new child’s acknowledgement',
    );
    expect(heard.state.status).toBe('in_progress');
  });

  it('run again, adds nothing more', async () => {
    const before = await stack.database.db.$count(tasks);
    const again = await stack.env.client.workflow.execute(groupMembersWorkflow, {
      taskQueue: TASK_QUEUE,
      workflowId: `group-members-again-${Date.now()}`,
      args: [{ groupCode: 'HUYEN', actor: { userId: null, name: 'Kiểm thử', role: 'admin', agencyCode: null } }],
    });
    expect(again).toEqual({ added: 0 });
    expect(await stack.database.db.$count(tasks)).toBe(before);
  });
});
