import { z } from 'zod';
import { route } from '../route';
import { auditEntrySchema, auditQuery, exportAudit, listAudit } from '../services/audit';

export const auditRoutes = [
  route({
    method: 'get',
    path: '/api/audit-log',
    tag: 'admin',
    summary:
      'The admin audit log, newest first: who changed users, agencies, the calendar or plans, when, and what (fields before and after). `format=csv|xlsx` downloads every matching row',
    auth: ['admin'],
    query: auditQuery,
    responses: {
      200: { description: 'A page (JSON), or the file', schema: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }) },
      422: { description: 'A bad filter, or more rows than one file holds' },
    },
    async handler({ deps, query, res, user }) {
      if (query.format === 'json') return { body: await listAudit(deps.database.db, query) };
      const { file, fileName, type } = await exportAudit(deps.database.db, query, query.lang ?? user.language);
      res.type(type).attachment(fileName).set('Cache-Control', 'no-store').send(file);
    },
  }),
];
