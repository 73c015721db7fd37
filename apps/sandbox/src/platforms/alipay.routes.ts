import { createVerify } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SANDBOX_ALIPAY_APP_ID, SANDBOX_ALIPAY_TEMPLATES } from './credentials.js';
import { qrPng } from './mini-program-code.js';
import { type PlatformState, alipayUserIdOf } from './platform-state.js';
import { dataValues } from './subscribe-messages.js';

/** The string Alipay signs and verifies: every parameter but `sign`, sorted by name, as `k=v&k=v`. */
export function alipayStringToSign(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

function errorResponse(subCode: string, subMsg: string, code = '40002', msg = 'Invalid Arguments') {
  return { error_response: { code, msg, sub_code: subCode, sub_msg: subMsg }, sign: 'sandbox-response-not-signed' };
}

type GatewayAnswer = Record<string, unknown>;
type MethodHandler = (params: Record<string, string>, origin: string) => Promise<GatewayAnswer> | GatewayAnswer;

/**
 * Alipay's open gateway, `POST /gateway.do` with form parameters signed RSA2 (SHA256withRSA) with the
 * mini-program's private key; the sandbox verifies with the app public key it was given, as Alipay
 * does with the key uploaded to its console. Methods: `alipay.system.oauth.token` and
 * `alipay.open.app.qrcode.create` (whose `qr_code_url` points back at the sandbox's
 * `GET /__platform/alipay/qrcode/<id>.png`).
 */
export function registerAlipay(app: FastifyInstance, state: PlatformState, appPublicKey: string | null): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const methods: Readonly<Record<string, MethodHandler>> = {
    'alipay.system.oauth.token': (params) => oauthToken(state, params),
    'alipay.open.app.qrcode.create': (params, origin) => qrcodeCreate(state, params, origin),
    'alipay.open.app.mini.templatemessage.send': (params) => templateMessageSend(state, params),
  };

  app.post<{ Body: Record<string, string> }>('/gateway.do', async (request) => {
    const params = { ...(request.body ?? {}) };
    const handler = Object.hasOwn(methods, params.method ?? '') ? methods[params.method] : undefined;
    if (!handler) return errorResponse('isv.invalid-method', '不存在的方法名', '40004', 'Business Failed');
    if (params.app_id !== SANDBOX_ALIPAY_APP_ID) return errorResponse('isv.invalid-app-id', '无效的AppID参数');
    if (params.sign_type !== 'RSA2' || !params.sign) return errorResponse('isv.missing-signature', '缺少签名参数');
    const signatureOk =
      appPublicKey !== null &&
      createVerify('RSA-SHA256').update(alipayStringToSign(params), 'utf8').verify(appPublicKey, params.sign, 'base64');
    if (!signatureOk) return errorResponse('isv.invalid-signature', '验签出错');
    return handler(params, `${request.protocol}://${request.host}`);
  });

  app.get<{ Params: { file: string } }>('/__platform/alipay/qrcode/:file', async (request, reply) => {
    const id = /^([0-9a-f]{24})\.png$/.exec(request.params.file)?.[1];
    const png = id ? state.codeImage(id) : null;
    if (!png) return reply.code(404).type('text/plain').send('Not Found');
    state.countCall('alipay.qrcode.image');
    return reply.type('image/png').send(png);
  });
}

function oauthToken(state: PlatformState, params: Record<string, string>): GatewayAnswer {
  if (params.grant_type !== 'authorization_code')
    return errorResponse('isv.grant-type-invalid', 'grant_type参数不正确');
  const issued = params.code ? state.redeemCode('alipay', params.code) : null;
  if (!issued) return errorResponse('isv.code-invalid', '授权码code无效');
  if (issued.outcome === 'risky') return errorResponse('isv.user-risk', '用户存在风险', '40004', 'Business Failed');
  const userId = alipayUserIdOf(issued.user);
  return {
    alipay_system_oauth_token_response: {
      user_id: userId,
      open_id: `0${userId.slice(4)}sandbox`,
      access_token: `authusrB${issued.issuedAt}`,
      expires_in: 1_296_000,
      refresh_token: `authusrR${issued.issuedAt}`,
      re_expires_in: 2_592_000,
    },
    sign: 'sandbox-response-not-signed',
  };
}

/** A gateway call's `biz_content` as the JSON object it must be, or null when it is not one. */
function bizContentOf(params: Record<string, string>): Record<string, unknown> | null {
  let biz: unknown;
  try {
    biz = JSON.parse(params.biz_content ?? '');
  } catch {
    return null;
  }
  return typeof biz === 'object' && biz !== null && !Array.isArray(biz) ? (biz as Record<string, unknown>) : null;
}

/**
 * `alipay.open.app.qrcode.create`: biz_content `{url_param, query_param, describe}`. The sandbox's
 * code is a plain QR code of `alipays://platformapi/startapp?appId=…&page=…&query=…`.
 */
async function qrcodeCreate(state: PlatformState, params: Record<string, string>, origin: string) {
  state.countCall('alipay.qrcode.create');
  const biz = bizContentOf(params);
  if (biz === null) return errorResponse('isv.invalid-biz-content', 'biz_content参数格式错误');
  const { url_param: urlParam, query_param: queryParam, describe } = biz;
  if (typeof queryParam !== 'string' || queryParam.length === 0 || queryParam.length > 1024) {
    return errorResponse('isv.missing-parameter', '缺少必选参数query_param或格式错误');
  }
  if (typeof describe !== 'string' || describe.length === 0 || describe.length > 32) {
    return errorResponse('isv.missing-parameter', '缺少必选参数describe或格式错误');
  }
  if (urlParam !== undefined && typeof urlParam !== 'string') {
    return errorResponse('isv.invalid-parameter', 'url_param参数格式错误');
  }
  if (!state.takeCodeQuota('alipay')) {
    return errorResponse('isv.app-call-limited', '应用调用次数超限', '40004', 'Business Failed');
  }
  // Alipay takes the page with or without its leading slash.
  const page = (urlParam ?? 'pages/index/index').replace(/^\//, '');
  if (!state.isPublished(page)) {
    return errorResponse('INVALID_URL_PARAM', '小程序页面路径不存在', '40004', 'Business Failed');
  }
  const target = new URLSearchParams({ appId: params.app_id, page, query: queryParam });
  const id = state.storeCodeImage(await qrPng(`alipays://platformapi/startapp?${target}`, 430));
  const url = `${origin}/__platform/alipay/qrcode/${id}.png`;
  return {
    alipay_open_app_qrcode_create_response: {
      code: '10000',
      msg: 'Success',
      qr_code_url: url,
      qr_code_url_circle_white: url,
      qr_code_url_circle_blue: url,
    },
    sign: 'sandbox-response-not-signed',
  };
}

/** An Alipay subscription message keyword holds at most this many characters. */
const ALIPAY_KEYWORD_MAX = 20;

/**
 * `alipay.open.app.mini.templatemessage.send`: biz_content `{to_user_id, user_template_id, page, data}`
 * with `data` a JSON string `{"keyword1": {"value": "…"}, …}`. Each message takes one of the
 * subscriptions the user granted for the template (`my.requestSubscribeMessage`).
 */
function templateMessageSend(state: PlatformState, params: Record<string, string>): GatewayAnswer {
  const messages = state.subscribeMessages;
  if (messages.takeFailure('alipay')) {
    return errorResponse('isp.unknow-error', '系统繁忙', '20000', 'Service Currently Unavailable');
  }
  const biz = bizContentOf(params);
  if (biz === null) return errorResponse('isv.invalid-biz-content', 'biz_content参数格式错误');
  const { to_user_id: toUserId, user_template_id: templateId, page, data } = biz;
  if (typeof toUserId !== 'string' || typeof templateId !== 'string' || typeof data !== 'string') {
    return errorResponse('isv.missing-parameter', '缺少必选参数to_user_id、user_template_id或data');
  }
  const user = messages.userOf('alipay', toUserId);
  if (user === null) return errorResponse('USER_NOT_EXIST', '用户不存在', '40004', 'Business Failed');
  if (!Object.hasOwn(SANDBOX_ALIPAY_TEMPLATES, templateId)) {
    return errorResponse('USER_TEMPLATE_ILLEGAL', '模板不合法', '40004', 'Business Failed');
  }
  let values: Record<string, string> | null;
  try {
    values = dataValues(JSON.parse(data));
  } catch {
    values = null;
  }
  const complete =
    values !== null &&
    SANDBOX_ALIPAY_TEMPLATES[templateId].every((keyword) => {
      const value = values![keyword];
      return value !== undefined && value.length > 0 && value.length <= ALIPAY_KEYWORD_MAX;
    });
  if (!complete || (page !== undefined && typeof page !== 'string')) {
    return errorResponse('DATA_ILLEGAL', '模板消息数据不合法', '40004', 'Business Failed');
  }
  const sent = messages.deliver('alipay', {
    user,
    templateId,
    page: (page as string | undefined) ?? null,
    data: values!,
    sentAt: state.now(),
  });
  if (!sent) return errorResponse('USER_NOT_SUBSCRIBED', '用户未订阅或订阅次数已用完', '40004', 'Business Failed');
  return {
    alipay_open_app_mini_templatemessage_send_response: { code: '10000', msg: 'Success' },
    sign: 'sandbox-response-not-signed',
  };
}
