import { type CanActivate, type ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { AuthenticationError } from './identity.errors.js';
import { SessionService } from './session.service.js';
import type { AccessClaims } from './token.service.js';

type AuthenticatedRequest = FastifyRequest & { auth?: AccessClaims };

function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    const graphqlContext = GqlExecutionContext.create(context).getContext<{
      reply: { request: AuthenticatedRequest };
    }>();
    return graphqlContext.reply.request;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/**
 * Admits requests with a valid `Authorization: Bearer <access token>` whose session is still active;
 * refuses others with UNAUTHENTICATED and a reason (TOKEN_EXPIRED tells the client to refresh).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : null;
    if (!match) throw new AuthenticationError('AUTH_REQUIRED');
    request.auth = await this.sessions.authenticate(match[1]);
    return true;
  }
}

/** The signed-in account's claims; only on resolvers behind AuthGuard. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): AccessClaims => {
  const auth = requestOf(context).auth;
  if (!auth) throw new AuthenticationError('AUTH_REQUIRED');
  return auth;
});

/** The caller's IP address, for rate limits. */
export const ClientIp = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => requestOf(context).ip,
);
