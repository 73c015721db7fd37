import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { InvalidInputError } from '../common/app-error.js';
import { CACHE_STORE, type CacheStore } from '../common/cache/cache.store.js';
import { logger } from '../common/logger.js';
import { SingleFlight } from '../common/resilience/single-flight.js';
import { AlipayClient, InvalidSceneError, WechatClient } from '../identity/index.js';

export type CodePlatform = 'WECHAT' | 'ALIPAY' | 'H5';

/** WeChat's `scene` rules, kept on every platform so one invite code works everywhere. */
export const SCENE_MAX_LENGTH = 32;
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]+$/;
/** A mini-program page path as app.json lists it: no leading slash, no query. */
const PAGE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;
const MAX_H5_URL_LENGTH = 1024;

/** A code image never changes for the same platform, page and scene; a week bounds a stale page path. */
export const CODE_IMAGE_TTL_MS = 7 * 86_400_000;
/** Bump when what is cached changes shape, so entries written by older code (in Redis) are not read. */
const CACHE_VERSION = 'v1';
/** Pixels: WeChat's default width, and the H5 code drawn to match it. */
const CODE_WIDTH = 430;
/** What Alipay lists the codes as in its console. */
const ALIPAY_DESCRIBE = '邀请好友';

export function isValidScene(scene: string): boolean {
  return scene.length > 0 && scene.length <= SCENE_MAX_LENGTH && SCENE_CHARACTERS.test(scene);
}

/**
 * The image of the mini-program code (小程序码) on a share poster: it carries only a short invite code
 * (`scene`) and opens `page`. WeChat's comes from getwxacodeunlimit (the page reads `options.scene`),
 * Alipay's from alipay.open.app.qrcode.create with launch query `code=<scene>`, and H5's is a plain QR
 * code of the given absolute URL, drawn here.
 *
 * PNG bytes are cached (base64, the store keeps JSON) per platform, page and scene for a week, and
 * concurrent misses for one key make one upstream call. A failing cache store counts as a miss;
 * failures are not cached.
 */
@Injectable()
export class MiniProgramCodeService {
  private readonly flights = new SingleFlight<Buffer>();

  constructor(
    private readonly wechat: WechatClient,
    private readonly alipay: AlipayClient,
    @Inject(CACHE_STORE) private readonly cache: CacheStore,
  ) {}

  /**
   * PNG bytes of the code. Throws InvalidSceneError or InvalidInputError (`page`, `h5Url`) before any
   * call out, and the clients' MiniProgramCodeError subclasses when a platform refuses or fails.
   */
  async image(platform: CodePlatform, scene: string, page: string, h5Url?: string): Promise<Buffer> {
    if (!isValidScene(scene)) throw new InvalidSceneError(platform);
    if (!PAGE_PATH.test(page) || page.length > 128) throw new InvalidInputError('page', '分享页面路径不正确');
    if (platform === 'H5' && !isAbsoluteWebUrl(h5Url)) throw new InvalidInputError('h5Url', '分享链接不正确');
    const key = cacheKey(platform, page, scene, h5Url);
    const cached = await this.readCache(key);
    if (cached) return cached;
    return this.flights.run(key, async () => {
      const png = await this.make(platform, scene, page, h5Url ?? '');
      await this.writeCache(key, png);
      return png;
    });
  }

  private make(platform: CodePlatform, scene: string, page: string, h5Url: string): Promise<Buffer> {
    switch (platform) {
      case 'WECHAT':
        return this.wechat.unlimitedCode({ scene, page, width: CODE_WIDTH });
      case 'ALIPAY':
        return this.alipay.qrCode({ page, query: `code=${scene}`, describe: ALIPAY_DESCRIBE });
      case 'H5':
        return QRCode.toBuffer(h5Url, { type: 'png', width: CODE_WIDTH, margin: 2, errorCorrectionLevel: 'M' });
    }
  }

  private async readCache(key: string): Promise<Buffer | null> {
    try {
      const base64 = await this.cache.get<string>(key);
      return typeof base64 === 'string' ? Buffer.from(base64, 'base64') : null;
    } catch (error) {
      // The key holds the invite code: not logged.
      logger.warn({ detail: (error as Error).message }, 'code image cache read failed; making the code again');
      return null;
    }
  }

  private async writeCache(key: string, png: Buffer): Promise<void> {
    try {
      await this.cache.set(key, png.toString('base64'), CODE_IMAGE_TTL_MS);
    } catch (error) {
      logger.warn({ detail: (error as Error).message }, 'code image cache write failed');
    }
  }
}

function isAbsoluteWebUrl(url: string | undefined): url is string {
  if (url === undefined || url.length > MAX_H5_URL_LENGTH) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The H5 code's key also names its URL, hashed to keep keys short. */
function cacheKey(platform: CodePlatform, page: string, scene: string, h5Url: string | undefined): string {
  const base = `mpcode:${CACHE_VERSION}:${platform}:${page}:${scene}`;
  if (platform !== 'H5') return base;
  return `${base}:${createHash('sha256')
    .update(h5Url ?? '')
    .digest('base64url')
    .slice(0, 22)}`;
}
