import type { Page } from 'playwright-core';
import type { RunningSandbox } from '@family/sandbox';
import { visible } from './stack.js';

/** Steps the H5 journeys share: reading a texted code, typing into a Taro input, waiting for a page. */

/** The last SMS code the sandbox's SMS gateway delivered to `phone`. */
export async function smsCode(sandbox: RunningSandbox, phone: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${sandbox.url}/__platform/sms/outbox?phone=${phone}`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    const code = /\d{6}/.exec(messages.at(-1)?.text ?? '')?.[0];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no SMS reached ${phone}`);
}

/** Types into the <input> inside the Taro Input with this test id (the visible one). */
export async function fill(page: Page, testId: string, value: string): Promise<void> {
  await visible(page, `[data-testid="${testId}"] input`).fill(value);
}

/**
 * Waits until the page at `path` is on screen, alone: Taro's H5 router keeps a page it leaves in the
 * DOM while it slides out, so right after opening a page again there are two of them.
 */
export async function waitForPage(page: Page, path: string, selector: string): Promise<void> {
  await page.waitForFunction(
    ({ path, selector }) => {
      const pages = [...document.querySelectorAll('.taro_page')].filter((el) => el.id.startsWith(path));
      return pages.length === 1 && (pages[0].querySelector(selector) as HTMLElement | null)?.offsetParent != null;
    },
    { path, selector },
    { timeout: 20_000 },
  );
}

/** Signs in on a page showing the phone form (我家 or 我的), agreeing to the privacy policy. */
export async function signInByPhone(page: Page, sandbox: RunningSandbox, phone: string): Promise<void> {
  await fill(page, 'phone-input', phone);
  await visible(page, '[data-testid="send-code"]').click();
  await visible(page, '[data-testid="privacy-sheet"] #privacy-agree').click();
  await visible(page, '.phone-form__hint').waitFor();
  await fill(page, 'code-input', await smsCode(sandbox, phone));
  await visible(page, '[data-testid="phone-submit"]').click();
}
