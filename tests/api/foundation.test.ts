import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../helpers/stack';
import { hashToken } from '../../api/tokens';
import { users } from '../../db/schema';
import { eq } from 'drizzle-orm';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ label: 'foundation', app: { authFailuresPerWindow: 20 } });
});
afterAll(() => stack?.close());

describe('health and documentation', () => {
  it('reports the database and Temporal as reachable', async () => {
    const res = await stack.request('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok', temporal: 'ok' });
  });

  it('serves an OpenAPI 3 document generated from the route schemas', async () => {
    const res = await stack.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const createUser = res.body.paths['/api/users'].post;
    expect(createUser['x-roles']).toEqual(['admin']);
    const schema = createUser.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'email', 'role']));
    expect(schema.properties.role.enum).toEqual(['admin', 'coordinator', 'agency', 'viewer']);
    expect(res.body.paths['/api/users/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });
});

describe('error replies follow DESIGN.md §10', () => {
  it('400 for malformed JSON', async () => {
    const res = await stack.request('POST', '/api/users', {
      token: stack.adminToken,
      rawBody: '{"name": "Lan",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toContain('JSON');
  });

  it('404 for an unknown route, as JSON', async () => {
    const res = await stack.request('GET', '/api/nowhere', { token: stack.adminToken });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', details: [] });
  });

  it('413 for a body over 10 MB', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) });
    const res = await stack.request('POST', '/api/users', { token: stack.adminToken, rawBody: big, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('422 names every invalid field', async () => {
    const res = await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name: '', email: 'not-an-email', role: 'mayor' } });
    expect(res.status).toBe(422);
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['email', 'name', 'role']);
  });

  it('422 when an agency user has no agency, or an unknown one', async () => {
    const missing = await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name: 'Lan', email: 'lan@x.vn', role: 'agency' } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([{ field: 'agencyCode', message: expect.any(String) }]);
    const unknown = await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name: 'Lan', email: 'lan@x.vn', role: 'agency', agencyCode: 'NOPE' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].field).toBe('agencyCode');
  });

  it('500 hides internals', async () => {
    // A route whose handler throws an unexpected error: the reply must not leak its message.
    const { createApp } = await import('../../api/app');
    const { route } = await import('../../api/route');
    const app = createApp(stack.deps, {
      routes: [
        route({
          method: 'get',
          path: '/api/boom',
          tag: 'test',
          summary: 'throws',
          auth: 'public',
          responses: {},
          async handler() {
            throw new Error('secret connection string postgres://u:p@h');
          },
        }),
      ],
    });
    const { status, body } = await getFrom(app, '/api/boom');
    expect(status).toBe(500);
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('with checkReplies (every test stack), a reply that strays from its documented schema fails by field', async () => {
    // The web client's types are generated from these schemas: a reply they do not describe would drift silently.
    const { createApp } = await import('../../api/app');
    const { route } = await import('../../api/route');
    const { z } = await import('zod');
    const routes = [
      route({
        method: 'get',
        path: '/api/count',
        tag: 'test',
        summary: 'a number documented, text sent',
        auth: 'public',
        responses: { 200: { description: 'The count', schema: z.object({ count: z.number() }) } },
        async handler() {
          return { body: { count: 'three' } };
        },
      }),
    ];
    const checked = await getFrom(createApp(stack.deps, { routes, checkReplies: true }), '/api/count');
    expect(checked.status).toBe(500);
    expect(checked.body.error.code).toBe('reply_mismatch');
    expect(checked.body.error.details).toEqual([{ field: 'reply.count', message: expect.any(String) }]);
    const production = await getFrom(createApp(stack.deps, { routes }), '/api/count');
    expect(production).toEqual({ status: 200, body: { count: 'three' } });
  });
});

/** GET `path` from `app` served on an ephemeral port. */
async function getFrom(app: import('express').Express, path: string): Promise<{ status: number; body: any }> {
  const server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}${path}`);
    return { status: res.status, body: await res.json() };
  } finally {
    server.close();
  }
}

describe('identity', () => {
  it('401 without a token and with a wrong one', async () => {
    expect((await stack.request('GET', '/api/me')).status).toBe(401);
    expect((await stack.request('GET', '/api/me', { token: 'gv_wrong' })).status).toBe(401);
  });

  it('an admin creates a user whose token works, is stored hashed, and is shown only once', async () => {
    const created = await stack.request('POST', '/api/users', {
      token: stack.adminToken,
      body: { name: 'Nguyễn Thị Lan', email: 'lan@sotttt.gov.vn', role: 'coordinator' },
    });
    expect(created.status).toBe(201);
    const { id, token } = created.body;
    const me = await stack.request('GET', '/api/me', { token });
    expect(me.body).toMatchObject({ id, name: 'Nguyễn Thị Lan', role: 'coordinator' });
    const [row] = await stack.database.db.select().from(users).where(eq(users.id, id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const read = await stack.request('GET', `/api/users/${id}`, { token: stack.adminToken });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('token');
    expect(read.body).not.toHaveProperty('tokenHash');
  });

  it('403 for a role that may not create users', async () => {
    const coordinator = await stack.user({ role: 'coordinator' });
    const res = await stack.request('POST', '/api/users', { token: coordinator, body: { name: 'X', email: 'x@x.vn', role: 'admin' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('the bootstrap admin is created once however often the service starts', async () => {
    const { ensureBootstrapAdmin } = await import('../../api/services/users');
    expect(await ensureBootstrapAdmin(stack.database.db, stack.adminToken)).toBe(false);
    const admins = await stack.database.db.select().from(users).where(eq(users.tokenHash, hashToken(stack.adminToken)));
    expect(admins).toHaveLength(1);
  });

  it('rate-limits repeated bad tokens from one address', async () => {
    let last = 0;
    for (let i = 0; i < 25; i++) last = (await stack.request('GET', '/api/me', { token: `gv_bad_${i}` })).status;
    expect(last).toBe(429);
  });
});
