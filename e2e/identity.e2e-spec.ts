import type { Browser, Page } from 'playwright-core';
import { type RunningSandbox } from '@family/sandbox';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { type H5Stack, startH5Stack, trustedRequest, visible } from './stack.js';
const PHONE = '13800138000';
const MASKED_PHONE = '138****8000';
/** Short-lived access tokens, so that the journey crosses one expiry and the client refreshes. */
const ACCESS_TOKEN_TTL_SECONDS = 5;

/** The last SMS code the sandbox's SMS gateway delivered to `phone`. */
async function smsCode(sandbox: RunningSandbox, phone: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${sandbox.url}/__platform/sms/outbox?phone=${phone}`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    const code = /\d{6}/.exec(messages.at(-1)?.text ?? '')?.[0];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no SMS reached ${phone}`);
}

/** The refresh token the page keeps in localStorage (Taro wraps stored values), or null. */
async function storedRefreshToken(page: Page): Promise<string | null> {
  const raw = await page.evaluate(() => localStorage.getItem('family:session'));
  return raw ? (/refreshToken\\?"\s*:\s*\\?"([^"\\]+)/.exec(raw)?.[1] ?? null) : null;
}

describe('H5 identity journey: phone sign-in on 我的, session across reloads, sign-out', () => {
  let stack: H5Stack;
  let sandbox: RunningSandbox;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startH5Stack({ ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) });
    ({ sandbox, bff, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('signs in with a phone number, stays signed in across reloads, and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(`${bff.url}/`);
    await visible(page, '.product-card').first().waitFor({ timeout: 20_000 });

    // The tab bar leads to 我的, signed out, with the phone form.
    await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
    await visible(page, '[data-testid="signed-out"]').waitFor();

    // A wrong number is refused before anything is sent.
    await visible(page, '[data-testid="phone-input"] input').fill('1380013');
    await visible(page, '[data-testid="send-code"]').click();
    await visible(page, '.phone-form__error').filter({ hasText: '请输入正确的 11 位手机号' }).waitFor();

    // The number is only sent after agreeing to the privacy policy.
    await visible(page, '[data-testid="phone-input"] input').fill(PHONE);
    await visible(page, '[data-testid="send-code"]').click();
    await visible(page, '[data-testid="privacy-sheet"]').waitFor();
    await visible(page, '[data-testid="privacy-sheet"] #privacy-agree').click();
    await visible(page, '.phone-form__hint').filter({ hasText: MASKED_PHONE }).waitFor();
    // The countdown runs until another code may be asked for.
    await expect(visible(page, '[data-testid="send-code"]').innerText()).resolves.toMatch(/\d+ 秒后重新获取/);

    await visible(page, '[data-testid="code-input"] input').fill(await smsCode(sandbox, PHONE));
    await visible(page, '[data-testid="phone-submit"]').click();

    // Signed in: the masked number, and the consent given before signing in is recorded.
    await visible(page, '[data-testid="signed-in"]').waitFor({ timeout: 20_000 });
    await expect(visible(page, '[data-testid="identity"]').innerText()).resolves.toContain(MASKED_PHONE);
    expect(await page.locator('body').innerText()).not.toContain(PHONE);
    await visible(page, '[data-testid="privacy-consent"]').filter({ hasText: '已同意' }).waitFor();
    const firstRefreshToken = await storedRefreshToken(page);
    expect(firstRefreshToken).not.toBeNull();

    // After the access token has expired, a reload is still signed in: the client refreshed once.
    await page.waitForTimeout((ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);
    await page.reload();
    await visible(page, '[data-testid="signed-in"]').waitFor({ timeout: 20_000 });
    await expect(visible(page, '[data-testid="identity-subject"]').innerText()).resolves.toBe(MASKED_PHONE);
    const rotated = await storedRefreshToken(page);
    expect(rotated).not.toBeNull();
    expect(rotated).not.toBe(firstRefreshToken);

    // Sign out: the signed-out state, and nothing left in storage.
    await visible(page, '[data-testid="sign-out"]').click();
    await visible(page, '[data-testid="signed-out"]').waitFor();
    await visible(page, '[data-testid="phone-form"]').waitFor();
    expect(await storedRefreshToken(page)).toBeNull();

    // Still signed out after another reload.
    await page.reload();
    await visible(page, '[data-testid="signed-out"]').waitFor({ timeout: 20_000 });
    expect(await visible(page, '[data-testid="signed-in"]').count()).toBe(0);

    // The old session is over on the server too: its refresh token no longer works.
    const refused = await fetch(`${bff.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: trustedRequest('RefreshSession', { refreshToken: rotated }),
    });
    const answer = (await refused.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.close();
  });
});
