import type { FastifyInstance } from 'fastify';
import type { LoginOutcome, PlatformState } from './platform-state.js';

/**
 * Test and development controls standing in for what happens on a phone: `wx.login()` and
 * `my.getAuthCode()` hand the client a code; here a test asks for one for a fictional user. Also what
 * is set in the platforms' consoles or happens elsewhere: the published pages, daily quotas of
 * mini-program codes, an access token taken over by another server; and counts of server API calls.
 */
export function registerPlatformControl(app: FastifyInstance, state: PlatformState): void {
  const issue =
    (platform: 'wechat' | 'alipay') =>
    async (request: { body: unknown }, reply: { code(status: number): { send(body: unknown): unknown } }) => {
      const body = (request.body ?? {}) as { user?: unknown; outcome?: unknown };
      const user = body.user ?? 'demo-user';
      const outcome = body.outcome ?? 'ok';
      if (typeof user !== 'string' || user.length === 0 || user.length > 64)
        return reply.code(400).send({ error: 'user must be 1-64 characters' });
      if (outcome !== 'ok' && outcome !== 'risky')
        return reply.code(400).send({ error: 'outcome must be ok or risky' });
      return { code: state.issueCode(platform, user, outcome as LoginOutcome) };
    };
  app.post('/__platform/wechat/login', issue('wechat'));
  app.post('/__platform/alipay/auth-code', issue('alipay'));
  app.get<{ Querystring: { phone?: string } }>('/__platform/sms/outbox', async (request) => ({
    messages: state.messagesTo(request.query.phone ?? ''),
  }));
  app.post<{ Body: { ms?: unknown } }>('/__platform/clock/advance', async (request, reply) => {
    const ms = request.body?.ms;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      return reply.code(400).send({ error: 'ms must be a number ≥ 0' });
    state.advanceClock(ms);
    return { advancedMs: ms };
  });

  app.get('/__platform/pages', async () => ({ pages: state.publishedPages() }));
  app.post<{ Body: { pages?: unknown } }>('/__platform/pages', async (request, reply) => {
    const pages = request.body?.pages;
    if (!Array.isArray(pages) || !pages.every((page) => typeof page === 'string' && /^[\w./-]{1,128}$/.test(page)))
      return reply.code(400).send({ error: 'pages must be a list of page paths' });
    state.setPublishedPages(pages as string[]);
    return { pages: state.publishedPages() };
  });
  app.post<{ Body: { platform?: unknown; daily?: unknown } }>('/__platform/quota', async (request, reply) => {
    const { platform, daily } = request.body ?? {};
    if (platform !== 'wechat' && platform !== 'alipay')
      return reply.code(400).send({ error: 'platform must be wechat or alipay' });
    if (typeof daily !== 'number' || !Number.isInteger(daily) || daily < 0)
      return reply.code(400).send({ error: 'daily must be an integer ≥ 0' });
    state.setDailyCodeQuota(platform, daily);
    return { platform, daily };
  });
  app.post('/__platform/wechat/access-token/revoke', async () => {
    state.revokeAccessTokens();
    return { revoked: true };
  });
  app.get('/__platform/stats', async () => ({ calls: state.callCounts() }));
}
