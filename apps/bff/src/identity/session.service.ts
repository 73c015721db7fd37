import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { logger } from '../common/logger.js';
import { AuthenticationError, type Platform } from './identity.errors.js';
import { SessionRepository } from './session.repository.js';
import { type AccessClaims, TokenService } from './token.service.js';

export interface IssuedSession {
  readonly accountId: string;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
}

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

  async start(accountId: string, platform: Platform): Promise<IssuedSession> {
    const sessionId = await this.sessions.createSession(accountId, platform);
    return this.issue({ accountId, sessionId, platform });
  }

  async refresh(refreshToken: string): Promise<IssuedSession> {
    const row = await this.sessions.findRefreshToken(this.tokens.hashRefreshToken(refreshToken));
    if (!row || row.sessionRevokedAt !== null) throw new AuthenticationError('REFRESH_TOKEN_INVALID');
    if (row.expiresAt.getTime() <= this.clock.now()) throw new AuthenticationError('REFRESH_TOKEN_INVALID');
    if (row.usedAt !== null || !(await this.sessions.useRefreshToken(row.id))) {
      const usedAt = row.usedAt?.getTime() ?? this.clock.now();
      if (this.clock.now() - usedAt < this.config.auth.refreshReuseLeewayMs) {
        // A retry of a refresh whose answer was lost: answer it again rather than punish the owner.
        return this.issue({ accountId: row.accountId, sessionId: row.sessionId, platform: row.platform });
      }
      await this.sessions.revokeSession(row.sessionId, 'REFRESH_REUSE');
      logger.warn({ sessionId: row.sessionId }, 'refresh token reused; session revoked');
      throw new AuthenticationError('REFRESH_TOKEN_REUSED');
    }
    return this.issue({ accountId: row.accountId, sessionId: row.sessionId, platform: row.platform });
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.revokeSession(sessionId, 'LOGOUT');
  }

  /** Checks an access token and that its session was not revoked since it was issued. */
  async authenticate(accessToken: string): Promise<AccessClaims> {
    const claims = await this.tokens.verifyAccessToken(accessToken, new Date(this.clock.now()));
    if (!(await this.sessions.isSessionActive(claims.sessionId))) throw new AuthenticationError('SESSION_REVOKED');
    return claims;
  }

  private async issue(claims: AccessClaims): Promise<IssuedSession> {
    const now = new Date(this.clock.now());
    const access = await this.tokens.issueAccessToken(claims, now);
    const refresh = this.tokens.newRefreshToken(now);
    await this.sessions.addRefreshToken(claims.sessionId, refresh.hash, refresh.expiresAt);
    return {
      accountId: claims.accountId,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
    };
  }
}
