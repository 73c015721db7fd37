import { loadConfig } from '../config/config.js';
import { TokenService } from './token.service.js';

describe('TokenService', () => {
  const config = loadConfig({ AUTH_TOKEN_SECRET: 'x'.repeat(40), ACCESS_TOKEN_TTL_SECONDS: '900' });
  const tokens = new TokenService(config);
  const claims = { accountId: 'a1', sessionId: 's1', platform: 'WECHAT' as const };
  const now = new Date('2026-11-22T10:00:00Z');

  it('issues an access token that verifies to its claims until it expires', async () => {
    const { token, expiresAt } = await tokens.issueAccessToken(claims, now);
    expect(expiresAt.toISOString()).toBe('2026-11-22T10:15:00.000Z');
    await expect(tokens.verifyAccessToken(token, new Date('2026-11-22T10:14:59Z'))).resolves.toEqual(claims);
    await expect(tokens.verifyAccessToken(token, new Date('2026-11-22T10:15:01Z'))).rejects.toMatchObject({
      reason: 'TOKEN_EXPIRED',
    });
  });

  it('refuses a token signed with another secret, a tampered one, and one with alg none', async () => {
    const other = new TokenService(loadConfig({ AUTH_TOKEN_SECRET: 'y'.repeat(40) }));
    const { token } = await other.issueAccessToken(claims, now);
    await expect(tokens.verifyAccessToken(token, now)).rejects.toMatchObject({ reason: 'TOKEN_INVALID' });

    const own = (await tokens.issueAccessToken(claims, now)).token;
    const [header, , signature] = own.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        sub: 'admin',
        sid: 's1',
        plt: 'WECHAT',
        iss: 'family-insurance-bff',
        aud: 'family-insurance-app',
        exp: 9e9,
      }),
    ).toString('base64url');
    await expect(tokens.verifyAccessToken(`${header}.${forged}.${signature}`, now)).rejects.toMatchObject({
      reason: 'TOKEN_INVALID',
    });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${forged}.`;
    await expect(tokens.verifyAccessToken(none, now)).rejects.toMatchObject({ reason: 'TOKEN_INVALID' });
  });

  it('makes unguessable refresh tokens and keeps only their hash', () => {
    const a = tokens.newRefreshToken(now);
    const b = tokens.newRefreshToken(now);
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
    expect(a.hash).toBe(tokens.hashRefreshToken(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(a.expiresAt.getTime() - now.getTime()).toBe(30 * 86_400_000);
  });
});
