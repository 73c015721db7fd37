import { generateKeyPairSync } from 'node:crypto';
import {
  type RunningSandbox,
  SANDBOX_ALIPAY_APP_ID,
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  WECHAT_ACCESS_TOKEN_TTL_SECONDS,
  startSandbox,
} from '@family/sandbox';
import { type AppConfig, loadConfig } from '../../config/config.js';
import { AlipayClient } from './alipay.client.js';
import {
  InvalidSceneError,
  MiniProgramCodeQuotaError,
  MiniProgramCodeUnavailableError,
  MiniProgramPageNotPublishedError,
  msUntilChinaMidnight,
} from './mini-program-code.errors.js';
import { WechatClient } from './wechat.client.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** The clients against the real sandbox on a random port, over HTTP: no fetch mocks. */
describe('mini-program code clients against the sandbox', () => {
  let sandbox: RunningSandbox;
  let now: number;
  const clock = { now: () => now };

  beforeAll(async () => {
    sandbox = await startSandbox(0, '127.0.0.1', false, { alipayAppPublicKey: publicKeyPem });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    now = Date.now();
  });
  afterEach(() => fetch(`${sandbox.url}/__control/reset`, { method: 'POST' }));

  const configFor = (env: Record<string, string> = {}): AppConfig =>
    loadConfig({
      WECHAT_APP_ID: SANDBOX_WECHAT_APP_ID,
      WECHAT_APP_SECRET: SANDBOX_WECHAT_APP_SECRET,
      WECHAT_API_URL: sandbox.url,
      ALIPAY_APP_ID: SANDBOX_ALIPAY_APP_ID,
      ALIPAY_APP_PRIVATE_KEY: Buffer.from(privateKeyPem).toString('base64'),
      ALIPAY_GATEWAY_URL: `${sandbox.url}/gateway.do`,
      ...env,
    });
  const control = (path: string, body: unknown = {}) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const calls = async (): Promise<Record<string, number>> =>
    ((await (await fetch(`${sandbox.url}/__platform/stats`)).json()) as { calls: Record<string, number> }).calls;

  describe('WechatClient.unlimitedCode', () => {
    const invite = { scene: 'inv=Ab3x', page: 'pages/invite/index' };

    it('answers the PNG bytes and fetches the access token once for several codes', async () => {
      const wechat = new WechatClient(configFor(), clock);
      const png = await wechat.unlimitedCode(invite);
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      await wechat.unlimitedCode({ ...invite, scene: 'inv=Cd5y', width: 280 });
      await Promise.all([wechat.unlimitedCode(invite), wechat.unlimitedCode(invite)]);
      expect(await calls()).toEqual({ 'wechat.token': 1, 'wechat.getwxacodeunlimit': 4 });
    });

    it('shares one stable token between BFF instances: neither knocks the other’s out', async () => {
      const first = new WechatClient(configFor(), clock);
      const second = new WechatClient(configFor(), clock);
      await first.unlimitedCode(invite);
      await second.unlimitedCode(invite);
      // Past WeChat's five-minute grace for replaced tokens: the first instance's token still works.
      await control('/__platform/clock/advance', { ms: 6 * 60_000 });
      await first.unlimitedCode(invite);
      await second.unlimitedCode(invite);
      expect(await calls()).toEqual({ 'wechat.token': 2, 'wechat.getwxacodeunlimit': 4 });
    });

    it('fetches a token once for concurrent first calls', async () => {
      const wechat = new WechatClient(configFor(), clock);
      await Promise.all([1, 2, 3].map(() => wechat.unlimitedCode(invite)));
      expect((await calls())['wechat.token']).toBe(1);
    });

    it('refreshes the token five minutes before it expires', async () => {
      const wechat = new WechatClient(configFor(), clock);
      await wechat.unlimitedCode(invite);
      now += WECHAT_ACCESS_TOKEN_TTL_SECONDS * 1000 - 5 * 60_000 - 1;
      await wechat.unlimitedCode(invite);
      expect((await calls())['wechat.token']).toBe(1);
      now += 1;
      await wechat.unlimitedCode(invite);
      expect(await calls()).toEqual({ 'wechat.token': 2, 'wechat.getwxacodeunlimit': 3 });
    });

    it('fetches a new token once and retries when WeChat calls the token invalid (40001) or expired (42001)', async () => {
      const wechat = new WechatClient(configFor(), clock);
      await wechat.unlimitedCode(invite);
      await control('/__platform/wechat/access-token/revoke');
      expect((await wechat.unlimitedCode(invite)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(await calls()).toEqual({ 'wechat.token': 2, 'wechat.getwxacodeunlimit': 3 });
      // The sandbox's clock runs ahead of ours: WeChat says expired before we would refresh.
      await control('/__platform/clock/advance', { ms: WECHAT_ACCESS_TOKEN_TTL_SECONDS * 1000 });
      expect((await wechat.unlimitedCode(invite)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(await calls()).toEqual({ 'wechat.token': 3, 'wechat.getwxacodeunlimit': 5 });
    });

    it('maps 40169 to InvalidSceneError', async () => {
      const wechat = new WechatClient(configFor(), clock);
      const error = await wechat.unlimitedCode({ ...invite, scene: 'x'.repeat(33) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidSceneError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scene', reason: 'INVALID_SCENE' });
      await expect(wechat.unlimitedCode({ ...invite, scene: '邀请' })).rejects.toBeInstanceOf(InvalidSceneError);
    });

    it('maps 41030 to MiniProgramPageNotPublishedError, and lets an unchecked trial page through', async () => {
      const wechat = new WechatClient(configFor(), clock);
      const page = 'pages/poster/index';
      const error = await wechat.unlimitedCode({ ...invite, page }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MiniProgramPageNotPublishedError);
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', details: { platform: 'WECHAT', page } });
      const trial = await wechat.unlimitedCode({ ...invite, page, checkPath: false, envVersion: 'trial' });
      expect(trial.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    });

    it('maps 45009 to MiniProgramCodeQuotaError (TOO_MANY_REQUESTS until midnight, China time)', async () => {
      const wechat = new WechatClient(configFor(), clock);
      await control('/__platform/quota', { platform: 'wechat', daily: 0 });
      const error = await wechat.unlimitedCode(invite).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MiniProgramCodeQuotaError);
      expect(error).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        details: {
          platform: 'WECHAT',
          reason: 'QUOTA_EXCEEDED',
          retryAfterSeconds: Math.ceil(msUntilChinaMidnight(now) / 1000),
        },
      });
    });

    it('maps a refused app (wrong secret) and an unreachable host to MiniProgramCodeUnavailableError', async () => {
      const wrongSecret = new WechatClient(configFor({ WECHAT_APP_SECRET: 'wrong' }), clock);
      const error = await wrongSecret.unlimitedCode(invite).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MiniProgramCodeUnavailableError);
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', details: { platform: 'WECHAT' } });
      const unreachable = new WechatClient(configFor({ WECHAT_API_URL: 'http://127.0.0.1:1' }), clock);
      await expect(unreachable.unlimitedCode(invite)).rejects.toBeInstanceOf(MiniProgramCodeUnavailableError);
      const unconfigured = new WechatClient(loadConfig({}), clock);
      await expect(unconfigured.unlimitedCode(invite)).rejects.toBeInstanceOf(MiniProgramCodeUnavailableError);
    });
  });

  describe('AlipayClient.qrCode', () => {
    const invite = { page: 'pages/invite/index', query: 'code=Ab3x', describe: '邀请好友' };

    it('creates the code and downloads its PNG', async () => {
      const alipay = new AlipayClient(configFor(), clock);
      const png = await alipay.qrCode(invite);
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(await calls()).toEqual({ 'alipay.qrcode.create': 1, 'alipay.qrcode.image': 1 });
    });

    it('maps a page not found (40004 INVALID_URL_PARAM) to MiniProgramPageNotPublishedError', async () => {
      const alipay = new AlipayClient(configFor(), clock);
      const error = await alipay.qrCode({ ...invite, page: 'pages/poster/index' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MiniProgramPageNotPublishedError);
      expect(error).toMatchObject({ details: { platform: 'ALIPAY', page: 'pages/poster/index' } });
    });

    it('maps the daily quota (isv.app-call-limited) to MiniProgramCodeQuotaError', async () => {
      const alipay = new AlipayClient(configFor(), clock);
      await control('/__platform/quota', { platform: 'alipay', daily: 0 });
      const error = await alipay.qrCode(invite).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MiniProgramCodeQuotaError);
      expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { platform: 'ALIPAY' } });
    });

    it('maps bad parameters (40002), a wrong key and an unreachable gateway to MiniProgramCodeUnavailableError', async () => {
      const alipay = new AlipayClient(configFor(), clock);
      await expect(alipay.qrCode({ ...invite, describe: '很长'.repeat(20) })).rejects.toBeInstanceOf(
        MiniProgramCodeUnavailableError,
      );
      const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      const wrongKey = new AlipayClient(
        configFor({ ALIPAY_APP_PRIVATE_KEY: Buffer.from(otherKey).toString('base64') }),
        clock,
      );
      const error = await wrongKey.qrCode(invite).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MiniProgramCodeUnavailableError);
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', details: { platform: 'ALIPAY' } });
      const unreachable = new AlipayClient(configFor({ ALIPAY_GATEWAY_URL: 'http://127.0.0.1:1/gateway.do' }), clock);
      await expect(unreachable.qrCode(invite)).rejects.toBeInstanceOf(MiniProgramCodeUnavailableError);
    });
  });
});
