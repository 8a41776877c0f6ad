import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema';
import type { AppDeps, AuthUser, Reply } from './context';
import { conflict, HttpError, toHttpError, unprocessable } from './errors';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The `Idempotency-Key` of a request, validated; undefined when absent. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw unprocessable('Idempotency-Key không hợp lệ.', [{ field: 'Idempotency-Key', message: 'từ 1 đến 200 ký tự in được' }]);
  return key;
}

/** A stable id for a Temporal Update sent on behalf of this key, so a retry cannot transition twice. */
export function updateIdFor(user: AuthUser, key: string): string {
  return createHash('sha256').update(`${user.id}:${key}`).digest('hex');
}

/**
 * Run a POST once per (user, key): a repeat with the same body gets the first answer again (with
 * `Idempotent-Replayed: true`), a repeat with another body is refused, a concurrent repeat gets 409.
 * Server errors are not remembered, so the client may retry them.
 */
export async function runIdempotent(
  deps: AppDeps,
  req: Request,
  res: Response,
  user: AuthUser,
  key: string,
  run: () => Promise<Reply | void>,
): Promise<Reply | void> {
  const { db } = deps.database;
  const body = typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : JSON.stringify(req.body ?? null);
  const requestHash = createHash('sha256').update(`${req.method} ${req.originalUrl}\n`).update(body).digest('hex');
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ userId: user.id, key, method: req.method, path: req.originalUrl, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  const where = and(eq(idempotencyKeys.userId, user.id), eq(idempotencyKeys.key, key));
  if (claimed.length === 0) {
    const [prior] = await db.select().from(idempotencyKeys).where(where);
    if (!prior) throw conflict('Yêu cầu trùng Idempotency-Key đang được xử lý, xin thử lại.');
    if (prior.requestHash !== requestHash) {
      throw unprocessable('Idempotency-Key này đã dùng cho một yêu cầu khác.', [{ field: 'Idempotency-Key', message: 'đã dùng cho yêu cầu khác' }]);
    }
    if (prior.statusCode === null && !(await takeOverStale(deps, user, key))) throw conflict('Yêu cầu trùng Idempotency-Key đang được xử lý, xin thử lại.');
    if (prior.statusCode === null) return runClaimed(deps, user, key, run);
    res.set('Idempotent-Replayed', 'true');
    return { status: prior.statusCode, body: prior.body };
  }
  return runClaimed(deps, user, key, run);
}

/**
 * A claim whose request never finished (its process died, or the database connection was cut before
 * the answer or the release was written) would block the key for ever: after a while another request
 * may take it over, one at a time. What the request does is idempotent itself (update ids, file hashes).
 */
const STALE_CLAIM_MS = 30_000;

async function takeOverStale(deps: AppDeps, user: AuthUser, key: string): Promise<boolean> {
  const taken = await deps.database.db
    .update(idempotencyKeys)
    .set({ createdAt: new Date() })
    .where(and(eq(idempotencyKeys.userId, user.id), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode), lt(idempotencyKeys.createdAt, new Date(Date.now() - STALE_CLAIM_MS))))
    .returning({ key: idempotencyKeys.key });
  return taken.length > 0;
}

async function runClaimed(deps: AppDeps, user: AuthUser, key: string, run: () => Promise<Reply | void>): Promise<Reply | void> {
  const { db } = deps.database;
  const where = and(eq(idempotencyKeys.userId, user.id), eq(idempotencyKeys.key, key));
  try {
    const reply = await run();
    await db.update(idempotencyKeys).set({ statusCode: reply?.status ?? 200, body: reply?.body ?? null }).where(where);
    return reply;
  } catch (err) {
    const http = toHttpError(err);
    if (http && http.status < 500) {
      const errorBody = { error: { code: http.code, message: http.message, details: http.details } };
      await db.update(idempotencyKeys).set({ statusCode: http.status, body: errorBody }).where(where);
    } else {
      await db.delete(idempotencyKeys).where(where);
    }
    throw err instanceof HttpError || !http ? err : http;
  }
}
