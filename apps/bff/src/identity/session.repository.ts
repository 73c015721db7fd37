import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Platform } from './identity.errors.js';

export interface RefreshTokenRow {
  readonly id: string;
  readonly sessionId: string;
  readonly accountId: string;
  readonly platform: Platform;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly sessionRevokedAt: Date | null;
}

type Queryable = Pick<EntityManager, 'query'>;

/** Sessions and their rotating refresh tokens (stored as SHA-256 hashes, never in clear). */
@Injectable()
export class SessionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async createSession(accountId: string, platform: Platform, db: Queryable = this.dataSource): Promise<string> {
    const rows = (await db.query('INSERT INTO auth_session (account_id, platform) VALUES ($1, $2) RETURNING id', [
      accountId,
      platform,
    ])) as { id: string }[];
    return rows[0].id;
  }

  async addRefreshToken(
    sessionId: string,
    tokenHash: string,
    expiresAt: Date,
    db: Queryable = this.dataSource,
  ): Promise<void> {
    await db.query('INSERT INTO refresh_token (session_id, token_hash, expires_at) VALUES ($1, $2, $3)', [
      sessionId,
      tokenHash,
      expiresAt,
    ]);
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.session_id AS "sessionId", s.account_id AS "accountId", s.platform, t.expires_at AS "expiresAt",
              t.used_at AS "usedAt", s.revoked_at AS "sessionRevokedAt"
       FROM refresh_token t JOIN auth_session s ON s.id = t.session_id WHERE t.token_hash = $1`,
      [tokenHash],
    )) as RefreshTokenRow[];
    return rows[0] ?? null;
  }

  /** Marks a refresh token used; false when someone used it first (the reuse that rotation detects). */
  async useRefreshToken(id: string, db: Queryable = this.dataSource): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], a SELECT with rows.
    const rows = (await db.query(
      'WITH used AS (UPDATE refresh_token SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id) SELECT id FROM used',
      [id],
    )) as unknown[];
    return rows.length === 1;
  }

  async revokeSession(sessionId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL',
      [sessionId, reason],
    );
  }

  async isSessionActive(sessionId: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT revoked_at AS "revokedAt" FROM auth_session WHERE id = $1', [
      sessionId,
    ])) as { revokedAt: Date | null }[];
    return rows.length === 1 && rows[0].revokedAt === null;
  }
}
