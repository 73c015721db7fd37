import {
  addDays,
  addMonths,
  epochDayOf,
  paymentSchedule,
  policyStatus,
  type PolicyPaymentFrequency,
  type TerminationReason,
} from './policy.js';
import type { Fen } from './product.js';

/**
 * Reminders (F5): which events of a policy a person should hear about today. Pure: the BFF's daily
 * run asks this for every active policy and sends one message per event per person, claimed by the
 * event key so that retries and several instances never send twice.
 */

export const REMINDER_KINDS = [
  'PAYMENT_DUE_7D',
  'PAYMENT_DUE_1D',
  'EXPIRY_30D',
  'EXPIRY_7D',
  'COOLING_OFF_END',
  'WAITING_PERIOD_END',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  PAYMENT_DUE_7D: '续期交费提醒（提前 7 天）',
  PAYMENT_DUE_1D: '续期交费提醒（提前 1 天）',
  EXPIRY_30D: '保单到期提醒（提前 30 天）',
  EXPIRY_7D: '保单到期提醒（提前 7 天）',
  COOLING_OFF_END: '犹豫期结束提醒',
  WAITING_PERIOD_END: '等待期结束提醒',
};

/**
 * The kinds of news a subscription message template carries, one template each on WeChat and
 * Alipay: both payment reminders share one, both expiry reminders another.
 */
export const REMINDER_TEMPLATE_KINDS = ['PAYMENT_DUE', 'EXPIRY', 'COOLING_OFF_END', 'WAITING_PERIOD_END'] as const;
export type ReminderTemplateKind = (typeof REMINDER_TEMPLATE_KINDS)[number];

/** The template a reminder is sent with. */
export const TEMPLATE_KIND_OF: Readonly<Record<ReminderKind, ReminderTemplateKind>> = {
  PAYMENT_DUE_7D: 'PAYMENT_DUE',
  PAYMENT_DUE_1D: 'PAYMENT_DUE',
  EXPIRY_30D: 'EXPIRY',
  EXPIRY_7D: 'EXPIRY',
  COOLING_OFF_END: 'COOLING_OFF_END',
  WAITING_PERIOD_END: 'WAITING_PERIOD_END',
};

/**
 * When each kind is due, as days from today to the event's date, both ends included. A reminder is
 * due on its day (7 days before a payment) and, should a daily run be missed or the policy be added
 * late, on the days after it until the next kind takes over; the event key keeps it to one message.
 * Windows of the same event never overlap (a payment 5 days away is a 7-day reminder, 1 day away a
 * 1-day one). A waiting period's end is told on the day cover starts, or up to 3 days after.
 */
export const REMINDER_WINDOWS: Readonly<Record<ReminderKind, readonly [from: number, to: number]>> = {
  PAYMENT_DUE_7D: [2, 7],
  PAYMENT_DUE_1D: [0, 1],
  EXPIRY_30D: [8, 30],
  EXPIRY_7D: [0, 7],
  COOLING_OFF_END: [0, 3],
  WAITING_PERIOD_END: [-3, 0],
};

export interface ReminderPolicyInput {
  readonly id: string;
  readonly effectiveDate: string;
  /** Null for whole-life cover: it never expires. */
  readonly expiryDate: string | null;
  readonly premium: Fen;
  readonly frequency: PolicyPaymentFrequency;
  readonly paymentTermYears: number | null;
  readonly gracePeriodDays: number;
  readonly paidInstallments: number;
  readonly coolingOffEndDate: string | null;
  readonly waitingPeriodDays: number | null;
  /** Years from the effective date during which the insurer must renew (保证续保); null or 0: none. */
  readonly guaranteedRenewalYears: number | null;
  readonly termination: { readonly reason: TerminationReason; readonly date: string } | null;
}

export interface ReminderEvent {
  readonly kind: ReminderKind;
  /** The date the reminder is about: the payment's due date, the expiry date, the period's end. */
  readonly date: string;
  /** Days from today to `date` (negative: it was days ago). */
  readonly daysUntil: number;
  /** `policyId:kind:date` — one message per event per person, whatever retries or instances do. */
  readonly key: string;
  /** The premium due (payment reminders only). */
  readonly amount: Fen | null;
  /**
   * Expiry reminders: true when the insurer does not guarantee to renew the policy, so the person
   * should know it may end for good ("不保证续保"); false for a renewal within the guaranteed years.
   */
  readonly notGuaranteedToRenew: boolean;
}

/** The stable idempotency key of an event. */
export function reminderEventKey(policyId: string, kind: ReminderKind, date: string): string {
  return `${policyId}:${kind}:${date}`;
}

/** Whether the insurer must renew the policy at `expiryDate` (its guaranteed years reach past it). */
export function renewalGuaranteed(
  policy: Pick<ReminderPolicyInput, 'effectiveDate' | 'guaranteedRenewalYears'>,
  expiryDate: string,
): boolean {
  const years = policy.guaranteedRenewalYears ?? 0;
  if (years <= 0) return false;
  // Cover "from 2026-01-10 to 2027-01-09" is renewed for a term starting 2027-01-10: guaranteed
  // when that day falls before the end of the guaranteed years.
  return addDays(expiryDate, 1) < addMonths(policy.effectiveDate, years * 12);
}

/**
 * The reminder events due on `today` (China date, YYYY-MM-DD) for a policy, ordered by date then kind.
 * A policy that is not in force (lapsed, surrendered, claimed, expired) has none, and nothing is said
 * about a date after a termination already recorded for the future.
 */
export function remindersDue(policy: ReminderPolicyInput, today: string): ReminderEvent[] {
  const schedule = paymentSchedule(
    {
      effectiveDate: policy.effectiveDate,
      expiryDate: policy.expiryDate,
      premium: policy.premium,
      frequency: policy.frequency,
      paymentTermYears: policy.paymentTermYears,
      gracePeriodDays: policy.gracePeriodDays,
      paidInstallments: policy.paidInstallments,
      endedOn: policy.termination?.date ?? null,
    },
    today,
  );
  const status = policyStatus({ expiryDate: policy.expiryDate, termination: policy.termination, schedule }, today);
  if (status !== 'ACTIVE') return [];

  const todayDay = epochDayOf(today);
  const endsOn = policy.termination?.date ?? null;
  const events: ReminderEvent[] = [];
  const consider = (kind: ReminderKind, date: string, extra: Partial<ReminderEvent> = {}): void => {
    if (endsOn !== null && date > endsOn) return;
    const daysUntil = epochDayOf(date) - todayDay;
    const [from, to] = REMINDER_WINDOWS[kind];
    if (daysUntil < from || daysUntil > to) return;
    events.push({
      kind,
      date,
      daysUntil,
      key: reminderEventKey(policy.id, kind, date),
      amount: null,
      notGuaranteedToRenew: false,
      ...extra,
    });
  };

  for (const installment of schedule) {
    // Only a premium still to pay, on or after today: paid ones (even in advance) need no reminder,
    // and one in its grace period is another story (overdue, not due).
    if (installment.state !== 'DUE' && !(installment.state === 'IN_GRACE' && installment.dueDate === today)) continue;
    for (const kind of ['PAYMENT_DUE_7D', 'PAYMENT_DUE_1D'] as const)
      consider(kind, installment.dueDate, { amount: installment.amount });
  }
  if (policy.expiryDate !== null) {
    const notGuaranteedToRenew = !renewalGuaranteed(policy, policy.expiryDate);
    for (const kind of ['EXPIRY_30D', 'EXPIRY_7D'] as const)
      consider(kind, policy.expiryDate, { notGuaranteedToRenew });
  }
  if (policy.coolingOffEndDate !== null) consider('COOLING_OFF_END', policy.coolingOffEndDate);
  if (policy.waitingPeriodDays) consider('WAITING_PERIOD_END', addDays(policy.effectiveDate, policy.waitingPeriodDays));

  return events.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind),
  );
}

export interface UpcomingReminder extends ReminderEvent {
  /** The first day from today on which the reminder is due (today for one due now or sent already). */
  readonly remindOn: string;
}

/**
 * The reminders of a policy due today or within the next `days` days (what the family overview
 * shows): `remindersDue` asked for each of those days, each event once, on the first day it is due,
 * with `daysUntil` counted from today. Today's include those sent already on an earlier day of their
 * window (their key says whether this person got it). Ordered by `remindOn`, then date, then kind.
 */
export function upcomingReminders(policy: ReminderPolicyInput, today: string, days: number): UpcomingReminder[] {
  const byKey = new Map<string, UpcomingReminder>();
  const todayDay = epochDayOf(today);
  for (let offset = 0; offset <= Math.max(0, Math.floor(days)); offset += 1) {
    const day = addDays(today, offset);
    for (const event of remindersDue(policy, day)) {
      if (byKey.has(event.key)) continue;
      byKey.set(event.key, { ...event, daysUntil: epochDayOf(event.date) - todayDay, remindOn: day });
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      (a.remindOn < b.remindOn ? -1 : a.remindOn > b.remindOn ? 1 : 0) ||
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind),
  );
}
