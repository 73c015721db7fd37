import { createSign, generateKeyPairSync } from 'node:crypto';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { type RunningSandbox, startSandbox } from '../server.js';
import { alipayStringToSign } from './alipay.routes.js';
import {
  SANDBOX_ALIPAY_APP_ID,
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  WECHAT_ACCESS_TOKEN_TTL_SECONDS,
} from './credentials.js';
import { isValidScene } from './mini-program-code.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a QR code PNG says, read back with a real decoder. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  // jsqr is CommonJS with a `default` export; under NodeNext its default import is the whole module.
  return jsqr.default(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('mini-program code APIs', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(0, '127.0.0.1', false, { alipayAppPublicKey: publicKey });
  });
  afterAll(() => sandbox.close());
  afterEach(() => fetch(`${sandbox.url}/__control/reset`, { method: 'POST' }));

  const post = (path: string, body: unknown) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const stats = async (): Promise<Record<string, number>> =>
    ((await (await fetch(`${sandbox.url}/__platform/stats`)).json()) as { calls: Record<string, number> }).calls;

  it('knows the scene characters WeChat allows', () => {
    expect(isValidScene("aZ09!#$&'()*+,/:;=?@-._~")).toBe(true);
    expect(isValidScene('x'.repeat(32))).toBe(true);
    expect(isValidScene('x'.repeat(33))).toBe(false);
    expect(isValidScene('邀请')).toBe(false);
    expect(isValidScene('a b')).toBe(false);
    expect(isValidScene('a%20')).toBe(false);
  });

  describe('WeChat', () => {
    const token = async (
      query: Record<string, string> = {
        grant_type: 'client_credential',
        appid: SANDBOX_WECHAT_APP_ID,
        secret: SANDBOX_WECHAT_APP_SECRET,
      },
    ): Promise<Record<string, unknown>> =>
      (await (await fetch(`${sandbox.url}/cgi-bin/token?${new URLSearchParams(query)}`)).json()) as Record<
        string,
        unknown
      >;
    const accessToken = async (): Promise<string> => (await token()).access_token as string;
    const code = (accessTokenValue: string, body: Record<string, unknown>) =>
      post(`/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(accessTokenValue)}`, body);
    const errcode = async (response: Response): Promise<unknown> => {
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.status).toBe(200);
      return ((await response.json()) as { errcode?: unknown }).errcode;
    };

    it('issues an access token for two hours, and refuses a wrong appid, secret or grant type', async () => {
      const answer = await token();
      expect(answer).toEqual({ access_token: expect.any(String), expires_in: WECHAT_ACCESS_TOKEN_TTL_SECONDS });
      const base = { grant_type: 'client_credential', appid: SANDBOX_WECHAT_APP_ID, secret: SANDBOX_WECHAT_APP_SECRET };
      expect((await token({ ...base, appid: 'wx-wrong' })).errcode).toBe(40013);
      expect((await token({ ...base, secret: 'wrong' })).errcode).toBe(40125);
      expect((await token({ ...base, grant_type: 'authorization_code' })).errcode).toBe(40002);
      expect((await stats())['wechat.token']).toBe(4);
    });

    it('answers a real QR code PNG of the page and scene', async () => {
      const response = await code(await accessToken(), { scene: 'inv=Ab3_x', page: 'pages/invite/index', width: 300 });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(PNG.sync.read(png).width).toBe(300);
      expect(decodeQr(png)).toBe('wxacode:pages/invite/index?scene=inv=Ab3_x');
      expect((await stats())['wechat.getwxacodeunlimit']).toBe(1);
    });

    it('answers 40001 for an unknown or revoked token and 42001 for an expired one', async () => {
      expect(await errcode(await code('nonsense', { scene: 'a' }))).toBe(40001);
      const revoked = await accessToken();
      await post('/__platform/wechat/access-token/revoke', {});
      expect(await errcode(await code(revoked, { scene: 'a' }))).toBe(40001);
      const old = await accessToken();
      await post('/__platform/clock/advance', { ms: WECHAT_ACCESS_TOKEN_TTL_SECONDS * 1000 });
      expect(await errcode(await code(old, { scene: 'a' }))).toBe(42001);
    });

    it('lets a token from cgi-bin/token live five minutes after a newer one, then answers 40001', async () => {
      const first = await accessToken();
      const second = await accessToken();
      await post('/__platform/clock/advance', { ms: 4 * 60_000 });
      expect((await code(first, { scene: 'a' })).headers.get('content-type')).toBe('image/png');
      await post('/__platform/clock/advance', { ms: 2 * 60_000 });
      expect(await errcode(await code(first, { scene: 'a' }))).toBe(40001);
      expect((await code(second, { scene: 'a' })).headers.get('content-type')).toBe('image/png');
    });

    it('gives every caller the same stable token until it expires, and a new one on force_refresh', async () => {
      const stable = async (forceRefresh = false) =>
        (await (
          await post('/cgi-bin/stable_token', {
            grant_type: 'client_credential',
            appid: SANDBOX_WECHAT_APP_ID,
            secret: SANDBOX_WECHAT_APP_SECRET,
            force_refresh: forceRefresh,
          })
        ).json()) as { access_token: string; expires_in: number; errcode?: number };
      const first = await stable();
      expect(first.expires_in).toBe(WECHAT_ACCESS_TOKEN_TTL_SECONDS);
      await post('/__platform/clock/advance', { ms: 60_000 });
      // Another server asks, and a cgi-bin/token caller elsewhere does not disturb it.
      await accessToken();
      const second = await stable();
      expect(second.access_token).toBe(first.access_token);
      expect(second.expires_in).toBe(WECHAT_ACCESS_TOKEN_TTL_SECONDS - 60);
      await post('/__platform/clock/advance', { ms: 10 * 60_000 });
      expect((await code(first.access_token, { scene: 'a' })).headers.get('content-type')).toBe('image/png');
      const forced = await stable(true);
      expect(forced.access_token).not.toBe(first.access_token);
      await post('/__platform/clock/advance', { ms: 6 * 60_000 });
      expect(await errcode(await code(first.access_token, { scene: 'a' }))).toBe(40001);
      expect(
        (await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx-wrong' }).then((r) =>
          r.json(),
        )) as { errcode: number },
      ).toMatchObject({ errcode: 40013 });
    });

    it('answers 40169 for a scene too long, empty or with characters WeChat does not allow', async () => {
      const valid = await accessToken();
      expect(await errcode(await code(valid, { scene: 'x'.repeat(33) }))).toBe(40169);
      expect(await errcode(await code(valid, { scene: '邀请码' }))).toBe(40169);
      expect(await errcode(await code(valid, { scene: '' }))).toBe(40169);
      expect(await errcode(await code(valid, {}))).toBe(40169);
      expect((await code(valid, { scene: 'x'.repeat(32) })).headers.get('content-type')).toBe('image/png');
    });

    it('answers 41030 for an unpublished page unless check_path is false, and 40097 for bad args', async () => {
      const valid = await accessToken();
      expect(await errcode(await code(valid, { scene: 'a', page: 'pages/secret/index' }))).toBe(41030);
      expect(await errcode(await code(valid, { scene: 'a', page: '/pages/invite/index' }))).toBe(41030);
      const unchecked = await code(valid, {
        scene: 'a',
        page: 'pages/secret/index',
        check_path: false,
        env_version: 'develop',
      });
      expect(unchecked.headers.get('content-type')).toBe('image/png');
      expect(await errcode(await code(valid, { scene: 'a', env_version: 'beta' }))).toBe(40097);
      expect(await errcode(await code(valid, { scene: 'a', width: 'wide' }))).toBe(40097);

      const published = await post('/__platform/pages', { pages: ['pages/secret/index'] });
      expect(await published.json()).toEqual({ pages: ['pages/secret/index'] });
      expect((await code(valid, { scene: 'a', page: 'pages/secret/index' })).headers.get('content-type')).toBe(
        'image/png',
      );
      expect(await errcode(await code(valid, { scene: 'a', page: 'pages/index/index' }))).toBe(41030);
      expect((await post('/__platform/pages', { pages: 'all' })).status).toBe(400);
    });

    it('answers 45009 past the daily quota, until the next day', async () => {
      const valid = await accessToken();
      expect((await post('/__platform/quota', { platform: 'wechat', daily: 1 })).status).toBe(200);
      expect((await code(valid, { scene: 'a' })).headers.get('content-type')).toBe('image/png');
      expect(await errcode(await code(valid, { scene: 'b' }))).toBe(45009);
      await post('/__platform/clock/advance', { ms: 86_400_000 });
      expect((await code(await accessToken(), { scene: 'c' })).headers.get('content-type')).toBe('image/png');
      expect((await post('/__platform/quota', { platform: 'qq', daily: 1 })).status).toBe(400);
    });
  });

  describe('Alipay alipay.open.app.qrcode.create', () => {
    const create = async (
      biz: unknown,
      key = privateKey,
    ): Promise<Record<string, Record<string, string> | undefined>> => {
      const params: Record<string, string> = {
        app_id: SANDBOX_ALIPAY_APP_ID,
        method: 'alipay.open.app.qrcode.create',
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: '2026-11-22 10:00:00',
        version: '1.0',
        biz_content: typeof biz === 'string' ? biz : JSON.stringify(biz),
      };
      params.sign = createSign('RSA-SHA256').update(alipayStringToSign(params), 'utf8').sign(key, 'base64');
      const response = await fetch(`${sandbox.url}/gateway.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      });
      return (await response.json()) as Record<string, Record<string, string> | undefined>;
    };
    const invite = { url_param: 'pages/invite/index', query_param: 'code=Ab3x', describe: '邀请好友' };

    it('answers a qr_code_url on the sandbox that serves a real QR code PNG', async () => {
      const answer = (await create(invite)).alipay_open_app_qrcode_create_response;
      expect(answer).toMatchObject({ code: '10000', msg: 'Success' });
      expect(answer?.qr_code_url).toMatch(new RegExp(`^${sandbox.url}/__platform/alipay/qrcode/[0-9a-f]{24}\\.png$`));
      expect(answer?.qr_code_url_circle_white).toEqual(expect.any(String));
      expect(answer?.qr_code_url_circle_blue).toEqual(expect.any(String));
      const image = await fetch(answer?.qr_code_url ?? '');
      expect(image.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await image.arrayBuffer());
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      const target = new URL(decodeQr(png) ?? '');
      expect(target.protocol).toBe('alipays:');
      expect(Object.fromEntries(target.searchParams)).toEqual({
        appId: SANDBOX_ALIPAY_APP_ID,
        page: 'pages/invite/index',
        query: 'code=Ab3x',
      });
      expect(await stats()).toMatchObject({ 'alipay.qrcode.create': 1, 'alipay.qrcode.image': 1 });
      expect((await fetch(`${sandbox.url}/__platform/alipay/qrcode/${'0'.repeat(24)}.png`)).status).toBe(404);
    });

    it('refuses a request signed with another key', async () => {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      expect((await create(invite, other)).error_response?.sub_code).toBe('isv.invalid-signature');
      expect((await stats())['alipay.qrcode.create']).toBeUndefined();
    });

    it('answers 40002 for missing or malformed parameters', async () => {
      for (const biz of ['not json', [], { ...invite, query_param: '' }, { ...invite, describe: undefined }]) {
        expect((await create(biz)).error_response).toMatchObject({ code: '40002', msg: 'Invalid Arguments' });
      }
      expect((await create({ ...invite, url_param: 7 })).error_response?.sub_code).toBe('isv.invalid-parameter');
    });

    it('answers 40004 for a page that is not published', async () => {
      expect((await create({ ...invite, url_param: 'pages/secret/index' })).error_response).toMatchObject({
        code: '40004',
        msg: 'Business Failed',
        sub_code: 'INVALID_URL_PARAM',
      });
      const leadingSlash = await create({ ...invite, url_param: '/pages/invite/index' });
      expect(leadingSlash.alipay_open_app_qrcode_create_response?.code).toBe('10000');
    });

    it('answers 40004 isv.app-call-limited past the daily quota', async () => {
      await post('/__platform/quota', { platform: 'alipay', daily: 1 });
      expect((await create(invite)).alipay_open_app_qrcode_create_response?.code).toBe('10000');
      expect((await create(invite)).error_response).toMatchObject({
        code: '40004',
        sub_code: 'isv.app-call-limited',
      });
    });
  });
});
