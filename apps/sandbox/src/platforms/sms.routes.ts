import type { FastifyInstance } from 'fastify';
import { SANDBOX_SMS_KEY } from './credentials.js';
import type { PlatformState } from './platform-state.js';

const PHONE = /^1[3-9]\d{9}$/;

/** A minimal SMS gateway: `POST /sms/v1/send` {phone, text} with `X-Sms-Key`. */
export function registerSms(app: FastifyInstance, state: PlatformState): void {
  app.post<{ Body: { phone?: unknown; text?: unknown } }>('/sms/v1/send', async (request, reply) => {
    if (request.headers['x-sms-key'] !== SANDBOX_SMS_KEY) return reply.code(401).send({ error: 'invalid key' });
    const { phone, text } = request.body ?? {};
    if (typeof phone !== 'string' || !PHONE.test(phone))
      return reply.code(400).send({ error: 'phone must be a mainland mobile number' });
    if (typeof text !== 'string' || text.length === 0 || text.length > 200)
      return reply.code(400).send({ error: 'text must be 1-200 characters' });
    if (state.subscribeMessages.takeFailure('sms'))
      return reply.code(503).send({ error: 'gateway temporarily unavailable' });
    state.send(phone, text);
    return { sent: true };
  });
}
