import type { Browser, Page } from 'playwright-core';
import { type RunningSandbox } from '@family/sandbox';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { signInByPhone, waitForPage } from './h5-journey.js';
import { type H5Stack, startH5Stack, trustedRequest, visible } from './stack.js';

const OWNER_PHONE = '13900139001';
const FRIEND_PHONE = '13800138002';
/** How the BFF shows a phone user who has no 本人 record: the masked number. */
const FRIEND_MASKED = '138****8002';

/** The access token the page keeps in localStorage (Taro wraps stored values). */
async function accessToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('family:session'));
  const token = raw ? /accessToken\\?"\s*:\s*\\?"([^"\\]+)/.exec(raw)?.[1] : undefined;
  if (!token) throw new Error('no session stored');
  return token;
}

/** One of the client's operations (a trusted document, by name) as the page's signed-in person. */
async function graphql<T>(bff: BffProcess, token: string, operationName: string, variables: object): Promise<T> {
  const response = await fetch(`${bff.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: trustedRequest(operationName, variables),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

describe('H5 invites journey: invite a family member, join from the link, see it in 我的邀请', () => {
  let stack: H5Stack;
  let sandbox: RunningSandbox;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startH5Stack({});
    ({ sandbox, bff, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('the owner invites as 成员, a signed-out friend signs in on the landing and joins, the owner sees it', async () => {
    // The owner signs in on 我家.
    const ownerContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const owner = await ownerContext.newPage();
    await owner.goto(`${bff.url}/#/pages/family/index`);
    await visible(owner, '[data-testid="family-signed-out"]').waitFor({ timeout: 20_000 });
    await signInByPhone(owner, sandbox, OWNER_PHONE);
    const household = visible(owner, '[data-testid="household"]');
    await household.waitFor({ timeout: 20_000 });

    // The owner's 本人 record gives them a name others see masked (王*).
    const householdId = await household.getAttribute('data-household-id');
    await graphql(bff, await accessToken(owner), 'AddFamilyMember', {
      householdId,
      input: { relationship: 'SELF', name: '王五', gender: 'MALE', birthDate: '1985-06-01' },
    });
    await owner.reload();
    await visible(owner, '[data-testid="member-card"]').filter({ hasText: '王五' }).waitFor({ timeout: 20_000 });

    // 家庭账号: only the owner so far, marked as you.
    const people = visible(owner, '[data-testid="household-person"]');
    await expect(people.allInnerTexts()).resolves.toHaveLength(1);
    expect(await people.first().innerText()).toContain('管理员');
    await people.first().locator('[data-testid="person-you"]').waitFor();

    // 邀请家人 → choose 成员 (the default) → 生成邀请: the link, its validity.
    await visible(owner, '[data-testid="invite-family"]').click();
    await waitForPage(owner, '/features/invites/pages/share/index', '[data-testid="role-choice"]');
    await visible(owner, '[data-testid="role-MEMBER"][aria-checked="true"]').waitFor();
    expect(await visible(owner, '[data-testid="role-VIEWER"]').innerText()).toContain('只能查看，个人信息打码');
    await visible(owner, '[data-testid="role-MEMBER"]').click();
    await visible(owner, '[data-testid="create-invite"]').click();
    await visible(owner, '[data-testid="share-ready"]').waitFor({ timeout: 20_000 });
    expect(await visible(owner, '[data-testid="share-status"]').innerText()).toBe('有效');
    expect(await visible(owner, '[data-testid="share-validity"]').innerText()).toBe('72 小时内有效，仅可使用一次');
    const link = (await visible(owner, '[data-testid="share-link"]').innerText()).trim();
    expect(link).toMatch(/#\/pages\/invite\/index\?code=[0-9A-Za-z]{22}$/);

    // 生成海报: the poster with the invite's code, drawn from the BFF's code image, as an image to long-press.
    await visible(owner, '[data-testid="make-poster"]').click();
    const poster = visible(owner, '[data-testid="poster"] img.poster__image');
    await poster.waitFor({ timeout: 20_000 });
    expect(await poster.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await poster.getAttribute('alt')).toContain('我的家庭');
    expect(await visible(owner, '[data-testid="poster"]').innerText()).toContain('长按图片保存或分享');

    // The friend, signed out in another browser, opens the link: the family, the sharer masked, the role.
    const friendContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const friend = await friendContext.newPage();
    await friend.goto(link);
    await visible(friend, '[data-testid="landing-family"]').waitFor({ timeout: 20_000 });
    expect(await visible(friend, '[data-testid="landing-family-title"]').innerText()).toBe('王* 邀请你加入“我的家庭”');
    expect(await visible(friend, '[data-testid="landing-member-count"]').innerText()).toBe('家庭中已有 1 位成员');
    expect(await visible(friend, '[data-testid="landing-role"]').innerText()).toContain(
      '成员：可添加和编辑自己添加的内容',
    );
    expect(await friend.locator('body').innerText()).not.toContain('王五');

    // Signs in on the landing, then joins: 我家 shows the family.
    await visible(friend, '[data-testid="landing-sign-in"]').waitFor();
    await signInByPhone(friend, sandbox, FRIEND_PHONE);
    await visible(friend, '[data-testid="accept-invite"]').waitFor({ timeout: 20_000 });
    await visible(friend, '[data-testid="accept-invite"]').click();
    await waitForPage(friend, '/pages/family/index', '[data-testid="households"]');
    const joined = visible(friend, '[data-testid="household"]').filter({
      has: friend.locator('[data-testid="household-role"]'),
    });
    await joined.waitFor({ timeout: 20_000 });
    expect(await joined.locator('[data-testid="household-name"]').innerText()).toBe('我的家庭');
    expect(await joined.locator('[data-testid="household-role"]').innerText()).toBe('家庭成员');
    expect(await joined.innerText()).toContain('王五');
    await joined.locator('[data-testid="leave-household"]').waitFor();

    // The link was for one person: opened again, it says so and names the sharer.
    const third = await (await browser.newContext()).newPage();
    await third.goto(link);
    await visible(third, '[data-testid="landing-inactive"]').waitFor({ timeout: 20_000 });
    expect(await visible(third, '[data-testid="landing-inactive"]').innerText()).toContain(
      '邀请已被使用（每个家庭邀请只能使用一次），请联系 王* 重新邀请',
    );

    // The owner reloads 我家: the friend in 家庭账号, removable.
    await owner.goto(`${bff.url}/#/pages/family/index`);
    await owner.reload();
    const friendRow = visible(owner, '[data-testid="household-person"]').filter({ hasText: FRIEND_MASKED });
    await friendRow.waitFor({ timeout: 20_000 });
    expect(await friendRow.locator('[data-testid="person-role"]').innerText()).toBe('成员');
    await friendRow.locator('[data-testid="person-remove"]').waitFor();

    // 我的 → 我的邀请: the invite used, the friend counted and listed masked.
    await owner.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
    await visible(owner, '[data-testid="open-my-invites"]').click();
    await waitForPage(owner, '/features/invites/pages/invites/index', '[data-testid="my-invites"]');
    const card = visible(owner, '[data-testid="invite-card"]').first();
    expect(await card.locator('[data-testid="invite-status"]').innerText()).toBe('已使用');
    expect(await card.locator('[data-testid="invite-friend"]').innerText()).toMatch(
      new RegExp(`${FRIEND_MASKED.replace(/\*/g, '\\*')}\\s*已加入`),
    );
    expect(await card.locator('[data-testid="invite-funnel"]').innerText()).toMatch(
      /查看 [1-9]\d* · 注册 1 · 加入\/测算 1/,
    );
    expect(await visible(owner, '[data-testid="funnel-converted"]').innerText()).toContain('1 人');
    // A used invite is neither revoked nor shared again.
    expect(await card.locator('[data-testid="invite-revoke"]').count()).toBe(0);

    await friendContext.close();
    await ownerContext.close();
  });
});
