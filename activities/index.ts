import type { Client } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/client';
import type { Config } from '../runtime/config';
import type { Logger } from '../runtime/logger';
import { createAgencyMergeActivities } from './agency-merge';
import { createAnnualReportActivities } from './annual-report';
import { createCalendarActivities } from './calendar';
import { createGroupMemberActivities } from './group-members';
import { createImportJobActivities } from './import-job';
import { createPlanSettingsActivities } from './plan-settings';
import { createMailActivities } from './mail';
import { createTaskActivities } from './tasks';
import { createTaskStarterActivities } from './task-starter';

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

/**
 * Every activity, with its dependencies injected by the worker (one factory per area, spread here);
 * workflows import only the type.
 */
export function createActivities(deps: ActivityDeps) {
  const mail = createMailActivities(deps);
  const calendar = createCalendarActivities(deps);
  return {
    ...createTaskActivities({ ...deps, recordNotification: mail.recordNotification, loadCalendar: calendar.loadCalendar }),
    ...calendar,
    ...createTaskStarterActivities(deps),
    ...createImportJobActivities(deps),
    ...createAgencyMergeActivities(deps),
    ...createGroupMemberActivities(deps),
    ...createPlanSettingsActivities(deps),
    ...createAnnualReportActivities(deps),
    ...mail,
  };
}

export type Activities = ReturnType<typeof createActivities>;
