import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TASK_QUEUE } from '../../workflows/constants';
import { groupMembersWorkflow } from '../../workflows/group-members';
import { actorOf } from '../services/tasks';
import { AGENCY_KINDS } from '../../domain/vocabulary';
import { route } from '../route';
import { changedFields } from '../../domain/audit';
import { actorOf as auditActorOf, recordAudit } from '../services/audit';
import {
  agencySchema,
  createAgency,
  createAgencyBody,
  getAgency,
  listAgencies,
  loadAgencyDirectory,
  updateAgency,
  updateAgencyBody,
} from '../services/agency-directory';

const ALL_ROLES = ['admin', 'coordinator', 'agency', 'viewer'] as const;

const codeParam = z.object({ code: z.string().trim().min(1, 'không được để trống').max(50, 'tối đa 50 ký tự') });

const listQuery = z.object({
  kind: z.enum(AGENCY_KINDS, { message: `phải là một trong: ${AGENCY_KINDS.join(', ')}` }).optional(),
  q: z.string().trim().max(200, 'tối đa 200 ký tự').optional(),
});

const resolvedAgencySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  members: z.array(z.string()),
  active: z.boolean(),
  text: z.string(),
});

const resolveResult = z.object({
  agencies: z.array(resolvedAgencySchema),
  vague: z.array(z.string()),
  unresolved: z.array(z.object({ text: z.string(), suggestions: z.array(z.string()) })),
  parts: z.array(
    z.object({
      text: z.string(),
      level: z.string().optional().describe('The level label the cell puts the name under, e.g. "Cấp tỉnh"'),
      status: z.enum(['agency', 'vague', 'unresolved']),
      code: z.string().optional(),
      count: z.string().optional().describe('The number of agencies written with the name, e.g. "19"'),
      memberCount: z.number().int().optional().describe('For a group: its members in the directory'),
    }),
  ),
  notes: z.array(z.object({ severity: z.literal('warning'), text: z.string(), message: z.string() })),
});

export const agencyRoutes = [
  // Declared before `/:code`, which would otherwise take "resolve" for a code.
  route({
    method: 'get',
    path: '/api/agencies/resolve',
    tag: 'agencies',
    summary: 'Resolve the agency names of one cell ("Sở TTTT, UBND các huyện, thành phố") against the directory',
    auth: ['coordinator', 'admin'],
    query: z.object({ name: z.string({ message: 'bắt buộc' }).trim().min(1, 'không được để trống').max(2000, 'tối đa 2000 ký tự') }),
    responses: { 200: { description: 'Agencies found, vague phrases, and names not found with suggestions', schema: resolveResult } },
    async handler({ deps, query }) {
      const directory = await loadAgencyDirectory(deps.database.db);
      return { body: directory.resolveCell(query.name) };
    },
  }),
  route({
    method: 'get',
    path: '/api/agencies',
    tag: 'agencies',
    summary: 'The agency directory, optionally of one kind or matching a text (accents ignored)',
    auth: ALL_ROLES,
    query: listQuery,
    responses: { 200: { description: 'Agencies', schema: z.object({ items: z.array(agencySchema) }) } },
    async handler({ deps, query }) {
      return { body: { items: await listAgencies(deps.database.db, query) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/agencies/:code',
    tag: 'agencies',
    summary: 'One agency with its aliases and, for a group, its members',
    auth: ALL_ROLES,
    params: codeParam,
    responses: { 200: { description: 'The agency', schema: agencySchema }, 404: { description: 'Unknown code' } },
    async handler({ deps, params }) {
      return { body: await getAgency(deps.database.db, params.code) };
    },
  }),
  route({
    method: 'post',
    path: '/api/agencies',
    tag: 'agencies',
    summary: 'Add an agency (or a group with its members) to the directory',
    auth: ['admin'],
    body: createAgencyBody,
    responses: {
      201: { description: 'Created', schema: agencySchema },
      409: { description: 'The code, or one of the names, is already used by another agency' },
      422: { description: 'Invalid data, unknown parentCode or member' },
    },
    async handler({ deps, body, user }) {
      const created = await deps.database.db.transaction(async (tx) => {
        const view = await createAgency(tx, body);
        await recordAudit(tx, auditActorOf(user), { action: 'agency.create', targetType: 'agency', targetId: view.code, targetLabel: view.name, after: view });
        return view;
      });
      return { status: 201, body: created };
    },
  }),
  route({
    method: 'patch',
    path: '/api/agencies/:code',
    tag: 'agencies',
    summary:
      "Change an agency; aliases, emails and members given replace the whole list. A changed name is kept as a former name (until the day before `renamedOn`); a group's open tasks get a child for every member that has none",
    auth: ['admin'],
    params: codeParam,
    body: updateAgencyBody,
    responses: {
      200: { description: 'The agency as it is now', schema: agencySchema },
      404: { description: 'Unknown code' },
      409: { description: 'A name is already used by another agency' },
      422: { description: 'Invalid data, unknown parentCode or member' },
    },
    async handler({ deps, user, params, body }) {
      const agency = await deps.database.db.transaction(async (tx) => {
        const before = await getAgency(tx, params.code);
        const after = await updateAgency(tx, params.code, body);
        const change = changedFields(before, after);
        // An edit that changed nothing is not an action worth a line.
        if (Object.keys(change.after).length) await recordAudit(tx, auditActorOf(user), { action: 'agency.update', targetType: 'agency', targetId: after.code, targetLabel: after.name, ...change });
        return after;
      });
      // Durable once started: a retry of the same request starts it again, and it adds only what is missing.
      if (body.members !== undefined && agency.kind === 'group') {
        await deps.temporal.workflow.start(groupMembersWorkflow, {
          taskQueue: TASK_QUEUE,
          workflowId: `group-members-${agency.code}-${randomUUID()}`,
          args: [{ groupCode: agency.code, actor: actorOf(user) }],
        });
      }
      return { body: agency };
    },
  }),
];
