import type { Request, RequestHandler, Response, Router } from 'express';
import { z, type ZodType } from 'zod';
import type { Role } from '../domain/vocabulary';
import { HttpError, forbidden, unprocessable, zodDetails } from './errors';
import type { AppDeps, AuthUser, Reply } from './context';
import { authenticate } from './auth';
import { idempotencyKeyOf, runIdempotent } from './idempotency';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface HandlerContext<P, Q, B> {
  req: Request;
  res: Response;
  deps: AppDeps;
  /** Present on every route except `auth: 'public'` ones. */
  user: AuthUser;
  params: P;
  query: Q;
  body: B;
  /** The request's `Idempotency-Key`, when it sent one (POST routes only). */
  idempotencyKey?: string;
}

/**
 * One HTTP endpoint, declared once: express mounts it, the OpenAPI document describes it, and the
 * authorisation-matrix test reads its `auth` rule. Who may call it is stated here; whether the
 * caller's agency may touch the particular resource is checked in the handler.
 */
export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  /** Express path, e.g. `/api/tasks/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** `public`, or the roles allowed to call it. */
  auth: 'public' | readonly Role[];
  /** How agency users are limited on this route, for the docs and the authorisation matrix. */
  agencyScope?: 'own-agency' | 'lead-agency' | 'coordinating-agency' | 'none';
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Bodies that are not JSON (file uploads). */
  bodyContent?: Record<string, { schema: Record<string, unknown> }>;
  /** Extra express middleware run after authentication (e.g. multipart parsing). */
  middleware?: RequestHandler[];
  /**
   * `false` when the reply carries a secret (a new user's token): honouring `Idempotency-Key` would
   * store the reply, secret included, to replay it, so the key is ignored.
   */
  idempotent?: boolean;
  responses: Record<number, { description: string; schema?: ZodType }>;
  handler(ctx: HandlerContext<P, Q, B>): Promise<Reply | void>;
}

/** Type inference helper: `route({...})` checks the handler against the schemas. */
export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** A NUL character, or half of a UTF-16 surrogate pair: text that Postgres and Temporal payloads cannot carry faithfully. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** Where such text hides in a request part (keys included), so it is refused here with its field. */
function unstorableTextAt(value: unknown, at: string[] = []): string[] | undefined {
  if (typeof value === 'string') return unstorable(value) ? at : undefined;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (unstorable(key)) return [...at, key];
      const found = unstorableTextAt(child, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function parsePart<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const bad = unstorableTextAt(value);
  if (bad) {
    const field = [where === 'body' ? undefined : where, ...bad].filter(Boolean).join('.') || where;
    throw unprocessable(where === 'body' ? 'Dữ liệu gửi lên không hợp lệ.' : `Tham số ${where} không hợp lệ.`, [
      { field, message: 'chứa ký tự không hợp lệ (NUL hoặc mã Unicode hỏng)' },
    ]);
  }
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    throw unprocessable(where === 'body' ? 'Dữ liệu gửi lên không hợp lệ.' : `Tham số ${where} không hợp lệ.`, zodDetails(parsed.error, where === 'body' ? undefined : where));
  }
  return parsed.data;
}

/**
 * A reply that does not match the schema its route documents: the web client's types are generated
 * from those schemas, so tests run with `checkReplies` and such a reply fails them here, by field.
 */
function checkReply(spec: RouteSpec, reply: Reply): void {
  const schema = spec.responses[reply.status ?? 200]?.schema;
  if (!schema) return;
  const parsed = schema.safeParse(reply.body);
  if (!parsed.success) {
    throw new HttpError(500, 'reply_mismatch', `${spec.method.toUpperCase()} ${spec.path}: the reply does not match its documented schema.`, zodDetails(parsed.error, 'reply'));
  }
}

/** Mount every spec on the router. */
export function mountRoutes(router: Router, specs: RouteSpec[], deps: AppDeps, opts: { checkReplies?: boolean } = {}): void {
  for (const spec of specs) {
    const handler: RequestHandler = async (req, res) => {
      const user = spec.auth === 'public' ? (undefined as unknown as AuthUser) : await authenticate(req, deps);
      if (spec.auth !== 'public' && !spec.auth.includes(user.role)) throw forbidden();
      res.locals.user = user;
      for (const mw of spec.middleware ?? []) {
        await new Promise<void>((resolve, reject) => mw(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      }
      const params = parsePart(spec.params, req.params, 'path');
      const query = parsePart(spec.query, req.query, 'query');
      const body = spec.body ? parsePart(spec.body, req.body, 'body') : undefined;
      const idempotencyKey = spec.method === 'post' && user && spec.idempotent !== false ? idempotencyKeyOf(req) : undefined;
      const run = () => spec.handler({ req, res, deps, user, params, query, body, idempotencyKey });
      const reply = idempotencyKey ? await runIdempotent(deps, req, res, user, idempotencyKey, run) : await run();
      if (reply && opts.checkReplies) checkReply(spec, reply);
      if (reply && !res.headersSent) res.status(reply.status ?? 200).json(reply.body);
    };
    router[spec.method](spec.path, handler);
  }
}

/** Common request pieces. */
export const idParam = z.object({ id: z.uuid({ message: 'phải là mã UUID' }) });
