import { createHash, randomBytes } from 'node:crypto';
import {
  DEFAULT_DAILY_CODE_QUOTA,
  DEFAULT_PUBLISHED_PAGES,
  LOGIN_CODE_TTL_MS,
  SANDBOX_WECHAT_APP_ID,
  WECHAT_ACCESS_TOKEN_TTL_SECONDS,
} from './credentials.js';
import { chinaDay } from './mini-program-code.js';
import { SubscribeMessages } from './subscribe-messages.js';

export type LoginOutcome = 'ok' | 'risky';

export interface IssuedCode {
  readonly platform: 'wechat' | 'alipay';
  /** The fictional person behind the code; the same user always gets the same ids. */
  readonly user: string;
  readonly outcome: LoginOutcome;
  readonly issuedAt: number;
}

export type CodePlatform = 'wechat' | 'alipay';

/** Server API calls the platforms received since the last reset, by name; tests check caching with it. */
/** How long WeChat keeps honouring a token after a newer one was issued. */
const ACCESS_TOKEN_GRACE_MS = 5 * 60_000;

/** `wechat.token` counts token fetches on either endpoint (`cgi-bin/token`, `cgi-bin/stable_token`). */
export type PlatformCall = 'wechat.token' | 'wechat.getwxacodeunlimit' | 'alipay.qrcode.create' | 'alipay.qrcode.image';

export interface SmsMessage {
  readonly phone: string;
  readonly text: string;
  readonly sentAt: number;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Stable, fictional ids for a sandbox user, shaped like the real ones. */
export function wechatIdsOf(user: string, appId: string): { openid: string; unionid: string } {
  return {
    openid: `o${Buffer.from(digest(`${appId}:${user}`), 'hex')
      .toString('base64url')
      .slice(0, 27)}`,
    unionid: `oU${Buffer.from(digest(`union:${user}`), 'hex')
      .toString('base64url')
      .slice(0, 26)}`,
  };
}

export function alipayUserIdOf(user: string): string {
  const digits = BigInt(`0x${digest(`alipay:${user}`).slice(0, 15)}`)
    .toString()
    .padStart(12, '0')
    .slice(0, 12);
  return `2088${digits}`;
}

/**
 * What the platforms remember between calls: issued login codes (single use, expiring), recent
 * exchanges for frequency limits, the SMS outbox, WeChat access tokens, the published pages and daily
 * quotas of mini-program codes, Alipay's code images, and call counts. A test can move the sandbox
 * clock forward.
 */
export class PlatformState {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly exchanges = new Map<string, number[]>();
  private readonly outbox: SmsMessage[] = [];
  private readonly accessTokens = new Map<string, number>();
  private stableToken: { token: string; expiresAt: number } | null = null;
  private readonly replacedTokens = new Set<string>();
  private readonly codeImages = new Map<string, Buffer>();
  private readonly calls = new Map<PlatformCall, number>();
  private readonly codeQuota = new Map<CodePlatform, number>();
  private readonly codesMade = new Map<string, number>();
  private pages = new Set(DEFAULT_PUBLISHED_PAGES);
  private clockOffsetMs = 0;
  /** Subscription messages: granted subscriptions, delivered messages, forced failures. */
  readonly subscribeMessages = new SubscribeMessages();

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  issueCode(platform: IssuedCode['platform'], user: string, outcome: LoginOutcome): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(`${platform}:${code}`, { platform, user, outcome, issuedAt: this.now() });
    this.knowUser(platform, user);
    return code;
  }

  /** Makes the user's platform id known to the message APIs (unknown ids answer 40003 / user not found). */
  knowUser(platform: IssuedCode['platform'], user: string): void {
    const id = platform === 'wechat' ? wechatIdsOf(user, SANDBOX_WECHAT_APP_ID).openid : alipayUserIdOf(user);
    this.subscribeMessages.know(platform, id, user);
  }

  /** Takes a code out: it answers once, and only within its lifetime. */
  redeemCode(platform: IssuedCode['platform'], code: string): IssuedCode | null {
    const key = `${platform}:${code}`;
    const issued = this.codes.get(key);
    if (!issued) return null;
    this.codes.delete(key);
    return this.now() - issued.issuedAt <= LOGIN_CODE_TTL_MS ? issued : null;
  }

  /** Records an exchange and returns how many the key made within the last minute, this one included. */
  countExchange(key: string): number {
    const since = this.now() - 60_000;
    const recent = (this.exchanges.get(key) ?? []).filter((at) => at > since);
    recent.push(this.now());
    this.exchanges.set(key, recent);
    return recent.length;
  }

  send(phone: string, text: string): void {
    this.outbox.push({ phone, text, sentAt: this.now() });
  }

  messagesTo(phone: string): SmsMessage[] {
    return this.outbox.filter((message) => message.phone === phone);
  }

  /** A new WeChat access token, valid for WECHAT_ACCESS_TOKEN_TTL_SECONDS on the sandbox clock. */
  /**
   * `cgi-bin/token`: a new token each call; as on WeChat, the tokens issued before it stay usable for
   * five more minutes at most (so servers that each fetch their own knock each other's out).
   */
  issueAccessToken(): string {
    const token = randomBytes(48).toString('base64url');
    const graceEnd = this.now() + ACCESS_TOKEN_GRACE_MS;
    for (const [held, expiresAt] of this.accessTokens) {
      if (held !== this.stableToken?.token) this.replace(held, expiresAt, graceEnd);
    }
    this.accessTokens.set(token, this.now() + WECHAT_ACCESS_TOKEN_TTL_SECONDS * 1000);
    return token;
  }

  /**
   * `cgi-bin/stable_token`: the same token for every caller while it is valid (expires_in counts
   * down), a new one once it expired; `forceRefresh` issues a new one and leaves the old one five
   * minutes. Independent of `cgi-bin/token`'s tokens, as on WeChat.
   */
  stableAccessToken(forceRefresh: boolean): { token: string; expiresInSeconds: number } {
    const now = this.now();
    const current = this.stableToken;
    if (current && !forceRefresh && now < current.expiresAt && this.accessTokens.has(current.token)) {
      return { token: current.token, expiresInSeconds: Math.ceil((current.expiresAt - now) / 1000) };
    }
    if (current && this.accessTokens.has(current.token)) {
      this.replace(current.token, current.expiresAt, now + ACCESS_TOKEN_GRACE_MS);
    }
    const token = randomBytes(48).toString('base64url');
    const expiresAt = now + WECHAT_ACCESS_TOKEN_TTL_SECONDS * 1000;
    this.accessTokens.set(token, expiresAt);
    this.stableToken = { token, expiresAt };
    return { token, expiresInSeconds: WECHAT_ACCESS_TOKEN_TTL_SECONDS };
  }

  accessTokenStatus(token: string | undefined): 'valid' | 'expired' | 'unknown' {
    const expiresAt = token ? this.accessTokens.get(token) : undefined;
    if (expiresAt === undefined) return 'unknown';
    if (this.now() < expiresAt) return 'valid';
    // A token a newer one replaced is "not latest" (40001) once its grace is over, not expired (42001).
    return this.replacedTokens.has(token!) ? 'unknown' : 'expired';
  }

  private replace(token: string, expiresAt: number, graceEnd: number): void {
    if (graceEnd < expiresAt) {
      this.accessTokens.set(token, graceEnd);
      this.replacedTokens.add(token);
    }
  }

  /** Forgets every issued token, as when another server fetched a new one: the next call gets 40001. */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
    this.stableToken = null;
    this.replacedTokens.clear();
  }

  isPublished(page: string): boolean {
    return this.pages.has(page);
  }

  publishedPages(): string[] {
    return [...this.pages];
  }

  setPublishedPages(pages: readonly string[]): void {
    this.pages = new Set(pages);
  }

  setDailyCodeQuota(platform: CodePlatform, quota: number): void {
    this.codeQuota.set(platform, quota);
  }

  /** Counts one mini-program code against today's quota; false once the quota is spent. */
  takeCodeQuota(platform: CodePlatform): boolean {
    const key = `${platform}:${chinaDay(this.now())}`;
    const made = (this.codesMade.get(key) ?? 0) + 1;
    this.codesMade.set(key, made);
    return made <= (this.codeQuota.get(platform) ?? DEFAULT_DAILY_CODE_QUOTA);
  }

  storeCodeImage(png: Buffer): string {
    const id = randomBytes(12).toString('hex');
    this.codeImages.set(id, png);
    return id;
  }

  codeImage(id: string): Buffer | null {
    return this.codeImages.get(id) ?? null;
  }

  countCall(call: PlatformCall): void {
    this.calls.set(call, (this.calls.get(call) ?? 0) + 1);
  }

  callCounts(): Partial<Record<PlatformCall, number>> {
    return Object.fromEntries(this.calls);
  }

  reset(): void {
    this.codes.clear();
    this.exchanges.clear();
    this.outbox.length = 0;
    this.accessTokens.clear();
    this.stableToken = null;
    this.replacedTokens.clear();
    this.codeImages.clear();
    this.calls.clear();
    this.codeQuota.clear();
    this.codesMade.clear();
    this.pages = new Set(DEFAULT_PUBLISHED_PAGES);
    this.clockOffsetMs = 0;
    this.subscribeMessages.reset();
  }
}
