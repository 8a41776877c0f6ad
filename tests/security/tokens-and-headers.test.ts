/**
 * Credentials and the HTTP envelope (issue 10): bearer tokens exist only as hashes at rest and never
 * reach the logs; repeated bad tokens are rate-limited per client address; every answer carries the
 * security headers; oversized bodies are refused with 413; one-click links in mails are signed,
 * expire and work once — checked on `createLinkSigner` and `consumeLinkOnce` and again through the
 * route that serves them (`GET`/`POST /l/<token>`).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import type { Express } from 'express';
import { createApp } from '../../api/app';
import { hashToken } from '../../api/tokens';
import { taskEvents, users } from '../../db/schema';
import { rowsOf } from '../../db/client';
import { consumeLinkOnce, createLinkSigner, DEFAULT_LINK_TTL_DAYS, InvalidLinkError, linkUrl, type LinkClaims } from '../../runtime/links';
import { createSignInLinkSigner, signInLinkUrl, SIGN_IN_LINK_TTL_HOURS } from '../../runtime/sign-in-links';
import { startStack, type TestStack } from '../helpers/stack';
import { testConfig } from '../helpers/temporal';
import { assignTask, expectErrorEnvelope, LEAD, seedWorld, type World } from './helpers';

let stack: TestStack;
let world: World;
let viewerId: string;

beforeAll(async () => {
  stack = await startStack({ label: 'tokens_headers', app: { authFailuresPerWindow: 10_000 } });
  world = await seedWorld(stack);
  viewerId = (await stack.request('GET', '/api/me', { token: world.tokens.viewer })).body.id;
});
afterAll(() => stack?.close());

/** The app on an ephemeral port of its own (another rate-limit budget, another logger, another config). */
async function serve(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Every text value of every table, as JSON lines: to look for secrets at rest. */
async function everyRow(): Promise<string[]> {
  const { db } = stack.database;
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`select quote_ident(table_name) as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const out: string[] = [];
  for (const { name } of tables) {
    const rows = await rowsOf<{ j: string }>(db, sql.raw(`select row_to_json(t)::text as j from ${name} t`));
    out.push(...rows.map((r) => `${name}: ${r.j}`));
  }
  return out;
}

describe('bearer tokens at rest', () => {
  it('a user created through the API exists only as the SHA-256 of its token, in users and everywhere else', async () => {
    const created = await stack.request('POST', '/api/users', {
      token: stack.adminToken,
      body: { name: 'Đỗ Thị Bảo Mật', email: 'baomat@stttt.example.gov.vn', role: 'agency', agencyCode: LEAD },
      // A retried request must not make the server keep the token to replay it.
      headers: { 'idempotency-key': 'create-baomat-1' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id, token } = created.body as { id: string; token: string };
    expect(token).toMatch(/^gv_[\w-]{43}$/);
    expect((await stack.request('GET', '/api/me', { token })).body).toMatchObject({ id, role: 'agency' });

    const [row] = await stack.database.db.select().from(users).where(eq(users.id, id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // The users table has no column that could hold a token in clear.
    expect(Object.keys(row!).filter((k) => /token/i.test(k))).toEqual(['tokenHash']);

    const tokens = [token, stack.adminToken, ...Object.values(world.tokens)];
    const rows = await everyRow();
    expect(rows.length).toBeGreaterThan(10);
    for (const t of tokens) {
      expect(rows.filter((r) => r.includes(t)), 'a plaintext token at rest').toEqual([]);
      // Nor the random part alone (a prefix stripped before storing would still be the secret).
      expect(rows.filter((r) => r.includes(t.replace(/^gv_/, '')))).toEqual([]);
    }
  });

  it('the token is shown once: no read of a user returns it or its hash', async () => {
    const list = await stack.request('GET', '/api/users', { token: stack.adminToken });
    expect(list.status).toBe(200);
    const text = JSON.stringify(list.body);
    expect(text).not.toMatch(/token/i);
    for (const t of Object.values(world.tokens)) {
      expect(text).not.toContain(t);
      expect(text).not.toContain(hashToken(t));
    }
    const me = await stack.request('GET', '/api/me', { token: world.tokens.lead });
    expect(JSON.stringify(me.body)).not.toMatch(/token/i);
  });

  it('tokens, and one-click link tokens, stay out of the request log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'trace' }, sink);
    const server = await serve(createApp({ ...stack.deps, logger }, { authFailuresPerWindow: 10_000 }));
    try {
      const link = await createLinkSigner(testConfig.LINK_SECRET!).sign({ purpose: 'ack', taskId: '00000000-0000-4000-8000-000000000000', agencyCode: LEAD });
      const signIn = (await createSignInLinkSigner(testConfig.LINK_SECRET!).sign(viewerId)).token;
      const requests: [string, Record<string, string>][] = [
        ['/api/me', { authorization: `Bearer ${world.tokens.lead}` }],
        ['/api/me', { authorization: `Bearer ${world.tokens.other}x` }],
        [`/api/tasks?token=${world.tokens.viewer}&limit=5`, { authorization: `Bearer ${world.tokens.viewer}` }],
        [new URL(linkUrl(server.url, link)).pathname, {}],
        [`/l/${link}?utm=mail`, {}],
        // The identity provider's answer: its code and state are as good as a sign-in while they last.
        ['/auth/oidc/callback?code=SECRET-AUTHORIZATION-CODE&state=SECRET-STATE&iss=x', {}],
        // A sign-in link travels in the fragment, which a browser never sends.
        [new URL(signInLinkUrl(server.url, signIn)).pathname, {}],
      ];
      for (const [path, headers] of requests) await fetch(server.url + path, { headers });
      // Redeemed, the link goes in a body and the session comes back in one: neither is logged.
      const session = await fetch(`${server.url}/api/auth/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ link: signIn }) });
      expect(session.status).toBe(201);
      const { token: sessionToken } = (await session.json()) as { token: string };
      await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${sessionToken}` } });
      await new Promise((r) => setTimeout(r, 50));
      const log = lines.join('');
      expect(lines.length).toBeGreaterThanOrEqual(requests.length + 2);
      for (const t of Object.values(world.tokens)) expect(log).not.toContain(t);
      expect(log).not.toContain(link);
      // The signature alone is what makes a link usable.
      expect(log).not.toContain(link.split('.')[2]!);
      for (const secret of ['SECRET-AUTHORIZATION-CODE', 'SECRET-STATE', signIn.split('.')[2]!, sessionToken]) expect(log).not.toContain(secret);
      expect(log).toContain('/auth/oidc/callback?…');
    } finally {
      await server.close();
    }
  });
});

describe('credentials that end', () => {
  const me = async (token: string) => (await stack.request('GET', '/api/me', { token })).status;
  const act = (method: string, path: string) => stack.request(method, path, { token: stack.adminToken });
  const account = async (name: string) => {
    const res = await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name, email: `${name.replace(/\W/g, '')}@snv.example.gov.vn`, role: 'agency', agencyCode: 'SNV' } });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string };
  };
  const session = async (id: string) => {
    const link = (await createSignInLinkSigner(testConfig.LINK_SECRET!).sign(id)).token;
    const res = await stack.request('POST', '/api/auth/sessions', { body: { link } });
    expect(res.status).toBe(201);
    return res.body.token as string;
  };

  it('a disabled account’s token and sessions are refused on the next request, and work again only once enabled (the token, not the ended sessions)', async () => {
    const u = await account('disabled');
    const s = await session(u.id);
    expect([await me(u.token), await me(s)]).toEqual([200, 200]);
    expect((await act('POST', `/api/users/${u.id}/disable`)).status).toBe(200);
    expect([await me(u.token), await me(s)]).toEqual([401, 401]);
    expect((await act('POST', `/api/users/${u.id}/enable`)).status).toBe(200);
    expect([await me(u.token), await me(s)]).toEqual([200, 401]);
  });

  it('a rotated token is refused at once; the new one exists only as its hash', async () => {
    const u = await account('rotated');
    const rotated = await act('POST', `/api/users/${u.id}/token`);
    expect([await me(u.token), await me(rotated.body.token)]).toEqual([401, 200]);
    const [row] = await stack.database.db.select({ tokenHash: users.tokenHash }).from(users).where(eq(users.id, u.id));
    expect(row!.tokenHash).toBe(hashToken(rotated.body.token));
  });

  it('a revoked account has no valid token or session until a new token is issued; sessions too exist only as hashes', async () => {
    const u = await account('revoked');
    const s = await session(u.id);
    expect((await everyRow()).filter((r) => r.includes(s) || r.includes(s.replace(/^gvs_/, '')))).toEqual([]);
    expect((await act('DELETE', `/api/users/${u.id}/token`)).status).toBe(200);
    expect([await me(u.token), await me(s)]).toEqual([401, 401]);
    const link = (await createSignInLinkSigner(testConfig.LINK_SECRET!).sign(u.id)).token;
    expect((await stack.request('POST', '/api/auth/sessions', { body: { link } })).status).toBe(403);
    const issued = await act('POST', `/api/users/${u.id}/token`);
    expect([await me(u.token), await me(issued.body.token)]).toEqual([401, 200]);
  });

  it('a sign-in link works once, expires after a day, and is not a task link (nor a task link a sign-in link)', async () => {
    const signer = createSignInLinkSigner(testConfig.LINK_SECRET!);
    const redeem = (link: string) => stack.request('POST', '/api/auth/sessions', { body: { link } });
    const { token: link, expiresAt } = await signer.sign(viewerId);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(SIGN_IN_LINK_TTL_HOURS * 3_600_000);
    expect((await redeem(link)).status).toBe(201);
    const reused = await redeem(link);
    expect(reused.status).toBe(409);
    expectErrorEnvelope(reused, 'reused sign-in link');
    const dayOld = await createSignInLinkSigner(testConfig.LINK_SECRET!, { now: () => Date.now() - SIGN_IN_LINK_TTL_HOURS * 3_600_000 - 5_000 }).sign(viewerId);
    const expired = await redeem(dayOld.token);
    expect(expired.status).toBe(410);
    expectErrorEnvelope(expired, 'expired sign-in link');

    const taskLink = await createLinkSigner(testConfig.LINK_SECRET!).sign({ purpose: 'open', taskId: '00000000-0000-4000-8000-000000000000', agencyCode: LEAD });
    expect((await redeem(taskLink)).status).toBe(400);
    const asTaskLink = await fetch(`${stack.url}/l/${(await signer.sign(viewerId)).token}`, { redirect: 'manual' });
    expect(asTaskLink.status).toBe(400);
  });
});

describe('repeated bad tokens', () => {
  let server: { url: string; close(): Promise<void> };
  const LIMIT = 5;
  beforeAll(async () => {
    server = await serve(createApp(stack.deps, { authFailuresPerWindow: LIMIT }));
  });
  afterAll(() => server?.close());

  /** `from` is the client address as the proxy in front would give it (the app trusts a proxy on loopback only). */
  const get = (path: string, token: string | undefined, from: string) =>
    fetch(server.url + path, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-forwarded-for': from } });

  it(`are refused with 429 after ${LIMIT} failures from one address, with a message and the limit headers`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await get('/api/me', `gv_guess_${i}`, '203.0.113.7')).status);
    expect(statuses).toEqual(Array(LIMIT).fill(401));
    const blocked = await get('/api/me', 'gv_guess_again', '203.0.113.7');
    expect(blocked.status).toBe(429);
    const body = await blocked.json();
    expect(body.error).toMatchObject({ code: 'too_many_requests', details: [] });
    expect(body.error.message).toMatch(/thử lại/);
    expect(blocked.headers.get('ratelimit-policy')).toMatch(new RegExp(`q=${LIMIT}`));
    expect(blocked.headers.get('ratelimit')).toMatch(/r=0/);
    // A missing token is a failure too.
    expect((await get('/api/tasks', undefined, '203.0.113.7')).status).toBe(429);
  });

  it('another address is not affected', async () => {
    expect((await get('/api/me', world.tokens.lead, '198.51.100.20')).status).toBe(200);
    expect((await get('/api/me', 'gv_wrong', '198.51.100.20')).status).toBe(401);
  });

  it('successful requests do not use up the budget', async () => {
    for (let i = 0; i < LIMIT * 4; i++) expect((await get('/api/me', world.tokens.viewer, '198.51.100.30')).status).toBe(200);
    for (let i = 0; i < LIMIT; i++) expect((await get('/api/me', `gv_typo_${i}`, '198.51.100.30')).status).toBe(401);
    expect((await get('/api/me', 'gv_typo_last', '198.51.100.30')).status).toBe(429);
  });
});

describe('security headers', () => {
  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  function expectHardened(headers: Headers, what: string) {
    expect(headers.get('x-powered-by'), what).toBeNull();
    expect(headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(headers.get('x-frame-options'), what).toBe('SAMEORIGIN');
    // One-click links carry their token in the URL: it must never travel in a Referer header.
    expect(headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
    const csp = directives(headers.get('content-security-policy') ?? '');
    expect(csp.get('default-src'), what).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors'), what).toEqual(["'self'"]);
    expect(csp.get('object-src'), what).toEqual(["'none'"]);
    expect(csp.get('base-uri'), what).toEqual(["'self'"]);
    const scripts = csp.get('script-src') ?? csp.get('default-src')!;
    expect(scripts, what).not.toContain("'unsafe-inline'");
    expect(scripts, what).not.toContain("'unsafe-eval'");
    return csp;
  }

  it('on API answers, errors included, on the health check and on the UI', async () => {
    const answers = [
      await stack.request('GET', '/api/me', { token: world.tokens.lead }),
      await stack.request('GET', '/api/me'),
      await stack.request('GET', '/api/nowhere', { token: world.tokens.lead }),
      await stack.request('POST', '/api/users', { token: stack.adminToken, rawBody: '{"name":', headers: { 'content-type': 'application/json' } }),
      await stack.request('GET', '/healthz'),
      await stack.request('GET', '/api/openapi.json'),
      await stack.request('GET', '/'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 400, 200, 200, expect.any(Number)]);
    answers.forEach((a, i) => expectHardened(a.headers, `answer ${i}`));
  });

  it('asks browsers to upgrade to HTTPS only when the public address is HTTPS', async () => {
    const http = await stack.request('GET', '/healthz');
    expect(directives(http.headers.get('content-security-policy')!).has('upgrade-insecure-requests')).toBe(false);
    const server = await serve(createApp({ ...stack.deps, config: { ...stack.deps.config, publicUrl: 'https://giaoviec.sonla.gov.vn' } }));
    try {
      const res = await fetch(`${server.url}/healthz`);
      const csp = expectHardened(res.headers, 'https deployment');
      expect(csp.has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('request size limits', () => {
  const ELEVEN_MB = 11 * 1024 * 1024;

  it('a JSON body over 10 MB is refused with 413 before it is parsed', async () => {
    const body = JSON.stringify({ summary: 'x'.repeat(ELEVEN_MB), tasks: [] });
    const res = await stack.request('POST', `/api/plans/${world.planId}/annual-cycles/2026/reports`, {
      token: world.tokens.lead,
      rawBody: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expectErrorEnvelope(res, 'json');
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('an appendix over 10 MB is refused with 413, sent raw or as a multipart file', async () => {
    const csv = `STT,Tên nhiệm vụ,Đơn vị chủ trì\n${'1,Nhiệm vụ,Sở Thông tin và Truyền thông\n'.repeat(Math.ceil(ELEVEN_MB / 40))}`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(10 * 1024 * 1024);
    const raw = await stack.request('POST', `/api/plans/${world.planId}/import?dryRun=true`, {
      token: world.tokens.coordinator,
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(raw.status).toBe(413);
    expectErrorEnvelope(raw, 'raw csv');

    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'phu-luc.csv');
    const multipart = await stack.request('POST', `/api/plans/${world.planId}/import?dryRun=true`, { token: world.tokens.coordinator, rawBody: form });
    expect(multipart.status).toBe(413);
    expectErrorEnvelope(multipart, 'multipart');
  });

  it('a multipart upload with more than one file is refused, not read', async () => {
    const form = new FormData();
    form.append('file', new Blob(['a,b\n'], { type: 'text/csv' }), 'a.csv');
    form.append('file', new Blob(['c,d\n'], { type: 'text/csv' }), 'b.csv');
    const res = await stack.request('POST', `/api/plans/${world.planId}/import?dryRun=true`, { token: world.tokens.coordinator, rawBody: form });
    expect(res.status).toBe(422);
    expectErrorEnvelope(res, 'two files');
  });
});

describe('one-click links', () => {
  const secret = testConfig.LINK_SECRET!;
  const signer = createLinkSigner(secret);
  let claims: LinkClaims;
  beforeAll(async () => {
    claims = { purpose: 'ack', taskId: (await assignTask(stack, world)).id, agencyCode: LEAD };
  });

  const refusal = async (token: string) => {
    try {
      await signer.verify(token);
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidLinkError);
      return (err as InvalidLinkError).reason;
    }
    return 'accepted';
  };

  it('a genuine link carries what it does, for whom, a unique id and an expiry at most 30 days ahead', async () => {
    const token = await signer.sign(claims);
    const verified = await signer.verify(token);
    expect(verified).toMatchObject(claims);
    const payload = decodeJwt(token);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(DEFAULT_LINK_TTL_DAYS * 86_400);
    const other = await signer.verify(await signer.sign(claims));
    expect(other.jti).not.toBe(verified.jti);
    expect(linkUrl('https://giaoviec.sonla.gov.vn/', token)).toBe(`https://giaoviec.sonla.gov.vn/l/${token}`);
  });

  it('a tampered link is refused: changed claims, a flipped signature, another key, no signature, another audience', async () => {
    const token = await signer.sign(claims);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const swapped = Buffer.from(JSON.stringify({ ...forged, agencyCode: 'SNV' })).toString('base64url');
    const promoted = Buffer.from(JSON.stringify({ ...forged, exp: forged.exp + 365 * 86_400 })).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    const key = new TextEncoder().encode(secret);
    const now = Math.floor(Date.now() / 1000);
    const body = { purpose: 'ack', taskId: claims.taskId, agencyCode: LEAD };
    const wrongAudience = await new SignJWT(body).setProtectedHeader({ alg: 'HS256' }).setIssuer('giaoviec').setAudience('someone-else').setJti('x').setExpirationTime(now + 60).sign(key);
    const wrongPurpose = await new SignJWT({ ...body, purpose: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('giaoviec')
      .setAudience('giaoviec:link')
      .setJti('y')
      .setExpirationTime(now + 60)
      .sign(key);
    const noExpiry = await new SignJWT(body).setProtectedHeader({ alg: 'HS256' }).setIssuer('giaoviec').setAudience('giaoviec:link').setJti('z').sign(key);
    const otherAlgorithm = await new SignJWT(body).setProtectedHeader({ alg: 'HS512' }).setIssuer('giaoviec').setAudience('giaoviec:link').setJti('w').setExpirationTime(now + 60).sign(key);
    const unsigned = new UnsecuredJWT(body).setIssuer('giaoviec').setAudience('giaoviec:link').setJti('v').setExpirationTime(now + 60).encode();
    const anotherKey = await createLinkSigner('a-different-secret-of-at-least-32-characters').sign(claims);

    const attempts = {
      swapped: `${header}.${swapped}.${signature}`,
      promoted: `${header}.${promoted}.${signature}`,
      flipped: `${header}.${payload}.${flipped}`,
      truncated: `${header}.${payload}.`,
      wrongAudience,
      wrongPurpose,
      noExpiry,
      otherAlgorithm,
      unsigned,
      anotherKey,
      garbage: 'not-a-link',
      empty: '',
    };
    const results = Object.fromEntries(await Promise.all(Object.entries(attempts).map(async ([k, t]) => [k, await refusal(t)])));
    expect(results).toEqual(Object.fromEntries(Object.keys(attempts).map((k) => [k, 'invalid'])));
    // The genuine one still works.
    expect(await refusal(token)).toBe('accepted');
  });

  it('an expired link is refused and says so', async () => {
    const past = createLinkSigner(secret, { now: () => Date.now() - (DEFAULT_LINK_TTL_DAYS + 1) * 86_400_000 });
    const token = await past.sign(claims);
    expect(await refusal(token)).toBe('expired');
    await expect(signer.verify(token)).rejects.toThrow(/hết hạn/);
    const oneDay = await signer.sign(claims, 1);
    expect(await createLinkSigner(secret, { now: () => Date.now() + 86_400_000 + 5_000 }).verify(oneDay).catch((e: InvalidLinkError) => e.reason)).toBe('expired');
  });

  it('a link works once: a replay is refused, even when the clicks race', async () => {
    const { jti } = await signer.verify(await signer.sign(claims));
    expect(await consumeLinkOnce(stack.database.db, jti, 'ack')).toBe(true);
    expect(await consumeLinkOnce(stack.database.db, jti, 'ack')).toBe(false);
    expect(await consumeLinkOnce(stack.database.db, jti, 'open')).toBe(false);

    const racing = await signer.verify(await signer.sign(claims));
    const wins = await Promise.all(Array.from({ length: 12 }, () => consumeLinkOnce(stack.database.db, racing.jti, 'ack')));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const [{ n }] = (await rowsOf<{ n: number }>(stack.database.db, sql`select count(*)::int as n from used_links where jti = ${racing.jti}`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('a short secret is refused at start', () => {
    expect(() => createLinkSigner('too-short')).toThrow(/32/);
  });

  describe('through /l/<token>', () => {
    const visit = (method: 'GET' | 'POST', token: string) => fetch(`${stack.url}/l/${token}`, { method, redirect: 'manual' });
    const taskState = async (id: string) => {
      const task = (await stack.request('GET', `/api/tasks/${id}`, { token: world.tokens.coordinator })).body as { status: string; events: { type: string }[] };
      return { status: task.status, acknowledged: task.events.filter((e) => e.type === 'acknowledged').length };
    };

    it('opening an acknowledgement link changes nothing (mail scanners open links); pressing it acknowledges once', async () => {
      const { id } = await assignTask(stack, world);
      const token = await signer.sign({ purpose: 'ack', taskId: id, agencyCode: LEAD });
      for (let i = 0; i < 3; i++) expect((await visit('GET', token)).status).toBe(200);
      expect(await taskState(id)).toEqual({ status: 'assigned', acknowledged: 0 });
      const pressed = await visit('POST', token);
      expect(pressed.status).toBe(200);
      expect(pressed.headers.get('cache-control')).toBe('no-store');
      expect(await taskState(id)).toEqual({ status: 'in_progress', acknowledged: 1 });
      // Replayed, by a second press or a forwarded mail.
      expect((await visit('POST', token)).status).toBe(409);
      expect((await visit('GET', token)).status).toBe(409);
    });

    it('presses racing each other acknowledge once', async () => {
      const { id } = await assignTask(stack, world);
      const token = await signer.sign({ purpose: 'ack', taskId: id, agencyCode: LEAD });
      const statuses = await Promise.all(Array.from({ length: 6 }, () => visit('POST', token).then((r) => r.status)));
      expect(statuses.every((st) => st === 200 || st === 409)).toBe(true);
      expect(await taskState(id)).toEqual({ status: 'in_progress', acknowledged: 1 });
      const [{ n }] = (await rowsOf<{ n: number }>(stack.database.db, sql`select count(*)::int as n from ${taskEvents} where task_id = ${id} and type = 'acknowledged'`)) as [{ n: number }];
      expect(n).toBe(1);
    });

    it('tampered or foreign links are refused with 400 and change nothing; expired ones with 410', async () => {
      const { id } = await assignTask(stack, world);
      const token = await signer.sign({ purpose: 'ack', taskId: id, agencyCode: LEAD });
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claimsOf = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const reencode = (patch: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...claimsOf, ...patch })).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const forged = [
        `${header}.${reencode({ agencyCode: 'SNV' })}.${signature}`,
        `${header}.${reencode({ exp: claimsOf.exp + 86_400 * 365 })}.${signature}`,
        `${header}.${reencode({ purpose: 'open' })}.${signature}`,
        `${header}.${payload}.${signature.slice(0, -3)}AAA`,
        new UnsecuredJWT({ purpose: 'ack', taskId: id, agencyCode: LEAD }).setIssuer('giaoviec').setAudience('giaoviec:link').setJti('n').setExpirationTime(now + 60).encode(),
        await createLinkSigner('a-different-secret-of-at-least-32-characters').sign({ purpose: 'ack', taskId: id, agencyCode: LEAD }),
      ];
      for (const t of forged) {
        for (const method of ['GET', 'POST'] as const) {
          const res = await visit(method, t);
          expect(res.status, `${method} ${t.slice(-20)}`).toBe(400);
          expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        }
      }
      const expired = await createLinkSigner(secret, { now: () => Date.now() - (DEFAULT_LINK_TTL_DAYS + 1) * 86_400_000 }).sign({ purpose: 'ack', taskId: id, agencyCode: LEAD });
      expect((await visit('POST', expired)).status).toBe(410);
      expect((await visit('GET', expired)).status).toBe(410);
      expect(await taskState(id)).toEqual({ status: 'assigned', acknowledged: 0 });
      // The genuine link still works after all that.
      expect((await visit('POST', token)).status).toBe(200);
    });

    it('an "open" link cannot acknowledge', async () => {
      const { id } = await assignTask(stack, world);
      const open = await signer.sign({ purpose: 'open', taskId: id, agencyCode: LEAD });
      expect((await visit('POST', open)).status).toBe(400);
      const first = await visit('GET', open);
      expect(first.status).toBe(302);
      expect(first.headers.get('location')).toBe(`/tasks/${id}`);
      expect(await taskState(id)).toEqual({ status: 'assigned', acknowledged: 0 });
    });
  });
});
