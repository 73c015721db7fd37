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

/**
 * Subscription message templates the sandbox's apps "added" in their consoles: id → the keywords
 * their `data` must fill. WeChat keywords carry their type in the name (`thing` ≤ 20 characters,
 * `amount`, `date`, `phrase` ≤ 5); Alipay's are `keyword1`…, each ≤ 20 characters. The BFF's
 * defaults (apps/bff/src/reminders) name the same ids.
 */
export const SANDBOX_WECHAT_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  // 续费/交费提醒: 保单, 应交金额, 交费日期, 温馨提示
  'sbxPayDue0Tmpl-Aq4Nw2Lk7Rz1Xc9Vb3Mn5Hs8Jd6Fg0': ['thing1', 'amount2', 'date3', 'thing4'],
  // 保单到期提醒: 保单, 到期日期, 温馨提示
  'sbxExpiry0Tmpl-Bw5Pe3Ml8Sa2Yd0Wc4No6It9Ke7Gh1': ['thing1', 'date2', 'thing3'],
  // 犹豫期结束提醒: 保单, 结束日期, 温馨提示
  'sbxCoolOff0Tmpl-Cx6Qf4Nm9Tb3Ze1Xd5Op7Ju0Lf8Hi': ['thing1', 'date2', 'thing3'],
  // 等待期结束提醒: 保单, 结束日期, 温馨提示
  'sbxWaiting0Tmpl-Dy7Rg5Oa0Uc4Af2Ye6Pq8Kv1Mg9Ij': ['thing1', 'date2', 'thing3'],
};
export const SANDBOX_ALIPAY_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  a1f0c3e2b4d5469788a9b0c1d2e3f401: ['keyword1', 'keyword2', 'keyword3', 'keyword4'],
  a1f0c3e2b4d5469788a9b0c1d2e3f402: ['keyword1', 'keyword2', 'keyword3'],
  a1f0c3e2b4d5469788a9b0c1d2e3f403: ['keyword1', 'keyword2', 'keyword3'],
  a1f0c3e2b4d5469788a9b0c1d2e3f404: ['keyword1', 'keyword2', 'keyword3'],
};
