import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Database } from '../database/database.js';
import { AuthSessionEntity } from './entities/auth-session.entity.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import type { Platform } from './identity.errors.js';

/** Sessions and their rotating refresh tokens (stored as SHA-256 hashes, never in clear). */
@Injectable()
export class SessionRepository {
  constructor(private readonly database: Database) {}

  private get sessions() {
    return this.database.repository(AuthSessionEntity);
  }

  private get tokens() {
    return this.database.repository(RefreshTokenEntity);
  }

  async createSession(accountId: string, platform: Platform): Promise<string> {
    const session = await this.sessions.save(
      this.sessions.create({ accountId, platform, revokedAt: null, revokedReason: null }),
    );
    return session.id;
  }

  /**
   * Reads a session and locks its row until the transaction ends (SELECT … FOR UPDATE), so that
   * refreshes of one session run one after another on every instance.
   */
  lockSession(sessionId: string): Promise<AuthSessionEntity | null> {
    return this.sessions
      .createQueryBuilder('session')
      .setLock('pessimistic_write')
      .where('session.id = :sessionId', { sessionId })
      .getOne();
  }

  findRefreshToken(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  findRefreshTokenById(id: string): Promise<RefreshTokenEntity | null> {
    return this.tokens.findOneBy({ id });
  }

  /** Adds a session's new refresh token; every token it had before stops working (one live token). */
  async replaceRefreshToken(sessionId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
    await this.tokens.update({ sessionId, usedAt: IsNull() }, { usedAt: now });
    await this.tokens.insert({ sessionId, tokenHash, expiresAt, usedAt: null });
  }

  /** Marks a refresh token used; false when someone used it first (the reuse that rotation detects). */
  async useRefreshToken(id: string, now: Date): Promise<boolean> {
    const result = await this.tokens.update({ id, usedAt: IsNull() }, { usedAt: now });
    return result.affected === 1;
  }

  async revokeSession(sessionId: string, reason: string, now: Date): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason });
  }

  async isSessionActive(sessionId: string): Promise<boolean> {
    const session = await this.sessions.findOne({ select: { id: true, revokedAt: true }, where: { id: sessionId } });
    return session !== null && session.revokedAt === null;
  }
}
