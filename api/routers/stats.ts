import { z } from 'zod';
import { idParam, route } from '../route';
import { isoDate } from '../schemas';
import { planStats, planStatsSchema } from '../services/plan-stats';

export const statsRoutes = [
  route({
    method: 'get',
    path: '/api/plans/:id/stats',
    tag: 'plans',
    summary:
      'Live statistics of a plan per lead agency and in total: tasks, open, completed, completed on time, overdue and on-time rate ' +
      '(completed on time / (completed + open overdue), null when nothing is completed or overdue yet). Group parents are not counted, cancelled tasks only in `cancelled`.',
    auth: ['coordinator', 'viewer'],
    params: idParam,
    query: z.object({ asOf: isoDate.optional().describe('Date the figures are taken at (default: today, Asia/Ho_Chi_Minh)') }),
    responses: { 200: { description: 'Statistics', schema: planStatsSchema }, 404: { description: 'Unknown plan' } },
    async handler({ deps, params, query }) {
      return { body: await planStats(deps.database.db, params.id, query.asOf) };
    },
  }),
];
