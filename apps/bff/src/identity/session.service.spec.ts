import { loadConfig } from '../config/config.js';
import { useTransactionHost } from '../database/database.js';
import type { Platform } from './identity.errors.js';
import type { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

interface MemoryToken {
  id: string;
  sessionId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * An in-memory stand-in for the sessions tables with their rules: "use once" is atomic, and the
 * session row lock makes transactions take turns (here: one transaction at a time), undone on failure.
 */
class MemorySessions {
  readonly sessions = new Map<
    string,
    { id: string; accountId: string; platform: Platform; revokedAt: Date | null; reason?: string }
  >();
  readonly tokens: MemoryToken[] = [];
  private next = 0;
  private turn: Promise<unknown> = Promise.resolve();

  transaction<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  async createSession(accountId: string, platform: Platform): Promise<string> {
    const id = `s${++this.next}`;
    this.sessions.set(id, { id, accountId, platform, revokedAt: null });
    return id;
  }
  async lockSession(id: string) {
    return this.sessions.get(id) ?? null;
  }
  async replaceRefreshToken(sessionId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
    for (const token of this.tokens) if (token.sessionId === sessionId && !token.usedAt) token.usedAt = now;
    this.tokens.push({ id: `t${++this.next}`, sessionId, tokenHash, expiresAt, usedAt: null });
  }
  async findRefreshToken(hash: string) {
    return this.tokens.find((token) => token.tokenHash === hash) ?? null;
  }
  async findRefreshTokenById(id: string) {
    return this.tokens.find((token) => token.id === id) ?? null;
  }
  async useRefreshToken(id: string, now: Date): Promise<boolean> {
    const token = this.tokens.find((candidate) => candidate.id === id)!;
    if (token.usedAt) return false;
    token.usedAt = now;
    return true;
  }
  async revokeSession(id: string, reason: string, now: Date): Promise<void> {
    const session = this.sessions.get(id)!;
    if (!session.revokedAt) Object.assign(session, { revokedAt: now, reason });
  }
  async isSessionActive(id: string): Promise<boolean> {
    return this.sessions.get(id)?.revokedAt === null;
  }
  liveTokens(sessionId: string): MemoryToken[] {
    return this.tokens.filter((token) => token.sessionId === sessionId && token.usedAt === null);
  }
}

describe('SessionService', () => {
  let now = Date.parse('2026-11-22T10:00:00Z');
  const setup = (leewaySeconds = '0') => {
    const repository = new MemorySessions();
    useTransactionHost(repository);
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

  it('keeps one live refresh token per session: replays within the leeway supersede, and a superseded one used later is reuse', async () => {
    const { service, repository } = setup('10');
    const first = await service.start('a1', 'WECHAT');
    const replies = await Promise.all(Array.from({ length: 5 }, () => service.refresh(first.refreshToken)));
    const claims = await service.authenticate(replies[0].accessToken);
    expect(repository.liveTokens(claims.sessionId)).toHaveLength(1);
    // Only the newest answer's token is live; an older answer's token, used after the leeway, is theft.
    now += 11_000;
    await expect(service.refresh(replies[0].refreshToken)).rejects.toMatchObject({ reason: 'REFRESH_TOKEN_REUSED' });
    await expect(service.refresh(replies[4].refreshToken)).rejects.toMatchObject({ reason: 'REFRESH_TOKEN_INVALID' });
  });
});
