import type { FastifyInstance } from 'fastify';
import { SANDBOX_ALIPAY_TEMPLATES, SANDBOX_WECHAT_TEMPLATES } from './credentials.js';
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

  // Subscription messages: the user tapping 允许 in wx.requestSubscribeMessage / my.requestSubscribeMessage
  // (one subscription per tap and template; they add up), the messages each user received, and
  // failures of the next sends (WeChat errcode -1, Alipay 20000 isp.unknow-error, SMS HTTP 503).
  for (const platform of ['wechat', 'alipay'] as const) {
    const templates = platform === 'wechat' ? SANDBOX_WECHAT_TEMPLATES : SANDBOX_ALIPAY_TEMPLATES;
    app.post<{ Body: { user?: unknown; templateId?: unknown; count?: unknown } }>(
      `/__platform/${platform}/subscriptions`,
      async (request, reply) => {
        const { user, templateId, count = 1 } = request.body ?? {};
        if (typeof user !== 'string' || user.length === 0 || user.length > 64)
          return reply.code(400).send({ error: 'user must be 1-64 characters' });
        if (typeof templateId !== 'string' || !Object.hasOwn(templates, templateId))
          return reply.code(400).send({ error: `templateId must be one of ${Object.keys(templates).join(', ')}` });
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1000)
          return reply.code(400).send({ error: 'count must be an integer 0-1000' });
        state.knowUser(platform, user);
        return { user, templateId, remaining: state.subscribeMessages.grant(platform, user, templateId, count) };
      },
    );
    app.get<{ Querystring: { user?: string; templateId?: string } }>(
      `/__platform/${platform}/subscriptions`,
      async (request) => ({
        remaining: state.subscribeMessages.remaining(
          platform,
          request.query.user ?? '',
          request.query.templateId ?? '',
        ),
      }),
    );
    app.get<{ Querystring: { user?: string } }>(`/__platform/${platform}/messages`, async (request) => ({
      messages: state.subscribeMessages.messagesTo(platform, request.query.user ?? ''),
    }));
  }
  app.post<{ Body: { platform?: unknown; times?: unknown } }>('/__platform/messages/fail', async (request, reply) => {
    const { platform, times = 1 } = request.body ?? {};
    if (platform !== 'wechat' && platform !== 'alipay' && platform !== 'sms')
      return reply.code(400).send({ error: 'platform must be wechat, alipay or sms' });
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 0 || times > 1000)
      return reply.code(400).send({ error: 'times must be an integer 0-1000' });
    state.subscribeMessages.failNext(platform, times);
    return { platform, times };
  });
}
