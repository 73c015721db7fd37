import { addDays, addMonths, chinaToday } from '@family/domain';
import type { Browser, Page } from 'playwright-core';
import type { RunningSandbox } from '@family/sandbox';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { fill, signInByPhone, waitForPage } from './h5-journey.js';
import { type H5Stack, startH5Stack, visible } from './stack.js';

const PHONE = '13900139300';
const OPS_SECRET = 'ops-secret-for-the-reminders-journey';
const PRODUCT = '安心保一年期意外险';

const MINE = '/pages/mine/index';
const FAMILY = '/pages/family/index';
const MEMBER = '/features/family/pages/member/index';
const POLICY = '/features/family/pages/policy/index';
const POLICY_EDIT = '/features/family/pages/policy-edit/index';
const OVERVIEW = '/features/family/pages/overview/index';

/** The 我的 reminders switch, once its state is `on`. */
async function switchIs(page: Page, on: boolean): Promise<void> {
  await visible(page, `[data-testid="reminders-switch"][data-checked="${on}"]`).waitFor({ timeout: 20_000 });
}

describe('H5 reminders journey: a policy expiring soon, reminders agreed, the job run, the SMS and 已提醒', () => {
  let stack: H5Stack;
  let sandbox: RunningSandbox;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    // The operators' route runs the job now (what `pnpm job reminders` asks the running BFF).
    stack = await startH5Stack({ OPS_SECRET });
    ({ sandbox, bff, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('adds a policy expiring in 5 days, agrees to SMS reminders, runs the job, and sees the text and 已提醒', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const today = chinaToday(Date.now());
    // A one-year accident policy whose last day of cover is 5 days away: its 7-day expiry reminder is due.
    const expiry = addDays(today, 5);
    const effective = addMonths(addDays(expiry, 1), -12);

    // 我的: signed in by phone, reminders come by SMS (no subscription on H5) and are on; turned off here.
    await page.goto(`${bff.url}/#${MINE}`);
    await visible(page, '[data-testid="signed-out"]').waitFor({ timeout: 20_000 });
    await signInByPhone(page, sandbox, PHONE);
    await visible(page, '[data-testid="signed-in"]').waitFor({ timeout: 20_000 });
    await visible(page, '[data-testid="reminders-sms"]').filter({ hasText: '短信发送到你绑定的手机号' }).waitFor();
    expect(await visible(page, '[data-testid="reminders-subscribe"]').count()).toBe(0);
    await switchIs(page, true);
    await visible(page, '[data-testid="reminders-switch"]').click();
    await switchIs(page, false);

    // 我家: 本人, then the policy from his page.
    await page.goto(`${bff.url}/#${FAMILY}`);
    await visible(page, '[data-testid="household"]').waitFor({ timeout: 20_000 });
    await visible(page, '[data-testid="add-member"]').click();
    await waitForPage(page, '/features/family/pages/member-edit/index', '[data-testid="member-save"]');
    await visible(page, '[data-testid="relationship-SELF"]').click();
    await fill(page, 'name-input', '王五');
    await visible(page, '[data-testid="gender-MALE"]').click();
    await fill(page, 'birth-date-input', '1988-06-01');
    await visible(page, '[data-testid="member-save"]').click();
    await visible(page, '[data-testid="member-card"]').filter({ hasText: '王五' }).click();
    await waitForPage(page, MEMBER, '[data-testid="member-add-policy"]');
    await visible(page, '[data-testid="member-add-policy"]').click();
    await waitForPage(page, POLICY_EDIT, '[data-testid="policy-save"]');
    await fill(page, 'insurer-input', '安心保险');
    await fill(page, 'product-input', PRODUCT);
    await visible(page, '[data-testid="category-ACCIDENT"]').click();
    await fill(page, 'sum-insured-input', '500000');
    await fill(page, 'premium-input', '199');
    await visible(page, '[data-testid="term-whole"]').click();
    await fill(page, 'effective-date-input', effective);
    await fill(page, 'expiry-date-input', expiry);
    await visible(page, '[data-testid="policy-save"]').click();

    // Added while reminders are off: the prompt asks, on a tap, to turn the SMS reminders on.
    await visible(page, '[data-testid="reminder-prompt"]').filter({ hasText: '保单已添加' }).waitFor();
    await visible(page, '[data-testid="reminder-prompt-enable"]').filter({ hasText: '开启短信提醒' }).click();
    await waitForPage(page, MEMBER, '[data-testid="policy-card"]');

    // Its page: this policy's own switch, on.
    await visible(page, '[data-testid="policy-card"]').click();
    await waitForPage(page, POLICY, '[data-testid="policy-reminders"]');
    await visible(page, '[data-testid="policy-reminders-switch"][data-checked="true"]').waitFor();

    // 我的 says so too.
    await page.goto(`${bff.url}/#${MINE}`);
    await switchIs(page, true);

    // The overview: the 7-day expiry reminder, due today, not sent yet.
    await page.goto(`${bff.url}/#${FAMILY}`);
    await visible(page, '[data-testid="open-overview"]').click();
    await waitForPage(page, OVERVIEW, '[data-testid="upcoming-reminders"]');
    const reminder = visible(page, '[data-testid="upcoming-reminder"][data-kind="EXPIRY_7D"]');
    expect(await reminder.locator('[data-testid="upcoming-reminder-status"]').innerText()).toBe('今天提醒');
    expect(await reminder.innerText()).toContain(PRODUCT);
    expect(await reminder.innerText()).toContain(`${expiry}（5 天后）`);

    // The daily job, run now through the operators' route: one text sent.
    const run = await fetch(`${bff.url}/ops/jobs/reminders`, {
      method: 'POST',
      headers: { 'x-ops-secret': OPS_SECRET },
    });
    expect(run.status).toBe(200);
    const outcome = (await run.json()) as { state: string; result: Record<string, number> };
    expect(outcome.state).toBe('completed');
    expect(outcome.result.sent).toBe(1);

    // In the sandbox's SMS outbox: the reminder, with the product and the date, nobody's name.
    const outbox = (await (await fetch(`${sandbox.url}/__platform/sms/outbox?phone=${PHONE}`)).json()) as {
      messages: { text: string }[];
    };
    const texts = outbox.messages.map((message) => message.text).filter((text) => text.includes(PRODUCT));
    expect(texts).toEqual([
      `【家庭保险】您家的「${PRODUCT}」将于${expiry}到期，不保证续保，请提前安排续保或替代保障。`,
    ]);
    expect(texts[0]).not.toContain('王五');

    // And in the app: 已提醒.
    await page.reload();
    await waitForPage(page, OVERVIEW, '[data-testid="upcoming-reminders"]');
    await visible(
      page,
      '[data-testid="upcoming-reminder"][data-kind="EXPIRY_7D"] [data-testid="upcoming-reminder-status"]',
    )
      .filter({ hasText: '已提醒' })
      .waitFor({ timeout: 20_000 });

    // A second run sends nothing more.
    const again = await fetch(`${bff.url}/ops/jobs/reminders`, {
      method: 'POST',
      headers: { 'x-ops-secret': OPS_SECRET },
    });
    expect(((await again.json()) as { result: Record<string, number> }).result).toMatchObject({
      sent: 0,
      alreadySent: 1,
    });
  });
});
