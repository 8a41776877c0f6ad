// Every workflow the worker runs. Deterministic code only: no I/O, no Node built-ins.
export { taskWorkflow } from './task';
export { annualReportCycle, annualReportScheduled } from './annual-report';
export { importJobWorkflow } from './import-job';
export { startTasksWorkflow } from './start-tasks';
export { agencyMergeWorkflow } from './agency-merge';
export { groupMembersWorkflow } from './group-members';
export { planSettingsWorkflow } from './plan-settings';
export { mailDigestWorkflow, mailDeliveryWorkflow } from './mail';
