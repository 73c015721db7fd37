import { residentIdCheckCharacter } from '@family/domain';
import type { Browser, Page } from 'playwright-core';
import { type RunningSandbox } from '@family/sandbox';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { fill, smsCode, waitForPage } from './h5-journey.js';
import { type H5Stack, startH5Stack, visible } from './stack.js';

const PHONE = '13900139000';

/** A valid resident ID number: region 110101, the birth date, a sequence whose last digit is odd for men. */
function residentId(birthDate: string, gender: 'MALE' | 'FEMALE'): string {
  const first17 = `110101${birthDate.replace(/-/g, '')}${gender === 'MALE' ? '015' : '026'}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** How the BFF shows a resident ID number: the first 4 and last 4 characters. */
function masked(idNumber: string): string {
  return `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(14)}`;
}

const SELF_ID = residentId('1990-03-07', 'MALE');
const SPOUSE_ID = residentId('1992-05-06', 'FEMALE');

/** The names on the member cards of the family screen, in order. */
async function memberNames(page: Page): Promise<string[]> {
  return (await visible(page, '[data-testid="member-card"] [data-testid="member-name"]').allInnerTexts()).map((name) =>
    name.trim(),
  );
}

/** Waits until the family screen lists exactly these members. */
async function waitForMembers(page: Page, names: string[]): Promise<void> {
  await page.waitForFunction((expected) => {
    const shown = [...document.querySelectorAll('[data-testid="member-card"] [data-testid="member-name"]')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => el.textContent?.trim());
    return JSON.stringify(shown) === JSON.stringify(expected);
  }, names);
}

/** Opens the add form from the family screen and waits for it. */
async function openAddForm(page: Page): Promise<void> {
  await visible(page, '[data-testid="add-member"]').click();
  await waitForPage(page, '/features/family/pages/member-edit/index', '[data-testid="member-save"]');
  expect(new URL(page.url()).hash).toMatch(/^#\/features\/family\/pages\/member-edit\/index\?householdId=/);
}

/** Opens a member's page from the family screen by the name on their card. */
async function openMember(page: Page, name: string): Promise<void> {
  await visible(page, '[data-testid="member-card"]').filter({ hasText: name }).click();
  await waitForPage(page, '/features/family/pages/member/index', '[data-testid="member-detail-name"]');
  expect(await visible(page, '[data-testid="member-detail-name"]').innerText()).toBe(name);
  expect(new URL(page.url()).hash).toMatch(/^#\/features\/family\/pages\/member\/index\?id=/);
}

describe('H5 family journey: 我家, add, check, edit, reveal and remove members', () => {
  let stack: H5Stack;
  let sandbox: RunningSandbox;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startH5Stack({});
    ({ sandbox, bff, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('signs in on 我家, adds 本人, a spouse and a child, edits, reveals and removes, and keeps them', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    // Fake timers that flow like real ones, so the journey can jump past the 30 seconds a revealed
    // ID number stays on screen.
    await page.clock.install();
    await page.goto(`${bff.url}/`);
    await visible(page, '.product-card').first().waitFor({ timeout: 20_000 });

    // 我家 sits between the two other tabs, each with an icon; signed out, it explains itself and
    // offers the same phone sign-in as 我的.
    const tabs = await page.locator('.taro-tabbar__tabbar .weui-tabbar__label').allInnerTexts();
    expect(tabs.map((tab) => tab.trim())).toEqual(['保险超市', '我家', '我的']);
    const icons = await page
      .locator('.taro-tabbar__tabbar .weui-tabbar__icon')
      .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
    expect(icons).toEqual([81, 81, 81]);
    await page.locator('.taro-tabbar__tabbar').getByText('我家', { exact: true }).click();
    await visible(page, '[data-testid="family-signed-out"]').waitFor();
    await fill(page, 'phone-input', PHONE);
    await visible(page, '[data-testid="send-code"]').click();
    await visible(page, '[data-testid="privacy-sheet"] #privacy-agree').click();
    await visible(page, '.phone-form__hint').waitFor();
    await fill(page, 'code-input', await smsCode(sandbox, PHONE));
    await visible(page, '[data-testid="phone-submit"]').click();

    // Signed in: the person's own, empty household.
    await visible(page, '[data-testid="household"]').waitFor({ timeout: 20_000 });
    expect(await visible(page, '[data-testid="household-name"]').innerText()).toBe('我的家庭');
    await visible(page, '[data-testid="state-empty"]').filter({ hasText: '还没有家庭成员，先添加本人吧' }).waitFor();

    // Add 本人 (chosen already in an empty household) with a resident ID for another birth date:
    // refused before sending, at the birth date.
    await openAddForm(page);
    await visible(page, '[data-testid="relationship-SELF"][aria-checked="true"]').waitFor();
    await fill(page, 'name-input', '张三');
    await visible(page, '[data-testid="gender-MALE"]').click();
    await fill(page, 'birth-date-input', '1990-03-07');
    const otherId = residentId('1991-04-08', 'MALE');
    await fill(page, 'id-number-input', otherId);
    await visible(page, '[data-testid="id-hint"]').filter({ hasText: '与上面填写的不一致' }).waitFor();
    await visible(page, '[data-testid="member-save"]').click();
    await visible(page, '[data-testid="member-error-birthDate"]')
      .filter({ hasText: '出生日期与身份证号码不符（证件上为 1991-04-08）' })
      .waitFor();
    expect(await visible(page, '[data-testid="member-error-gender"]').count()).toBe(0);

    // The right number agrees with the birth date and gender, and is saved.
    await fill(page, 'id-number-input', SELF_ID);
    await visible(page, '[data-testid="id-matches"]').waitFor();
    expect(await visible(page, '[data-testid="member-error-birthDate"]').count()).toBe(0);
    await visible(page, '[data-testid="social-yes"]').click();
    await visible(page, '[data-testid="member-save"]').click();

    // Back on 我家: 本人, marked as you, with the masked number only.
    await waitForMembers(page, ['张三']);
    const self = visible(page, '[data-testid="member-card"]').filter({ hasText: '张三' });
    expect(await self.locator('[data-testid="member-relationship"]').innerText()).toBe('本人');
    await self.locator('[data-testid="you-badge"]').waitFor();
    expect(await self.locator('[data-testid="member-summary"]').innerText()).toMatch(/^\d+岁 · 男 · 有社保$/);
    expect(await self.locator('[data-testid="member-id-number"]').innerText()).toBe(`居民身份证 ${masked(SELF_ID)}`);
    expect(await page.locator('body').innerText()).not.toContain(SELF_ID);

    // A spouse: 本人 is no longer offered. Typed first, the number fills in the birth date and
    // gender. The same number as 本人's is refused by the BFF, at the number.
    await openAddForm(page);
    expect(await visible(page, '[data-testid="relationship-SELF"]').count()).toBe(0);
    await visible(page, '[data-testid="relationship-SPOUSE"]').click();
    await fill(page, 'name-input', '李四');
    await fill(page, 'id-number-input', SELF_ID);
    await visible(page, '[data-testid="id-hint"]').filter({ hasText: '出生日期 1990-03-07，性别 男' }).waitFor();
    await visible(page, '[data-testid="fill-from-id"]').click();
    expect(await visible(page, '[data-testid="birth-date-input"] input').inputValue()).toBe('1990-03-07');
    await visible(page, '[data-testid="member-save"]').click();
    await visible(page, '[data-testid="member-error-idNumber"]').filter({ hasText: '证件号码相同' }).waitFor();

    // Her own number: it disagrees with what was filled in, and one tap corrects both.
    await fill(page, 'id-number-input', SPOUSE_ID);
    await visible(page, '[data-testid="id-hint"]').filter({ hasText: '与上面填写的不一致' }).waitFor();
    await visible(page, '[data-testid="fill-from-id"]').click();
    expect(await visible(page, '[data-testid="birth-date-input"] input').inputValue()).toBe('1992-05-06');
    await visible(page, '[data-testid="gender-FEMALE"][aria-checked="true"]').waitFor();
    await visible(page, '[data-testid="member-save"]').click();
    await waitForMembers(page, ['张三', '李四']);

    // A child without an ID number; the birth date typed the short way.
    await openAddForm(page);
    await visible(page, '[data-testid="relationship-CHILD"]').click();
    await fill(page, 'name-input', '张小宝');
    await visible(page, '[data-testid="gender-FEMALE"]').click();
    await fill(page, 'birth-date-input', '2018-5-1');
    await visible(page, '[data-testid="member-save"]').click();
    await waitForMembers(page, ['张三', '李四', '张小宝']);

    // Edit the child's name from her page: the form is prefilled, the page shows the new name.
    await openMember(page, '张小宝');
    await visible(page, '[data-testid="member-edit"]').click();
    await waitForPage(page, '/features/family/pages/member-edit/index', '[data-testid="member-save"]');
    expect(new URL(page.url()).hash).toMatch(/^#\/features\/family\/pages\/member-edit\/index\?id=/);
    expect(await visible(page, '[data-testid="name-input"] input').inputValue()).toBe('张小宝');
    expect(await visible(page, '[data-testid="birth-date-input"] input').inputValue()).toBe('2018-05-01');
    await fill(page, 'name-input', '张小贝');
    await visible(page, '[data-testid="member-save"]').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="member-detail-name"]')].some(
        (el) => (el as HTMLElement).offsetParent !== null && el.textContent === '张小贝',
      ),
    );
    await page.goBack();
    await waitForMembers(page, ['张三', '李四', '张小贝']);

    // 本人's page: the owner may see the number in full, is told it is recorded, and it hides again.
    await openMember(page, '张三');
    // The family screen stays underneath: look inside the member's page.
    const detail = visible(page, '[data-testid="member-detail"]');
    expect(await detail.locator('[data-testid="member-id-number"]').innerText()).toBe(masked(SELF_ID));
    expect(await detail.locator('[data-testid="id-number-reveal"]').innerText()).toContain('会被记录');
    await visible(page, '[data-testid="reveal-id-number"]').click();
    const revealed = visible(page, '[data-testid="revealed-id-number"]');
    await revealed.waitFor();
    expect((await revealed.innerText()).replace(/\s/g, '')).toBe(SELF_ID);
    expect(await visible(page, '[data-testid="reveal-countdown"]').innerText()).toMatch(/^(30|29) 秒后自动隐藏$/);
    await page.clock.fastForward(31_000);
    await revealed.waitFor({ state: 'hidden' });
    expect(await detail.locator('[data-testid="member-id-number"]').innerText()).toBe(masked(SELF_ID));
    await page.goBack();
    await waitForMembers(page, ['张三', '李四', '张小贝']);

    // Remove the child, after confirming.
    await openMember(page, '张小贝');
    await visible(page, '[data-testid="member-remove"]').click();
    await visible(page, '.taro-modal__content').filter({ hasText: '张小贝' }).waitFor();
    await visible(page, '.taro-model__confirm').click();
    await waitForMembers(page, ['张三', '李四']);

    // Reloaded, the family is as it was left.
    await page.reload();
    await visible(page, '[data-testid="household"]').waitFor({ timeout: 20_000 });
    await waitForMembers(page, ['张三', '李四']);
    expect(await memberNames(page)).toEqual(['张三', '李四']);

    // 谁看过我家 (the owner's only): what was done to the household's data, the owner's as 你.
    await visible(page, '[data-testid="open-access-log"]').click();
    await waitForPage(page, '/features/family/pages/access-log/index', '[data-testid="access-log-entry"]');
    // Newest first, 20 at a time: load every page (the journey made more entries than one holds).
    const more = visible(page, '[data-testid="access-log-more"]');
    for (let pages = 1; (await more.count()) > 0 && pages < 20; pages += 1) {
      const shown = await visible(page, '[data-testid="access-log-entry"]').count();
      await more.click();
      await page.waitForFunction(
        (before) => document.querySelectorAll('[data-testid="access-log-entry"]').length > before,
        shown,
      );
    }
    const log = (await visible(page, '[data-testid="access-log-entry"]').allInnerTexts()).join('\n');
    expect(log).toContain('你查看了完整证件号');
    expect(log).toContain('你删除了家庭成员');
    expect(log).toContain('你添加了家庭成员');
    expect(log).not.toContain('张三');
    // 只看家人: no one else is in this family yet, so nothing of the owner's own is left to show.
    await visible(page, '[data-testid="access-log-others"]').click();
    await visible(page, 'text=家人还没有查看过').waitFor({ timeout: 10_000 });
    expect(await visible(page, '[data-testid="access-log-entry"]').count()).toBe(0);
    await visible(page, '[data-testid="access-log-all"]').click();
    await visible(page, '[data-testid="access-log-entry"]').first().waitFor({ timeout: 10_000 });
    await page.close();
  });
});
