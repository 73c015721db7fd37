import { formatMoney } from '@family/domain';
import type {
  InstallmentState,
  PolicyFieldsFragment,
  PolicyPaymentFrequency,
  PolicyStatus,
  TerminationReason,
} from '../../../graphql/generated/graphql';
import { formatYuanExact } from './money-input';

/**
 * How the family pages show policies (F2): status and payment states in words and a tone (the colour
 * only repeats what the words say), the next payment, terms, beneficiaries, and what a member's card
 * says about their policies.
 */

export type Tone = 'success' | 'accent' | 'warning' | 'error' | 'neutral';

export type PolicyLike = Pick<
  PolicyFieldsFragment,
  'status' | 'statusLabel' | 'schedule' | 'inCoolingOff' | 'coolingOffEndDate' | 'effectiveDate' | 'productName'
>;
type Installment = PolicyFieldsFragment['schedule'][number];

export const STATUS_TONES: Readonly<Record<PolicyStatus, Tone>> = {
  ACTIVE: 'success',
  LAPSED: 'error',
  SURRENDERED: 'neutral',
  CLAIMED: 'neutral',
  EXPIRED: 'neutral',
};

/** Each payment's state in words; the schedule shows them next to a tone, never by colour alone. */
export const INSTALLMENT_LABELS: Readonly<Record<InstallmentState, string>> = {
  PAID: '已缴',
  UPCOMING: '待缴',
  DUE: '30天内到期',
  IN_GRACE: '宽限期中',
  MISSED: '已逾期未缴',
};

export const INSTALLMENT_TONES: Readonly<Record<InstallmentState, Tone>> = {
  PAID: 'success',
  UPCOMING: 'neutral',
  DUE: 'accent',
  IN_GRACE: 'warning',
  MISSED: 'error',
};

/** A short mark before the state's words, for a glance (the words carry the meaning). */
export const INSTALLMENT_MARKS: Readonly<Record<InstallmentState, string>> = {
  PAID: '✓',
  UPCOMING: '○',
  DUE: '●',
  IN_GRACE: '!',
  MISSED: '×',
};

export const TERMINATION_LABELS: Readonly<Record<TerminationReason, string>> = {
  SURRENDERED: '退保',
  CLAIMED: '理赔终止',
  LAPSED: '失效',
};

export const TERMINATION_REASONS: readonly TerminationReason[] = ['SURRENDERED', 'CLAIMED', 'LAPSED'];

/** The payment that comes next: the first not paid, while the policy is in force; null otherwise. */
export function nextPayment(policy: Pick<PolicyLike, 'status' | 'schedule'>): Installment | null {
  if (policy.status !== 'ACTIVE') return null;
  return policy.schedule.find((installment) => installment.state !== 'PAID') ?? null;
}

/** The installment in its grace period, when one is: the policy lapses unless it is paid. */
export function inGrace(policy: Pick<PolicyLike, 'status' | 'schedule'>): Installment | null {
  if (policy.status !== 'ACTIVE') return null;
  return policy.schedule.find((installment) => installment.state === 'IN_GRACE') ?? null;
}

/** "下次缴费 2027-03-01 · ¥3200（30天内到期）", or null when nothing is to be paid. */
export function formatNextPayment(policy: Pick<PolicyLike, 'status' | 'schedule'>): string | null {
  const next = nextPayment(policy);
  if (!next) return null;
  const state = next.state === 'UPCOMING' ? '' : `（${INSTALLMENT_LABELS[next.state]}）`;
  return `下次缴费 ${next.dueDate} · ${formatYuanExact(next.amount)}${state}`;
}

/** A warning about the policy, when it needs attention: a premium in grace, or a lapse. */
export function policyWarning(policy: Pick<PolicyLike, 'status' | 'schedule'>): string | null {
  const grace = inGrace(policy);
  if (grace) return `第 ${grace.number} 期保费未缴，请在 ${grace.graceEndDate} 前缴纳，否则保单将失效`;
  if (policy.status === 'LAPSED') return '有保费超过宽限期未缴，保单已失效';
  return null;
}

/** Policies in the order the member page lists them: in force first, then by start date, newest first. */
export function sortPolicies<T extends Pick<PolicyLike, 'status' | 'effectiveDate'>>(policies: readonly T[]): T[] {
  const rank = (status: PolicyStatus): number => (status === 'ACTIVE' ? 0 : status === 'LAPSED' ? 1 : 2);
  return [...policies].sort(
    (a, b) => rank(a.status) - rank(b.status) || b.effectiveDate.localeCompare(a.effectiveDate),
  );
}

export interface MemberPolicySummary {
  /** Every policy insuring the member, whatever its status. */
  count: number;
  /** "2 份保单", "2 份保单 · 1 份保障中", or null for none. */
  text: string | null;
  /** A premium in grace or a lapsed policy, worth a warning on the card. */
  warning: string | null;
}

/** What a member's card says about the policies insuring them. */
export function memberPolicySummary(
  policies: readonly (Pick<PolicyLike, 'status' | 'schedule'> & { insuredMemberId: string })[],
  memberId: string,
): MemberPolicySummary {
  const own = policies.filter((policy) => policy.insuredMemberId === memberId);
  if (own.length === 0) return { count: 0, text: null, warning: null };
  const active = own.filter((policy) => policy.status === 'ACTIVE').length;
  const text = active === own.length ? `${own.length} 份保单` : `${own.length} 份保单 · ${active} 份保障中`;
  const grace = own.filter((policy) => inGrace(policy) !== null).length;
  const lapsed = own.filter((policy) => policy.status === 'LAPSED').length;
  const warnings = [
    grace > 0 ? `${grace} 份保单在宽限期内，请尽快缴费` : '',
    lapsed > 0 ? `${lapsed} 份保单已失效` : '',
  ].filter(Boolean);
  return { count: own.length, text, warning: warnings.length > 0 ? warnings.join('；') : null };
}

/** The premium and how often: "¥3200 / 年交", "¥268 / 月交", "¥5000 趸交". */
export function formatPremium(premium: number, frequency: PolicyPaymentFrequency, frequencyLabel: string): string {
  return frequency === 'SINGLE'
    ? `${formatYuanExact(premium)} ${frequencyLabel}`
    : `${formatYuanExact(premium)} / ${frequencyLabel}`;
}

/** The payment term (交费期): "20 年", "趸交", or "交至保障期满". */
export function formatPaymentTerm(years: number | null, frequency: PolicyPaymentFrequency): string {
  if (frequency === 'SINGLE') return '趸交（一次交清）';
  return years === null ? '交至保障期满' : `${years} 年`;
}

/** The period of cover: "2026-01-01 至 2027-01-01", or "2026-01-01 起，终身". */
export function formatCoveragePeriod(effectiveDate: string, expiryDate: string | null): string {
  return expiryDate ? `${effectiveDate} 至 ${expiryDate}` : `${effectiveDate} 起，终身`;
}

/** A sum insured or limit for display: "¥50万", "¥2000". */
export function formatAmount(fen: number | null): string {
  return fen === null ? '—' : formatMoney(fen);
}

const ORDER_NAMES = ['第一', '第二', '第三', '第四', '第五'];

/** "第一顺位" for order 1. */
export function orderLabel(order: number): string {
  return `${ORDER_NAMES[order - 1] ?? `第${order}`}顺位`;
}

/** Beneficiaries grouped by order, in order: 第一顺位 张三 50%、李四 50%. */
export function beneficiaryGroups(
  beneficiaries: readonly PolicyFieldsFragment['beneficiaries'][number][],
): { order: number; label: string; people: { name: string; share: string }[] }[] {
  const orders = [...new Set(beneficiaries.map((beneficiary) => beneficiary.order))].sort((a, b) => a - b);
  return orders.map((order) => ({
    order,
    label: orderLabel(order),
    people: beneficiaries
      .filter((beneficiary) => beneficiary.order === order)
      .map((beneficiary) => ({ name: beneficiary.name, share: `${formatPercentShare(beneficiary.sharePercent)}%` })),
  }));
}

/** A share as typed back: 33.33 → "33.33", 50 → "50" (two decimals at most, exactly). */
export function formatPercentShare(sharePercent: number): string {
  const basisPoints = Math.round(sharePercent * 100);
  const whole = Math.floor(basisPoints / 100);
  const fraction = basisPoints % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/** A coverage item's terms: "限额 ¥2万 · 免赔额 ¥1万 · 赔付 100%", or "—" when none is given. */
export function formatCoverageTerms(item: PolicyFieldsFragment['coverageItems'][number]): string {
  const parts = [
    item.limit !== null ? `限额 ${formatMoney(item.limit)}` : '',
    item.deductible !== null ? `免赔额 ${formatMoney(item.deductible)}` : '',
    item.payoutRatioPercent !== null ? `赔付 ${item.payoutRatioPercent}%` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

/** Policies that ended (退保, 理赔终止, 到期): nothing more is to be paid. */
export function hasEnded(policy: Pick<PolicyLike, 'status'>): boolean {
  return policy.status === 'SURRENDERED' || policy.status === 'CLAIMED' || policy.status === 'EXPIRED';
}

/**
 * The installments worth listing: all of them while the policy runs or has lapsed (the missed one
 * matters); once it ended, only those paid (the BFF's schedule still runs on to the term).
 */
export function scheduleToShow(policy: Pick<PolicyLike, 'status' | 'schedule'>): Installment[] {
  return hasEnded(policy)
    ? policy.schedule.filter((installment) => installment.state === 'PAID')
    : [...policy.schedule];
}

export interface ScheduleSummary {
  paid: number;
  total: number;
  /** "已缴 3 / 20 期", "已缴 1 / 1 期". */
  text: string;
}

export function scheduleSummary(policy: Pick<PolicyLike, 'status' | 'schedule'>): ScheduleSummary {
  const { schedule } = policy;
  const paid = schedule.filter((installment) => installment.state === 'PAID').length;
  if (hasEnded(policy)) return { paid, total: paid, text: `已缴 ${paid} 期，保单已结束` };
  return { paid, total: schedule.length, text: `已缴 ${paid} / ${schedule.length} 期` };
}

/**
 * The installments the policy page lists: every one not paid, and the paid ones around them up to
 * `limit` rows (a monthly premium over 20 years is 240 payments); `hidden` says how many are left out.
 */
export function scheduleRows(schedule: readonly Installment[], limit = 12): { rows: Installment[]; hidden: number } {
  if (schedule.length <= limit) return { rows: [...schedule], hidden: 0 };
  const firstOpen = schedule.findIndex((installment) => installment.state !== 'PAID');
  // Two paid ones before the first open one, then what comes next.
  const start = firstOpen < 0 ? schedule.length - limit : Math.max(0, Math.min(firstOpen - 2, schedule.length - limit));
  const rows = schedule.slice(start, start + limit);
  return { rows, hidden: schedule.length - rows.length };
}

/** What a screen reader says for one installment: "第 3 期，2027-01-01，¥3200，已缴". */
export function installmentLabel(installment: Installment): string {
  const grace = installment.state === 'IN_GRACE' ? `，宽限期至 ${installment.graceEndDate}` : '';
  return `第 ${installment.number} 期，${installment.dueDate}，${formatYuanExact(installment.amount)}，${INSTALLMENT_LABELS[installment.state]}${grace}`;
}
