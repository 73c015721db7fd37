import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { logger } from '../common/logger.js';
import { Transactional } from '../database/database.js';
import { AuthenticationError, type Platform } from './identity.errors.js';
import { SessionRepository } from './session.repository.js';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { TokenService } from './token.service.js';

export interface IssuedSession {
  readonly accountId: string;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
}

type Rotation =
  | { readonly kind: 'issued'; readonly session: IssuedSession }
  | { readonly kind: 'reused'; readonly sessionId: string }
  | { readonly kind: 'invalid' };

/**
 * Sessions: a short-lived access token and a refresh token that rotates on every use. Presenting a
 * spent refresh token again, past a short leeway for lost answers, means it was copied: the whole
 * session is revoked, so neither the thief nor the owner can go on with it (OAuth 2.0 Security BCP).
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Transactional()
  async start(accountId: string, platform: Platform): Promise<IssuedSession> {
    const sessionId = await this.sessions.createSession(accountId, platform);
    return this.issue({ accountId, sessionId, platform });
  }

  async refresh(refreshToken: string): Promise<IssuedSession> {
    const outcome = await this.rotate(this.tokens.hashRefreshToken(refreshToken));
    if (outcome.kind === 'issued') return outcome.session;
    if (outcome.kind === 'reused') {
      logger.warn({ sessionId: outcome.sessionId }, 'refresh token reused; session revoked');
      throw new AuthenticationError('REFRESH_TOKEN_REUSED');
    }
    throw new AuthenticationError('REFRESH_TOKEN_INVALID');
  }

  /**
   * One refresh, with the session's row locked so refreshes of a session take turns (on every
   * instance). Reuse revokes the session and returns normally, so that the revocation is committed.
   */
  @Transactional()
  private async rotate(tokenHash: string): Promise<Rotation> {
    const presented = await this.sessions.findRefreshToken(tokenHash);
    if (!presented) return { kind: 'invalid' };
    const session = await this.sessions.lockSession(presented.sessionId);
    if (!session || session.revokedAt !== null) return { kind: 'invalid' };
    // Read again under the lock: a refresh that held it before us may have spent this token.
    const token = await this.sessions.findRefreshTokenById(presented.id);
    const now = this.clock.now();
    if (!token || token.expiresAt.getTime() <= now) return { kind: 'invalid' };
    const claims = { accountId: session.accountId, sessionId: session.id, platform: session.platform };
    if (token.usedAt !== null) {
      if (now - token.usedAt.getTime() < this.config.auth.refreshReuseLeewayMs) {
        // A retry of a refresh whose answer was lost: a new pair, and the one the lost answer carried
        // stops working, so the session keeps a single live refresh token.
        return { kind: 'issued', session: await this.issue(claims) };
      }
      await this.sessions.revokeSession(session.id, 'REFRESH_REUSE', new Date(now));
      return { kind: 'reused', sessionId: session.id };
    }
    await this.sessions.useRefreshToken(token.id, new Date(now));
    return { kind: 'issued', session: await this.issue(claims) };
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.revokeSession(sessionId, 'LOGOUT', new Date(this.clock.now()));
  }

  /** Checks an access token and that its session was not revoked since it was issued. */
  async authenticate(accessToken: string): Promise<SessionClaims> {
    const claims = await this.tokens.verifyAccessToken(accessToken, new Date(this.clock.now()));
    if (!(await this.sessions.isSessionActive(claims.sessionId))) throw new AuthenticationError('SESSION_REVOKED');
    return claims;
  }

  /** Call inside a transaction: the new refresh token replaces every other one of the session. */
  private async issue(claims: SessionClaims): Promise<IssuedSession> {
    const now = new Date(this.clock.now());
    const access = await this.tokens.issueAccessToken(claims, now);
    const refresh = this.tokens.newRefreshToken(now);
    await this.sessions.replaceRefreshToken(claims.sessionId, refresh.hash, refresh.expiresAt, now);
    return {
      accountId: claims.accountId,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
    };
  }
}
