import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The request signature of the signed-json upstreams. The caller sends
 *   X-App-Id     the app id the insurer issued
 *   X-Timestamp  milliseconds since the epoch
 *   X-Nonce      8–64 characters of [A-Za-z0-9-], never reused
 *   X-Signature  lowercase hex HMAC-SHA256, keyed with the insurer's secret, over
 *                `${METHOD}\n${PATH_WITH_QUERY}\n${TIMESTAMP}\n${NONCE}`
 * A request older (or newer) than five minutes, or reusing a nonce seen in that window, is refused.
 */
export const SIGNATURE_MAX_AGE_MS = 5 * 60 * 1000;

export interface SignatureInput {
  readonly method: string;
  /** Path and query exactly as sent, e.g. `/insurers/yunfan/open/v2/catalogue`. */
  readonly pathWithQuery: string;
  readonly timestamp: string;
  readonly nonce: string;
}

export function stringToSign(input: SignatureInput): string {
  return `${input.method.toUpperCase()}\n${input.pathWithQuery}\n${input.timestamp}\n${input.nonce}`;
}

export function signRequest(input: SignatureInput, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign(input), 'utf8').digest('hex');
}

export type SignatureRejection =
  'MISSING_SIGNATURE' | 'UNKNOWN_APP' | 'TIMESTAMP_EXPIRED' | 'INVALID_SIGNATURE' | 'NONCE_REUSED';

/** Chinese messages of the 401 bodies, as the upstream writes them. */
export const REJECTION_MESSAGES: Readonly<Record<SignatureRejection, string>> = {
  MISSING_SIGNATURE: '缺少签名参数',
  UNKNOWN_APP: '应用未授权',
  TIMESTAMP_EXPIRED: '请求时间戳已过期',
  INVALID_SIGNATURE: '签名校验失败',
  NONCE_REUSED: '请求随机数已被使用',
};

export interface SignedHeaders {
  readonly appId: string | undefined;
  readonly timestamp: string | undefined;
  readonly nonce: string | undefined;
  readonly signature: string | undefined;
}

const NONCE = /^[A-Za-z0-9-]{8,64}$/;
const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

/** Checks signatures and remembers nonces for one insurer; `now` is injectable for tests. */
export class SignatureVerifier {
  private readonly seenNonces = new Map<string, number>();

  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** null when the request may pass; the reason otherwise. */
  verify(method: string, pathWithQuery: string, headers: SignedHeaders): SignatureRejection | null {
    const { appId, timestamp, nonce, signature } = headers;
    if (!appId || !timestamp || !nonce || !signature) return 'MISSING_SIGNATURE';
    if (appId !== this.appId) return 'UNKNOWN_APP';
    const now = this.now();
    const sentAt = Number(timestamp);
    if (!/^\d{13}$/.test(timestamp) || Math.abs(now - sentAt) > SIGNATURE_MAX_AGE_MS) return 'TIMESTAMP_EXPIRED';
    if (!NONCE.test(nonce) || !HEX_SIGNATURE.test(signature)) return 'INVALID_SIGNATURE';
    const expected = signRequest({ method, pathWithQuery, timestamp, nonce }, this.secret);
    if (!timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(signature, 'hex'))) return 'INVALID_SIGNATURE';
    // Only a correctly signed request may use up a nonce, so nobody can burn ours with forged calls.
    this.forgetOldNonces(now);
    if (this.seenNonces.has(nonce)) return 'NONCE_REUSED';
    this.seenNonces.set(nonce, sentAt);
    return null;
  }

  private forgetOldNonces(now: number): void {
    for (const [nonce, sentAt] of this.seenNonces) {
      if (now - sentAt > SIGNATURE_MAX_AGE_MS) this.seenNonces.delete(nonce);
    }
  }
}
