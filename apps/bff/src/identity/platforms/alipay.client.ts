import { createSign } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { logger } from '../../common/logger.js';
import { AuthenticationError, PlatformUnavailableError } from '../identity.errors.js';
import {
  MiniProgramCodeQuotaError,
  MiniProgramCodeUnavailableError,
  MiniProgramPageNotPublishedError,
  msUntilChinaMidnight,
} from './mini-program-code.errors.js';
import { type MessageOutcome, MessageUnavailableError } from './message-outcome.js';
import { callPlatform, callPlatformForImage } from './platform-http.js';

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

export interface AlipayQrCodeRequest {
  /** A published page, e.g. `pages/invite/index`. */
  readonly page: string;
  /** The launch query the page reads, `k=v&k2=v2`. */
  readonly query: string;
  /** What the code is for, as listed in Alipay's console (≤ 32 characters). */
  readonly describe: string;
}

export interface AlipayTemplateMessageRequest {
  readonly userId: string;
  readonly templateId: string;
  readonly page: string;
  /** `keyword1` → value… */
  readonly data: Readonly<Record<string, string>>;
}

/** The code image download is a second call: it gets its own time budget. */
const IMAGE_DOWNLOAD_TIMEOUT_MS = 5000;
const codeUnavailable = (): MiniProgramCodeUnavailableError => new MiniProgramCodeUnavailableError('ALIPAY');

type GatewayError = { code?: unknown; sub_code?: unknown; sub_msg?: unknown };

/**
 * Alipay's open gateway, RSA2-signed: `alipay.system.oauth.token` (an `my.getAuthCode` code,
 * auth_base, for the user id) and `alipay.open.app.qrcode.create` (a mini-program code, downloaded
 * from the address Alipay answers).
 */
@Injectable()
export class AlipayClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async exchangeCode(code: string): Promise<{ userId: string }> {
    const body = (await this.gateway(
      'alipay.system.oauth.token',
      { grant_type: 'authorization_code', code },
      () => new PlatformUnavailableError('ALIPAY'),
    )) as {
      alipay_system_oauth_token_response?: { user_id?: unknown };
      error_response?: GatewayError;
    };
    const userId = body.alipay_system_oauth_token_response?.user_id;
    if (typeof userId === 'string' && userId.length > 0) return { userId };
    const subCode = body.error_response?.sub_code;
    if (subCode === 'isv.code-invalid') throw new AuthenticationError('LOGIN_CODE_INVALID');
    if (subCode === 'isv.user-risk') throw new AuthenticationError('RISKY_USER');
    logger.error({ code: body.error_response?.code, subCode }, 'alipay.system.oauth.token refused the app');
    throw new PlatformUnavailableError('ALIPAY');
  }

  /** A mini-program code image (PNG bytes) opening `page` with launch query `query`. */
  async qrCode(request: AlipayQrCodeRequest): Promise<Buffer> {
    const body = (await this.gateway(
      'alipay.open.app.qrcode.create',
      {
        biz_content: JSON.stringify({
          url_param: request.page,
          query_param: request.query,
          describe: request.describe,
        }),
      },
      codeUnavailable,
    )) as {
      // Alipay answers business failures in the method's own node, gateway failures in error_response.
      alipay_open_app_qrcode_create_response?: GatewayError & { qr_code_url?: unknown };
      error_response?: GatewayError;
    };
    const created = body.alipay_open_app_qrcode_create_response;
    const imageUrl = created?.code === '10000' ? created.qr_code_url : undefined;
    if (typeof imageUrl === 'string' && /^https?:\/\//.test(imageUrl)) {
      const image = await callPlatformForImage('ALIPAY', imageUrl, {}, codeUnavailable, IMAGE_DOWNLOAD_TIMEOUT_MS);
      if (image.kind === 'png') return image.bytes;
      logger.error('alipay qr_code_url answered no image');
      throw codeUnavailable();
    }
    const failure = body.error_response ?? created;
    const subCode = failure?.sub_code;
    if (subCode === 'INVALID_URL_PARAM') throw new MiniProgramPageNotPublishedError('ALIPAY', request.page);
    if (subCode === 'isv.app-call-limited') {
      throw new MiniProgramCodeQuotaError('ALIPAY', msUntilChinaMidnight(this.clock.now()));
    }
    logger.error({ code: failure?.code, subCode, subMsg: failure?.sub_msg }, 'alipay.open.app.qrcode.create failed');
    throw codeUnavailable();
  }

  /** `alipay.open.app.mini.templatemessage.send`: one message taking one of the person's subscriptions. */
  async sendTemplateMessage(request: AlipayTemplateMessageRequest): Promise<MessageOutcome> {
    const unavailable = () => new MessageUnavailableError('ALIPAY');
    const body = (await this.gateway(
      'alipay.open.app.mini.templatemessage.send',
      {
        biz_content: JSON.stringify({
          to_user_id: request.userId,
          user_template_id: request.templateId,
          page: request.page,
          data: JSON.stringify(
            Object.fromEntries(Object.entries(request.data).map(([key, value]) => [key, { value }])),
          ),
        }),
      },
      unavailable,
    )) as {
      alipay_open_app_mini_templatemessage_send_response?: GatewayError;
      error_response?: GatewayError;
    };
    const answer = body.alipay_open_app_mini_templatemessage_send_response;
    if (answer?.code === '10000') return { kind: 'SENT' };
    const failure = body.error_response ?? answer;
    const subCode = typeof failure?.sub_code === 'string' ? failure.sub_code : '';
    if (subCode === 'USER_NOT_SUBSCRIBED') return { kind: 'NO_SUBSCRIPTION' };
    if (failure?.code === '40004' || failure?.code === '40002') {
      logger.error({ code: failure.code, subCode }, 'alipay templatemessage.send refused the message');
      return { kind: 'REJECTED', code: subCode || String(failure.code) };
    }
    logger.warn({ code: failure?.code, subCode }, 'alipay templatemessage.send failed');
    throw unavailable();
  }

  /** One signed gateway call; the private key never leaves this function and nothing of it is logged. */
  private async gateway(
    method: string,
    methodParams: Readonly<Record<string, string>>,
    unavailable: () => Error,
  ): Promise<unknown> {
    const alipay = this.config.alipay;
    if (!alipay) throw unavailable();
    const params: Record<string, string> = {
      app_id: alipay.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: gatewayTimestamp(new Date(this.clock.now())),
      version: '1.0',
      ...methodParams,
    };
    params.sign = createSign('RSA-SHA256')
      .update(alipaySigningString(params), 'utf8')
      .sign(alipay.privateKeyPem, 'base64');
    return callPlatform(
      'ALIPAY',
      alipay.gatewayUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
      },
      unavailable,
    );
  }
}
