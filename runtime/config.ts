import path from 'node:path';
import { z } from 'zod';
import { parseRoleMap, type RoleMap } from '../domain/oidc-claims';

/** Thrown for a configuration a person must fix; the entry points print its message alone and exit 1. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const urlWithProtocols = (protocols: string[], example: string) =>
  optionalString.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL like ${example}` },
  );

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The identity provider's address: https, or http on this machine only (a test provider, a tunnel). */
function isIssuerUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
  } catch {
    return false;
  }
}

function isHostPort(v: string): boolean {
  const m = /^[\w.-]+:(\d{1,5})$/.exec(v);
  return m !== null && Number(m[1]) <= 65535;
}

/** Every environment variable the service reads (DESIGN.md §4), validated once at start. */
const envSchema = z.object({
  PORT: port(3000),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user@host:5432/db'),
  TEMPORAL_ADDRESS: optionalString.refine((v) => v === undefined || /^[\w.-]+:\d+$/.test(v), {
    message: 'must be host:port, like localhost:7233',
  }),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_TEST_SERVER_PATH: optionalString,
  SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtp://user:pass@mail.example.gov.vn:587'),
  MAIL_FROM: z.string().trim().min(3).default('Giao việc <no-reply@giaoviec.local>'),
  PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://giaoviec.example.gov.vn'),
  TZ_DEFAULT: z.string().default('Asia/Ho_Chi_Minh').refine(isTimeZone, { message: 'must be an IANA time zone like Asia/Ho_Chi_Minh' }),
  BOOTSTRAP_ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 24, {
    message: 'must be at least 24 characters (generate one with: openssl rand -hex 24)',
  }),
  LINK_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 24, {
    message: 'must be at least 24 characters (generate one with: openssl rand -hex 24)',
  }),
  // `off`, or where the Temporal SDK's own Prometheus exporter listens (worker metrics).
  METRICS_WORKER_ADDRESS: optionalString.refine((v) => v === undefined || v === 'off' || isHostPort(v), {
    message: 'must be host:port, like 127.0.0.1:9464, or off',
  }),
  /** Evidence files go in this directory instead of Postgres. */
  ATTACHMENTS_DIR: optionalString,
  ATTACHMENT_MAX_MB: z.coerce
    .number({ message: 'must be a number of megabytes' })
    .positive('must be more than 0')
    .max(200, 'must be at most 200 (MB)')
    .default(20),
  /**
   * A virus scanner run on each upload with the file on its standard input, e.g. `clamdscan --no-summary -`:
   * exit 0 clean, 1 infected (refused), anything else an error (refused for now, retry later).
   */
  ATTACHMENT_SCAN_COMMAND: optionalString,
  SESSION_TTL_HOURS: z.coerce.number({ message: 'must be a number of hours' }).int('must be a whole number of hours').min(1, 'must be 1 to 720 hours').max(720, 'must be 1 to 720 hours').default(12),
  OIDC_ISSUER: optionalString.refine((v) => v === undefined || isIssuerUrl(v), {
    message: 'must be the https:// address of the identity provider (plain http only on this machine: localhost, 127.0.0.1)',
  }),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_REDIRECT_URI: urlWithProtocols(['http:', 'https:'], 'https://giaoviec.example.gov.vn/auth/oidc/callback'),
  OIDC_SCOPES: z.string().trim().default('openid email profile').refine((v) => v.split(/\s+/).includes('openid'), { message: 'must include openid' }),
  OIDC_ROLE_CLAIM: z.string().trim().min(1).default('roles'),
  OIDC_ROLE_MAP: optionalString,
  OIDC_AGENCY_CLAIM: optionalString,
});

export type Env = z.infer<typeof envSchema>;

/** Sign-in through the province's identity provider (OpenID Connect), when OIDC_ISSUER is set. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Without one the app is a public client: PKCE alone protects the code. */
  clientSecret?: string;
  redirectUri: string;
  scopes: string;
  roleClaim: string;
  roleMap: RoleMap;
  agencyClaim?: string;
}

export interface Config extends Env {
  /** Absolute path of DATA_DIR. */
  dataDir: string;
  /** The address the UI and emailed links point at. */
  publicUrl: string;
  /** Absolute path of ATTACHMENTS_DIR, when evidence files are kept on disk. */
  attachmentsDir?: string;
  oidc?: OidcConfig;
}

function oidcConfig(e: Env, publicUrl: string, problems: string[]): OidcConfig | undefined {
  if (!e.OIDC_ISSUER) {
    if (e.OIDC_CLIENT_ID) problems.push('OIDC_ISSUER must be set when OIDC_CLIENT_ID is');
    return undefined;
  }
  if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID must be set when OIDC_ISSUER is (the client id the identity provider gave this application)');
  let roleMap: RoleMap = [];
  try {
    roleMap = parseRoleMap(e.OIDC_ROLE_MAP ?? '');
  } catch (err) {
    problems.push(`OIDC_ROLE_MAP ${(err as Error).message} (write it as value=role,value=role)`);
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID ?? '',
    clientSecret: e.OIDC_CLIENT_SECRET,
    redirectUri: e.OIDC_REDIRECT_URI ?? `${publicUrl}/auth/oidc/callback`,
    scopes: e.OIDC_SCOPES,
    roleClaim: e.OIDC_ROLE_CLAIM,
    roleMap,
    agencyClaim: e.OIDC_AGENCY_CLAIM,
  };
}

/** Parse the environment; a bad value is reported with the variable's name and what it must be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const problems: string[] = [];
  const oidc = oidcConfig(e, publicUrl, problems);
  if (problems.length) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  return { ...e, dataDir: path.resolve(e.DATA_DIR), publicUrl, oidc, ...(e.ATTACHMENTS_DIR ? { attachmentsDir: path.resolve(e.ATTACHMENTS_DIR) } : {}) };
}
