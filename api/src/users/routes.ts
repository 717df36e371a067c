import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import type { UserRow } from './repository.ts';
import { CreateUserBody, ListUsersQuery, UpdateUserBody, User, UserPage, UserParams } from './schema.ts';
import { changeUser, createUser, deleteUser, listUsers, visibleUser } from './service.ts';

const secured = [{ bearerAuth: [] }];

/** A user as clients see it: never the password hash or token version. */
const toJson = (user: UserRow) => ({
  id: user.id,
  email: user.email,
  role: user.role,
  labelId: user.labelId,
  partnerId: user.partnerId,
  active: user.active,
  createdAt: user.createdAt.toISOString(),
  updatedAt: user.updatedAt.toISOString(),
});

/** /v1/users (API.md, "Users and labels"): admins everywhere, label managers in their own label. */
export function registerUserRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof CreateUserBody> }>(
    '/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account',
        security: secured,
        body: CreateUserBody,
        response: { 201: User },
      },
    },
    async (request, reply) => {
      const user = await createUser(deps, actorOf(request), request.body);
      return reply.code(201).send(toJson(user));
    },
  );

  app.get<{ Querystring: Static<typeof ListUsersQuery> }>(
    '/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'The accounts the caller manages',
        security: secured,
        querystring: ListUsersQuery,
        response: { 200: UserPage },
      },
    },
    async (request) => {
      const result = await listUsers(deps, actorOf(request), request.query);
      return { items: result.items.map(toJson), nextCursor: result.nextCursor };
    },
  );

  app.get<{ Params: Static<typeof UserParams> }>(
    '/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One account',
        security: secured,
        params: UserParams,
        response: { 200: User },
      },
    },
    async (request) => toJson(await visibleUser(deps, actorOf(request), request.params.id)),
  );

  app.patch<{ Params: Static<typeof UserParams>; Body: Static<typeof UpdateUserBody> }>(
    '/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change role, active flag or password (a new password ends every session of the account)',
        security: secured,
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (request) => toJson(await changeUser(deps, actorOf(request), request.params.id, request.body)),
  );

  app.delete<{ Params: Static<typeof UserParams> }>(
    '/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Retire an account',
        security: secured,
        params: UserParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteUser(deps, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
