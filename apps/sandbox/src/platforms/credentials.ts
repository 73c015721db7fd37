/**
 * The fictional mini-program credentials the sandbox's WeChat and Alipay play with. Not secrets: they
 * open nothing but this sandbox. `pnpm start` and the tests pass them to the BFF.
 */
export const SANDBOX_WECHAT_APP_ID = 'wx5a4d0000sandbox';
export const SANDBOX_WECHAT_APP_SECRET = 'sandbox-wechat-secret-0f3c9a';
export const SANDBOX_ALIPAY_APP_ID = '2021000000000001';
/** The key the sandbox's SMS gateway expects in `X-Sms-Key`. */
export const SANDBOX_SMS_KEY = 'sandbox-sms-key-7e21';

/** WeChat js_code and Alipay auth codes live this long and can be used once. */
export const LOGIN_CODE_TTL_MS = 5 * 60_000;
/** jscode2session answers 45011 after this many exchanges for one user within a minute. */
export const WECHAT_EXCHANGES_PER_MINUTE = 5;

/** `/cgi-bin/token` access tokens live this long (seconds), as WeChat's do. */
export const WECHAT_ACCESS_TOKEN_TTL_SECONDS = 7200;
/**
 * Pages the sandbox's mini-program has "published": the mini-program codes of any other page are
 * refused (WeChat 41030 when check_path is on, Alipay 40004). A test can change the list.
 */
export const DEFAULT_PUBLISHED_PAGES: readonly string[] = [
  'pages/index/index',
  'pages/family/index',
  'pages/mine/index',
  'pages/invite/index',
  'features/catalogue/pages/product/index',
];
/** Mini-program codes one app may make per (China) day before 45009 / call-limited; tests lower it. */
export const DEFAULT_DAILY_CODE_QUOTA = 100_000;
