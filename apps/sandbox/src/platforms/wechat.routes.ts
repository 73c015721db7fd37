import type { FastifyInstance } from 'fastify';
import {
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  SANDBOX_WECHAT_TEMPLATES,
  WECHAT_ACCESS_TOKEN_TTL_SECONDS,
  WECHAT_EXCHANGES_PER_MINUTE,
} from './credentials.js';
import { isValidScene, qrPng } from './mini-program-code.js';
import { type PlatformState, wechatIdsOf } from './platform-state.js';
import { dataValues, invalidWechatKeyword } from './subscribe-messages.js';

const ENV_VERSIONS = ['release', 'trial', 'develop'];
/** getwxacodeunlimit's width bounds (pixels); outside them WeChat draws the nearest. */
const MIN_WIDTH = 280;
const MAX_WIDTH = 1280;

/**
 * WeChat's server APIs (api.weixin.qq.com): `auth.code2Session`
 * (`GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code`), the access token
 * (`GET /cgi-bin/token`) and unlimited mini-program codes (`POST /wxa/getwxacodeunlimit`). Errors are
 * `{errcode, errmsg}` with HTTP 200, as WeChat answers them.
 */
export function registerWechat(app: FastifyInstance, state: PlatformState): void {
  app.get<{ Querystring: Record<string, string | undefined> }>('/sns/jscode2session', async (request) => {
    const { appid, secret, js_code: code, grant_type: grantType } = request.query;
    if (appid !== SANDBOX_WECHAT_APP_ID) return { errcode: 40013, errmsg: 'invalid appid' };
    if (secret !== SANDBOX_WECHAT_APP_SECRET) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (grantType !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const issued = code ? state.redeemCode('wechat', code) : null;
    if (!issued) return { errcode: 40029, errmsg: 'invalid code' };
    if (issued.outcome === 'risky') return { errcode: 40226, errmsg: 'code blocked: high risk user' };
    const ids = wechatIdsOf(issued.user, appid);
    if (state.countExchange(`wechat:${ids.openid}`) > WECHAT_EXCHANGES_PER_MINUTE) {
      return { errcode: 45011, errmsg: 'api minute-quota reach limit, mustslower retry next minute' };
    }
    return { openid: ids.openid, unionid: ids.unionid, session_key: Buffer.from(ids.openid).toString('base64') };
  });

  // `auth.getAccessToken`: the server's access token for the other server APIs.
  app.get<{ Querystring: Record<string, string | undefined> }>('/cgi-bin/token', async (request) => {
    const { appid, secret, grant_type: grantType } = request.query;
    state.countCall('wechat.token');
    if (appid !== SANDBOX_WECHAT_APP_ID) return { errcode: 40013, errmsg: 'invalid appid' };
    if (secret !== SANDBOX_WECHAT_APP_SECRET) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (grantType !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    return { access_token: state.issueAccessToken(), expires_in: WECHAT_ACCESS_TOKEN_TTL_SECONDS };
  });

  /**
   * `auth.getStableAccessToken`: `POST /cgi-bin/stable_token` with JSON `{grant_type, appid, secret,
   * force_refresh}`. Every server of an app gets the same token until it expires, so several BFF
   * instances do not invalidate each other's.
   */
  app.post<{ Body: Record<string, unknown> | undefined }>('/cgi-bin/stable_token', async (request) => {
    const { appid, secret, grant_type: grantType, force_refresh: forceRefresh } = request.body ?? {};
    state.countCall('wechat.token');
    if (appid !== SANDBOX_WECHAT_APP_ID) return { errcode: 40013, errmsg: 'invalid appid' };
    if (secret !== SANDBOX_WECHAT_APP_SECRET) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (grantType !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const stable = state.stableAccessToken(forceRefresh === true);
    return { access_token: stable.token, expires_in: stable.expiresInSeconds };
  });

  /**
   * `wxacode.getUnlimited`: a mini-program code for `page` carrying `scene`. Answers the PNG itself
   * (`Content-Type: image/png`), or `{errcode, errmsg}` JSON with HTTP 200. The sandbox's code is a
   * plain QR code of `wxacode:<page>?scene=<scene>`.
   */
  app.post<{ Querystring: { access_token?: string }; Body: Record<string, unknown> | undefined }>(
    '/wxa/getwxacodeunlimit',
    async (request, reply) => {
      state.countCall('wechat.getwxacodeunlimit');
      const token = state.accessTokenStatus(request.query.access_token);
      if (token === 'unknown') {
        return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
      }
      if (token === 'expired') return { errcode: 42001, errmsg: 'access_token expired' };
      if (!state.takeCodeQuota('wechat')) return { errcode: 45009, errmsg: 'reach max api daily quota limit' };
      const body = request.body ?? {};
      const { scene, check_path: checkPath = true, env_version: envVersion = 'release', width = 430 } = body;
      const page = body.page ?? 'pages/index/index';
      if (!isValidScene(scene) || scene.length === 0) {
        return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
      }
      if (typeof page !== 'string' || typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion)) {
        return { errcode: 40097, errmsg: 'invalid args' };
      }
      if (typeof width !== 'number' || !Number.isFinite(width) || typeof checkPath !== 'boolean') {
        return { errcode: 40097, errmsg: 'invalid args' };
      }
      if (checkPath && !state.isPublished(page)) return { errcode: 41030, errmsg: `invalid page rid: ${page}` };
      const pixels = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
      const png = await qrPng(`wxacode:${page}?scene=${scene}`, pixels);
      return reply.type('image/png').send(png);
    },
  );

  /**
   * `subscribeMessage.send`: `POST /cgi-bin/message/subscribe/send?access_token=…` with JSON
   * `{touser, template_id, page, data, miniprogram_state, lang}`. Each message takes one of the
   * one-time subscriptions the user granted for the template; with none left, 43101.
   */
  app.post<{ Querystring: { access_token?: string }; Body: Record<string, unknown> | undefined }>(
    '/cgi-bin/message/subscribe/send',
    async (request) => {
      const messages = state.subscribeMessages;
      const token = state.accessTokenStatus(request.query.access_token);
      if (token === 'unknown') {
        return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
      }
      if (token === 'expired') return { errcode: 42001, errmsg: 'access_token expired' };
      if (messages.takeFailure('wechat')) return { errcode: -1, errmsg: 'system error' };
      const { touser, template_id: templateId, page, data } = request.body ?? {};
      const user = typeof touser === 'string' ? messages.userOf('wechat', touser) : null;
      if (user === null) return { errcode: 40003, errmsg: 'invalid openid' };
      const keywords =
        typeof templateId === 'string' && Object.hasOwn(SANDBOX_WECHAT_TEMPLATES, templateId)
          ? SANDBOX_WECHAT_TEMPLATES[templateId]
          : null;
      if (keywords === null) return { errcode: 40037, errmsg: 'invalid template_id' };
      const values = dataValues(data);
      if (values === null) return { errcode: 47003, errmsg: 'argument invalid! data is not an object of {value}' };
      const invalid = invalidWechatKeyword(keywords, values);
      if (invalid)
        return { errcode: 47003, errmsg: `argument invalid! data.${invalid.keyword}.value ${invalid.problem}` };
      if (page !== undefined && typeof page !== 'string') return { errcode: 47003, errmsg: 'argument invalid! page' };
      const sent = messages.deliver('wechat', {
        user,
        templateId: templateId as string,
        page: (page as string | undefined) ?? null,
        data: values,
        sentAt: state.now(),
      });
      if (!sent) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
      return { errcode: 0, errmsg: 'ok', msgid: Number(sent.msgid) };
    },
  );
}
