import type { Platform } from '../identity.errors.js';
import { PlatformUnavailableError } from '../identity.errors.js';
import { logger } from '../../common/logger.js';

const PLATFORM_TIMEOUT_MS = 5000;
/** Mini-program code images are tens of kilobytes; anything far bigger is not one. */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What to throw when the platform cannot be reached; sign-in's error unless the caller says otherwise. */
type Unavailable = (platform: Platform) => Error;
const signInUnavailable: Unavailable = (platform) => new PlatformUnavailableError(platform);

function failed(platform: Platform, url: string, error: unknown, unavailable: Unavailable): Error {
  // The URL may carry credentials (WeChat's secret and access_token are query parameters): log the host only.
  logger.warn({ platform, host: new URL(url).host, detail: (error as Error).message }, 'platform call failed');
  return unavailable(platform);
}

/** One HTTP call to a platform's server API; any transport failure becomes PlatformUnavailableError. */
export async function callPlatform(
  platform: Platform,
  url: string,
  init: RequestInit = {},
  unavailable: Unavailable = signInUnavailable,
): Promise<unknown> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as unknown;
  } catch (error) {
    throw failed(platform, url, error, unavailable);
  }
}

/** A platform's answer that is either an image or (for errors) JSON. */
export type PlatformImageAnswer =
  { readonly kind: 'png'; readonly bytes: Buffer } | { readonly kind: 'json'; readonly body: unknown };

/**
 * One HTTP call to an API that answers a PNG (`Content-Type: image/png`) or, on failure, JSON, as
 * WeChat's getwxacodeunlimit does and as an image download does. A PNG is checked for its signature
 * and a size bound; any transport failure or other answer becomes `unavailable(platform)`.
 */
export async function callPlatformForImage(
  platform: Platform,
  url: string,
  init: RequestInit = {},
  unavailable: Unavailable = signInUnavailable,
  timeoutMs = PLATFORM_TIMEOUT_MS,
): Promise<PlatformImageAnswer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const contentType = response.headers.get('content-type') ?? '';
    if (/^image\/png\b/i.test(contentType)) {
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > MAX_IMAGE_BYTES) throw new Error(`image of ${declared} bytes`);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > MAX_IMAGE_BYTES) throw new Error(`image of ${bytes.length} bytes`);
      if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('image/png that is not a PNG');
      return { kind: 'png', bytes };
    }
    if (/^(application|text)\/(json|plain)\b/i.test(contentType)) {
      return { kind: 'json', body: (await response.json()) as unknown };
    }
    throw new Error(`unexpected content type ${contentType || '(none)'}`);
  } catch (error) {
    throw failed(platform, url, error, unavailable);
  }
}
