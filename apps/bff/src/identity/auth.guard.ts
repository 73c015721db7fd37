import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthenticationError } from '../common/auth/authentication.error.js';
import { IS_PUBLIC, PUBLIC_OPERATIONS } from '../common/auth/public-operations.js';
import { requestOf } from '../common/auth/request-auth.js';
import { setRequestPlatform } from '../common/request-context.js';
import { logger } from '../common/logger.js';
import { SessionService } from './session.service.js';

const BEARER = /^Bearer ([A-Za-z0-9._-]+)$/;

/** `Query.products` for a GraphQL root field, `GET /health` for a route. */
export function operationOf(context: ExecutionContext): string {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string }; fieldName: string }>();
    return `${info.parentType.name}.${info.fieldName}`;
  }
  const request = requestOf(context);
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

/**
 * Deny by default, for every resolver and route of the app (registered as the global guard): a call
 * needs `Authorization: Bearer <access token>` of an active session, unless its operation is public
 * (marked `@Public()` and listed in PUBLIC_OPERATIONS). Refusals are UNAUTHENTICATED with a reason;
 * TOKEN_EXPIRED tells the client to refresh and retry.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const mark = this.reflector.getAllAndOverride<boolean | 'optional-session' | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const marked = mark === true || mark === 'optional-session';
    const operation = operationOf(context);
    const listed = PUBLIC_OPERATIONS.has(operation);
    if (marked && listed) {
      if (mark === 'optional-session') await this.tryAuthenticate(context);
      return true;
    }
    if (marked || listed) {
      // Half-public is a mistake in the code: keep the operation closed and say so loudly.
      logger.error({ operation, marked, listed }, 'operation is marked @Public() or listed, not both');
    }
    const request = requestOf(context);
    const match = typeof request.headers.authorization === 'string' ? BEARER.exec(request.headers.authorization) : null;
    if (!match) throw new AuthenticationError('AUTH_REQUIRED');
    request.auth = await this.sessions.authenticate(match[1]);
    setRequestPlatform(request.auth.platform);
    return true;
  }

  /** A public operation that serves signed-in callers better: their session if valid, else anonymous. */
  private async tryAuthenticate(context: ExecutionContext): Promise<void> {
    const request = requestOf(context);
    const match = typeof request.headers.authorization === 'string' ? BEARER.exec(request.headers.authorization) : null;
    if (!match) return;
    try {
      request.auth = await this.sessions.authenticate(match[1]);
      setRequestPlatform(request.auth.platform);
    } catch {
      request.auth = undefined;
    }
  }
}
