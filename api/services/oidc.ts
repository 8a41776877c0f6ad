/**
 * Sign-in through the province's identity provider (OpenID Connect, authorization code with PKCE, by
 * openid-client). `/auth/oidc/start` sends the browser there with a fresh state, nonce and code
 * verifier kept in a short-lived encrypted cookie; `/auth/oidc/callback` exchanges the code, reads
 * the claims (ID token, then userinfo), finds or makes the account, and opens a session whose token
 * goes to the sign-in page in the URL fragment — never in a query string a log could keep.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { EncryptJWT, jwtDecrypt } from 'jose';
import * as oidc from 'openid-client';
import { users } from '../../db/schema';
import type { Tx } from '../../db/client';
import { changedFields } from '../../domain/audit';
import { claimValues, mapRole } from '../../domain/oidc-claims';
import type { Role } from '../../domain/vocabulary';
import type { Config, OidcConfig } from '../../runtime/config';
import { loadLinkSecret } from '../../runtime/links';
import type { AppDeps } from '../context';
import { unavailable } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { loadAgencyDirectory } from './agency-directory';
import { openSession, profileOf, signInRefusal } from './users';

export const STATE_COOKIE = 'giaoviec_oidc';
export const OIDC_PATH = '/auth/oidc';
/** Long enough to type a password and answer a second factor, short enough that a stolen cookie is stale. */
const STATE_TTL_SECONDS = 10 * 60;

/** A sign-in that cannot go on, with the reason in words for the person (and a code for the tests and logs). */
export class OidcSignInError extends Error {
  override name = 'OidcSignInError';
  constructor(
    readonly code: 'not_configured' | 'state' | 'provider' | 'claims' | 'no_role' | 'agency' | 'ambiguous' | 'refused',
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

// One discovery per configuration: the provider's metadata and keys are fetched once, then cached by openid-client.
const discovered = new WeakMap<OidcConfig, Promise<oidc.Configuration>>();

function configurationOf(cfg: OidcConfig): Promise<oidc.Configuration> {
  let found = discovered.get(cfg);
  if (!found) {
    const issuer = new URL(cfg.issuer);
    // Plain http is accepted by the config check only on this machine (a test provider, a tunnel).
    const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
    const auth = cfg.clientSecret ? oidc.ClientSecretBasic(cfg.clientSecret) : oidc.None();
    found = oidc.discovery(issuer, cfg.clientId, cfg.clientSecret ? { client_secret: cfg.clientSecret } : undefined, auth, { execute, timeout: 10 });
    // A provider that was down is asked again next time rather than remembered as down.
    found.catch(() => discovered.delete(cfg));
    discovered.set(cfg, found);
  }
  return found;
}

async function configured(config: Config): Promise<{ cfg: OidcConfig; client: oidc.Configuration }> {
  const cfg = config.oidc;
  if (!cfg) throw new OidcSignInError('not_configured', 'Đăng nhập bằng tài khoản của tỉnh chưa được cấu hình.', 404);
  try {
    return { cfg, client: await configurationOf(cfg) };
  } catch (err) {
    throw Object.assign(unavailable('Không kết nối được hệ thống xác thực của tỉnh; xin thử lại sau hoặc đăng nhập bằng mã truy cập.'), { cause: err });
  }
}

/** The state cookie's key: derived from the link secret, so nothing more needs configuring. */
const stateKey = (config: Config) => createHash('sha256').update(`giaoviec:oidc-state:${loadLinkSecret(config)}`).digest();

interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  /** Where in the app to go afterwards (a path inside the app). */
  next: string | null;
}

/** Only paths inside the app are followed after signing in (no open redirect). */
export const safeNext = (next: unknown): string | null =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && next.length <= 500 ? next : null;

/** The provider's authorization address, and the encrypted cookie that remembers this attempt. */
export async function startSignIn(config: Config, next: string | null): Promise<{ url: string; cookie: string; cookieMaxAge: number }> {
  const { cfg, client } = await configured(config);
  const pending: PendingSignIn = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), next: safeNext(next) };
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: cfg.redirectUri,
    scope: cfg.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  const cookie = await new EncryptJWT({ ...pending })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${STATE_TTL_SECONDS}s`)
    .encrypt(stateKey(config));
  return { url: url.href, cookie, cookieMaxAge: STATE_TTL_SECONDS };
}

async function readPending(config: Config, cookie: string | undefined): Promise<PendingSignIn> {
  const expired = () => new OidcSignInError('state', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ (quá 10 phút, hoặc mở từ trình duyệt khác). Xin đăng nhập lại.');
  if (!cookie) throw expired();
  try {
    const { payload } = await jwtDecrypt(cookie, stateKey(config));
    const { state, nonce, verifier, next } = payload;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string') throw expired();
    return { state, nonce, verifier, next: safeNext(next) };
  } catch {
    throw expired();
  }
}

export interface SignedIn {
  token: string;
  expiresAt: string;
  next: string | null;
  userId: string;
}

/**
 * The provider sent the browser back: check the answer against the cookie, exchange the code, and sign
 * the person in. `query` is the callback's query string, as received.
 */
export async function finishSignIn(deps: AppDeps, query: string, cookie: string | undefined): Promise<SignedIn> {
  const { cfg, client } = await configured(deps.config);
  const pending = await readPending(deps.config, cookie);
  const params = new URLSearchParams(query);
  if (params.has('error')) {
    const denied = params.get('error') === 'access_denied';
    throw new OidcSignInError('provider', denied ? 'Bạn đã từ chối hoặc hủy đăng nhập ở hệ thống xác thực của tỉnh.' : `Hệ thống xác thực của tỉnh báo lỗi: ${params.get('error_description') ?? params.get('error')}.`);
  }
  const currentUrl = new URL(cfg.redirectUri);
  currentUrl.search = params.toString();
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(client, currentUrl, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
    const idClaims = tokens.claims()!;
    claims = { ...idClaims };
    // Providers put the profile either in the ID token or behind userinfo: read both, the ID token's subject checked.
    if (client.serverMetadata().userinfo_endpoint && tokens.access_token) {
      const info = await oidc.fetchUserInfo(client, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    }
  } catch (err) {
    deps.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message, code: (err as { code?: string }).code } }, 'OIDC code exchange refused');
    throw new OidcSignInError('provider', 'Không xác nhận được kết quả đăng nhập từ hệ thống xác thực của tỉnh. Xin đăng nhập lại.');
  }
  const userId = await accountFor(deps, cfg, claims);
  const session = await openSession(deps.database.db, userId, 'oidc', deps.config.SESSION_TTL_HOURS);
  return { ...session, next: pending.next, userId };
}

interface MappedClaims {
  sub: string;
  email: string | null;
  name: string;
  role: Role | undefined;
  /** The agency the claim names, resolved; undefined when there is no agency claim. */
  agencyCode: string | undefined;
}

async function mapClaims(deps: AppDeps, cfg: OidcConfig, tx: Tx, claims: Record<string, unknown>): Promise<MappedClaims> {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!sub) throw new OidcSignInError('claims', 'Hệ thống xác thực của tỉnh không gửi mã định danh người dùng (sub).');
  const email = typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.trim() : null;
  const name = [claims.name, claims.preferred_username, email, sub].find((v): v is string => typeof v === 'string' && v.trim() !== '')!.trim();
  const role = mapRole(claimValues(claims, cfg.roleClaim), cfg.roleMap);
  let agencyCode: string | undefined;
  if (cfg.agencyClaim) {
    const [value] = claimValues(claims, cfg.agencyClaim);
    if (value !== undefined) {
      const directory = await loadAgencyDirectory(tx);
      // A code first ("STTTT"), else a name or alias the directory knows ("Sở TTTT"); a merged agency means its successor.
      const byCode = directory.get(value) ?? directory.get(value.toUpperCase());
      const resolved = directory.resolve(byCode?.name ?? value);
      if (!resolved || resolved.kind === 'group' || !resolved.active) {
        throw new OidcSignInError('agency', `Đơn vị "${value}" mà hệ thống xác thực của tỉnh gửi (thuộc tính ${cfg.agencyClaim}) không có trong danh mục cơ quan, đơn vị của Giao việc. Xin liên hệ quản trị hệ thống.`, 403);
      }
      agencyCode = resolved.code;
    }
  }
  return { sub, email, name, role, agencyCode };
}

/** The account a verified set of claims signs in as: found by subject, linked by address, or made now. */
async function accountFor(deps: AppDeps, cfg: OidcConfig, claims: Record<string, unknown>): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const c = await mapClaims(deps, cfg, tx, claims);
    const emailVerified = claims.email_verified !== false;
    let [user] = await tx.select().from(users).where(eq(users.oidcSubject, c.sub)).for('update');
    let linked = false;
    if (!user && c.email && emailVerified) {
      const sameAddress = await tx
        .select()
        .from(users)
        .where(and(isNull(users.oidcSubject), sql`lower(${users.email}) = ${c.email.toLowerCase()}`))
        .for('update');
      if (sameAddress.length > 1) {
        throw new OidcSignInError('ambiguous', `Có ${sameAddress.length} tài khoản cùng địa chỉ ${c.email} trong Giao việc; quản trị hệ thống cần giữ lại một tài khoản trước khi bạn đăng nhập bằng tài khoản của tỉnh.`, 409);
      }
      user = sameAddress[0];
      linked = user !== undefined;
    }

    if (!user) {
      if (!c.role) {
        throw new OidcSignInError('no_role', `Tài khoản ${c.email ?? c.name} chưa được cấp quyền sử dụng Giao việc (thuộc tính ${cfg.roleClaim} không có giá trị nào được ánh xạ). Xin liên hệ quản trị hệ thống.`, 403);
      }
      if (c.role === 'agency' && !c.agencyCode) {
        throw new OidcSignInError('agency', `Tài khoản của đơn vị thực hiện cần thuộc tính ${cfg.agencyClaim ?? 'đơn vị (OIDC_AGENCY_CLAIM)'} cho biết đơn vị; hệ thống xác thực của tỉnh không gửi. Xin liên hệ quản trị hệ thống.`, 403);
      }
      const [created] = await tx
        .insert(users)
        .values({ name: c.name, email: c.email ?? `${c.sub}@oidc.invalid`, role: c.role, agencyCode: c.agencyCode ?? null, oidcSubject: c.sub })
        .returning();
      const actor: AuditActor = { id: created!.id, name: created!.name, role: created!.role, via: 'oidc' };
      await recordAudit(tx, actor, { action: 'user.create', targetType: 'user', targetId: created!.id, targetLabel: created!.name, after: { ...profileOf(created!), oidcSubject: c.sub } });
      return created!.id;
    }

    const refusal = signInRefusal(user);
    if (refusal) throw new OidcSignInError('refused', refusal, 403);
    // The provider is the source of role and agency when it sends them; otherwise the account keeps its own.
    const role = c.role ?? user.role;
    const agencyCode = c.agencyCode ?? user.agencyCode;
    if (role === 'agency' && !agencyCode) {
      throw new OidcSignInError('agency', `Tài khoản của đơn vị thực hiện cần thuộc tính ${cfg.agencyClaim ?? 'đơn vị (OIDC_AGENCY_CLAIM)'} cho biết đơn vị. Xin liên hệ quản trị hệ thống.`, 403);
    }
    const actor: AuditActor = { id: user.id, name: user.name, role: user.role, via: 'oidc' };
    if (linked) {
      await tx.update(users).set({ oidcSubject: c.sub }).where(eq(users.id, user.id));
      await recordAudit(tx, actor, { action: 'user.oidc_link', targetType: 'user', targetId: user.id, targetLabel: user.name, after: { oidcSubject: c.sub, email: c.email } });
    }
    const change = changedFields({ role: user.role, agencyCode: user.agencyCode }, { role, agencyCode });
    if (Object.keys(change.after).length) {
      await tx.update(users).set({ role, agencyCode }).where(eq(users.id, user.id));
      await recordAudit(tx, actor, { action: 'user.update', targetType: 'user', targetId: user.id, targetLabel: user.name, ...change });
    }
    return user.id;
  });
}
