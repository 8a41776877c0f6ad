import { createAgencyMergeActivities } from './agency-merge';
import { createAnnualReportActivities } from './annual-report';
import { createCalendarActivities } from './calendar';
import { createGroupMemberActivities } from './group-members';
import { createImportJobActivities } from './import-job';
import { createPlanSettingsActivities } from './plan-settings';
import { createMailActivities } from './mail';
import { createTaskActivities } from './tasks';
import { createTaskStarterActivities } from './task-starter';
import type { ActivityDeps } from './deps';

export type { ActivityDeps } from './deps';

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
