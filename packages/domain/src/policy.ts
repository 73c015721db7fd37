import { daysInMonth, parseCalendarDate } from './age.js';
import type { FieldProblem } from './family-member.js';
import { PRODUCT_CATEGORIES, type Fen, type ProductCategory } from './product.js';

/**
 * A family's insurance policy (F2): bought here or added by hand from another channel. What it
 * covers, what it costs and when, who receives the money, and where it stands — all derived from
 * dates and recorded payments, never typed in twice.
 */

export const POLICY_PAYMENT_FREQUENCIES = ['SINGLE', 'ANNUAL', 'SEMIANNUAL', 'QUARTERLY', 'MONTHLY'] as const;
export type PolicyPaymentFrequency = (typeof POLICY_PAYMENT_FREQUENCIES)[number];

export const PAYMENT_FREQUENCY_LABELS: Readonly<Record<PolicyPaymentFrequency, string>> = {
  SINGLE: '趸交',
  ANNUAL: '年交',
  SEMIANNUAL: '半年交',
  QUARTERLY: '季交',
  MONTHLY: '月交',
};

const MONTHS_BETWEEN_PAYMENTS: Readonly<Record<PolicyPaymentFrequency, number>> = {
  SINGLE: 0,
  ANNUAL: 12,
  SEMIANNUAL: 6,
  QUARTERLY: 3,
  MONTHLY: 1,
};

export function paymentsPerYear(frequency: PolicyPaymentFrequency): number {
  return frequency === 'SINGLE' ? 0 : 12 / MONTHS_BETWEEN_PAYMENTS[frequency];
}

/** What a year of the policy costs: a single premium counts in the year it is paid only. */
export function annualPremium(premium: Fen, frequency: PolicyPaymentFrequency): Fen {
  return frequency === 'SINGLE' ? 0 : premium * paymentsPerYear(frequency);
}

export const POLICY_STATUSES = ['ACTIVE', 'LAPSED', 'SURRENDERED', 'CLAIMED', 'EXPIRED'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_STATUS_LABELS: Readonly<Record<PolicyStatus, string>> = {
  ACTIVE: '保障中',
  LAPSED: '已失效',
  SURRENDERED: '已退保',
  CLAIMED: '已理赔终止',
  EXPIRED: '已到期',
};

/** How a policy ended before its term, when it did (recorded by a person, with a date). */
export const TERMINATION_REASONS = ['SURRENDERED', 'CLAIMED', 'LAPSED'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** Days after a due date during which an unpaid premium keeps the policy in force (宽限期). */
export const DEFAULT_GRACE_PERIOD_DAYS = 60;
/** Cooling-off period (犹豫期) of long-term personal insurance, from the effective date. */
export const DEFAULT_COOLING_OFF_DAYS = 15;

/**
 * Days since 1970-01-01 of a calendar date, and back (proleptic Gregorian; H. Hinnant's algorithms):
 * integer arithmetic only, so a schedule of hundreds of payments costs no Date objects.
 */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function dateOfEpochDay(days: number): string {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return formatDate(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

function parsed(date: string): { year: number; month: number; day: number } {
  const value = parseCalendarDate(date);
  if (!value) throw new RangeError(`not a date: ${date}`);
  return value;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function epochDayOf(date: string): number {
  const { year, month, day } = parsed(date);
  return epochDay(year, month, day);
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no time zones). */
export function addDays(date: string, days: number): string {
  return dateOfEpochDay(epochDayOf(date) + days);
}

/** The date `months` after a year, month and day, the day kept where it exists (31 Jan + 1 = 28/29 Feb). */
function monthsAfter(year: number, month: number, day: number, months: number): [number, number, number] {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return [targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))];
}

/** Adds months, keeping the day of month where it exists (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parsed(date);
  return formatDate(...monthsAfter(year, month, day, months));
}

export function daysBetween(from: string, to: string): number {
  return epochDayOf(to) - epochDayOf(from);
}

export type InstallmentState = 'PAID' | 'UPCOMING' | 'DUE' | 'IN_GRACE' | 'MISSED';

export interface Installment {
  /** 1-based. */
  readonly number: number;
  readonly dueDate: string;
  /** The last day it may be paid without the policy lapsing. */
  readonly graceEndDate: string;
  readonly amount: Fen;
  readonly state: InstallmentState;
}

export interface ScheduleInput {
  readonly effectiveDate: string;
  /** Null for whole-life cover. */
  readonly expiryDate: string | null;
  readonly premium: Fen;
  readonly frequency: PolicyPaymentFrequency;
  /** Years of payments (交费期); null: for as long as the policy runs (short-term, renewable). */
  readonly paymentTermYears: number | null;
  readonly gracePeriodDays: number;
  /** Installments paid so far, counted from the first. */
  readonly paidInstallments: number;
  /** The day the policy ended early (surrender, claim, lapse): nothing falls due after it. */
  readonly endedOn?: string | null;
}

/** Installments within this many days are DUE rather than UPCOMING. */
const DUE_SOON_DAYS = 30;
/** A schedule lists at most this many installments (a monthly premium over 30 years is 360). */
const MAX_INSTALLMENTS = 600;

/**
 * Every installment of the policy, with its state on `today`: paid ones, the one due next, those in
 * their grace period, and a missed one (past its grace: the policy lapses).
 */
export function paymentSchedule(input: ScheduleInput, today: string): Installment[] {
  const step = MONTHS_BETWEEN_PAYMENTS[input.frequency];
  const start = parsed(input.effectiveDate);
  const todayDay = epochDayOf(today);
  // Payments run for the payment term, or for as long as the policy runs; whole life without a term
  // is capped at a hundred years.
  const termEnd =
    input.paymentTermYears !== null
      ? epochDay(...monthsAfter(start.year, start.month, start.day, input.paymentTermYears * 12))
      : input.expiryDate
        ? epochDayOf(input.expiryDate)
        : epochDay(...monthsAfter(start.year, start.month, start.day, 100 * 12));
  const endedOn = input.endedOn ? epochDayOf(input.endedOn) : null;
  const installments: Installment[] = [];
  for (let number = 1; number <= MAX_INSTALLMENTS; number += 1) {
    const [year, month, day] = monthsAfter(start.year, start.month, start.day, (number - 1) * step);
    const due = epochDay(year, month, day);
    if (number > 1 && (step === 0 || due >= termEnd)) break;
    if (endedOn !== null && due > endedOn && number > input.paidInstallments) break;
    const graceEnd = due + input.gracePeriodDays;
    let state: InstallmentState;
    if (number <= input.paidInstallments) state = 'PAID';
    else if (due > todayDay) state = due - todayDay <= DUE_SOON_DAYS ? 'DUE' : 'UPCOMING';
    else state = graceEnd >= todayDay ? 'IN_GRACE' : 'MISSED';
    installments.push({
      number,
      dueDate: formatDate(year, month, day),
      graceEndDate: dateOfEpochDay(graceEnd),
      amount: input.premium,
      state,
    });
  }
  return installments;
}

export interface StatusInput {
  readonly expiryDate: string | null;
  readonly termination: { readonly reason: TerminationReason; readonly date: string } | null;
  readonly schedule: readonly Installment[];
}

/** Where the policy stands on `today`: an ending recorded by a person wins, then dates and payments. */
export function policyStatus(input: StatusInput, today: string): PolicyStatus {
  if (input.termination && input.termination.date <= today) return input.termination.reason;
  if (input.expiryDate !== null && input.expiryDate < today) return 'EXPIRED';
  if (input.schedule.some((installment) => installment.state === 'MISSED')) return 'LAPSED';
  return 'ACTIVE';
}

export interface BeneficiaryInput {
  /** A member of the household, or a name for someone outside it (then `name` is set). */
  readonly memberId?: string | null;
  readonly name?: string | null;
  /** 1 for the first in line (第一顺位), 2 for the next… */
  readonly order: number;
  /** Percent with up to two decimals: 33.33. */
  readonly sharePercent: number;
}

export interface CoverageItemInput {
  readonly name: string;
  readonly limit?: Fen | null;
  readonly deductible?: Fen | null;
  /** 0–100. */
  readonly payoutRatioPercent?: number | null;
}

export const MAX_COVERAGE_ITEMS = 20;
export const MAX_BENEFICIARIES = 10;

export interface PolicyInput {
  readonly insuredMemberId: string;
  readonly applicantMemberId?: string | null;
  readonly insurerName: string;
  readonly productName: string;
  readonly category: ProductCategory;
  readonly policyNumber?: string | null;
  readonly sumInsured: Fen;
  readonly premium: Fen;
  readonly frequency?: PolicyPaymentFrequency | null;
  readonly paymentTermYears?: number | null;
  readonly effectiveDate: string;
  readonly expiryDate?: string | null;
  readonly coolingOffEndDate?: string | null;
  readonly waitingPeriodDays?: number | null;
  readonly guaranteedRenewalYears?: number | null;
  readonly gracePeriodDays?: number | null;
  readonly paidInstallments?: number | null;
  /** True: the statutory heirs (法定受益人); false: the named beneficiaries below. */
  readonly statutoryBeneficiaries?: boolean | null;
  readonly beneficiaries?: readonly BeneficiaryInput[] | null;
  readonly coverageItems?: readonly CoverageItemInput[] | null;
  readonly notes?: string | null;
}

const MAX_AMOUNT: Fen = 100_000_000_000_00; // ¥100 billion: above any personal policy
const MAX_NOTE = 500;

/** Share in basis points (1/100 of a percent), exactly: 33.33 → 3333; null when it has more decimals. */
export function shareBasisPoints(sharePercent: number): number | null {
  const basisPoints = Math.round(sharePercent * 100);
  return Math.abs(basisPoints - sharePercent * 100) < 1e-6 ? basisPoints : null;
}

/**
 * Every problem with a policy, each at its field (`beneficiaries[1].sharePercent`); empty when it may
 * be saved. Membership of the members named is the service's to check (it knows the household).
 */
export function checkPolicy(input: PolicyInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string): void => {
    problems.push({ field, code, message });
  };
  if (!input.insurerName.trim() || input.insurerName.trim().length > 50)
    add('insurerName', 'INSURER_NAME_INVALID', '请填写 1–50 个字的保险公司名称');
  if (!input.productName.trim() || input.productName.trim().length > 80)
    add('productName', 'PRODUCT_NAME_INVALID', '请填写 1–80 个字的产品名称');
  if (!PRODUCT_CATEGORIES.includes(input.category)) add('category', 'CATEGORY_INVALID', '请选择险种');
  if (input.policyNumber && !/^[A-Za-z0-9-]{4,40}$/.test(input.policyNumber.trim()))
    add('policyNumber', 'POLICY_NUMBER_INVALID', '保单号须为 4–40 位字母、数字或短横线');
  if (!Number.isSafeInteger(input.sumInsured) || input.sumInsured <= 0 || input.sumInsured > MAX_AMOUNT)
    add('sumInsured', 'AMOUNT_INVALID', '保额须为大于 0 的金额');
  if (!Number.isSafeInteger(input.premium) || input.premium < 0 || input.premium > MAX_AMOUNT)
    add('premium', 'AMOUNT_INVALID', '保费须为不小于 0 的金额');

  const effective = parseCalendarDate(input.effectiveDate);
  if (!effective) add('effectiveDate', 'DATE_INVALID', '生效日期须为有效日期，如 2026-01-01');
  const expiry = input.expiryDate ? parseCalendarDate(input.expiryDate) : null;
  if (input.expiryDate && !expiry) add('expiryDate', 'DATE_INVALID', '满期日期须为有效日期');
  if (effective && expiry && input.expiryDate! <= input.effectiveDate)
    add('expiryDate', 'DATES_OUT_OF_ORDER', '满期日期须晚于生效日期');
  if (input.coolingOffEndDate) {
    if (!parseCalendarDate(input.coolingOffEndDate))
      add('coolingOffEndDate', 'DATE_INVALID', '犹豫期截止日期须为有效日期');
    else if (effective && input.coolingOffEndDate < input.effectiveDate)
      add('coolingOffEndDate', 'DATES_OUT_OF_ORDER', '犹豫期截止日期不能早于生效日期');
  }
  const frequency = input.frequency ?? 'ANNUAL';
  const term = input.paymentTermYears;
  if (term !== null && term !== undefined && !(Number.isInteger(term) && term >= 1 && term <= 100))
    add('paymentTermYears', 'PAYMENT_TERM_INVALID', '交费年期须为 1–100 年');
  if (frequency === 'SINGLE' && term !== null && term !== undefined && term !== 1)
    add('paymentTermYears', 'PAYMENT_TERM_INVALID', '趸交保单的交费年期为 1 年');
  const datesInOrder = effective !== null && expiry !== null && input.expiryDate! > input.effectiveDate;
  // A policy "from 2026-01-10 to 2027-01-09" runs one year: payments may run to the day before the anniversary.
  if (
    datesInOrder &&
    term &&
    frequency !== 'SINGLE' &&
    addDays(addMonths(input.effectiveDate, term * 12), -1) > input.expiryDate!
  )
    add('paymentTermYears', 'PAYMENT_TERM_TOO_LONG', '交费年期不能长于保险期间');
  for (const [field, value, max] of [
    ['waitingPeriodDays', input.waitingPeriodDays, 730],
    ['guaranteedRenewalYears', input.guaranteedRenewalYears, 100],
    ['gracePeriodDays', input.gracePeriodDays, 365],
    ['paidInstallments', input.paidInstallments, 1200],
  ] as const) {
    if (value !== null && value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= max))
      add(field, 'NUMBER_INVALID', `须为 0–${max} 之间的整数`);
  }
  if (input.notes && input.notes.length > MAX_NOTE) add('notes', 'NOTES_TOO_LONG', `备注不能超过 ${MAX_NOTE} 字`);

  const items = input.coverageItems ?? [];
  if (items.length > MAX_COVERAGE_ITEMS) add('coverageItems', 'TOO_MANY', `保障责任最多 ${MAX_COVERAGE_ITEMS} 项`);
  items.slice(0, MAX_COVERAGE_ITEMS).forEach((item, index) => {
    const at = `coverageItems[${index}]`;
    if (!item.name.trim() || item.name.trim().length > 60)
      add(`${at}.name`, 'NAME_INVALID', '请填写 1–60 个字的责任名称');
    for (const key of ['limit', 'deductible'] as const) {
      const amount = item[key];
      if (
        amount !== null &&
        amount !== undefined &&
        !(Number.isSafeInteger(amount) && amount >= 0 && amount <= MAX_AMOUNT)
      )
        add(`${at}.${key}`, 'AMOUNT_INVALID', '金额须为不小于 0 的金额');
    }
    const ratio = item.payoutRatioPercent;
    if (ratio !== null && ratio !== undefined && !(Number.isInteger(ratio) && ratio >= 0 && ratio <= 100))
      add(`${at}.payoutRatioPercent`, 'RATIO_INVALID', '赔付比例须为 0–100 的整数');
  });

  const beneficiaries = input.beneficiaries ?? [];
  if (beneficiaries.length > MAX_BENEFICIARIES) add('beneficiaries', 'TOO_MANY', `受益人最多 ${MAX_BENEFICIARIES} 位`);
  if (input.statutoryBeneficiaries !== false && beneficiaries.length > 0)
    add('beneficiaries', 'BENEFICIARIES_WITH_STATUTORY', '已选择法定受益人时不能再指定受益人');
  if (input.statutoryBeneficiaries === false && beneficiaries.length === 0)
    add('beneficiaries', 'BENEFICIARIES_REQUIRED', '请至少指定一位受益人，或选择法定受益人');
  const totals = new Map<number, number>();
  beneficiaries.forEach((beneficiary, index) => {
    const at = `beneficiaries[${index}]`;
    if (!beneficiary.memberId && !beneficiary.name?.trim())
      add(`${at}.name`, 'BENEFICIARY_UNNAMED', '请选择家庭成员或填写受益人姓名');
    if (!(Number.isInteger(beneficiary.order) && beneficiary.order >= 1 && beneficiary.order <= 5))
      add(`${at}.order`, 'ORDER_INVALID', '受益顺序须为 1–5');
    const share = shareBasisPoints(beneficiary.sharePercent);
    if (share === null || share <= 0 || share > 10_000) {
      add(`${at}.sharePercent`, 'SHARE_INVALID', '受益比例须为 0.01%–100%，最多两位小数');
    } else {
      totals.set(beneficiary.order, (totals.get(beneficiary.order) ?? 0) + share);
    }
  });
  for (const [order, total] of [...totals].sort(([a], [b]) => a - b)) {
    if (total !== 10_000) {
      const last = beneficiaries.map((beneficiary) => beneficiary.order).lastIndexOf(order);
      add(
        `beneficiaries[${last}].sharePercent`,
        'SHARES_NOT_100',
        `第${order}顺位受益人的受益比例合计须为 100%（现为 ${(total / 100).toFixed(2)}%）`,
      );
    }
  }
  return problems;
}
