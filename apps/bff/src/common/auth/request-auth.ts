import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { AuthenticationError } from './authentication.error.js';
import type { SessionClaims } from './session-claims.js';

export type AuthenticatedRequest = FastifyRequest & { auth?: SessionClaims };

/** The HTTP request behind a GraphQL resolver call or a controller route. */
export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ reply: { request: AuthenticatedRequest } }>().reply.request;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** The signed-in caller's claims (set by the global AuthGuard). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): SessionClaims => {
  const auth = requestOf(context).auth;
  if (!auth) throw new AuthenticationError('AUTH_REQUIRED');
  return auth;
});

/** The caller's IP address (behind trusted proxies, the client's; see TRUST_PROXY), for rate limits. */
export const ClientIp = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => requestOf(context).ip,
);

/** The caller's session when it sent a valid one, else null (public operations marked session-optional). */
export const OptionalSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SessionClaims | null => requestOf(context).auth ?? null,
);

/** The origin the request came to (scheme and host), for links when no public URL is configured. */
export const RequestOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = requestOf(context);
  return `${request.protocol}://${request.host}`;
});
