import { createHash, randomBytes } from 'node:crypto';
import { LOGIN_CODE_TTL_MS } from './credentials.js';

export type LoginOutcome = 'ok' | 'risky';

export interface IssuedCode {
  readonly platform: 'wechat' | 'alipay';
  /** The fictional person behind the code; the same user always gets the same ids. */
  readonly user: string;
  readonly outcome: LoginOutcome;
  readonly issuedAt: number;
}

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
 * exchanges for frequency limits, and the SMS outbox. A test can move the sandbox clock forward.
 */
export class PlatformState {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly exchanges = new Map<string, number[]>();
  private readonly outbox: SmsMessage[] = [];
  private clockOffsetMs = 0;

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  issueCode(platform: IssuedCode['platform'], user: string, outcome: LoginOutcome): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(`${platform}:${code}`, { platform, user, outcome, issuedAt: this.now() });
    return code;
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

  reset(): void {
    this.codes.clear();
    this.exchanges.clear();
    this.outbox.length = 0;
    this.clockOffsetMs = 0;
  }
}
