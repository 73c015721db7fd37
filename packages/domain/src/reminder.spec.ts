import { addDays } from './policy.js';
import {
  REMINDER_KINDS,
  REMINDER_WINDOWS,
  reminderEventKey,
  remindersDue,
  renewalGuaranteed,
  upcomingReminders,
  type ReminderPolicyInput,
} from './reminder.js';

const annual: ReminderPolicyInput = {
  id: 'p1',
  effectiveDate: '2024-03-01',
  expiryDate: null,
  premium: 500_000,
  frequency: 'ANNUAL',
  paymentTermYears: 20,
  gracePeriodDays: 60,
  paidInstallments: 2,
  coolingOffEndDate: null,
  waitingPeriodDays: null,
  guaranteedRenewalYears: null,
  termination: null,
};

const kinds = (policy: ReminderPolicyInput, today: string): string[] =>
  remindersDue(policy, today).map((event) => `${event.kind}@${event.date}`);

describe('remindersDue: payments', () => {
  it('reminds 7 days and 1 day before the next premium, with a stable key and the amount', () => {
    expect(remindersDue(annual, '2026-02-22')).toEqual([
      {
        kind: 'PAYMENT_DUE_7D',
        date: '2026-03-01',
        daysUntil: 7,
        key: 'p1:PAYMENT_DUE_7D:2026-03-01',
        amount: 500_000,
        notGuaranteedToRenew: false,
      },
    ]);
    expect(kinds(annual, '2026-02-28')).toEqual(['PAYMENT_DUE_1D@2026-03-01']);
    expect(remindersDue(annual, '2026-02-28')[0].key).toBe(reminderEventKey('p1', 'PAYMENT_DUE_1D', '2026-03-01'));
  });

  it('says nothing before the 7-day window, and keeps the same event key on catch-up days', () => {
    expect(kinds(annual, '2026-02-21')).toEqual([]);
    const late = remindersDue(annual, '2026-02-25');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ kind: 'PAYMENT_DUE_7D', daysUntil: 4, key: 'p1:PAYMENT_DUE_7D:2026-03-01' });
    expect(kinds(annual, '2026-02-27')).toEqual(['PAYMENT_DUE_7D@2026-03-01']);
    // The due day itself still gets the 1-day reminder when the run before it was missed; after, none.
    expect(kinds(annual, '2026-03-01')).toEqual(['PAYMENT_DUE_1D@2026-03-01']);
    expect(kinds(annual, '2026-03-02')).toEqual([]);
  });

  it('never reminds about a premium already paid, even in advance', () => {
    expect(kinds({ ...annual, paidInstallments: 3 }, '2026-02-22')).toEqual([]);
  });

  it('follows a monthly schedule to the last day of short months, in leap and common years', () => {
    const monthly: ReminderPolicyInput = {
      ...annual,
      effectiveDate: '2024-01-31',
      frequency: 'MONTHLY',
      paymentTermYears: 2,
      paidInstallments: 1,
    };
    // 2024 is a leap year: the February premium falls on the 29th.
    expect(kinds(monthly, '2024-02-22')).toEqual(['PAYMENT_DUE_7D@2024-02-29']);
    expect(kinds(monthly, '2024-02-28')).toEqual(['PAYMENT_DUE_1D@2024-02-29']);
    const paidToFeb2025 = { ...monthly, paidInstallments: 13 };
    expect(kinds(paidToFeb2025, '2025-02-21')).toEqual(['PAYMENT_DUE_7D@2025-02-28']);
    expect(kinds(paidToFeb2025, '2025-02-27')).toEqual(['PAYMENT_DUE_1D@2025-02-28']);
    // March 31st, 7 days before crosses the end of February.
    const paidToMar2025 = { ...monthly, paidInstallments: 14 };
    expect(kinds(paidToMar2025, '2025-03-24')).toEqual(['PAYMENT_DUE_7D@2025-03-31']);
  });

  it('reminds about the first premium of a policy not yet in force', () => {
    const future = { ...annual, effectiveDate: '2026-07-10', paidInstallments: 0 };
    expect(kinds(future, '2026-07-03')).toEqual(['PAYMENT_DUE_7D@2026-07-10']);
  });

  it('has nothing after the payment term, nor for a single premium', () => {
    const short = { ...annual, paymentTermYears: 2, paidInstallments: 2 };
    expect(kinds(short, '2026-02-22')).toEqual([]);
    const single = { ...annual, frequency: 'SINGLE' as const, paymentTermYears: 1, paidInstallments: 1 };
    expect(kinds(single, '2025-02-22')).toEqual([]);
  });
});

describe('remindersDue: expiry', () => {
  const term: ReminderPolicyInput = {
    ...annual,
    effectiveDate: '2026-01-10',
    expiryDate: '2027-01-09',
    paymentTermYears: null,
    paidInstallments: 1,
  };

  it('reminds 30 and 7 days before the last day of cover, not guaranteed to renew', () => {
    expect(remindersDue(term, '2026-12-10')).toEqual([
      {
        kind: 'EXPIRY_30D',
        date: '2027-01-09',
        daysUntil: 30,
        key: 'p1:EXPIRY_30D:2027-01-09',
        amount: null,
        notGuaranteedToRenew: true,
      },
    ]);
    expect(kinds(term, '2026-12-09')).toEqual([]);
    expect(kinds(term, '2026-12-31')).toEqual(['EXPIRY_30D@2027-01-09']);
    expect(kinds(term, '2027-01-02')).toEqual(['EXPIRY_7D@2027-01-09']);
    expect(kinds(term, '2027-01-09')).toEqual(['EXPIRY_7D@2027-01-09']);
    // The day after its last day the policy is EXPIRED: nothing more.
    expect(kinds(term, '2027-01-10')).toEqual([]);
  });

  it('drops the "not guaranteed to renew" wording within guaranteed renewal years', () => {
    const guaranteed = { ...term, guaranteedRenewalYears: 5 };
    expect(remindersDue(guaranteed, '2027-01-02')[0]).toMatchObject({ kind: 'EXPIRY_7D', notGuaranteedToRenew: false });
    // The last term of the guaranteed years: the renewal after it is no longer guaranteed.
    const lastTerm = { ...guaranteed, effectiveDate: '2026-01-10', guaranteedRenewalYears: 1 };
    expect(remindersDue(lastTerm, '2027-01-02')[0].notGuaranteedToRenew).toBe(true);
    expect(renewalGuaranteed({ effectiveDate: '2026-01-10', guaranteedRenewalYears: 2 }, '2027-01-09')).toBe(true);
    expect(renewalGuaranteed({ effectiveDate: '2026-01-10', guaranteedRenewalYears: 0 }, '2027-01-09')).toBe(false);
  });

  it('counts across a leap day: 30 days before 2028-03-15 is 2028-02-14', () => {
    const leap = { ...term, effectiveDate: '2027-03-16', expiryDate: '2028-03-15' };
    expect(kinds(leap, '2028-02-14')).toEqual(['EXPIRY_30D@2028-03-15']);
    expect(kinds(leap, '2028-02-13')).toEqual([]);
    expect(kinds(leap, '2028-03-08')).toEqual(['EXPIRY_7D@2028-03-15']);
  });

  it('never reminds whole-life cover of an expiry', () => {
    expect(REMINDER_KINDS.filter((kind) => kind.startsWith('EXPIRY'))).toHaveLength(2);
    for (let day = 0; day < 400; day += 1)
      expect(kinds(annual, addDays('2026-04-01', day)).filter((kind) => kind.startsWith('EXPIRY'))).toEqual([]);
  });

  it('gives both a payment and an expiry reminder when both are due, in date order', () => {
    const both = { ...term, frequency: 'MONTHLY' as const, paidInstallments: 11 };
    expect(kinds(both, '2026-12-10')).toEqual(['PAYMENT_DUE_1D@2026-12-10', 'EXPIRY_30D@2027-01-09']);
  });
});

describe('remindersDue: cooling-off and waiting periods', () => {
  const fresh: ReminderPolicyInput = {
    ...annual,
    effectiveDate: '2026-05-01',
    paidInstallments: 1,
    coolingOffEndDate: '2026-05-16',
    waitingPeriodDays: 90,
  };

  it('reminds up to 3 days before the cooling-off period ends, and not after', () => {
    expect(kinds(fresh, '2026-05-12')).toEqual([]);
    expect(kinds(fresh, '2026-05-13')).toEqual(['COOLING_OFF_END@2026-05-16']);
    expect(kinds(fresh, '2026-05-16')).toEqual(['COOLING_OFF_END@2026-05-16']);
    expect(kinds(fresh, '2026-05-17')).toEqual([]);
  });

  it('tells when the waiting period is over, on the day or up to 3 days late', () => {
    expect(kinds(fresh, '2026-07-29')).toEqual([]);
    expect(kinds(fresh, '2026-07-30')).toEqual(['WAITING_PERIOD_END@2026-07-30']);
    expect(kinds(fresh, '2026-08-02')).toEqual(['WAITING_PERIOD_END@2026-07-30']);
    expect(kinds(fresh, '2026-08-03')).toEqual([]);
    expect(kinds({ ...fresh, waitingPeriodDays: 0 }, '2026-05-01')).toEqual([]);
  });
});

describe('remindersDue: policies not in force', () => {
  it('sends nothing for a lapsed policy (a premium missed past its grace period)', () => {
    const lapsed = { ...annual, paidInstallments: 1 };
    // The 2025-03-01 premium was never paid: lapsed since 2025-04-30, so no 2026 reminder.
    expect(kinds(lapsed, '2026-02-22')).toEqual([]);
  });

  it('sends nothing for a surrendered, claimed or expired policy', () => {
    for (const reason of ['SURRENDERED', 'CLAIMED', 'LAPSED'] as const)
      expect(kinds({ ...annual, termination: { reason, date: '2026-01-01' } }, '2026-02-22')).toEqual([]);
    expect(kinds({ ...annual, expiryDate: '2026-02-01', paymentTermYears: 1 }, '2026-02-22')).toEqual([]);
  });

  it('says nothing about a date after an ending recorded for the future', () => {
    const ending = { ...annual, termination: { reason: 'SURRENDERED' as const, date: '2026-02-25' } };
    expect(kinds(ending, '2026-02-22')).toEqual([]);
  });
});

describe('REMINDER_WINDOWS', () => {
  it('never overlaps two kinds about the same date', () => {
    const overlap = (a: readonly [number, number], b: readonly [number, number]): boolean =>
      a[0] <= b[1] && b[0] <= a[1];
    expect(overlap(REMINDER_WINDOWS.PAYMENT_DUE_7D, REMINDER_WINDOWS.PAYMENT_DUE_1D)).toBe(false);
    expect(overlap(REMINDER_WINDOWS.EXPIRY_30D, REMINDER_WINDOWS.EXPIRY_7D)).toBe(false);
  });
});

describe('upcomingReminders', () => {
  const term: ReminderPolicyInput = {
    ...annual,
    effectiveDate: '2026-01-10',
    expiryDate: '2027-01-09',
    paymentTermYears: null,
    paidInstallments: 1,
  };

  it('lists each event once, on the first day it is due, counting days from today', () => {
    const upcoming = upcomingReminders(term, '2026-12-01', 32);
    expect(upcoming.map((event) => `${event.kind}@${event.remindOn}`)).toEqual([
      'EXPIRY_30D@2026-12-10',
      'EXPIRY_7D@2027-01-02',
    ]);
    expect(upcoming[0]).toMatchObject({ date: '2027-01-09', daysUntil: 39, key: 'p1:EXPIRY_30D:2027-01-09' });
    expect(upcoming[1].daysUntil).toBe(39);
  });

  it('includes what is due today, sent already or not, with the same key the run claims', () => {
    const today = '2027-01-05';
    const upcoming = upcomingReminders(term, today, 30);
    expect(upcoming).toEqual([{ ...remindersDue(term, today)[0], remindOn: today }]);
    expect(upcoming[0]).toMatchObject({ kind: 'EXPIRY_7D', daysUntil: 4 });
  });

  it('looks no further than the days asked, and has nothing for a policy not in force', () => {
    expect(upcomingReminders(term, '2026-12-01', 8)).toEqual([]);
    expect(upcomingReminders(term, '2026-12-01', 9).map((event) => event.kind)).toEqual(['EXPIRY_30D']);
    expect(upcomingReminders(term, '2027-02-01', 30)).toEqual([]);
    const surrendered = { ...term, termination: { reason: 'SURRENDERED' as const, date: '2026-11-01' } };
    expect(upcomingReminders(surrendered, '2026-12-01', 30)).toEqual([]);
  });

  it('orders payments and expiry of one policy by the day they are due', () => {
    const monthly = { ...annual, frequency: 'MONTHLY' as const, premium: 50_000, paidInstallments: 1 };
    const upcoming = upcomingReminders(monthly, '2024-03-20', 14);
    expect(upcoming.map((event) => `${event.kind}@${event.date}`)).toEqual([
      'PAYMENT_DUE_7D@2024-04-01',
      'PAYMENT_DUE_1D@2024-04-01',
    ]);
    expect(upcoming.map((event) => event.remindOn)).toEqual(['2024-03-25', '2024-03-31']);
    expect(upcoming[0].amount).toBe(50_000);
  });
});
