import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { testConfig } from '../helpers/temporal';
import { createLinkSigner, loadLinkSecret } from '../../runtime/links';

let stack: TestStack;
let planId: string;
let coordinator: string;
const signer = createLinkSigner(loadLinkSecret(testConfig));

beforeAll(async () => {
  stack = await startStack({ label: 'links' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
});
afterAll(() => stack?.close());

async function newTask() {
  const res = await stack.request('POST', `/api/plans/${planId}/tasks`, {
    token: coordinator,
    body: { title: 'Triển khai chữ ký số <b>cho</b> cán bộ', leadAgency: 'STTTT', startDate: '2026-12-01', dueDate: '2027-03-31' },
  });
  return res.body.id as string;
}

const visit = (method: 'GET' | 'POST', token: string) => fetch(`${stack.url}/l/${token}`, { method, redirect: 'manual' });

describe('one-click links from mails', () => {
  it('acknowledge: the link shows a confirmation; pressing it acknowledges once, in the agency’s name', async () => {
    const id = await newTask();
    const token = await signer.sign({ purpose: 'ack', taskId: id, agencyCode: 'STTTT' });
    const page = await visit('GET', token);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Triển khai chữ ký số &lt;b&gt;cho&lt;/b&gt; cán bộ');
    expect(html).toContain('31/03/2027');
    // Opening the link changed nothing (mail scanners open links).
    expect((await stack.request('GET', `/api/tasks/${id}`, { token: coordinator })).body.status).toBe('assigned');

    const pressed = await visit('POST', token);
    expect(pressed.status).toBe(200);
    expect(await pressed.text()).toContain('Đã tiếp nhận');
    const task = (await stack.request('GET', `/api/tasks/${id}`, { token: coordinator })).body;
    expect(task.status).toBe('in_progress');
    expect(task.events.at(-1)).toMatchObject({ type: 'acknowledged', actor: { role: 'agency', agencyCode: 'STTTT', userId: null }, data: { via: 'link' } });

    expect((await visit('POST', token)).status).toBe(409);
    expect((await visit('GET', token)).status).toBe(409);
  });

  it('open: one redirect to the task, then used', async () => {
    const id = await newTask();
    const token = await signer.sign({ purpose: 'open', taskId: id, agencyCode: 'STTTT' });
    const first = await visit('GET', token);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`/tasks/${id}`);
    expect((await visit('GET', token)).status).toBe(409);
  });

  it('tampered, expired, or signed with another secret: refused', async () => {
    const id = await newTask();
    const token = await signer.sign({ purpose: 'ack', taskId: id, agencyCode: 'STTTT' });
    const [head, body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), agencyCode: 'SNV' })).toString('base64url');
    expect((await visit('POST', `${head}.${forged}.${sig}`)).status).toBe(400);
    const old = createLinkSigner(loadLinkSecret(testConfig), { now: () => Date.now() - 40 * 86_400_000 });
    expect((await visit('POST', await old.sign({ purpose: 'ack', taskId: id, agencyCode: 'STTTT' }))).status).toBe(410);
    const foreign = createLinkSigner('another-secret-0123456789abcdef-0123456789');
    expect((await visit('GET', await foreign.sign({ purpose: 'ack', taskId: id, agencyCode: 'STTTT' }))).status).toBe(400);
    expect((await stack.request('GET', `/api/tasks/${id}`, { token: coordinator })).body.status).toBe('assigned');
  });
});
