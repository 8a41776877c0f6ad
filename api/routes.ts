import type { RouteSpec } from './route';
import { systemRoutes } from './routers/system';
import { userRoutes } from './routers/users';
import { planRoutes } from './routers/plans';
import { agencyRoutes } from './routers/agencies';
import { statsRoutes } from './routers/stats';
import { calendarRoutes } from './routers/calendar';
import { taskRoutes } from './routers/tasks';
import { importRoutes } from './routers/imports';
import { agencyMergeRoutes } from './routers/agency-merge';
import { annualCycleRoutes } from './routers/annual-cycles';
import { linkRoutes } from './routers/links';
import { adminRoutes } from './routers/admin';
import { outboxRoutes } from './routers/outbox';
import { attachmentRoutes } from './routers/attachments';
import { authRoutes } from './routers/auth';
import { auditRoutes } from './routers/audit';

/** Every endpoint of the API. A route must be listed here to exist, to be documented and to be tested by the authorisation matrix. */
export const allRoutes: RouteSpec[] = [...systemRoutes, ...userRoutes, ...planRoutes, ...statsRoutes, ...agencyRoutes, ...agencyMergeRoutes, ...calendarRoutes, ...taskRoutes, ...importRoutes, ...annualCycleRoutes, ...linkRoutes, ...adminRoutes, ...outboxRoutes, ...attachmentRoutes, ...authRoutes, ...auditRoutes];
