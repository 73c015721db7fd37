import { addDays, addMonths, ageOn, chinaToday } from '@family/domain';
import type { Browser, Page } from 'playwright-core';
import type { RunningSandbox } from '@family/sandbox';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { fill, signInByPhone, waitForPage } from './h5-journey.js';
import { type H5Stack, startH5Stack, visible } from './stack.js';

const PHONE = '13900139100';
const SELF_BIRTH_DATE = '1990-03-07';
const CHILD_BIRTH_DATE = '2018-05-01';
const POLICY_NUMBER = 'KN-2024-00012345';

const FAMILY = '/pages/family/index';
const MEMBER = '/features/family/pages/member/index';
const POLICY = '/features/family/pages/policy/index';
const POLICY_EDIT = '/features/family/pages/policy-edit/index';
const OVERVIEW = '/features/family/pages/overview/index';
const GAPS = '/features/family/pages/gaps/index';
const QUOTE = '/features/catalogue/pages/quote/index';

/** Waits until the family screen shows this text on the card of the member named `name`. */
async function waitForCard(page: Page, name: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ name, text }) =>
      [...document.querySelectorAll('[data-testid="member-card"]')].some(
        (card) =>
          (card as HTMLElement).offsetParent !== null &&
          card.querySelector('[data-testid="member-name"]')?.textContent === name &&
          (card as HTMLElement).innerText.includes(text),
      ),
    { name, text },
    { timeout: 20_000 },
  );
}

async function addMember(
  page: Page,
  member: { relationship: string; name: string; gender: string; birthDate: string; income?: string },
): Promise<void> {
  await visible(page, '[data-testid="add-member"]').click();
  await waitForPage(page, '/features/family/pages/member-edit/index', '[data-testid="member-save"]');
  await visible(page, `[data-testid="relationship-${member.relationship}"]`).click();
  await fill(page, 'name-input', member.name);
  await visible(page, `[data-testid="gender-${member.gender}"]`).click();
  await fill(page, 'birth-date-input', member.birthDate);
  if (member.income) await fill(page, 'income-input', member.income);
  await visible(page, '[data-testid="member-save"]').click();
  await waitForCard(page, member.name, '暂无保单');
}

/** The matrix cell whose spoken label starts with `label` (member, category: what it holds). */
function cell(page: Page, label: string) {
  return visible(page, `[data-testid="matrix-cell"][aria-label^="${label}"]`);
}

describe('H5 family policies journey: policies by hand and from the catalogue, overview, gaps, ending', () => {
  let stack: H5Stack;
  let sandbox: RunningSandbox;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startH5Stack({});
    ({ sandbox, bff, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('adds a policy by hand and one from the catalogue, reads the overview and the gaps, quotes for a member and ends a policy', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const today = chinaToday(Date.now());
    const selfAge = ageOn(SELF_BIRTH_DATE, today);
    const childAge = ageOn(CHILD_BIRTH_DATE, today);
    // The child's medical cover: a year that started a month ago.
    const medicalStart = addDays(today, -30);
    const medicalEnd = addDays(addMonths(medicalStart, 12), -1);

    // Sign in on 我家; 本人 with a yearly income of ¥20万, then a child.
    await page.goto(`${bff.url}/#${FAMILY}`);
    await visible(page, '[data-testid="family-signed-out"]').waitFor({ timeout: 20_000 });
    await signInByPhone(page, sandbox, PHONE);
    await visible(page, '[data-testid="household"]').waitFor({ timeout: 20_000 });
    await addMember(page, {
      relationship: 'SELF',
      name: '张三',
      gender: 'MALE',
      birthDate: SELF_BIRTH_DATE,
      income: '200000',
    });
    await addMember(page, { relationship: 'CHILD', name: '张小贝', gender: 'FEMALE', birthDate: CHILD_BIRTH_DATE });

    // 本人's page: no policies yet; 添加保单 opens the form with him as the insured.
    await visible(page, '[data-testid="member-card"]').filter({ hasText: '张三' }).click();
    await waitForPage(page, MEMBER, '[data-testid="member-policies-empty"]');
    expect(await visible(page, '[data-testid="member-income"]').innerText()).toBe('¥200000');
    await visible(page, '[data-testid="member-add-policy"]').click();
    await waitForPage(page, POLICY_EDIT, '[data-testid="policy-save"]');
    expect(new URL(page.url()).hash).toMatch(
      /^#\/features\/family\/pages\/policy-edit\/index\?householdId=.+&insuredMemberId=/,
    );
    await visible(page, '[data-testid^="insured-"][aria-checked="true"]').filter({ hasText: '张三' }).waitFor();

    // Saved empty: each missing field says so, before anything is sent.
    await visible(page, '[data-testid="policy-save"]').click();
    await visible(page, '[data-testid="policy-error-insurerName"]').waitFor();
    for (const field of ['productName', 'category', 'sumInsured', 'premium', 'paymentTermYears', 'effectiveDate']) {
      expect(await visible(page, `[data-testid="policy-error-${field}"]`).count()).toBe(1);
    }

    // A critical-illness policy by hand: ¥30万, ¥3200 a year for 20 years, for life.
    await fill(page, 'insurer-input', '康宁人寿');
    await fill(page, 'product-input', '康宁安心重疾');
    await visible(page, '[data-testid="category-CRITICAL_ILLNESS"]').click();
    await fill(page, 'sum-insured-input', '300000');
    await fill(page, 'premium-input', '3200');
    await fill(page, 'term-input', '20');
    await fill(page, 'effective-date-input', '2024-3-1');
    await visible(page, '[data-testid="expiry-lifetime"]').click();
    // Under 更多信息: the policy number, and the child as named beneficiary; 60% is refused, 100% is not.
    await visible(page, '[data-testid="toggle-more"]').click();
    await fill(page, 'policy-number-input', POLICY_NUMBER);
    await visible(page, '[data-testid="statutory-no"]').click();
    const beneficiary = visible(page, '[data-testid="beneficiary-row"]');
    await beneficiary.getByText('子女 张小贝').click();
    await visible(page, '[data-testid="beneficiary-share"] input').fill('60');
    await visible(page, '[data-testid="beneficiary-totals"]')
      .filter({ hasText: '第一顺位合计 60%，还差 40%' })
      .waitFor();
    await visible(page, '[data-testid="policy-save"]').click();
    await visible(page, '[data-testid="policy-error-beneficiaries[0].sharePercent"]')
      .filter({ hasText: '第1顺位受益人的受益比例合计须为 100%（现为 60.00%）' })
      .waitFor();
    await visible(page, '[data-testid="beneficiary-share"] input').fill('100');
    await visible(page, '[data-testid="beneficiary-totals"]').filter({ hasText: '第一顺位合计 100%' }).waitFor();
    await visible(page, '[data-testid="policy-save"]').click();

    // Back on his page: the policy, in force, ¥30万.
    await waitForPage(page, MEMBER, '[data-testid="policy-card"]');
    const card = visible(page, '[data-testid="policy-card"]');
    expect(await card.locator('[data-testid="policy-name"]').innerText()).toBe('康宁安心重疾');
    expect(await card.locator('[data-testid="policy-status"]').innerText()).toBe('保障中');
    expect(await card.locator('[data-testid="policy-sum-insured"]').innerText()).toBe('保额 ¥30万');

    // Its page: the number masked, the child as beneficiary, payments made so far marked 已缴 in words.
    await card.click();
    await waitForPage(page, POLICY, '[data-testid="policy-detail"]');
    const number = await visible(page, '[data-testid="policy-number"]').innerText();
    expect(number).toContain('*');
    expect(await page.locator('body').innerText()).not.toContain(POLICY_NUMBER);
    expect(await visible(page, '[data-testid="policy-beneficiaries"]').innerText()).toContain('张小贝 100%');
    const paid = visible(page, '[data-testid="installment"][data-state="PAID"]');
    expect(await paid.count()).toBeGreaterThan(0);
    expect(await paid.first().innerText()).toContain('已缴');

    // From 我家, a medical policy for the child, picked in the catalogue (products she can be insured by).
    await page.goto(`${bff.url}/#${FAMILY}`);
    await waitForCard(page, '张三', '1 份保单');
    await visible(page, '[data-testid="add-policy"]').click();
    await waitForPage(page, POLICY_EDIT, '[data-testid="policy-save"]');
    await visible(page, '[data-testid^="insured-"]').filter({ hasText: '张小贝' }).click();
    await visible(page, '[data-testid="pick-from-catalogue"]').click();
    await visible(page, '[data-testid="product-picker-by-age"][aria-checked="true"]')
      .filter({ hasText: `${childAge} 岁` })
      .waitFor();
    await visible(page, '[data-testid="product-picker"] [role="radio"]').filter({ hasText: '百万医疗' }).click();
    const product = visible(page, '[data-testid="picker-product"]').first();
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-testid="picker-product"]')];
      return items.length > 0 && items.every((item) => (item as HTMLElement).innerText.includes('百万医疗'));
    });
    const productName = (await product.locator('.product-picker__name').innerText()).trim();
    await product.click();
    await visible(page, '[data-testid="product-picker"]').waitFor({ state: 'hidden' });
    expect(await visible(page, '[data-testid="product-input"] input').inputValue()).toBe(productName);
    expect(await visible(page, '[data-testid="insurer-input"] input').inputValue()).not.toBe('');
    await visible(page, '[data-testid="category-MEDICAL"][aria-checked="true"]').waitFor();
    await visible(page, '[data-testid="linked-product"]').waitFor();
    await fill(page, 'sum-insured-input', '3000000');
    await fill(page, 'premium-input', '268');
    await visible(page, '[data-testid="term-whole"]').click();
    await fill(page, 'effective-date-input', medicalStart);
    await fill(page, 'expiry-date-input', medicalEnd);
    await visible(page, '[data-testid="policy-save"]').click();
    await waitForCard(page, '张小贝', '1 份保单');

    // The overview: two policies in force costing ¥3468 a year; her medical cover, his missing one, his
    // critical-illness cover below three years' income.
    await visible(page, '[data-testid="open-overview"]').click();
    await waitForPage(page, OVERVIEW, '[data-testid="coverage-matrix"]');
    expect(await visible(page, '[data-testid="overview-active-count"]').innerText()).toBe('2');
    expect(await visible(page, '[data-testid="overview-annual-premium"]').innerText()).toBe('¥3468');
    const covered = cell(page, '张小贝，百万医疗：已保障');
    expect(await covered.getAttribute('data-kind')).toBe('covered');
    expect(await covered.innerText()).toBe('300万');
    const gap = cell(page, '张三，百万医疗：缺口');
    expect(await gap.getAttribute('data-kind')).toBe('gap');
    expect(await gap.innerText()).toBe('缺口');
    const low = cell(page, '张三，重疾险');
    expect(await low.getAttribute('data-kind')).toBe('low');
    expect(await low.getAttribute('aria-label')).toBe('张三，重疾险：保额30万元，低于建议，1 份保单');

    // The gaps: his critical illness too low against ¥20万 a year; a recommendation quoted for his age.
    await visible(page, '[data-testid="overview-open-gaps"]').click();
    await waitForPage(page, GAPS, '[data-testid="gap"]');
    const his = visible(page, '[data-testid="gap-member"]').filter({ hasText: '张三' });
    const tooLow = his.locator('[data-testid="gap"][data-category="CRITICAL_ILLNESS"]');
    expect(await tooLow.getAttribute('data-kind')).toBe('TOO_LOW');
    expect(await tooLow.locator('[data-testid="gap-amounts"]').innerText()).toBe('已有 30万元，建议至少 60万元');
    expect(await tooLow.locator('[data-testid="recommendation"]').count()).toBeGreaterThan(0);
    expect(await tooLow.locator('[data-testid="recommendation"]').count()).toBeLessThanOrEqual(3);
    await tooLow.locator('[data-testid="recommendation-quote"]').first().click();
    await waitForPage(page, QUOTE, '[data-testid="quote-submit"]');
    expect(new URL(page.url()).hash).toMatch(new RegExp(`^#${QUOTE}\\?id=.+&age=${selfAge}$`));
    expect(await visible(page, '[data-testid="quote-age-input"] input').inputValue()).toBe(String(selfAge));

    // End his policy (surrendered today): its status says so, on its page and on his.
    await page.goto(`${bff.url}/#${FAMILY}`);
    await visible(page, '[data-testid="member-card"]').filter({ hasText: '张三' }).click();
    await waitForPage(page, MEMBER, '[data-testid="policy-card"]');
    await visible(page, '[data-testid="policy-card"]').click();
    await waitForPage(page, POLICY, '[data-testid="policy-end"]');
    await visible(page, '[data-testid="policy-end"]').click();
    await visible(page, '[data-testid="end-confirm"]').click();
    await visible(page, '[data-testid="end-error-reason"]').filter({ hasText: '请选择终止原因' }).waitFor();
    await visible(page, '[data-testid="end-reason-SURRENDERED"]').click();
    expect(await visible(page, '[data-testid="end-date-input"] input').inputValue()).toBe(today);
    await visible(page, '[data-testid="end-confirm"]').click();
    await visible(page, '[data-testid="policy-detail-status"]')
      .filter({ hasText: '已退保' })
      .waitFor({ timeout: 20_000 });
    expect(await visible(page, '[data-testid="policy-termination"]').innerText()).toBe(`已于 ${today} 退保`);
    expect(await visible(page, '[data-testid="policy-end"]').count()).toBe(0);
    await page.goBack();
    await waitForPage(page, MEMBER, '[data-testid="policy-card"]');
    await visible(page, '[data-testid="policy-status"]').filter({ hasText: '已退保' }).waitFor();
    await page.close();
  });
});
