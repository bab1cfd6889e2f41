import { changePasswordRequestSchema } from '../../contracts/auth.js';
import { AppError } from '../../app/errors.js';
import { requestContext } from '../auth/session-hook.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';

/** The signed-in user's own account. */
export function accountRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/account/password',
      operationId: 'changePassword',
      summary: 'Choose a new password (at least 12 characters), also to replace a temporary one; other sessions of the account end',
      tags: ['auth'],
      body: changePasswordRequestSchema,
      responses: { 204: { description: 'Changed' }, 400: { description: 'Too short or too long, or the current password is wrong' } },
      handler: async (request, reply, body: { currentPassword: string; newPassword: string }) => {
        if (request.authSession === null) throw new AppError('unauthenticated', 'Sign in first.');
        await deps.app.auth.changePassword(request.authSession, body, requestContext(request));
        return reply.code(204).send();
      },
    }),
  ];
}
