import { randomBytes } from 'node:crypto';

export type MessagePlatform = 'wechat' | 'alipay';
/** Platforms whose sends a test can make fail (`POST /__platform/messages/fail`). */
export type FailingPlatform = MessagePlatform | 'sms';

export interface SentMessage {
  /** The sandbox user (the name given to the login control). */
  readonly user: string;
  readonly templateId: string;
  readonly page: string | null;
  readonly data: Readonly<Record<string, string>>;
  readonly msgid: string;
  readonly sentAt: number;
}

/**
 * What the platforms keep for subscription messages: who is a known user of each app (by openid or
 * Alipay user id), how many one-time subscriptions each user granted per template (each one allows
 * one message; they add up, as on WeChat), the messages delivered per user, and forced failures.
 */
export class SubscribeMessages {
  private readonly users = new Map<string, string>();
  private readonly granted = new Map<string, number>();
  private readonly sent: { readonly platform: MessagePlatform; readonly message: SentMessage }[] = [];
  private readonly failures = new Map<FailingPlatform, number>();

  /** Remembers the user behind a platform id (done at login and when a subscription is granted). */
  know(platform: MessagePlatform, platformUserId: string, user: string): void {
    this.users.set(`${platform}:${platformUserId}`, user);
  }

  userOf(platform: MessagePlatform, platformUserId: string): string | null {
    return this.users.get(`${platform}:${platformUserId}`) ?? null;
  }

  grant(platform: MessagePlatform, user: string, templateId: string, count: number): number {
    const key = `${platform}:${user}:${templateId}`;
    const total = (this.granted.get(key) ?? 0) + count;
    this.granted.set(key, total);
    return total;
  }

  remaining(platform: MessagePlatform, user: string, templateId: string): number {
    return this.granted.get(`${platform}:${user}:${templateId}`) ?? 0;
  }

  /** Takes one subscription and records the message; false (nothing sent) when none is left. */
  deliver(platform: MessagePlatform, message: Omit<SentMessage, 'msgid'>): SentMessage | null {
    const key = `${platform}:${message.user}:${message.templateId}`;
    const left = this.granted.get(key) ?? 0;
    if (left <= 0) return null;
    this.granted.set(key, left - 1);
    const sent: SentMessage = { ...message, msgid: BigInt(`0x${randomBytes(7).toString('hex')}`).toString() };
    this.sent.push({ platform, message: sent });
    return sent;
  }

  messagesTo(platform: MessagePlatform, user: string): SentMessage[] {
    return this.sent
      .filter((entry) => entry.platform === platform && entry.message.user === user)
      .map((entry) => entry.message);
  }

  /** The next `times` sends on the platform fail with a system error. */
  failNext(platform: FailingPlatform, times: number): void {
    this.failures.set(platform, times);
  }

  /** Consumes one forced failure: true when this send must fail. */
  takeFailure(platform: FailingPlatform): boolean {
    const left = this.failures.get(platform) ?? 0;
    if (left <= 0) return false;
    this.failures.set(platform, left - 1);
    return true;
  }

  reset(): void {
    this.users.clear();
    this.granted.clear();
    this.sent.length = 0;
    this.failures.clear();
  }
}

/** The values of `{keyword: {value}}` data, or null when it is not that shape. */
export function dataValues(data: unknown): Record<string, string> | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const values: Record<string, string> = {};
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string') return null;
    values[key] = value;
  }
  return values;
}

const WECHAT_VALUE_RULES: ReadonlyArray<[prefix: string, valid: (value: string) => boolean]> = [
  ['thing', (value) => value.length >= 1 && value.length <= 20],
  ['amount', (value) => /^¥?\d{1,12}(\.\d{1,2})?元?$/.test(value)],
  ['date', (value) => /^\d{4}-\d{2}-\d{2}$|^\d{4}年\d{1,2}月\d{1,2}日$/.test(value)],
  ['phrase', (value) => value.length >= 1 && value.length <= 5],
  ['character_string', (value) => /^[\x21-\x7e]{1,32}$/.test(value)],
];

/** The first keyword of a WeChat template that `values` leaves out or fills against its type's rule. */
export function invalidWechatKeyword(keywords: readonly string[], values: Readonly<Record<string, string>>) {
  for (const keyword of keywords) {
    const value = values[keyword];
    if (value === undefined || value === '') return { keyword, problem: 'is emtpy' };
    const rule = WECHAT_VALUE_RULES.find(([prefix]) => keyword.startsWith(prefix));
    if (rule && !rule[1](value)) return { keyword, problem: 'invalid' };
  }
  return null;
}
