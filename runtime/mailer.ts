/**
 * The SMTP transport, from SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`; nodemailer reads
 * options such as `?pool=true` from its query string). Without SMTP_URL there is none, and messages
 * stay `pending` in the outbox, where coordinators can read them (DESIGN.md §4).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from './config';

/**
 * Short timeouts, so that a dead server fails an attempt quickly and the delivery retry policy takes
 * over; a setting in the URL's query wins over these.
 */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function createMailer(config: Pick<Config, 'SMTP_URL'>): Transporter | undefined {
  if (!config.SMTP_URL) return undefined;
  return nodemailer.createTransport({ url: config.SMTP_URL, ...TIMEOUTS });
}
