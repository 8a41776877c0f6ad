import type { RouteSpec } from './route';
import { systemRoutes } from './routers/system';
import { userRoutes } from './routers/users';

/** Every endpoint of the API. A route must be listed here to exist, to be documented and to be tested by the authorisation matrix. */
export const allRoutes: RouteSpec[] = [...systemRoutes, ...userRoutes];
