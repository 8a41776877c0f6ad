import { z } from 'zod';
import { route } from '../route';
import { verifyConsistency } from '../services/verify';

export const adminRoutes = [
  route({
    method: 'get',
    path: '/api/admin/verify',
    tag: 'admin',
    summary: "Compare every task workflow's live state with the read model and the outbox (what `npm run verify` prints)",
    auth: ['admin'],
    responses: {
      200: {
        description: 'Consistent, or the list of mismatches',
        schema: z.object({
          tasksChecked: z.number(),
          transitionsChecked: z.number(),
          remindersChecked: z.number(),
          mailsChecked: z.number(),
          lost: z.number(),
          duplicated: z.number(),
          mismatches: z.array(z.string()),
        }),
      },
    },
    async handler({ deps }) {
      return { body: await verifyConsistency(deps.database.db, deps.temporal, { smtpConfigured: Boolean(deps.config.SMTP_URL) }) };
    },
  }),
];
