import { generateKeyPairSync } from 'node:crypto';
import {
  type RunningSandbox,
  SANDBOX_ALIPAY_APP_ID,
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  startSandbox,
} from '@family/sandbox';
import QRCode from 'qrcode';
import { InvalidInputError } from '../common/app-error.js';
import type { CacheStore } from '../common/cache/cache.store.js';
import { MemoryCacheStore } from '../common/cache/memory-cache.store.js';
import { systemClock } from '../common/clock.js';
import { loadConfig } from '../config/config.js';
import {
  AlipayClient,
  InvalidSceneError,
  MiniProgramCodeUnavailableError,
  MiniProgramPageNotPublishedError,
  WechatClient,
} from '../identity/index.js';
import { CODE_IMAGE_TTL_MS, MiniProgramCodeService, isValidScene } from './mini-program-code.service.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** The service with the real clients against the real sandbox, and a memory cache store. */
describe('MiniProgramCodeService', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(0, '127.0.0.1', false, { alipayAppPublicKey: publicKeyPem });
  });
  afterAll(() => sandbox.close());
  afterEach(() => fetch(`${sandbox.url}/__control/reset`, { method: 'POST' }));

  function setup(cache: CacheStore = new MemoryCacheStore()) {
    const config = loadConfig({
      WECHAT_APP_ID: SANDBOX_WECHAT_APP_ID,
      WECHAT_APP_SECRET: SANDBOX_WECHAT_APP_SECRET,
      WECHAT_API_URL: sandbox.url,
      ALIPAY_APP_ID: SANDBOX_ALIPAY_APP_ID,
      ALIPAY_APP_PRIVATE_KEY: Buffer.from(privateKeyPem).toString('base64'),
      ALIPAY_GATEWAY_URL: `${sandbox.url}/gateway.do`,
    });
    const service = new MiniProgramCodeService(
      new WechatClient(config, systemClock),
      new AlipayClient(config, systemClock),
      cache,
    );
    return { service, cache };
  }
  const calls = async (): Promise<Record<string, number>> =>
    ((await (await fetch(`${sandbox.url}/__platform/stats`)).json()) as { calls: Record<string, number> }).calls;
  const PAGE = 'pages/invite/index';

  it('validates scenes as WeChat does', () => {
    expect(isValidScene('Ab3x-9_~')).toBe(true);
    expect(isValidScene('x'.repeat(32))).toBe(true);
    expect(isValidScene('x'.repeat(33))).toBe(false);
    expect(isValidScene('')).toBe(false);
    expect(isValidScene('邀请码')).toBe(false);
    expect(isValidScene('a b')).toBe(false);
  });

  it('makes a WeChat code once, then answers it from the cache', async () => {
    const { service } = setup();
    const first = await service.image('WECHAT', 'Ab3x', PAGE);
    expect(first.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const second = await service.image('WECHAT', 'Ab3x', PAGE);
    expect(second).toEqual(first);
    expect((await calls())['wechat.getwxacodeunlimit']).toBe(1);
    await service.image('WECHAT', 'Cd5y', PAGE);
    expect((await calls())['wechat.getwxacodeunlimit']).toBe(2);
  });

  it('makes an Alipay code once, then answers it from the cache', async () => {
    const { service } = setup();
    const png = await service.image('ALIPAY', 'Ab3x', PAGE);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(await service.image('ALIPAY', 'Ab3x', PAGE)).toEqual(png);
    expect(await calls()).toEqual({ 'alipay.qrcode.create': 1, 'alipay.qrcode.image': 1 });
  });

  it('draws the H5 code of the URL locally, and keys it by the URL too', async () => {
    const { service } = setup();
    const url = 'https://family.example.com/h5/#/pages/invite/index?code=Ab3x';
    const png = await service.image('H5', 'Ab3x', PAGE, url);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const expected = await QRCode.toBuffer(url, { type: 'png', width: 430, margin: 2, errorCorrectionLevel: 'M' });
    expect(png).toEqual(expected);
    const other = await service.image('H5', 'Ab3x', PAGE, 'https://family.example.com/other');
    expect(other).not.toEqual(png);
    expect(await calls()).toEqual({});
  });

  it('stores base64 for a week under platform, page and scene', async () => {
    let now = 0;
    const store = new MemoryCacheStore(() => now);
    const { service } = setup(store);
    const png = await service.image('WECHAT', 'Ab3x', PAGE);
    const key = `mpcode:v1:WECHAT:${PAGE}:Ab3x`;
    expect(await store.get(key)).toBe(png.toString('base64'));
    now = CODE_IMAGE_TTL_MS - 1;
    expect(await store.get(key)).not.toBeNull();
    now = CODE_IMAGE_TTL_MS;
    expect(await store.get(key)).toBeNull();
  });

  it('makes one upstream call for concurrent misses', async () => {
    const { service } = setup();
    const images = await Promise.all([1, 2, 3, 4].map(() => service.image('WECHAT', 'Ab3x', PAGE)));
    expect(new Set(images.map((image) => image.toString('base64'))).size).toBe(1);
    expect(await calls()).toEqual({ 'wechat.token': 1, 'wechat.getwxacodeunlimit': 1 });
  });

  it('refuses a bad scene, page or H5 URL before calling out', async () => {
    const { service } = setup();
    await expect(service.image('WECHAT', 'x'.repeat(33), PAGE)).rejects.toBeInstanceOf(InvalidSceneError);
    await expect(service.image('ALIPAY', '邀请', PAGE)).rejects.toBeInstanceOf(InvalidSceneError);
    await expect(service.image('WECHAT', '', PAGE)).rejects.toBeInstanceOf(InvalidSceneError);
    await expect(service.image('WECHAT', 'Ab3x', '/pages/invite/index')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(service.image('WECHAT', 'Ab3x', 'pages/invite/index?x=1')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(service.image('H5', 'Ab3x', PAGE)).rejects.toMatchObject({ field: 'h5Url' });
    await expect(service.image('H5', 'Ab3x', PAGE, '/relative')).rejects.toMatchObject({ field: 'h5Url' });
    await expect(service.image('H5', 'Ab3x', PAGE, 'javascript:alert(1)')).rejects.toMatchObject({ field: 'h5Url' });
    expect(await calls()).toEqual({});
  });

  it('does not cache a failure: the code is made once the page is published', async () => {
    const { service } = setup();
    await expect(service.image('WECHAT', 'Ab3x', 'pages/poster/index')).rejects.toBeInstanceOf(
      MiniProgramPageNotPublishedError,
    );
    await fetch(`${sandbox.url}/__platform/pages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pages: ['pages/poster/index'] }),
    });
    expect((await service.image('WECHAT', 'Ab3x', 'pages/poster/index')).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('treats a failing cache store as a miss and still answers', async () => {
    const broken: CacheStore = {
      engine: 'redis',
      get: async () => {
        throw new Error('redis down');
      },
      set: async () => {
        throw new Error('redis down');
      },
      delete: async () => undefined,
      ping: async () => undefined,
      close: async () => undefined,
    };
    const { service } = setup(broken);
    expect((await service.image('WECHAT', 'Ab3x', PAGE)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    await service.image('WECHAT', 'Ab3x', PAGE);
    expect((await calls())['wechat.getwxacodeunlimit']).toBe(2);
  });

  it('passes the platform errors on', async () => {
    const { service } = setup();
    await fetch(`${sandbox.url}/__platform/quota`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'alipay', daily: 0 }),
    });
    await expect(service.image('ALIPAY', 'Ab3x', PAGE)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const unconfigured = new MiniProgramCodeService(
      new WechatClient(loadConfig({}), systemClock),
      new AlipayClient(loadConfig({}), systemClock),
      new MemoryCacheStore(),
    );
    await expect(unconfigured.image('WECHAT', 'Ab3x', PAGE)).rejects.toBeInstanceOf(MiniProgramCodeUnavailableError);
  });
});
