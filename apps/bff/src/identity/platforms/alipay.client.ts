import { createSign } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { logger } from '../../common/logger.js';
import { AuthenticationError, PlatformUnavailableError } from '../identity.errors.js';
import { callPlatform } from './platform-http.js';

/** Alipay's canonical string to sign: every parameter but `sign`, sorted, `k=v` joined by `&`. */
export function alipaySigningString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

/** `yyyy-MM-dd HH:mm:ss` in China time, as the gateway wants its timestamp. */
function gatewayTimestamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** Alipay's `alipay.system.oauth.token`: an `my.getAuthCode` code (auth_base) for the user id. */
@Injectable()
export class AlipayClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async exchangeCode(code: string): Promise<{ userId: string }> {
    const alipay = this.config.alipay;
    if (!alipay) throw new PlatformUnavailableError('ALIPAY');
    const params: Record<string, string> = {
      app_id: alipay.appId,
      method: 'alipay.system.oauth.token',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: gatewayTimestamp(new Date()),
      version: '1.0',
      grant_type: 'authorization_code',
      code,
    };
    params.sign = createSign('RSA-SHA256')
      .update(alipaySigningString(params), 'utf8')
      .sign(alipay.privateKeyPem, 'base64');
    const body = (await callPlatform('ALIPAY', alipay.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    })) as {
      alipay_system_oauth_token_response?: { user_id?: unknown };
      error_response?: { code?: unknown; sub_code?: unknown; sub_msg?: unknown };
    };
    const userId = body.alipay_system_oauth_token_response?.user_id;
    if (typeof userId === 'string' && userId.length > 0) return { userId };
    const subCode = body.error_response?.sub_code;
    if (subCode === 'isv.code-invalid') throw new AuthenticationError('LOGIN_CODE_INVALID');
    if (subCode === 'isv.user-risk') throw new AuthenticationError('RISKY_USER');
    logger.error({ code: body.error_response?.code, subCode }, 'alipay.system.oauth.token refused the app');
    throw new PlatformUnavailableError('ALIPAY');
  }
}
