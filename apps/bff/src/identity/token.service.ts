import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { AuthenticationError, type Platform } from './identity.errors.js';

const ISSUER = 'family-insurance-bff';
const AUDIENCE = 'family-insurance-app';

/** Access tokens (short-lived JWTs, HS256) and refresh tokens (random, stored only as a hash). */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.tokenSecret);
  }

  async issueAccessToken(claims: SessionClaims, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + this.config.auth.accessTokenTtlSeconds;
    const token = await new SignJWT({ sid: claims.sessionId, plt: claims.platform })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.accountId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  async verifyAccessToken(token: string, now: Date): Promise<SessionClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.plt !== 'string') {
        throw new AuthenticationError('TOKEN_INVALID');
      }
      return { accountId: payload.sub, sessionId: payload.sid, platform: payload.plt as Platform };
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('TOKEN_EXPIRED');
      throw new AuthenticationError('TOKEN_INVALID');
    }
  }

  newRefreshToken(now: Date): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * 86_400_000);
    return { token, hash: this.hashRefreshToken(token), expiresAt };
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
