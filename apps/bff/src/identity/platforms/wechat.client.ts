import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { logger } from '../../common/logger.js';
import { AuthenticationError, PlatformUnavailableError, TooManyRequestsError } from '../identity.errors.js';
import { callPlatform } from './platform-http.js';

export interface WechatSession {
  readonly openid: string;
  readonly unionid: string | null;
}

/** WeChat's `auth.code2Session` (jscode2session): a `wx.login()` code for the user's openid. */
@Injectable()
export class WechatClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async exchangeCode(code: string): Promise<WechatSession> {
    const wechat = this.config.wechat;
    if (!wechat) throw new PlatformUnavailableError('WECHAT');
    const query = new URLSearchParams({
      appid: wechat.appId,
      secret: wechat.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const body = (await callPlatform('WECHAT', `${wechat.apiUrl}/sns/jscode2session?${query}`)) as {
      openid?: unknown;
      unionid?: unknown;
      errcode?: unknown;
      errmsg?: unknown;
    };
    if (typeof body.openid === 'string' && body.openid.length > 0) {
      return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : null };
    }
    switch (body.errcode) {
      case 40029: // invalid code
      case 40163: // code already used
        throw new AuthenticationError('LOGIN_CODE_INVALID');
      case 40226: // high-risk user
        throw new AuthenticationError('RISKY_USER');
      case 45011: // minute quota
        throw new TooManyRequestsError(60_000);
      default:
        logger.error({ errcode: body.errcode, errmsg: body.errmsg }, 'jscode2session refused the app');
        throw new PlatformUnavailableError('WECHAT');
    }
  }
}
