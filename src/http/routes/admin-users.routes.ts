import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  createUserRequestSchema,
  createUserResponseSchema,
  managedUserSchema,
  temporaryPasswordSchema,
  updateUserRequestSchema,
  userListQuerySchema,
  type CreateUserRequest,
  type UpdateUserRequest,
  type UserListQuery,
} from '../../contracts/admin.js';
import { principal, requestContext } from '../auth/session-hook.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { presentUser } from './admin-present.js';
import { uuidParam } from './courses.routes.js';

function actorOf(request: FastifyRequest) {
  return { principal: principal(request), context: requestContext(request) };
}

const scoped = { 403: { description: 'Not a clinic administrator' }, 404: { description: 'No such account in this clinic' } };

/** Accounts of the clinic: list, create with a role, change, disable, enable, reset the password. */
export function adminUserRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/users',
      operationId: 'listUsers',
      summary: 'Clinic admin: the accounts the clinic manages, by role and status; audited',
      tags: ['admin'],
      query: userListQuerySchema,
      responses: { 200: { description: 'Accounts', schema: z.array(managedUserSchema) }, 403: scoped[403] },
      handler: async (request, _reply, _body: undefined, query: UserListQuery) => (await deps.app.admin.listUsers(actorOf(request), query)).map(presentUser),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/users',
      operationId: 'createUser',
      summary: 'Clinic admin: create an account with a role and its scope; answers a temporary password, shown once',
      tags: ['admin'],
      body: createUserRequestSchema,
      responses: { 201: { description: 'Created', schema: createUserResponseSchema }, 403: scoped[403], 404: { description: 'A referenced patient, pharmacy or prescriber is not this clinic\'s' }, 409: { description: 'E-mail in use, or the patient has an account' } },
      handler: async (request, reply, body: CreateUserRequest) => {
        const created = await deps.app.admin.createUser(actorOf(request), body);
        return reply.code(201).send({ user: presentUser(created.user), temporaryPassword: created.temporaryPassword, expiresAt: created.expiresAt.toISOString() });
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/users/:userId',
      operationId: 'updateUser',
      summary: 'Clinic admin: change a name, a prescriber\'s specialty or certification date, or the prescribers a designee acts for',
      tags: ['admin'],
      body: updateUserRequestSchema,
      responses: { 200: { description: 'Changed', schema: managedUserSchema }, ...scoped },
      handler: async (request, _reply, body: UpdateUserRequest) => presentUser(await deps.app.admin.updateUser(actorOf(request), uuidParam(request, 'userId'), body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/users/:userId/disable',
      operationId: 'disableUser',
      summary: 'Clinic admin: disable an account (its sessions end at once; never your own)',
      tags: ['admin'],
      responses: { 200: { description: 'Disabled', schema: managedUserSchema }, ...scoped, 409: { description: 'Your own account' } },
      handler: async (request) => presentUser(await deps.app.admin.disableUser(actorOf(request), uuidParam(request, 'userId'))),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/users/:userId/enable',
      operationId: 'enableUser',
      summary: 'Clinic admin: enable a disabled account again',
      tags: ['admin'],
      responses: { 200: { description: 'Enabled', schema: managedUserSchema }, ...scoped, 409: { description: 'The patient record has another active account' } },
      handler: async (request) => presentUser(await deps.app.admin.enableUser(actorOf(request), uuidParam(request, 'userId'))),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/users/:userId/password-reset',
      operationId: 'resetUserPassword',
      summary: 'Clinic admin: replace the password with a temporary one (shown once, 72 hours; must be changed at sign-in); unlocks the account and ends its sessions',
      tags: ['admin'],
      responses: { 200: { description: 'The temporary password', schema: temporaryPasswordSchema }, ...scoped },
      handler: async (request) => {
        const issued = await deps.app.admin.resetPassword(actorOf(request), uuidParam(request, 'userId'));
        return { temporaryPassword: issued.temporaryPassword, expiresAt: issued.expiresAt.toISOString() };
      },
    }),
  ];
}
