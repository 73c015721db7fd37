import type { Platform } from '../../../graphql/generated/graphql';

/**
 * The invite's code image (WeChat 小程序码, Alipay QR code, H5 QR code): the BFF's
 * `GET /invites/<inviteId>/code.png?platform=…`, authorised by the sharer's access token. Its base
 * is the GraphQL endpoint's: relative on H5 (same origin), `TARO_APP_API_URL` without `/graphql` on
 * the mini-programs.
 */

/** The platform whose code to draw: the one the poster will be scanned into. */
export function codeImagePlatform(env: string | undefined = process.env.TARO_ENV): Platform {
  if (env === 'weapp') return 'WECHAT';
  if (env === 'alipay') return 'ALIPAY';
  return 'H5';
}

/** The BFF's base URL from its GraphQL endpoint: `https://api.example.com/graphql` → `https://api.example.com`. */
export function apiBaseOf(endpoint: string): string {
  return endpoint.replace(/\/+$/, '').replace(/\/graphql$/, '');
}

export function codeImageUrl(endpoint: string, inviteId: string, platform: Platform): string {
  return `${apiBaseOf(endpoint)}/invites/${encodeURIComponent(inviteId)}/code.png?platform=${platform}`;
}
