import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import { notFound } from '../errors';
import { idParam, route } from '../route';
import { createUser, createUserBody, userSchema } from '../services/users';

const publicUser = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  agencyCode: users.agencyCode,
  language: users.language,
};

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
    async handler({ deps, body }) {
      return { status: 201, body: await createUser(deps.database.db, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/users',
    tag: 'users',
    summary: 'List users',
    auth: ['admin'],
    responses: { 200: { description: 'Users', schema: z.object({ items: z.array(userSchema) }) } },
    async handler({ deps }) {
      const items = await deps.database.db.select(publicUser).from(users).orderBy(asc(users.createdAt));
      return { body: { items } };
    },
  }),
  route({
    method: 'get',
    path: '/api/users/:id',
    tag: 'users',
    summary: 'One user',
    auth: ['admin'],
    params: idParam,
    responses: { 200: { description: 'The user', schema: userSchema } },
    async handler({ deps, params }) {
      const [row] = await deps.database.db.select(publicUser).from(users).where(eq(users.id, params.id));
      if (!row) throw notFound('người dùng');
      return { body: row };
    },
  }),
  route({
    method: 'get',
    path: '/api/me',
    tag: 'users',
    summary: 'The caller',
    auth: ['admin', 'coordinator', 'agency', 'viewer'],
    responses: { 200: { description: 'The signed-in user', schema: userSchema } },
    async handler({ user }) {
      return { body: user };
    },
  }),
];
