import type { Client } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/client';
import type { Config } from '../runtime/config';
import type { Logger } from '../runtime/logger';

/** What the worker gives the activities; each area's factory takes the part it needs. */
export interface ActivityDeps {
  db: Db;
  logger: Logger;
  /** To start or signal other workflows (mail digests and deliveries). */
  client: Client;
  /** Undefined without SMTP_URL: messages then stay in the outbox. */
  mailer?: Transporter;
  config: Config;
  /** See MailDeps: 0 under a time-skipping test server. */
  digestSignalReuseMs?: number;
}
