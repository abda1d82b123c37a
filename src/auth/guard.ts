import { GraphQLError } from 'graphql';
import type { Context } from '../graphql/context';
import { atLeast, type Principal, type Role } from './roles';

/**
 * The check every write (and every admin query) makes first: signed in (else UNAUTHENTICATED, HTTP 401),
 * from an origin allowed to write and with a role high enough (else FORBIDDEN, HTTP 403). There is no other
 * path to a write, whatever the network the request comes from.
 */
export function requireRole(ctx: Context, role: Role): Principal {
  const principal = ctx.principal;
  if (!principal) {
    throw new GraphQLError(`Signing in is required: send Authorization: Bearer <token> (role ${role} or above)`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  if (!ctx.originMayWrite) {
    throw new GraphQLError('Writes are not allowed from this origin (see ACCORDS_CORS_ORIGINS)', {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
  if (!atLeast(principal, role)) {
    throw new GraphQLError(`This needs the ${role} role; the token "${principal.name}" has ${principal.role}`, {
      extensions: { code: 'FORBIDDEN', http: { status: 403 }, required: role },
    });
  }
  return principal;
}
