/**
 * A real OpenID Connect provider in this process (oidc-provider, the certified implementation), for
 * the sign-in tests: one confidential client (the app), PKCE required, and accounts whose claims a
 * test sets — the province's roles and agency among them. Its own login and consent pages (the
 * library's development interactions) take any password: what is tested is the app's side.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { loadConfig, type OidcConfig } from '../../runtime/config';
import { testConfig } from './temporal';

export const CLIENT_ID = 'giaoviec';
export const CLIENT_SECRET = 'giaoviec-client-secret-0123456789';
/** The claim and scope that carry the province's groups and the agency (as a real provider's mappers would). */
export const ROLE_MAP = 'giaoviec-quantri=admin,giaoviec-theodoi=coordinator,giaoviec-donvi=agency,giaoviec-lanhdao=viewer';

export type Claims = Record<string, unknown> & { email?: string; name?: string; groups?: string[]; donvi?: string };

export interface TestIdentityProvider {
  issuer: string;
  /** Claims of each account, by the login typed on the provider's page (also its `sub`). */
  readonly accounts: Map<string, Claims>;
  /** Register the app's callback (known once the app listens) and start answering. */
  start(redirectUri: string): void;
  /** The app's OIDC configuration for this provider, through the app's own config parser. */
  configFor(publicUrl: string): OidcConfig;
  close(): Promise<void>;
}

/** Listening at once (the issuer is known), answering once `start` is given the app's callback. */
export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // `localhost` rather than the app's 127.0.0.1: another site, as a real provider is, for the browser's cookies.
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Claims>();

  return {
    issuer,
    accounts,
    start(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
        async findAccount(_ctx, id) {
          const claims = accounts.get(id);
          if (!claims) return undefined;
          return { accountId: id, claims: async () => ({ ...claims, sub: id }) };
        },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], giaoviec: ['groups', 'donvi'] },
        scopes: ['openid', 'email', 'profile', 'giaoviec'],
        pkce: { required: () => true },
        cookies: { keys: ['test-identity-provider-cookie-key'] },
        // An unknown login on the provider's page is an account that does not exist there.
        features: { devInteractions: { enabled: true } },
      });
      server.on('request', provider.callback());
    },
    configFor(publicUrl) {
      return loadConfig({
        LOG_LEVEL: 'error',
        LINK_SECRET: testConfig.LINK_SECRET,
        PUBLIC_URL: publicUrl,
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_SCOPES: 'openid email profile giaoviec',
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ROLE_MAP: ROLE_MAP,
        OIDC_AGENCY_CLAIM: 'donvi',
      }).oidc!;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Cookies per host, as a browser keeps them (paths and expiry kept simple: the flows here need no more). */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.byHost.get(new URL(url).host) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(url: string, res: Response): void {
    const host = new URL(url).host;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    this.byHost.set(host, jar);
    for (const cookie of res.headers.getSetCookie()) {
      const [pair, ...attrs] = cookie.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (gone || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  get(url: string, name: string): string | undefined {
    return this.byHost.get(new URL(url).host)?.get(name);
  }
}

export interface Hop {
  url: string;
  status: number;
  location: string | null;
  body: string;
  /** The cookies this answer set, as sent (`name=value; attributes`). */
  setCookies: string[];
}

/**
 * A browser's way through the sign-in, by HTTP: from the app's `/auth/oidc/start`, every redirect
 * followed, the provider's login form sent with `login`, its consent form accepted (or cancelled),
 * until the app answers with something other than a redirect to the provider. Returns every hop.
 */
export async function signInThroughProvider(appUrl: string, login: string, opts: { jar?: CookieJar; next?: string; cancel?: boolean } = {}): Promise<Hop[]> {
  const jar = opts.jar ?? new CookieJar();
  const hops: Hop[] = [];
  let url = `${appUrl}/auth/oidc/start${opts.next ? `?next=${encodeURIComponent(opts.next)}` : ''}`;
  let init: RequestInit = {};
  for (let i = 0; i < 20; i++) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) } });
    jar.take(url, res);
    const location = res.headers.get('location');
    const body = location ? '' : await res.text();
    hops.push({ url, status: res.status, location, body, setCookies: res.headers.getSetCookie() });
    init = {};
    if (location) {
      // The app's final redirect goes to its own sign-in page: the browser would stop there.
      if (location.startsWith('/signin')) return hops;
      url = new URL(location, url).href;
      continue;
    }
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(body);
    const prompt = /name="prompt" value="(\w+)"/.exec(body)?.[1];
    if (!form || !prompt || url.startsWith(appUrl)) return hops;
    const action = new URL(form[1]!.replace(/&amp;/g, '&'), url).href;
    if (prompt === 'consent' && opts.cancel) {
      const abort = /href="([^"]*\/abort)"/.exec(body)![1]!;
      url = new URL(abort, url).href;
      continue;
    }
    const fields: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'mật khẩu bất kỳ' } : { prompt };
    init = { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    url = action;
  }
  throw new Error(`no end to the sign-in after 20 hops: ${hops.map((h) => `${h.status} ${h.url}`).join(' → ')}`);
}
