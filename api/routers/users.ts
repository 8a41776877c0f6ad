import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import { notFound } from '../errors';
import { idParam, route } from '../route';
import { actorOf } from '../services/audit';
import { issueSignInLink } from '../services/sign-in-links';
import { adminView, createUser, createUserBody, revokeAccess, rotateToken, setDisabled, userAdminSchema, userSchema } from '../services/users';

const ALL_ROLES = ['admin', 'coordinator', 'agency', 'viewer'] as const;
const rotated = z.object({ token: z.string().describe('The new token, shown this once'), user: userAdminSchema });

export const userRoutes = [
  route({
    method: 'post',
    path: '/api/users',
    tag: 'users',
    summary: 'Create a user; the token is returned once and stored only as a hash',
    auth: ['admin'],
    // The token is shown once and stored only as a hash: never kept for an idempotent replay.
    idempotent: false,
    body: createUserBody,
    responses: { 201: { description: 'Created', schema: z.object({ id: z.uuid(), token: z.string() }) } },
    async handler({ deps, body, user }) {
      return { status: 201, body: await createUser(deps.database.db, body, actorOf(user)) };
    },
  }),
  route({
    method: 'get',
    path: '/api/users',
    tag: 'users',
    summary: 'List users with their status (active, disabled, revoked) and how they sign in',
    auth: ['admin'],
    responses: { 200: { description: 'Users', schema: z.object({ items: z.array(userAdminSchema) }) } },
    async handler({ deps }) {
      const rows = await deps.database.db.select().from(users).orderBy(asc(users.createdAt));
      return { body: { items: rows.map(adminView) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/users/:id',
    tag: 'users',
    summary: 'One user',
    auth: ['admin'],
    params: idParam,
    responses: { 200: { description: 'The user', schema: userAdminSchema } },
    async handler({ deps, params }) {
      const [row] = await deps.database.db.select().from(users).where(eq(users.id, params.id));
      if (!row) throw notFound('người dùng');
      return { body: adminView(row) };
    },
  }),
  route({
    method: 'post',
    path: '/api/users/:id/disable',
    tag: 'users',
    summary: 'Disable an account: its token and sessions are refused at once, its sessions end; its token is kept for a later enable',
    auth: ['admin'],
    params: idParam,
    responses: { 200: { description: 'The user', schema: userAdminSchema }, 409: { description: 'Your own account' } },
    async handler({ deps, params, user }) {
      return { body: await setDisabled(deps.database.db, actorOf(user), params.id, true) };
    },
  }),
  route({
    method: 'post',
    path: '/api/users/:id/enable',
    tag: 'users',
    summary: 'Enable a disabled account again (its personal token works as before)',
    auth: ['admin'],
    params: idParam,
    responses: { 200: { description: 'The user', schema: userAdminSchema } },
    async handler({ deps, params, user }) {
      return { body: await setDisabled(deps.database.db, actorOf(user), params.id, false) };
    },
  }),
  route({
    method: 'post',
    path: '/api/users/:id/token',
    tag: 'users',
    summary: "Rotate a user's personal token: the new one is returned once, the old one is refused from now on; lifts a revocation",
    auth: ['admin'],
    params: idParam,
    idempotent: false,
    responses: { 200: { description: 'The new token and the user', schema: rotated } },
    async handler({ deps, params, user }) {
      return { body: await rotateToken(deps.database.db, actorOf(user), params.id) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/users/:id/token',
    tag: 'users',
    summary: 'Revoke every credential of a user (personal token, sessions); nothing signs them in until a new token is issued',
    auth: ['admin'],
    params: idParam,
    responses: { 200: { description: 'The user', schema: userAdminSchema }, 409: { description: 'Your own account' } },
    async handler({ deps, params, user }) {
      return { body: await revokeAccess(deps.database.db, actorOf(user), params.id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/users/:id/sign-in-link',
    tag: 'users',
    summary: 'A one-click sign-in link for the user, to hand over: valid 24 hours, once',
    auth: ['admin'],
    params: idParam,
    idempotent: false,
    responses: {
      201: { description: 'The link', schema: z.object({ url: z.string(), expiresAt: z.string() }) },
      409: { description: 'The account is disabled or revoked' },
    },
    async handler({ deps, params, user }) {
      return { status: 201, body: await issueSignInLink(deps, actorOf(user), params.id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/me',
    tag: 'users',
    summary: 'The caller',
    auth: ALL_ROLES,
    responses: { 200: { description: 'The signed-in user', schema: userSchema } },
    async handler({ user }) {
      return { body: user };
    },
  }),
  route({
    method: 'post',
    path: '/api/me/token',
    tag: 'users',
    summary: 'Rotate your own personal token: the new one is returned once, the old one is refused from now on',
    auth: ALL_ROLES,
    idempotent: false,
    responses: { 200: { description: 'The new token', schema: z.object({ token: z.string() }) } },
    async handler({ deps, user }) {
      const { token } = await rotateToken(deps.database.db, actorOf(user), user.id);
      return { body: { token } };
    },
  }),
];
