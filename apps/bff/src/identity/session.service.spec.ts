import { loadConfig } from '../config/config.js';
import type { Platform } from './identity.errors.js';
import type { RefreshTokenRow, SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

/** An in-memory stand-in for the sessions table, with the same atomic "use once" rule. */
class MemorySessions {
  readonly sessions = new Map<
    string,
    { accountId: string; platform: Platform; revokedAt: Date | null; reason?: string }
  >();
  readonly tokens = new Map<string, { id: string; sessionId: string; expiresAt: Date; usedAt: Date | null }>();
  private next = 0;

  constructor(private readonly clock: () => number) {}

  async createSession(accountId: string, platform: Platform): Promise<string> {
    const id = `s${++this.next}`;
    this.sessions.set(id, { accountId, platform, revokedAt: null });
    return id;
  }
  async addRefreshToken(sessionId: string, hash: string, expiresAt: Date): Promise<void> {
    this.tokens.set(hash, { id: `t${++this.next}`, sessionId, expiresAt, usedAt: null });
  }
  async findRefreshToken(hash: string): Promise<RefreshTokenRow | null> {
    const token = this.tokens.get(hash);
    if (!token) return null;
    const session = this.sessions.get(token.sessionId)!;
    return { ...token, accountId: session.accountId, platform: session.platform, sessionRevokedAt: session.revokedAt };
  }
  async useRefreshToken(id: string): Promise<boolean> {
    const token = [...this.tokens.values()].find((candidate) => candidate.id === id)!;
    if (token.usedAt) return false;
    token.usedAt = new Date(this.clock());
    return true;
  }
  async revokeSession(id: string, reason: string): Promise<void> {
    const session = this.sessions.get(id)!;
    if (!session.revokedAt) Object.assign(session, { revokedAt: new Date(), reason });
  }
  async isSessionActive(id: string): Promise<boolean> {
    return this.sessions.get(id)?.revokedAt === null;
  }
}

describe('SessionService', () => {
  let now = Date.parse('2026-11-22T10:00:00Z');
  const setup = (leewaySeconds = '0') => {
    const repository = new MemorySessions(() => now);
    const config = loadConfig({ AUTH_TOKEN_SECRET: 'z'.repeat(40), REFRESH_REUSE_LEEWAY_SECONDS: leewaySeconds });
    const service = new SessionService(
      repository as unknown as SessionRepository,
      new TokenService(config),
      { now: () => now },
      config,
    );
    return { repository, service };
  };

  it('rotates: each refresh gives a new refresh token and the old one is spent', async () => {
    const { service } = setup();
    const first = await service.start('a1', 'WECHAT');
    const second = await service.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accountId).toBe('a1');
    await expect(service.authenticate(second.accessToken)).resolves.toMatchObject({ accountId: 'a1' });
  });

  it('detects reuse of a spent refresh token and revokes the whole session', async () => {
    const { service, repository } = setup();
    const first = await service.start('a1', 'ALIPAY');
    const second = await service.refresh(first.refreshToken);
    await expect(service.refresh(first.refreshToken)).rejects.toMatchObject({ reason: 'REFRESH_TOKEN_REUSED' });
    expect([...repository.sessions.values()][0]).toMatchObject({ reason: 'REFRESH_REUSE' });
    await expect(service.refresh(second.refreshToken)).rejects.toMatchObject({ reason: 'REFRESH_TOKEN_INVALID' });
    await expect(service.authenticate(second.accessToken)).rejects.toMatchObject({ reason: 'SESSION_REVOKED' });
  });

  it('without leeway, lets only one of two concurrent refreshes with the same token win', async () => {
    const { service } = setup();
    const first = await service.start('a1', 'H5');
    const results = await Promise.allSettled([
      service.refresh(first.refreshToken),
      service.refresh(first.refreshToken),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { reason: 'REFRESH_TOKEN_REUSED' },
    });
  });

  it('answers a retry within the leeway with a new pair, and revokes on reuse after it', async () => {
    const { service } = setup('10');
    const first = await service.start('a1', 'WECHAT');
    await service.refresh(first.refreshToken);
    now += 9_000;
    const retried = await service.refresh(first.refreshToken);
    await expect(service.authenticate(retried.accessToken)).resolves.toMatchObject({ accountId: 'a1' });
    const concurrent = await Promise.allSettled([
      service.refresh(retried.refreshToken),
      service.refresh(retried.refreshToken),
    ]);
    expect(concurrent.every((result) => result.status === 'fulfilled')).toBe(true);
    now += 11_000;
    await expect(service.refresh(first.refreshToken)).rejects.toMatchObject({ reason: 'REFRESH_TOKEN_REUSED' });
    await expect(service.authenticate(retried.accessToken)).rejects.toMatchObject({ reason: 'SESSION_REVOKED' });
  });

  it('refuses an unknown or expired refresh token, and ends a session on sign-out', async () => {
    const { service } = setup();
    await expect(service.refresh('nope')).rejects.toMatchObject({ reason: 'REFRESH_TOKEN_INVALID' });
    const session = await service.start('a1', 'WECHAT');
    const claims = await service.authenticate(session.accessToken);
    await service.end(claims.sessionId);
    await expect(service.authenticate(session.accessToken)).rejects.toMatchObject({ reason: 'SESSION_REVOKED' });

    const later = await service.start('a2', 'WECHAT');
    now += 31 * 86_400_000;
    await expect(service.refresh(later.refreshToken)).rejects.toMatchObject({ reason: 'REFRESH_TOKEN_INVALID' });
  });
});
