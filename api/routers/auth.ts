import type { Request, Response } from 'express';
import { z } from 'zod';
import { bearerToken } from '../auth';
import { conflict, HttpError } from '../errors';
import { route } from '../route';
import { finishSignIn, OIDC_PATH, OidcSignInError, startSignIn, STATE_COOKIE } from '../services/oidc';
import { mailSignInLinks, redeemSignInLink } from '../services/sign-in-links';
import { endSession } from '../services/users';
import { page } from './links';

const ALL_ROLES = ['admin', 'coordinator', 'agency', 'viewer'] as const;

/** One cookie of the request (the app sets only the OIDC state cookie, so no parser library is needed). */
function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

const cookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: 'lax' as const, secure, path: OIDC_PATH });

/** A failed sign-in, as a page for the person whose browser the provider sent back. */
function failure(res: Response, err: unknown): boolean {
  const status = err instanceof OidcSignInError ? err.status : err instanceof HttpError && err.status === 503 ? 503 : undefined;
  if (status === undefined) return false;
  const message = (err as Error).message;
  page(res, status, 'Đăng nhập không thành công', [message], { label: 'Về trang đăng nhập', href: '/signin' });
  return true;
}

export const authRoutes = [
  route({
    method: 'get',
    path: '/api/auth/options',
    tag: 'auth',
    summary: 'How one can sign in here: with the province account (OpenID Connect), with a link by mail',
    auth: 'public',
    responses: { 200: { description: 'The sign-in options', schema: z.object({ oidc: z.boolean(), mailLinks: z.boolean() }) } },
    async handler({ deps }) {
      return { body: { oidc: Boolean(deps.config.oidc), mailLinks: Boolean(deps.config.SMTP_URL) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/auth/sign-in-links',
    tag: 'auth',
    summary: 'Mail a one-click sign-in link to the accounts with this address; the answer is the same whether there is one or not',
    auth: 'public',
    body: z.object({ email: z.email({ message: 'phải là địa chỉ email' }).max(320) }).strict(),
    responses: {
      202: { description: 'Mailed, if an active account has this address', schema: z.object({ message: z.string() }) },
      409: { description: 'Mail is not configured here (no SMTP_URL): ask an administrator for a link' },
    },
    async handler({ deps, body }) {
      if (!deps.config.SMTP_URL) {
        throw conflict('Hệ thống chưa cấu hình gửi thư, nên không gửi được liên kết đăng nhập. Xin liên hệ quản trị hệ thống để nhận liên kết hoặc mã truy cập.');
      }
      await mailSignInLinks(deps, body.email);
      return { status: 202, body: { message: 'Nếu địa chỉ này thuộc một tài khoản đang hoạt động, liên kết đăng nhập đã được gửi tới hộp thư; liên kết có hiệu lực 24 giờ và dùng được một lần.' } };
    },
  }),
  route({
    method: 'post',
    path: '/api/auth/sessions',
    tag: 'auth',
    summary: 'Redeem a one-click sign-in link for a session token (once; the link expires after 24 hours)',
    auth: 'public',
    idempotent: false,
    body: z.object({ link: z.string({ message: 'bắt buộc' }).min(1, 'không được để trống').max(4000) }).strict(),
    responses: {
      201: { description: 'The session', schema: z.object({ token: z.string(), expiresAt: z.string() }) },
      400: { description: 'Not a genuine link' },
      403: { description: 'The account is disabled or revoked' },
      409: { description: 'Already used' },
      410: { description: 'Expired' },
    },
    async handler({ deps, body, res }) {
      res.set('Cache-Control', 'no-store');
      return { status: 201, body: await redeemSignInLink(deps, body.link) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/auth/session',
    tag: 'auth',
    summary: 'Sign out: the session behind the bearer token ends (a personal token stays valid)',
    auth: ALL_ROLES,
    responses: { 204: { description: 'Signed out' } },
    async handler({ deps, req, res }) {
      await endSession(deps.database.db, bearerToken(req)!);
      res.status(204).end();
    },
  }),
  route({
    method: 'get',
    path: `${OIDC_PATH}/start`,
    tag: 'auth',
    summary: "Sign in with the province's identity provider (OpenID Connect, code + PKCE): a redirect to it",
    auth: 'public',
    query: z.object({ next: z.string().max(500).optional().describe('A path in the app to open afterwards') }),
    responses: { 302: { description: "To the provider's sign-in page" }, 404: { description: 'Not configured' }, 503: { description: 'The provider cannot be reached' } },
    async handler({ deps, query, res }) {
      try {
        const { url, cookie, cookieMaxAge } = await startSignIn(deps.config, query.next ?? null);
        res
          .cookie(STATE_COOKIE, cookie, { ...cookieOptions(deps.config.publicUrl.startsWith('https:')), maxAge: cookieMaxAge * 1000 })
          .set('Cache-Control', 'no-store')
          .redirect(302, url);
      } catch (err) {
        if (!failure(res, err)) throw err;
      }
    },
  }),
  route({
    method: 'get',
    path: `${OIDC_PATH}/callback`,
    tag: 'auth',
    summary: "The identity provider's answer: the session token goes to the sign-in page in the URL fragment (never logged)",
    auth: 'public',
    responses: {
      302: { description: 'To /signin#session=…' },
      400: { description: 'Expired attempt, or refused by the provider' },
      403: { description: 'No role in Giao việc, unknown agency, or a disabled or revoked account' },
      404: { description: 'Not configured' },
      409: { description: 'Several accounts have this address' },
    },
    async handler({ deps, req, res }) {
      const secure = deps.config.publicUrl.startsWith('https:');
      // The attempt is over whatever happens: its cookie cannot be used twice.
      res.clearCookie(STATE_COOKIE, cookieOptions(secure)).set('Cache-Control', 'no-store');
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
      try {
        const signedIn = await finishSignIn(deps, query, cookieOf(req, STATE_COOKIE));
        const fragment = new URLSearchParams({ session: signedIn.token, ...(signedIn.next ? { next: signedIn.next } : {}) });
        res.redirect(302, `/signin#${fragment.toString()}`);
      } catch (err) {
        if (err instanceof OidcSignInError) deps.logger.info({ code: err.code }, 'OIDC sign-in refused');
        if (!failure(res, err)) throw err;
      }
    },
  }),
];
