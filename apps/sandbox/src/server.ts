import Fastify, { type FastifyInstance } from 'fastify';
import { SANDBOX_APP_ID, SANDBOX_INSURERS, SANDBOX_SIGNING_SECRETS, type WireFormat } from './data/catalogue.js';
import { MAX_PRICE_CHANGE_PERCENT, PriceChanges } from './data/price-changes.js';
import { FaultControl, parseControlRequest } from './faults.js';
import { MALFORMED_JSON, registerJsonInsurer } from './insurers/json-insurer.routes.js';
import { SignatureVerifier } from './insurers/request-signing.js';
import { MALFORMED_SIGNED_JSON, registerSignedJsonInsurer } from './insurers/signed-json-insurer.routes.js';
import { MALFORMED_XML, registerXmlInsurer } from './insurers/xml-insurer.routes.js';
import { registerAlipay } from './platforms/alipay.routes.js';
import { registerPlatformControl } from './platforms/control.routes.js';
import { PlatformState } from './platforms/platform-state.js';
import { registerSms } from './platforms/sms.routes.js';
import { registerWechat } from './platforms/wechat.routes.js';

export interface SandboxOptions {
  readonly logger?: boolean;
  /**
   * The mini-program's Alipay public key (PEM) that signed requests are verified with; without one
   * every Alipay call fails its signature check, as it would with no key uploaded to Alipay.
   */
  readonly alipayAppPublicKey?: string | null;
}

/** What a "malformed" fault answers, per wire format: a body cut off half-way. */
const MALFORMED_BODIES: Readonly<Record<WireFormat, { contentType: string; body: string }>> = {
  json: { contentType: 'application/json; charset=utf-8', body: MALFORMED_JSON },
  xml: { contentType: 'application/xml; charset=utf-8', body: MALFORMED_XML },
  'signed-json': { contentType: 'application/json; charset=utf-8', body: MALFORMED_SIGNED_JSON },
};

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function buildSandbox(options: SandboxOptions = {}): { app: FastifyInstance; faults: FaultControl } {
  // forceCloseConnections: a "hang" fault keeps requests open forever; closing must not wait for them.
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  const faults = new FaultControl();
  const platforms = new PlatformState();
  registerWechat(app, platforms);
  registerAlipay(app, platforms, options.alipayAppPublicKey ?? null);
  registerSms(app, platforms);
  registerPlatformControl(app, platforms);
  const insurerCodes = SANDBOX_INSURERS.map((insurer) => insurer.code);
  const insurersByCode = new Map(SANDBOX_INSURERS.map((insurer) => [insurer.code, insurer]));

  app.get('/health', async () => ({
    status: 'ok',
    insurers: insurerCodes,
    formats: Object.fromEntries(SANDBOX_INSURERS.map((insurer) => [insurer.code, insurer.format])),
  }));

  // Every insurer played, for a BFF seeding generated insurers (SANDBOX_GENERATED_INSURERS).
  app.get('/__insurers', async () => ({
    insurers: SANDBOX_INSURERS.map((insurer) => ({ code: insurer.code, name: insurer.name, format: insurer.format })),
  }));
  app.get('/__control', async () => faults.snapshot());
  app.post('/__control', async (request, reply) => {
    const parsed = parseControlRequest(request.body, insurerCodes);
    if (!parsed.ok) return reply.code(400).send({ error: parsed.error });
    faults.set(parsed.insurerCode, parsed.settings);
    return { insurer: parsed.insurerCode, ...parsed.settings };
  });
  // Upstream requests received per insurer since the last reset: tests check single-flight with it.
  const requestCounts = new Map<string, number>();
  // Of those, the ones answered 304 Not Modified (a conditional request for an unchanged catalogue).
  const notModifiedCounts = new Map<string, number>();
  app.get('/__stats', async () => ({
    requests: Object.fromEntries(requestCounts),
    notModified: Object.fromEntries(notModifiedCounts),
  }));
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 304) return;
    const code = /^\/insurers\/([^/]+)\//.exec(request.url)?.[1];
    if (code && insurersByCode.has(code)) notModifiedCounts.set(code, (notModifiedCounts.get(code) ?? 0) + 1);
  });
  // An insurer reprices: its catalogue answers new premiums (and a new ETag) from now on.
  const prices = new PriceChanges();
  app.post<{ Body: { insurer?: unknown; percent?: unknown } }>('/__control/prices', async (request, reply) => {
    const { insurer, percent } = request.body ?? {};
    if (typeof insurer !== 'string' || !insurersByCode.has(insurer))
      return reply.code(400).send({ error: `insurer must be one of: ${insurerCodes.join(', ')}` });
    if (typeof percent !== 'number' || !Number.isInteger(percent) || Math.abs(percent) > MAX_PRICE_CHANGE_PERCENT)
      return reply.code(400).send({
        error: `percent must be an integer between -${MAX_PRICE_CHANGE_PERCENT} and ${MAX_PRICE_CHANGE_PERCENT}`,
      });
    prices.set(insurer, percent);
    return { insurer, percent, revision: prices.revisionOf(insurer) };
  });
  app.post('/__control/reset', async () => {
    faults.reset();
    prices.reset();
    requestCounts.clear();
    notModifiedCounts.clear();
    platforms.reset();
    return { reset: true };
  });

  // Latency and faults are played before any insurer route answers.
  app.addHook('onRequest', async (request, reply) => {
    const match = /^\/insurers\/([^/]+)\//.exec(request.url);
    if (!match) return;
    const insurer = insurersByCode.get(match[1] ?? '');
    if (!insurer) return;
    requestCounts.set(insurer.code, (requestCounts.get(insurer.code) ?? 0) + 1);
    const settings = faults.get(insurer.code);
    if (settings.latencyMs > 0) await delay(settings.latencyMs);
    const failure = faults.draw(insurer.code);
    if (failure === 'http500') {
      return reply.code(500).type('text/plain').send('Internal Server Error');
    }
    if (failure === 'malformed') {
      const malformed = MALFORMED_BODIES[insurer.format];
      return reply.type(malformed.contentType).send(malformed.body);
    }
    if (failure === 'hang') {
      // Never answer; the socket stays open until the client gives up or the server closes.
      await new Promise<never>(() => undefined);
    }
  });

  for (const insurer of SANDBOX_INSURERS) {
    switch (insurer.format) {
      case 'json':
        registerJsonInsurer(app, insurer, prices);
        break;
      case 'xml':
        registerXmlInsurer(app, insurer, prices);
        break;
      case 'signed-json': {
        const secret = SANDBOX_SIGNING_SECRETS[insurer.code];
        if (!secret) throw new Error(`signed-json insurer ${insurer.code} has no signing secret`);
        registerSignedJsonInsurer(app, insurer, new SignatureVerifier(SANDBOX_APP_ID, secret), prices);
        break;
      }
    }
  }
  return { app, faults };
}

export interface RunningSandbox {
  readonly url: string;
  readonly faults: FaultControl;
  close(): Promise<void>;
}

/** Starts the sandbox; port 0 picks a free port (what tests use). */
export async function startSandbox(
  port = 0,
  host = '127.0.0.1',
  logger = false,
  options: Omit<SandboxOptions, 'logger'> = {},
): Promise<RunningSandbox> {
  const { app, faults } = buildSandbox({ ...options, logger });
  await app.listen({ port, host });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://${host}:${boundPort}`, faults, close: () => app.close() };
}
