import type { Platform } from '../identity.errors.js';
import { PlatformUnavailableError } from '../identity.errors.js';
import { logger } from '../../common/logger.js';

const PLATFORM_TIMEOUT_MS = 5000;

/** One HTTP call to a platform's server API; any transport failure becomes PlatformUnavailableError. */
export async function callPlatform(platform: Platform, url: string, init: RequestInit = {}): Promise<unknown> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as unknown;
  } catch (error) {
    // The URL may carry credentials (WeChat's secret is a query parameter): log the host only.
    logger.warn({ platform, host: new URL(url).host, detail: (error as Error).message }, 'platform call failed');
    throw new PlatformUnavailableError(platform);
  }
}
