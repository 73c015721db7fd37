import { createSign, generateKeyPairSync } from 'node:crypto';
import { type RunningSandbox, startSandbox } from '../server.js';
import { alipayStringToSign } from './alipay.routes.js';
import {
  SANDBOX_ALIPAY_APP_ID,
  SANDBOX_ALIPAY_TEMPLATES,
  SANDBOX_SMS_KEY,
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  SANDBOX_WECHAT_TEMPLATES,
} from './credentials.js';
import { alipayUserIdOf, wechatIdsOf } from './platform-state.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const [PAY_DUE, EXPIRY] = Object.keys(SANDBOX_WECHAT_TEMPLATES);
const [ALIPAY_PAY_DUE] = Object.keys(SANDBOX_ALIPAY_TEMPLATES);

describe('subscription messages', () => {
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
  const get = async (path: string): Promise<Record<string, unknown>> =>
    (await (await fetch(`${sandbox.url}${path}`)).json()) as Record<string, unknown>;

  describe('WeChat subscribeMessage.send', () => {
    const accessToken = async (): Promise<string> =>
      (
        await post('/cgi-bin/stable_token', {
          grant_type: 'client_credential',
          appid: SANDBOX_WECHAT_APP_ID,
          secret: SANDBOX_WECHAT_APP_SECRET,
        })
      ).access_token as string;
    const payDueData = {
      thing1: { value: '平安福终身寿险' },
      amount2: { value: '¥5000.00' },
      date3: { value: '2026-12-10' },
      thing4: { value: '请在交费日前完成交费' },
    };
    const send = async (body: Record<string, unknown>, token?: string): Promise<Record<string, unknown>> =>
      post(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token ?? (await accessToken()))}`, {
        touser: wechatIdsOf('li-lei', SANDBOX_WECHAT_APP_ID).openid,
        template_id: PAY_DUE,
        page: 'pages/mine/index',
        data: payDueData,
        miniprogram_state: 'formal',
        lang: 'zh_CN',
        ...body,
      });
    const outbox = async (user: string) =>
      (await get(`/__platform/wechat/messages?user=${user}`)).messages as Record<string, unknown>[];

    it('sends one message per granted subscription, they add up, then answers 43101', async () => {
      expect(await post('/__platform/wechat/subscriptions', { user: 'li-lei', templateId: PAY_DUE, count: 1 })).toEqual(
        {
          user: 'li-lei',
          templateId: PAY_DUE,
          remaining: 1,
        },
      );
      expect((await post('/__platform/wechat/subscriptions', { user: 'li-lei', templateId: PAY_DUE })).remaining).toBe(
        2,
      );
      const first = await send({});
      expect(first).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
      expect((await send({})).errcode).toBe(0);
      expect((await send({})).errcode).toBe(43101);
      const messages = await outbox('li-lei');
      expect(messages).toHaveLength(2);
      expect(messages[0]).toMatchObject({
        user: 'li-lei',
        templateId: PAY_DUE,
        page: 'pages/mine/index',
        data: { thing1: '平安福终身寿险', amount2: '¥5000.00', date3: '2026-12-10', thing4: '请在交费日前完成交费' },
      });
      expect(await outbox('someone-else')).toEqual([]);
    });

    it('counts subscriptions per template', async () => {
      await post('/__platform/wechat/subscriptions', { user: 'li-lei', templateId: EXPIRY, count: 3 });
      expect((await send({})).errcode).toBe(43101);
      expect(
        (await get(`/__platform/wechat/subscriptions?user=li-lei&templateId=${encodeURIComponent(EXPIRY)}`)).remaining,
      ).toBe(3);
    });

    it('answers 40001 for a bad token, 40003 for an unknown openid, 40037 for an unknown template', async () => {
      await post('/__platform/wechat/subscriptions', { user: 'li-lei', templateId: PAY_DUE, count: 5 });
      expect((await send({}, 'not-a-token')).errcode).toBe(40001);
      expect((await send({ touser: 'oUnknownOpenid000000000000000' })).errcode).toBe(40003);
      expect((await send({ template_id: 'no-such-template' })).errcode).toBe(40037);
      expect(await outbox('li-lei')).toEqual([]);
    });

    it('answers 47003 naming the keyword left empty or against its type', async () => {
      await post('/__platform/wechat/subscriptions', { user: 'li-lei', templateId: PAY_DUE, count: 5 });
      const empty = await send({ data: { ...payDueData, thing1: { value: '' } } });
      expect(empty).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.thing1.value') });
      const long = await send({ data: { ...payDueData, thing4: { value: '这'.repeat(21) } } });
      expect(long).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.thing4.value') });
      expect((await send({ data: { ...payDueData, amount2: { value: '五千' } } })).errcode).toBe(47003);
      expect((await send({ data: { ...payDueData, date3: { value: 'tomorrow' } } })).errcode).toBe(47003);
      expect((await send({ data: 'text' })).errcode).toBe(47003);
      // Refusals take no subscription.
      expect((await get(`/__platform/wechat/subscriptions?user=li-lei&templateId=${PAY_DUE}`)).remaining).toBe(5);
    });

    it('knows users who logged in, without a subscription: 43101, not 40003', async () => {
      await post('/__platform/wechat/login', { user: 'li-lei' });
      expect((await send({})).errcode).toBe(43101);
    });

    it('fails the next sends with a system error when told to, and takes no subscription', async () => {
      await post('/__platform/wechat/subscriptions', { user: 'li-lei', templateId: PAY_DUE, count: 1 });
      expect(await post('/__platform/messages/fail', { platform: 'wechat', times: 2 })).toEqual({
        platform: 'wechat',
        times: 2,
      });
      expect(await send({})).toEqual({ errcode: -1, errmsg: 'system error' });
      expect((await send({})).errcode).toBe(-1);
      expect((await send({})).errcode).toBe(0);
    });

    it('refuses malformed controls', async () => {
      const status = async (path: string, body: unknown) =>
        (
          await fetch(`${sandbox.url}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status;
      expect(await status('/__platform/wechat/subscriptions', { user: 'x', templateId: 'nope' })).toBe(400);
      expect(await status('/__platform/wechat/subscriptions', { user: 'x', templateId: PAY_DUE, count: -1 })).toBe(400);
      expect(await status('/__platform/messages/fail', { platform: 'fax' })).toBe(400);
    });
  });

  describe('Alipay alipay.open.app.mini.templatemessage.send', () => {
    const data = JSON.stringify({
      keyword1: { value: '平安福终身寿险' },
      keyword2: { value: '¥5000.00' },
      keyword3: { value: '2026-12-10' },
      keyword4: { value: '请在交费日前完成交费' },
    });
    const send = async (biz: Record<string, unknown>): Promise<Record<string, Record<string, unknown>>> => {
      const params: Record<string, string> = {
        app_id: SANDBOX_ALIPAY_APP_ID,
        method: 'alipay.open.app.mini.templatemessage.send',
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: '2026-12-01 10:00:00',
        version: '1.0',
        biz_content: JSON.stringify({
          to_user_id: alipayUserIdOf('han-meimei'),
          user_template_id: ALIPAY_PAY_DUE,
          page: 'pages/mine/index',
          data,
          ...biz,
        }),
      };
      params.sign = createSign('RSA-SHA256').update(alipayStringToSign(params), 'utf8').sign(privateKey, 'base64');
      const response = await fetch(`${sandbox.url}/gateway.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      });
      return (await response.json()) as Record<string, Record<string, unknown>>;
    };
    const subCode = async (biz: Record<string, unknown>) => (await send(biz)).error_response?.sub_code;

    it('sends within the granted subscriptions to an outbox per user, then refuses', async () => {
      await post('/__platform/alipay/subscriptions', { user: 'han-meimei', templateId: ALIPAY_PAY_DUE, count: 1 });
      expect((await send({})).alipay_open_app_mini_templatemessage_send_response).toEqual({
        code: '10000',
        msg: 'Success',
      });
      expect(await subCode({})).toBe('USER_NOT_SUBSCRIBED');
      const messages = (await get('/__platform/alipay/messages?user=han-meimei')).messages as Record<string, unknown>[];
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ templateId: ALIPAY_PAY_DUE, data: { keyword3: '2026-12-10' } });
    });

    it('answers its sub-codes for an unknown user, template or bad data, and a system error when told to', async () => {
      await post('/__platform/alipay/subscriptions', { user: 'han-meimei', templateId: ALIPAY_PAY_DUE, count: 1 });
      expect(await subCode({ to_user_id: '2088000000000000' })).toBe('USER_NOT_EXIST');
      expect(await subCode({ user_template_id: 'ffffffff' })).toBe('USER_TEMPLATE_ILLEGAL');
      expect(await subCode({ data: JSON.stringify({ keyword1: { value: 'x' } }) })).toBe('DATA_ILLEGAL');
      expect(await subCode({ data: 'not json' })).toBe('DATA_ILLEGAL');
      expect(await subCode({ to_user_id: undefined })).toBe('isv.missing-parameter');
      await post('/__platform/messages/fail', { platform: 'alipay', times: 1 });
      expect((await send({})).error_response).toMatchObject({ code: '20000', sub_code: 'isp.unknow-error' });
      expect((await send({})).alipay_open_app_mini_templatemessage_send_response?.code).toBe('10000');
    });
  });

  it('makes the SMS gateway answer 503 when told to', async () => {
    await post('/__platform/messages/fail', { platform: 'sms', times: 1 });
    const sms = () =>
      fetch(`${sandbox.url}/sms/v1/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sms-key': SANDBOX_SMS_KEY },
        body: JSON.stringify({ phone: '13800138000', text: '提醒' }),
      });
    expect((await sms()).status).toBe(503);
    expect((await sms()).status).toBe(200);
  });
});
