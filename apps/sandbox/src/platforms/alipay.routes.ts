import { createVerify } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SANDBOX_ALIPAY_APP_ID } from './credentials.js';
import { type PlatformState, alipayUserIdOf } from './platform-state.js';

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

/**
 * Alipay's open gateway for `alipay.system.oauth.token`: `POST /gateway.do` with form parameters,
 * signed RSA2 (SHA256withRSA) with the mini-program's private key; the sandbox verifies with the app
 * public key it was given, as Alipay does with the key uploaded to its console.
 */
export function registerAlipay(app: FastifyInstance, state: PlatformState, appPublicKey: string | null): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.post<{ Body: Record<string, string> }>('/gateway.do', async (request) => {
    const params = { ...(request.body ?? {}) };
    if (params.method !== 'alipay.system.oauth.token') {
      return errorResponse('isv.invalid-method', '不存在的方法名', '40004', 'Business Failed');
    }
    if (params.app_id !== SANDBOX_ALIPAY_APP_ID) return errorResponse('isv.invalid-app-id', '无效的AppID参数');
    if (params.sign_type !== 'RSA2' || !params.sign) return errorResponse('isv.missing-signature', '缺少签名参数');
    const signatureOk =
      appPublicKey !== null &&
      createVerify('RSA-SHA256').update(alipayStringToSign(params), 'utf8').verify(appPublicKey, params.sign, 'base64');
    if (!signatureOk) return errorResponse('isv.invalid-signature', '验签出错');
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
  });
}
