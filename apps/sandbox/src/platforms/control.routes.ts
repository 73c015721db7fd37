import type { FastifyInstance } from 'fastify';
import type { LoginOutcome, PlatformState } from './platform-state.js';

/**
 * Test and development controls standing in for what happens on a phone: `wx.login()` and
 * `my.getAuthCode()` hand the client a code; here a test asks for one for a fictional user.
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
}
