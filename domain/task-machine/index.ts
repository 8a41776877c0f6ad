/**
 * The task lifecycle as a pure state machine (DESIGN.md §5). The task workflow runs it: an Update's
 * validator calls `checkCommand` (so a rejected command never enters history) and its handler calls
 * `applyCommand`. No I/O and no Node built-ins: workflow code imports this module.
 */
export { SYSTEM_ACTOR, initialTaskState, type Actor, type ExtensionRequest, type TaskCommand, type TaskCommandType, type TaskEvent, type TaskState } from './state';
export { checkCommand, isIsoDate } from './checks';
export { applyCommand } from './apply';
