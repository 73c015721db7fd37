import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { logger } from '../../common/logger.js';
import { SingleFlight } from '../../common/resilience/single-flight.js';
import { AuthenticationError, PlatformUnavailableError, TooManyRequestsError } from '../identity.errors.js';
import {
  InvalidSceneError,
  MiniProgramCodeQuotaError,
  MiniProgramCodeUnavailableError,
  MiniProgramPageNotPublishedError,
  msUntilChinaMidnight,
} from './mini-program-code.errors.js';
import { type MessageOutcome, MessageUnavailableError } from './message-outcome.js';
import { callPlatform, callPlatformForImage } from './platform-http.js';

export type { MessageOutcome } from './message-outcome.js';

export interface WechatSession {
  readonly openid: string;
  readonly unionid: string | null;
}

export interface UnlimitedCodeRequest {
  /** What the code carries (≤ 32 characters WeChat allows); the page reads it from `options.scene`. */
  readonly scene: string;
  /** A published page, without a leading slash, e.g. `pages/invite/index`. */
  readonly page: string;
  /** Pixels, 280-1280 (WeChat's default 430). */
  readonly width?: number;
  /** Refuse pages not in the published version (41030); off only for trial and develop versions. */
  readonly checkPath?: boolean;
  readonly envVersion?: 'release' | 'trial' | 'develop';
}

export interface SubscribeMessageRequest {
  readonly openid: string;
  readonly templateId: string;
  /** The page the message opens, e.g. `pages/mine/index`. */
  readonly page: string;
  /** Keyword → value, e.g. `{thing1: '平安福', date2: '2026-12-10'}`. */
  readonly data: Readonly<Record<string, string>>;
}

/** An access token is refreshed this long before WeChat says it expires. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
const codeUnavailable = (): MiniProgramCodeUnavailableError => new MiniProgramCodeUnavailableError('WECHAT');

/**
 * WeChat's server APIs: `auth.code2Session` (jscode2session, a `wx.login()` code for the user's
 * openid), and unlimited mini-program codes (`wxacode.getUnlimited`) with the access token they need,
 * kept in memory until five minutes before it expires and fetched again once when WeChat calls it
 * invalid (40001, 42001). Neither the secret nor the token is ever logged.
 */
@Injectable()
export class WechatClient {
  private accessToken: { readonly value: string; readonly refreshAt: number } | null = null;
  private readonly tokenFlight = new SingleFlight<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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

  /** A mini-program code image (PNG bytes) for `page` carrying `scene`. */
  async unlimitedCode(request: UnlimitedCodeRequest): Promise<Buffer> {
    const token = await this.token();
    const answer = await this.requestCode(token, request);
    if (answer.kind === 'png') return answer.bytes;
    if (!isStaleToken(answer.body)) return this.refused(answer.body, request.page);
    // Another server may have fetched a newer token, or ours expired early: fetch one, try once more.
    if (this.accessToken?.value === token) this.accessToken = null;
    const retried = await this.requestCode(await this.token(), request);
    if (retried.kind === 'png') return retried.bytes;
    return this.refused(retried.body, request.page);
  }

  /**
   * `subscribeMessage.send`: one message taking one of the person's subscriptions to the template.
   * A stale token is fetched again and the message tried once more.
   */
  async sendSubscribeMessage(request: SubscribeMessageRequest): Promise<MessageOutcome> {
    const token = await this.token();
    let body = await this.postMessage(token, request);
    if (isStaleToken(body)) {
      if (this.accessToken?.value === token) this.accessToken = null;
      body = await this.postMessage(await this.token(), request);
    }
    const { errcode, errmsg } = (body ?? {}) as { errcode?: unknown; errmsg?: unknown };
    if (errcode === 0) return { kind: 'SENT' };
    if (errcode === 43101) return { kind: 'NO_SUBSCRIPTION' };
    if (errcode === 40003 || errcode === 40037 || errcode === 47003) {
      logger.error({ errcode, errmsg }, 'subscribeMessage.send refused the message');
      return { kind: 'REJECTED', code: String(errcode) };
    }
    logger.warn({ errcode, errmsg }, 'subscribeMessage.send failed');
    throw new MessageUnavailableError('WECHAT');
  }

  private postMessage(token: string, request: SubscribeMessageRequest): Promise<unknown> {
    const wechat = this.config.wechat;
    if (!wechat) throw new MessageUnavailableError('WECHAT');
    const query = new URLSearchParams({ access_token: token });
    return callPlatform(
      'WECHAT',
      `${wechat.apiUrl}/cgi-bin/message/subscribe/send?${query}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: request.openid,
          template_id: request.templateId,
          page: request.page,
          data: Object.fromEntries(Object.entries(request.data).map(([key, value]) => [key, { value }])),
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        }),
      },
      () => new MessageUnavailableError('WECHAT'),
    );
  }

  private requestCode(token: string, request: UnlimitedCodeRequest) {
    const wechat = this.config.wechat;
    if (!wechat) throw codeUnavailable();
    const query = new URLSearchParams({ access_token: token });
    return callPlatformForImage(
      'WECHAT',
      `${wechat.apiUrl}/wxa/getwxacodeunlimit?${query}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scene: request.scene,
          page: request.page,
          check_path: request.checkPath ?? true,
          env_version: request.envVersion ?? 'release',
          width: request.width ?? 430,
        }),
      },
      codeUnavailable,
    );
  }

  private refused(body: unknown, page: string): never {
    const { errcode, errmsg } = (body ?? {}) as { errcode?: unknown; errmsg?: unknown };
    switch (errcode) {
      case 40169: // scene too long or not allowed
        throw new InvalidSceneError('WECHAT');
      case 41030: // page not in the published version
        throw new MiniProgramPageNotPublishedError('WECHAT', page);
      case 45009: // daily quota
        throw new MiniProgramCodeQuotaError('WECHAT', msUntilChinaMidnight(this.clock.now()));
      default:
        logger.error({ errcode, errmsg }, 'getwxacodeunlimit refused the app');
        throw codeUnavailable();
    }
  }

  /** The cached access token, or a new one (one fetch however many callers wait for it). */
  private async token(): Promise<string> {
    const held = this.accessToken;
    if (held && this.clock.now() < held.refreshAt) return held.value;
    return this.tokenFlight.run('access-token', () => this.fetchToken());
  }

  private async fetchToken(): Promise<string> {
    const wechat = this.config.wechat;
    if (!wechat) throw codeUnavailable();
    // The stable token (auth.getStableAccessToken): every instance of the BFF gets the same one until it
    // expires, where `cgi-bin/token` would give each its own and invalidate the others'.
    const request = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: wechat.appId,
        secret: wechat.appSecret,
        force_refresh: false,
      }),
    };
    const body = (await callPlatform('WECHAT', `${wechat.apiUrl}/cgi-bin/stable_token`, request, codeUnavailable)) as {
      access_token?: unknown;
      expires_in?: unknown;
      errcode?: unknown;
      errmsg?: unknown;
    };
    const { access_token: value, expires_in: expiresIn } = body;
    if (typeof value !== 'string' || value.length === 0 || typeof expiresIn !== 'number' || expiresIn <= 0) {
      logger.error({ errcode: body.errcode, errmsg: body.errmsg }, 'cgi-bin/stable_token refused the app');
      throw codeUnavailable();
    }
    const lifetimeMs = expiresIn * 1000;
    // A token shorter-lived than the margin is still used for half its life.
    const refreshAt = this.clock.now() + Math.max(lifetimeMs - TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.accessToken = { value, refreshAt };
    return value;
  }
}

/** 40001 (invalid or not the latest) and 42001 (expired): a new token may succeed. */
function isStaleToken(body: unknown): boolean {
  const errcode = (body as { errcode?: unknown } | null)?.errcode;
  return errcode === 40001 || errcode === 42001;
}
