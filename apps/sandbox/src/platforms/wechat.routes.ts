import type { FastifyInstance } from 'fastify';
import { SANDBOX_WECHAT_APP_ID, SANDBOX_WECHAT_APP_SECRET, WECHAT_EXCHANGES_PER_MINUTE } from './credentials.js';
import { type PlatformState, wechatIdsOf } from './platform-state.js';

/**
 * WeChat's `auth.code2Session`: `GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code`.
 * Answers `{openid, session_key, unionid}` or `{errcode, errmsg}` with HTTP 200, as WeChat does.
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
}
