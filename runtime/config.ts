import path from 'node:path';
import { z } from 'zod';

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
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  /** Absolute path of DATA_DIR. */
  dataDir: string;
  /** The address the UI and emailed links point at. */
  publicUrl: string;
  /** Absolute path of ATTACHMENTS_DIR, when evidence files are kept on disk. */
  attachmentsDir?: string;
}

/** Parse the environment; a bad value is reported with the variable's name and what it must be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  }
  const e = parsed.data;
  return {
    ...e,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    ...(e.ATTACHMENTS_DIR ? { attachmentsDir: path.resolve(e.ATTACHMENTS_DIR) } : {}),
  };
}
