import { createSign, generateKeyPairSync } from 'node:crypto';
import { type RunningSandbox, startSandbox } from '../server.js';
import { alipayStringToSign } from './alipay.routes.js';
import {
  LOGIN_CODE_TTL_MS,
  SANDBOX_ALIPAY_APP_ID,
  SANDBOX_SMS_KEY,
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  WECHAT_EXCHANGES_PER_MINUTE,
} from './credentials.js';
import { alipayUserIdOf, wechatIdsOf } from './platform-state.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('platform server APIs', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(0, '127.0.0.1', false, { alipayAppPublicKey: publicKey });
  });
  afterAll(() => sandbox.close());
  afterEach(() => fetch(`${sandbox.url}/__control/reset`, { method: 'POST' }));

  const post = async (path: string, body: unknown): Promise<Record<string, unknown>> =>
    (await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json())) as Record<string, unknown>;

  describe('WeChat jscode2session', () => {
    const wxLogin = async (body: object = {}): Promise<string> =>
      (await post('/__platform/wechat/login', body)).code as string;
    const exchange = async (code: string, appid = SANDBOX_WECHAT_APP_ID): Promise<Record<string, unknown>> => {
      const query = new URLSearchParams({
        appid,
        secret: SANDBOX_WECHAT_APP_SECRET,
        js_code: code,
        grant_type: 'authorization_code',
      });
      return (await (await fetch(`${sandbox.url}/sns/jscode2session?${query}`)).json()) as Record<string, unknown>;
    };

    it('exchanges a fresh code once for the user’s stable openid and unionid', async () => {
      const answer = await exchange(await wxLogin({ user: 'li-lei' }));
      expect(answer).toMatchObject(wechatIdsOf('li-lei', SANDBOX_WECHAT_APP_ID));
      expect(answer.session_key).toEqual(expect.any(String));
      expect((await exchange(await wxLogin({ user: 'li-lei' }))).openid).toBe(answer.openid);
    });

    it('answers 40029 for an unknown, a reused and an expired code', async () => {
      expect((await exchange('nonsense')).errcode).toBe(40029);
      const code = await wxLogin();
      await exchange(code);
      expect((await exchange(code)).errcode).toBe(40029);
      const late = await wxLogin();
      await post('/__platform/clock/advance', { ms: LOGIN_CODE_TTL_MS + 1 });
      expect((await exchange(late)).errcode).toBe(40029);
    });

    it('answers 40226 for a high-risk user and 40013 for a wrong appid', async () => {
      expect((await exchange(await wxLogin({ outcome: 'risky' }))).errcode).toBe(40226);
      expect((await exchange(await wxLogin(), 'wx-wrong')).errcode).toBe(40013);
    });

    it('answers 45011 when one user exchanges too often within a minute', async () => {
      for (let i = 0; i < WECHAT_EXCHANGES_PER_MINUTE; i++) {
        expect((await exchange(await wxLogin({ user: 'busy' }))).openid).toBeDefined();
      }
      expect((await exchange(await wxLogin({ user: 'busy' }))).errcode).toBe(45011);
      await post('/__platform/clock/advance', { ms: 61_000 });
      expect((await exchange(await wxLogin({ user: 'busy' }))).openid).toBeDefined();
    });
  });

  describe('Alipay alipay.system.oauth.token', () => {
    const authCode = async (body: object = {}): Promise<string> =>
      (await post('/__platform/alipay/auth-code', body)).code as string;
    const exchange = async (code: string, key = privateKey): Promise<Record<string, Record<string, unknown>>> => {
      const params: Record<string, string> = {
        app_id: SANDBOX_ALIPAY_APP_ID,
        method: 'alipay.system.oauth.token',
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: '2026-11-22 10:00:00',
        version: '1.0',
        grant_type: 'authorization_code',
        code,
      };
      params.sign = createSign('RSA-SHA256').update(alipayStringToSign(params), 'utf8').sign(key, 'base64');
      const response = await fetch(`${sandbox.url}/gateway.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      });
      return (await response.json()) as Record<string, Record<string, unknown>>;
    };

    it('exchanges a signed request with a fresh code for the user id, once', async () => {
      const code = await authCode({ user: 'han-meimei' });
      const answer = await exchange(code);
      expect(answer.alipay_system_oauth_token_response.user_id).toBe(alipayUserIdOf('han-meimei'));
      expect((await exchange(code)).error_response.sub_code).toBe('isv.code-invalid');
    });

    it('refuses a request signed with another key', async () => {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      expect((await exchange(await authCode(), other)).error_response.sub_code).toBe('isv.invalid-signature');
    });

    it('refuses an unknown code and a risky user', async () => {
      expect((await exchange('bogus')).error_response.sub_code).toBe('isv.code-invalid');
      expect((await exchange(await authCode({ outcome: 'risky' }))).error_response.sub_code).toBe('isv.user-risk');
    });
  });

  describe('SMS gateway', () => {
    const send = (body: object, key = SANDBOX_SMS_KEY) =>
      fetch(`${sandbox.url}/sms/v1/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sms-key': key },
        body: JSON.stringify(body),
      });

    it('delivers to an outbox that a test can read, and refuses a wrong key or number', async () => {
      expect((await send({ phone: '13800138000', text: '验证码 123456' })).status).toBe(200);
      const outbox = (await (await fetch(`${sandbox.url}/__platform/sms/outbox?phone=13800138000`)).json()) as {
        messages: { text: string }[];
      };
      expect(outbox.messages.map((message) => message.text)).toEqual(['验证码 123456']);
      expect((await send({ phone: '13800138000', text: 'x' }, 'wrong')).status).toBe(401);
      expect((await send({ phone: '12345', text: 'x' })).status).toBe(400);
    });
  });
});
