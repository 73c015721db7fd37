import {
  beneficiaryGroups,
  formatCoveragePeriod,
  formatCoverageTerms,
  formatNextPayment,
  formatPaymentTerm,
  formatPercentShare,
  formatPremium,
  hasEnded,
  inGrace,
  installmentLabel,
  INSTALLMENT_LABELS,
  INSTALLMENT_MARKS,
  INSTALLMENT_TONES,
  memberPolicySummary,
  nextPayment,
  orderLabel,
  policyWarning,
  scheduleRows,
  scheduleSummary,
  scheduleToShow,
  sortPolicies,
} from '../policy-display';
import { installment, policy } from './policy-fixtures';

describe('next payment and warnings', () => {
  it('is the first payment not made, while the policy is in force', () => {
    expect(nextPayment(policy())?.number).toBe(4);
    expect(formatNextPayment(policy())).toBe('下次缴费 2027-03-01 · ¥3200');
    const due = policy({ schedule: [installment(1, '2026-12-20', 'DUE', 26800)] });
    expect(formatNextPayment(due)).toBe('下次缴费 2026-12-20 · ¥268（30天内到期）');
    expect(nextPayment(policy({ status: 'SURRENDERED' }))).toBeNull();
    expect(formatNextPayment(policy({ schedule: [installment(1, '2024-03-01', 'PAID')] }))).toBeNull();
  });

  it('warns about a premium in its grace period, and about a lapse', () => {
    const grace = policy({
      schedule: [
        installment(1, '2025-11-01', 'PAID'),
        { ...installment(2, '2026-11-01', 'IN_GRACE'), graceEndDate: '2026-12-31' },
      ],
    });
    expect(inGrace(grace)?.number).toBe(2);
    expect(policyWarning(grace)).toBe('第 2 期保费未缴，请在 2026-12-31 前缴纳，否则保单将失效');
    expect(policyWarning(policy({ status: 'LAPSED', statusLabel: '已失效' }))).toBe('有保费超过宽限期未缴，保单已失效');
    expect(policyWarning(policy())).toBeNull();
  });
});

describe('memberPolicySummary', () => {
  const grace = policy({ id: 'p2', schedule: [installment(1, '2026-11-01', 'IN_GRACE')] });
  const ended = policy({ id: 'p3', status: 'SURRENDERED', statusLabel: '已退保' });
  const lapsed = policy({ id: 'p4', status: 'LAPSED', statusLabel: '已失效' });
  const child = policy({ id: 'p5', insuredMemberId: 'm2' });

  it('counts the policies insuring the member', () => {
    expect(memberPolicySummary([policy(), child], 'm1')).toEqual({ count: 1, text: '1 份保单', warning: null });
    expect(memberPolicySummary([policy(), ended], 'm1').text).toBe('2 份保单 · 1 份保障中');
    expect(memberPolicySummary([child], 'm1')).toEqual({ count: 0, text: null, warning: null });
  });

  it('warns when a premium is in grace or a policy lapsed', () => {
    expect(memberPolicySummary([policy(), grace], 'm1').warning).toBe('1 份保单在宽限期内，请尽快缴费');
    expect(memberPolicySummary([grace, lapsed], 'm1').warning).toBe('1 份保单在宽限期内，请尽快缴费；1 份保单已失效');
  });
});

describe('sortPolicies', () => {
  it('lists policies in force first, newest first', () => {
    const older = policy({ id: 'old', effectiveDate: '2020-01-01' });
    const newer = policy({ id: 'new', effectiveDate: '2025-01-01' });
    const ended = policy({ id: 'ended', status: 'EXPIRED', effectiveDate: '2026-01-01' });
    const lapsed = policy({ id: 'lapsed', status: 'LAPSED', effectiveDate: '2026-01-01' });
    expect(sortPolicies([ended, older, lapsed, newer]).map((p) => p.id)).toEqual(['new', 'old', 'lapsed', 'ended']);
  });
});

describe('terms', () => {
  it('writes premiums, terms and periods', () => {
    expect(formatPremium(320000, 'ANNUAL', '年交')).toBe('¥3200 / 年交');
    expect(formatPremium(500000, 'SINGLE', '趸交')).toBe('¥5000 趸交');
    expect(formatPaymentTerm(20, 'ANNUAL')).toBe('20 年');
    expect(formatPaymentTerm(null, 'MONTHLY')).toBe('交至保障期满');
    expect(formatPaymentTerm(1, 'SINGLE')).toBe('趸交（一次交清）');
    expect(formatCoveragePeriod('2026-01-01', '2027-01-01')).toBe('2026-01-01 至 2027-01-01');
    expect(formatCoveragePeriod('2026-01-01', null)).toBe('2026-01-01 起，终身');
  });

  it('writes coverage items', () => {
    expect(
      formatCoverageTerms({ name: '一般医疗', limit: 300_000_000, deductible: 1_000_000, payoutRatioPercent: 100 }),
    ).toBe('限额 ¥300万 · 免赔额 ¥1万 · 赔付 100%');
    expect(formatCoverageTerms({ name: '身故', limit: null, deductible: null, payoutRatioPercent: null })).toBe('—');
  });
});

describe('beneficiaries', () => {
  it('groups them by order', () => {
    const groups = beneficiaryGroups([
      { memberId: null, name: '王五', order: 2, sharePercent: 100 },
      { memberId: 'm2', name: '李四', order: 1, sharePercent: 33.33 },
      { memberId: 'm3', name: '张小贝', order: 1, sharePercent: 66.67 },
    ]);
    expect(groups).toEqual([
      {
        order: 1,
        label: '第一顺位',
        people: [
          { name: '李四', share: '33.33%' },
          { name: '张小贝', share: '66.67%' },
        ],
      },
      { order: 2, label: '第二顺位', people: [{ name: '王五', share: '100%' }] },
    ]);
    expect(orderLabel(5)).toBe('第五顺位');
  });

  it('writes shares exactly', () => {
    expect(formatPercentShare(33.33)).toBe('33.33');
    expect(formatPercentShare(33.3)).toBe('33.3');
    expect(formatPercentShare(0.1 + 0.2)).toBe('0.3');
    expect(formatPercentShare(50)).toBe('50');
  });
});

describe('schedule', () => {
  const monthly = Array.from({ length: 36 }, (_, index) =>
    installment(index + 1, `2026-${String((index % 12) + 1).padStart(2, '0')}-01`, index < 20 ? 'PAID' : 'UPCOMING'),
  );

  it('says how much is paid', () => {
    expect(scheduleSummary(policy()).text).toBe('已缴 3 / 4 期');
    expect(scheduleSummary(policy({ status: 'SURRENDERED' })).text).toBe('已缴 3 期，保单已结束');
  });

  it('lists only the paid installments of a policy that ended', () => {
    expect(scheduleToShow(policy()).map((row) => row.number)).toEqual([1, 2, 3, 4]);
    expect(scheduleToShow(policy({ status: 'CLAIMED' })).map((row) => row.number)).toEqual([1, 2, 3]);
    const lapsed = policy({ status: 'LAPSED', schedule: [installment(1, '2025-01-01', 'MISSED')] });
    expect(scheduleToShow(lapsed).map((row) => row.state)).toEqual(['MISSED']);
    expect(hasEnded(policy({ status: 'EXPIRED' }))).toBe(true);
    expect(hasEnded(policy({ status: 'LAPSED' }))).toBe(false);
  });

  it('lists a long schedule from just before the first open payment', () => {
    const { rows, hidden } = scheduleRows(monthly, 12);
    expect(rows.map((row) => row.number)).toEqual([19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(hidden).toBe(24);
    expect(scheduleRows(policy().schedule).rows).toHaveLength(4);
    const allPaid = monthly.map((row) => ({ ...row, state: 'PAID' as const }));
    expect(scheduleRows(allPaid, 12).rows[11].number).toBe(36);
  });

  it('gives every state words, a mark and a tone', () => {
    for (const state of ['PAID', 'UPCOMING', 'DUE', 'IN_GRACE', 'MISSED'] as const) {
      expect(INSTALLMENT_LABELS[state]).toBeTruthy();
      expect(INSTALLMENT_MARKS[state]).toBeTruthy();
      expect(INSTALLMENT_TONES[state]).toBeTruthy();
    }
    const grace = { ...installment(2, '2026-11-01', 'IN_GRACE'), graceEndDate: '2026-12-31' };
    expect(installmentLabel(grace)).toBe('第 2 期，2026-11-01，¥3200，宽限期中，宽限期至 2026-12-31');
  });
});
