import {
  addDays,
  dateOfEpochDay,
  epochDayOf,
  addMonths,
  annualPremium,
  checkPolicy,
  paymentSchedule,
  policyStatus,
  shareBasisPoints,
  type PolicyInput,
  type ScheduleInput,
} from './policy.js';

describe('calendar arithmetic', () => {
  it('keeps the day of month where it exists, and the last day where it does not', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 60)).toBe('2025-03-01');
  });
});

describe('paymentSchedule', () => {
  const base: ScheduleInput = {
    effectiveDate: '2024-03-01',
    expiryDate: null,
    premium: 500_000,
    frequency: 'ANNUAL',
    paymentTermYears: 20,
    gracePeriodDays: 60,
    paidInstallments: 2,
  };

  it('lists one installment a year for the payment term, none after it', () => {
    const schedule = paymentSchedule(base, '2025-06-01');
    expect(schedule).toHaveLength(20);
    expect(schedule[0]).toMatchObject({ number: 1, dueDate: '2024-03-01', state: 'PAID' });
    expect(schedule[19].dueDate).toBe('2043-03-01');
  });

  it('marks the next one DUE within 30 days, IN_GRACE after its date, MISSED after the grace period', () => {
    expect(paymentSchedule(base, '2026-01-15')[2].state).toBe('UPCOMING');
    expect(paymentSchedule(base, '2026-02-15')[2].state).toBe('DUE');
    expect(paymentSchedule(base, '2026-03-01')[2].state).toBe('IN_GRACE');
    expect(paymentSchedule(base, '2026-04-30')[2]).toMatchObject({ graceEndDate: '2026-04-30', state: 'IN_GRACE' });
    expect(paymentSchedule(base, '2026-05-01')[2].state).toBe('MISSED');
  });

  it('pays monthly premiums on the same day each month, or the month’s last day', () => {
    const monthly = paymentSchedule(
      { ...base, effectiveDate: '2025-01-31', frequency: 'MONTHLY', paymentTermYears: 1, paidInstallments: 0 },
      '2025-01-01',
    );
    expect(monthly.map((installment) => installment.dueDate).slice(0, 3)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
    ]);
    expect(monthly).toHaveLength(12);
  });

  it('stops at a policy’s early end: nothing falls due after a surrender', () => {
    const ended = paymentSchedule({ ...base, endedOn: '2026-06-01' }, '2027-06-01');
    expect(ended.map((installment) => installment.dueDate)).toEqual(['2024-03-01', '2025-03-01', '2026-03-01']);
  });

  it('runs a yearly renewable policy without a term until it expires, and a single premium once', () => {
    const shortTerm = paymentSchedule(
      { ...base, paymentTermYears: null, expiryDate: '2025-03-01', paidInstallments: 1 },
      '2024-06-01',
    );
    expect(shortTerm).toHaveLength(1);
    expect(paymentSchedule({ ...base, frequency: 'SINGLE', paymentTermYears: 1 }, '2030-01-01')).toHaveLength(1);
  });
});

describe('policyStatus', () => {
  const schedule = (paid: number, today: string) =>
    paymentSchedule(
      {
        effectiveDate: '2024-03-01',
        expiryDate: '2034-03-01',
        premium: 1000,
        frequency: 'ANNUAL',
        paymentTermYears: 10,
        gracePeriodDays: 60,
        paidInstallments: paid,
      },
      today,
    );

  it('is active while payments are made, lapsed once one is missed past its grace', () => {
    expect(
      policyStatus({ expiryDate: '2034-03-01', termination: null, schedule: schedule(2, '2026-04-30') }, '2026-04-30'),
    ).toBe('ACTIVE');
    expect(
      policyStatus({ expiryDate: '2034-03-01', termination: null, schedule: schedule(2, '2026-05-01') }, '2026-05-01'),
    ).toBe('LAPSED');
  });

  it('expires the day after its expiry date: a policy ending today still covers today', () => {
    expect(policyStatus({ expiryDate: '2026-12-01', termination: null, schedule: [] }, '2026-12-01')).toBe('ACTIVE');
    expect(policyStatus({ expiryDate: '2026-12-01', termination: null, schedule: [] }, '2026-12-02')).toBe('EXPIRED');
  });

  it('follows a recorded ending from its date on', () => {
    const termination = { reason: 'SURRENDERED' as const, date: '2026-06-01' };
    expect(policyStatus({ expiryDate: null, termination, schedule: [] }, '2026-05-31')).toBe('ACTIVE');
    expect(policyStatus({ expiryDate: null, termination, schedule: [] }, '2026-06-01')).toBe('SURRENDERED');
  });
});

describe('checkPolicy', () => {
  const base: PolicyInput = {
    insuredMemberId: 'm1',
    insurerName: '康宁人寿',
    productName: '康宁福 重大疾病保险',
    category: 'CRITICAL_ILLNESS',
    sumInsured: 50_000_000,
    premium: 600_000,
    frequency: 'ANNUAL',
    paymentTermYears: 20,
    effectiveDate: '2024-03-01',
    expiryDate: null,
  };

  it('accepts a complete policy', () => {
    expect(checkPolicy(base)).toEqual([]);
  });

  it('wants dates in order and a payment term inside the policy’s term', () => {
    const problems = checkPolicy({
      ...base,
      expiryDate: '2034-03-01',
      coolingOffEndDate: '2024-02-01',
      paymentTermYears: 20,
    });
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['coolingOffEndDate', 'DATES_OUT_OF_ORDER'],
      ['paymentTermYears', 'PAYMENT_TERM_TOO_LONG'],
    ]);
    expect(checkPolicy({ ...base, expiryDate: '2024-03-01' }).map((problem) => problem.code)).toEqual([
      'DATES_OUT_OF_ORDER',
    ]);
    // The usual way of writing one year: to the day before the anniversary, paid in one year.
    expect(
      checkPolicy({ ...base, effectiveDate: '2026-01-10', expiryDate: '2027-01-09', paymentTermYears: 1 }),
    ).toEqual([]);
  });

  it('wants named beneficiaries’ shares to make 100% in each order, to the hundredth of a percent', () => {
    const named = (shares: number[], order = 1) =>
      shares.map((sharePercent, index) => ({ name: `受益人${index}`, order, sharePercent }));
    const thirds = checkPolicy({ ...base, statutoryBeneficiaries: false, beneficiaries: named([33.33, 33.33, 33.33]) });
    expect(thirds).toEqual([
      expect.objectContaining({ field: 'beneficiaries[2].sharePercent', code: 'SHARES_NOT_100' }),
    ]);
    expect(thirds[0].message).toContain('99.99%');
    expect(
      checkPolicy({ ...base, statutoryBeneficiaries: false, beneficiaries: named([33.33, 33.33, 33.34]) }),
    ).toEqual([]);
    expect(
      checkPolicy({
        ...base,
        statutoryBeneficiaries: false,
        beneficiaries: [...named([100]), ...named([60, 40], 2)],
      }),
    ).toEqual([]);
    expect(
      checkPolicy({ ...base, statutoryBeneficiaries: false, beneficiaries: named([33.333, 66.667]) })[0],
    ).toMatchObject({
      field: 'beneficiaries[0].sharePercent',
      code: 'SHARE_INVALID',
    });
  });

  it('refuses named beneficiaries beside statutory ones, and none when statutory is off', () => {
    expect(checkPolicy({ ...base, beneficiaries: [{ name: '李娜', order: 1, sharePercent: 100 }] })[0].code).toBe(
      'BENEFICIARIES_WITH_STATUTORY',
    );
    expect(checkPolicy({ ...base, statutoryBeneficiaries: false })[0].code).toBe('BENEFICIARIES_REQUIRED');
  });

  it('names amounts that are not whole fen, or beyond reason', () => {
    expect(checkPolicy({ ...base, sumInsured: 0, premium: 1.5 }).map((problem) => problem.field)).toEqual([
      'sumInsured',
      'premium',
    ]);
  });
});

describe('money', () => {
  it('counts a year of premiums by frequency, a single premium as none recurring', () => {
    expect(annualPremium(10_000, 'MONTHLY')).toBe(120_000);
    expect(annualPremium(10_000, 'QUARTERLY')).toBe(40_000);
    expect(annualPremium(10_000, 'SINGLE')).toBe(0);
    expect(shareBasisPoints(33.33)).toBe(3333);
    expect(shareBasisPoints(0.1 + 0.2)).toBe(30);
    expect(shareBasisPoints(12.345)).toBeNull();
  });
});

describe('epoch days', () => {
  it('agrees with the calendar across leap years, centuries and the epoch', () => {
    for (const date of [
      '1970-01-01',
      '1969-12-31',
      '2000-02-29',
      '1900-03-01',
      '2024-12-31',
      '0001-01-01',
      '9999-12-31',
    ]) {
      const [year, month, day] = date.split('-').map(Number);
      const expected = Date.UTC(year, month - 1, day) / 86_400_000;
      if (year >= 100) expect(epochDayOf(date)).toBe(expected);
      expect(dateOfEpochDay(epochDayOf(date))).toBe(date);
    }
    let day = epochDayOf('1999-01-01');
    for (let i = 0; i < 3000; i += 1, day += 1) {
      expect(dateOfEpochDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });
});
