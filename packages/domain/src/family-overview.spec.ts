import { familyOverview, type OverviewPolicy } from './family-overview.js';
import { paymentSchedule } from './policy.js';

const today = '2026-12-01';
const policy = (overrides: Partial<OverviewPolicy>): OverviewPolicy => ({
  id: 'p',
  insuredMemberId: 'a',
  category: 'MEDICAL',
  productName: '百万医疗',
  sumInsured: 600_000_000,
  annualPremium: 30_000,
  status: 'ACTIVE',
  schedule: [],
  expiryDate: null,
  coolingOffEndDate: null,
  waitingPeriodEndDate: null,
  ...overrides,
});

describe('familyOverview', () => {
  it('fills the member × category matrix from policies in force, summing sums insured', () => {
    const overview = familyOverview(
      ['a', 'b'],
      [
        policy({ id: '1', category: 'CRITICAL_ILLNESS', sumInsured: 30_000_000 }),
        policy({ id: '2', category: 'CRITICAL_ILLNESS', sumInsured: 20_000_000 }),
        policy({ id: '3', insuredMemberId: 'b', status: 'EXPIRED' }),
        policy({ id: '4', insuredMemberId: 'b', category: 'TRAVEL', sumInsured: 100 }),
      ],
      today,
    );
    expect(overview.categories).toEqual([
      'MEDICAL',
      'CRITICAL_ILLNESS',
      'ACCIDENT',
      'TERM_LIFE',
      'CANCER',
      'HUIMINBAO',
      'TRAVEL',
    ]);
    expect(overview.rows[0].cells[1]).toEqual({ category: 'CRITICAL_ILLNESS', sumInsured: 50_000_000, policyCount: 2 });
    expect(overview.rows[1].cells[0]).toEqual({ category: 'MEDICAL', sumInsured: 0, policyCount: 0 });
    expect(overview.activePolicyCount).toBe(3);
    expect(overview.totalAnnualPremium).toBe(90_000);
  });

  it('lists payments due within 90 days and those in grace, soonest first', () => {
    const schedule = paymentSchedule(
      {
        effectiveDate: '2024-01-10',
        expiryDate: null,
        premium: 5000,
        frequency: 'QUARTERLY',
        paymentTermYears: 10,
        gracePeriodDays: 60,
        paidInstallments: 11,
      },
      today,
    );
    const overview = familyOverview(['a'], [policy({ id: 'q', schedule })], today);
    expect(overview.paymentsDue.map((due) => [due.dueDate, due.state])).toEqual([
      ['2026-10-10', 'IN_GRACE'],
      ['2027-01-10', 'UPCOMING'],
    ]);
    expect(overview.endingSoon).toEqual([
      expect.objectContaining({ policyId: 'q', kind: 'LAPSING', date: '2026-12-09', daysLeft: 8 }),
    ]);
  });

  it('warns of expiry, the end of the cooling-off and of the waiting period within 90 days, not beyond', () => {
    const overview = familyOverview(
      ['a'],
      [
        policy({
          id: 'x',
          expiryDate: '2027-03-01',
          coolingOffEndDate: '2026-12-05',
          waitingPeriodEndDate: '2027-03-02',
        }),
      ],
      today,
    );
    expect(overview.endingSoon.map((ending) => [ending.kind, ending.daysLeft])).toEqual([
      ['COOLING_OFF_ENDING', 4],
      ['EXPIRING', 90],
    ]);
  });
});
