import {
  addDays,
  checkPolicy,
  DEFAULT_COOLING_OFF_DAYS,
  parseCalendarDate,
  shareBasisPoints,
  type PolicyInput as DomainPolicyInput,
} from '@family/domain';
import type { InputErrorReason } from '../../../graphql/errors';
import type {
  BeneficiaryInput,
  PolicyCoverageItemInput,
  PolicyFieldsFragment,
  PolicyInput,
  PolicyPaymentFrequency,
  PolicyUpdateInput,
  ProductCategory,
} from '../../../graphql/generated/graphql';
import { normaliseBirthDate as normaliseDate } from './member-form';
import { fenToYuanText, readYuan } from './money-input';
import { formatPercentShare, orderLabel } from './policy-display';

/**
 * The add / edit policy form (F2): its values (amounts as typed in 元), the checks made before
 * sending (the domain's `checkPolicy`, the same the BFF runs, plus what only the form knows: an amount
 * that is not one, a field left empty), the input sent (everything when adding, only what changed
 * when editing) and where the BFF's `BAD_USER_INPUT` reasons land.
 *
 * Errors are keyed by the field's path in the API's input (`sumInsured`, `beneficiaries[1].sharePercent`),
 * so a reason `input.<field>` from the BFF lands where the form's own message would.
 */

export type Policy = PolicyFieldsFragment;

export interface BeneficiaryRow {
  /** Stable across edits, for React keys. */
  key: string;
  /** A household member, or null for someone named below. */
  memberId: string | null;
  name: string;
  /** 1–5, as typed. */
  order: string;
  /** Percent, as typed: "33.33". */
  share: string;
}

export interface CoverageItemRow {
  key: string;
  name: string;
  /** 元, as typed. */
  limit: string;
  deductible: string;
  /** 0–100, as typed. */
  ratio: string;
}

/** What happens to the stored policy number when editing: kept (masked), changed, or removed. */
export type PolicyNumberMode = 'keep' | 'change' | 'remove';

export interface PolicyFormValues {
  insuredMemberId: string | null;
  applicantMemberId: string | null;
  insurerName: string;
  productName: string;
  /** The catalogue product chosen with 从保险超市选择; only sent when adding. */
  productId: string | null;
  category: ProductCategory | null;
  policyNumber: string;
  policyNumberMode: PolicyNumberMode;
  /** 元, as typed. */
  sumInsured: string;
  premium: string;
  frequency: PolicyPaymentFrequency;
  /** `whole`: payments for as long as the policy runs (交至期满). */
  paymentTermMode: 'years' | 'whole';
  paymentTermYears: string;
  effectiveDate: string;
  /** `lifetime`: no expiry (终身). */
  expiryMode: 'date' | 'lifetime';
  expiryDate: string;
  /** Empty: the BFF's default (15 days after the start for long-term cover). */
  coolingOffEndDate: string;
  waitingPeriodDays: string;
  guaranteedRenewalYears: string;
  statutoryBeneficiaries: boolean;
  beneficiaries: BeneficiaryRow[];
  coverageItems: CoverageItemRow[];
  notes: string;
}

/** Messages per field path; `form` holds those that belong to no field. */
export type PolicyFormErrors = Partial<Record<string, string[]>>;

export const FREQUENCIES: readonly PolicyPaymentFrequency[] = [
  'ANNUAL',
  'MONTHLY',
  'QUARTERLY',
  'SEMIANNUAL',
  'SINGLE',
];
export const MAX_ORDER = 5;

let nextKey = 0;
function key(prefix: string): string {
  nextKey += 1;
  return `${prefix}${nextKey}`;
}

export function emptyBeneficiary(order = 1): BeneficiaryRow {
  return { key: key('b'), memberId: null, name: '', order: String(order), share: '' };
}

export function emptyCoverageItem(): CoverageItemRow {
  return { key: key('c'), name: '', limit: '', deductible: '', ratio: '' };
}

export function emptyPolicyForm(insuredMemberId: string | null = null): PolicyFormValues {
  return {
    insuredMemberId,
    applicantMemberId: null,
    insurerName: '',
    productName: '',
    productId: null,
    category: null,
    policyNumber: '',
    policyNumberMode: 'change',
    sumInsured: '',
    premium: '',
    frequency: 'ANNUAL',
    paymentTermMode: 'years',
    paymentTermYears: '',
    effectiveDate: '',
    expiryMode: 'date',
    expiryDate: '',
    coolingOffEndDate: '',
    waitingPeriodDays: '',
    guaranteedRenewalYears: '',
    statutoryBeneficiaries: true,
    beneficiaries: [],
    coverageItems: [],
    notes: '',
  };
}

const numberText = (value: number | null): string => (value === null ? '' : String(value));

/** The form prefilled with a policy; its number is kept (and shown masked) until changed. */
export function policyFormFrom(policy: Policy): PolicyFormValues {
  return {
    insuredMemberId: policy.insuredMemberId,
    applicantMemberId: policy.applicantMemberId,
    insurerName: policy.insurerName,
    productName: policy.productName,
    productId: policy.productId,
    category: policy.category,
    policyNumber: '',
    policyNumberMode: policy.policyNumber ? 'keep' : 'change',
    sumInsured: fenToYuanText(policy.sumInsured),
    premium: fenToYuanText(policy.premium),
    frequency: policy.frequency,
    paymentTermMode: policy.paymentTermYears === null && policy.frequency !== 'SINGLE' ? 'whole' : 'years',
    paymentTermYears: policy.frequency === 'SINGLE' ? '' : numberText(policy.paymentTermYears),
    effectiveDate: policy.effectiveDate,
    expiryMode: policy.expiryDate ? 'date' : 'lifetime',
    expiryDate: policy.expiryDate ?? '',
    coolingOffEndDate: policy.coolingOffEndDate ?? '',
    waitingPeriodDays: numberText(policy.waitingPeriodDays),
    guaranteedRenewalYears: numberText(policy.guaranteedRenewalYears),
    statutoryBeneficiaries: policy.statutoryBeneficiaries,
    beneficiaries: policy.beneficiaries.map((beneficiary) => ({
      key: key('b'),
      memberId: beneficiary.memberId,
      name: beneficiary.memberId ? '' : beneficiary.name,
      order: String(beneficiary.order),
      share: formatPercentShare(beneficiary.sharePercent),
    })),
    coverageItems: policy.coverageItems.map((item) => ({
      key: key('c'),
      name: item.name,
      limit: fenToYuanText(item.limit),
      deductible: fenToYuanText(item.deductible),
      ratio: numberText(item.payoutRatioPercent),
    })),
    notes: policy.notes ?? '',
  };
}

/** What a catalogue product fills in (从保险超市选择). */
export interface PickedProduct {
  id: string;
  name: string;
  category: ProductCategory;
  insurer: { name: string };
}

export function applyProduct(product: PickedProduct): Partial<PolicyFormValues> {
  return {
    insurerName: product.insurer.name,
    productName: product.name,
    category: product.category,
    productId: product.id,
  };
}

// ---------------------------------------------------------------------------------------------
// Beneficiaries: the running total of each order.

export interface OrderTotal {
  order: number;
  /** Basis points (1/100 of a percent) of the shares that read as numbers. */
  basisPoints: number;
  /** "第一顺位合计 66.67%", and what is missing or over: "，还差 33.33%". */
  text: string;
  complete: boolean;
}

/** The total share of each order typed so far, so the form can say what is left before saving. */
export function beneficiaryTotals(rows: readonly BeneficiaryRow[]): OrderTotal[] {
  const totals = new Map<number, number>();
  for (const row of rows) {
    const order = Number(row.order);
    if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER) continue;
    const share = row.share.trim() === '' ? 0 : shareBasisPoints(Number(row.share));
    totals.set(order, (totals.get(order) ?? 0) + (share !== null && Number.isFinite(share) ? share : 0));
  }
  return [...totals]
    .sort(([a], [b]) => a - b)
    .map(([order, basisPoints]) => {
      const total = formatPercentShare(basisPoints / 100);
      const left = 10_000 - basisPoints;
      const rest =
        left === 0
          ? ''
          : left > 0
            ? `，还差 ${formatPercentShare(left / 100)}%`
            : `，超出 ${formatPercentShare(-left / 100)}%`;
      return { order, basisPoints, text: `${orderLabel(order)}合计 ${total}%${rest}`, complete: left === 0 };
    });
}

// ---------------------------------------------------------------------------------------------
// Checks.

function add(errors: PolicyFormErrors, field: string, message: string): void {
  const list = errors[field] ?? [];
  if (!list.includes(message)) list.push(message);
  errors[field] = list;
}

export function hasErrors(errors: PolicyFormErrors): boolean {
  return Object.values(errors).some((list) => list !== undefined && list.length > 0);
}

/** Fen of an amount field, with the form's own message when it is not an amount. */
function amount(
  text: string,
  field: string,
  errors: PolicyFormErrors,
  required: string | null,
): number | null | undefined {
  const reading = readYuan(text);
  if (reading.kind === 'amount') return reading.fen;
  if (reading.kind === 'invalid') {
    add(errors, field, '请输入金额（元），最多两位小数，如 3000');
    return undefined;
  }
  if (required) add(errors, field, required);
  return required ? undefined : null;
}

/** A whole number field: null when empty, undefined (with a message) when not a whole number. */
function integer(text: string, field: string, errors: PolicyFormErrors, message: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,4}$/.test(trimmed)) {
    add(errors, field, message);
    return undefined;
  }
  return Number(trimmed);
}

/** A date field as YYYY-MM-DD (typed `2026-3-1` on H5 reads as 2026-03-01). */
function date(text: string): string {
  return normaliseDate(text);
}

/** The policy the form describes, as far as it reads; `errors` gets what only the form can say. */
function readForm(values: PolicyFormValues, errors: PolicyFormErrors): DomainPolicyInput {
  if (!values.insuredMemberId) add(errors, 'insuredMemberId', '请选择被保人');
  const sumInsured = amount(values.sumInsured, 'sumInsured', errors, '请填写保额');
  const premium = amount(values.premium, 'premium', errors, '请填写每期保费');
  const single = values.frequency === 'SINGLE';
  let paymentTermYears: number | null | undefined = null;
  if (!single && values.paymentTermMode === 'years') {
    paymentTermYears = integer(values.paymentTermYears, 'paymentTermYears', errors, '交费年期须为整数年');
    if (paymentTermYears === null) add(errors, 'paymentTermYears', '请填写交费年期，或选择“交至期满”');
  }
  const effectiveDate = date(values.effectiveDate);
  if (effectiveDate === '') add(errors, 'effectiveDate', '请填写生效日期');
  const expiryDate = values.expiryMode === 'lifetime' ? null : date(values.expiryDate);
  if (expiryDate === '') add(errors, 'expiryDate', '请填写满期日期，或选择“终身”');
  const waitingPeriodDays = integer(values.waitingPeriodDays, 'waitingPeriodDays', errors, '等待期须为整数天');
  const guaranteedRenewalYears = integer(
    values.guaranteedRenewalYears,
    'guaranteedRenewalYears',
    errors,
    '保证续保须为整数年',
  );
  const coverageItems = values.coverageItems.map((row, index) => {
    const at = `coverageItems[${index}]`;
    return {
      name: row.name,
      limit: amount(row.limit, `${at}.limit`, errors, null),
      deductible: amount(row.deductible, `${at}.deductible`, errors, null),
      payoutRatioPercent: integer(row.ratio, `${at}.payoutRatioPercent`, errors, '赔付比例须为 0–100 的整数'),
    };
  });
  const beneficiaries = values.statutoryBeneficiaries
    ? []
    : values.beneficiaries.map((row, index) => {
        const at = `beneficiaries[${index}]`;
        const share = row.share.trim();
        if (share === '') add(errors, `${at}.sharePercent`, '请填写受益比例');
        else if (!/^\d{1,3}(\.\d{1,2})?$/.test(share))
          add(errors, `${at}.sharePercent`, '受益比例须为 0.01–100 的数，最多两位小数');
        return {
          memberId: row.memberId,
          name: row.memberId ? null : row.name,
          order: Number(row.order),
          sharePercent: share === '' ? 0 : Number(share),
        };
      });
  return {
    insuredMemberId: values.insuredMemberId ?? '',
    applicantMemberId: values.applicantMemberId,
    insurerName: values.insurerName,
    productName: values.productName,
    // A missing category is the domain's to report (请选择险种).
    category: (values.category ?? '') as ProductCategory,
    policyNumber: values.policyNumberMode === 'change' ? values.policyNumber.trim() || null : null,
    // Unreadable amounts are reported above; NaN keeps the domain from adding its own message twice.
    sumInsured: sumInsured ?? Number.NaN,
    premium: premium ?? Number.NaN,
    frequency: values.frequency,
    paymentTermYears: single ? null : (paymentTermYears ?? null),
    effectiveDate,
    expiryDate,
    coolingOffEndDate: date(values.coolingOffEndDate) || null,
    waitingPeriodDays: waitingPeriodDays ?? null,
    guaranteedRenewalYears: guaranteedRenewalYears ?? null,
    statutoryBeneficiaries: values.statutoryBeneficiaries,
    beneficiaries,
    coverageItems: coverageItems.map((item) => ({
      name: item.name,
      limit: item.limit ?? null,
      deductible: item.deductible ?? null,
      payoutRatioPercent: item.payoutRatioPercent ?? null,
    })),
    notes: values.notes.trim() || null,
  };
}

/**
 * Every problem with the form, each at its field; empty when it may be sent. The form's own messages
 * (an empty or unreadable field) come first; the domain's `checkPolicy` adds the rest, but not a
 * second message for a field the form already explained.
 */
export function validatePolicyForm(values: PolicyFormValues): PolicyFormErrors {
  const errors: PolicyFormErrors = {};
  const input = readForm(values, errors);
  const explained = new Set(Object.keys(errors));
  for (const problem of checkPolicy(input)) {
    if (explained.has(problem.field)) continue;
    add(errors, problem.field, problem.message);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// What is sent.

function beneficiariesInput(values: PolicyFormValues): BeneficiaryInput[] {
  return values.beneficiaries.map((row) => ({
    ...(row.memberId ? { memberId: row.memberId } : { name: row.name.trim() }),
    order: Number(row.order),
    sharePercent: Number(row.share.trim()),
  }));
}

function coverageInput(values: PolicyFormValues): PolicyCoverageItemInput[] {
  return values.coverageItems.map((row) => {
    const limit = readYuan(row.limit);
    const deductible = readYuan(row.deductible);
    const ratio = row.ratio.trim();
    return {
      name: row.name.trim(),
      limit: limit.kind === 'amount' ? limit.fen : null,
      deductible: deductible.kind === 'amount' ? deductible.fen : null,
      payoutRatioPercent: ratio === '' ? null : Number(ratio),
    };
  });
}

function fen(text: string): number {
  const reading = readYuan(text);
  if (reading.kind !== 'amount') throw new Error('validate the policy form first');
  return reading.fen;
}

const optionalInteger = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

function paymentTerm(values: PolicyFormValues): number | null {
  if (values.frequency === 'SINGLE' || values.paymentTermMode === 'whole') return null;
  return Number(values.paymentTermYears.trim());
}

/** The input of `addPolicy`; call only on a form that passed validatePolicyForm. */
export function toAddInput(values: PolicyFormValues): PolicyInput {
  if (!values.insuredMemberId || !values.category) throw new Error('validate the policy form first');
  const expiryDate = values.expiryMode === 'lifetime' ? null : date(values.expiryDate);
  const coolingOffEndDate = date(values.coolingOffEndDate);
  const policyNumber = values.policyNumber.trim();
  const notes = values.notes.trim();
  const input: PolicyInput = {
    insuredMemberId: values.insuredMemberId,
    insurerName: values.insurerName.trim(),
    productName: values.productName.trim(),
    category: values.category,
    sumInsured: fen(values.sumInsured),
    premium: fen(values.premium),
    frequency: values.frequency,
    paymentTermYears: paymentTerm(values),
    effectiveDate: date(values.effectiveDate),
    expiryDate,
    statutoryBeneficiaries: values.statutoryBeneficiaries,
  };
  if (values.applicantMemberId) input.applicantMemberId = values.applicantMemberId;
  if (values.productId) input.productId = values.productId;
  if (policyNumber) input.policyNumber = policyNumber;
  if (coolingOffEndDate) input.coolingOffEndDate = coolingOffEndDate;
  if (values.waitingPeriodDays.trim()) input.waitingPeriodDays = Number(values.waitingPeriodDays.trim());
  if (values.guaranteedRenewalYears.trim()) input.guaranteedRenewalYears = Number(values.guaranteedRenewalYears.trim());
  if (!values.statutoryBeneficiaries) input.beneficiaries = beneficiariesInput(values);
  if (values.coverageItems.length > 0) input.coverageItems = coverageInput(values);
  if (notes) input.notes = notes;
  return input;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Beneficiaries and coverage items compared field by field, whatever the order of their keys. */
const beneficiaryKey = (list: readonly BeneficiaryInput[]): string =>
  JSON.stringify(list.map((b) => [b.memberId ?? null, b.memberId ? null : (b.name ?? null), b.order, b.sharePercent]));
const coverageKey = (list: readonly PolicyCoverageItemInput[]): string =>
  JSON.stringify(list.map((i) => [i.name, i.limit ?? null, i.deductible ?? null, i.payoutRatioPercent ?? null]));

/**
 * The input of `updatePolicy`: only what differs from the policy as loaded (null clears an optional
 * field; '' removes the policy number). Beneficiaries go together with the statutory switch: turning it
 * on sends an empty list, so the stored named beneficiaries do not contradict it. Empty when nothing
 * changed.
 */
export function toUpdateInput(values: PolicyFormValues, original: Policy): PolicyUpdateInput {
  const input: PolicyUpdateInput = {};
  const set = <K extends keyof PolicyUpdateInput>(field: K, value: PolicyUpdateInput[K], was: unknown): void => {
    if (!sameJson(value, was)) input[field] = value;
  };
  if (values.insuredMemberId) set('insuredMemberId', values.insuredMemberId, original.insuredMemberId);
  set('applicantMemberId', values.applicantMemberId, original.applicantMemberId);
  set('insurerName', values.insurerName.trim(), original.insurerName);
  set('productName', values.productName.trim(), original.productName);
  if (values.category) set('category', values.category, original.category);
  if (values.policyNumberMode === 'change' && values.policyNumber.trim())
    input.policyNumber = values.policyNumber.trim();
  if (values.policyNumberMode === 'remove' && original.policyNumber) input.policyNumber = '';
  set('sumInsured', fen(values.sumInsured), original.sumInsured);
  set('premium', fen(values.premium), original.premium);
  set('frequency', values.frequency, original.frequency);
  const term = paymentTerm(values);
  // A single premium is stored with a one-year term: unchanged unless the frequency changes.
  if (!(values.frequency === 'SINGLE' && original.frequency === 'SINGLE'))
    set('paymentTermYears', term, original.paymentTermYears);
  set('effectiveDate', date(values.effectiveDate), original.effectiveDate);
  set('expiryDate', values.expiryMode === 'lifetime' ? null : date(values.expiryDate), original.expiryDate);
  set('coolingOffEndDate', date(values.coolingOffEndDate) || null, original.coolingOffEndDate);
  set('waitingPeriodDays', optionalInteger(values.waitingPeriodDays), original.waitingPeriodDays);
  set('guaranteedRenewalYears', optionalInteger(values.guaranteedRenewalYears), original.guaranteedRenewalYears);

  const beneficiaries = values.statutoryBeneficiaries ? [] : beneficiariesInput(values);
  const originalBeneficiaries = original.statutoryBeneficiaries ? [] : original.beneficiaries;
  if (
    values.statutoryBeneficiaries !== original.statutoryBeneficiaries ||
    beneficiaryKey(beneficiaries) !== beneficiaryKey(originalBeneficiaries)
  ) {
    input.statutoryBeneficiaries = values.statutoryBeneficiaries;
    input.beneficiaries = beneficiaries;
  }
  const items = coverageInput(values);
  if (coverageKey(items) !== coverageKey(original.coverageItems)) input.coverageItems = items;
  const notes = values.notes.trim();
  if (notes !== (original.notes ?? '')) input.notes = notes === '' ? null : notes;
  return input;
}

// ---------------------------------------------------------------------------------------------
// Hints.

/**
 * The cooling-off end the BFF will assume when the field is left empty: 15 days after the start for
 * long-term cover (whole life, or payments over more than a year), none for yearly cover.
 */
export function coolingOffHint(values: PolicyFormValues): string {
  const effective = date(values.effectiveDate);
  // As the BFF decides: whole life, or payments over more than a year.
  const term =
    values.frequency !== 'SINGLE' && values.paymentTermMode === 'years' ? Number(values.paymentTermYears) : 0;
  const longTerm = values.expiryMode === 'lifetime' || term > 1;
  if (!longTerm) return '一年期及以下的保险通常没有犹豫期，可不填';
  if (!parseCalendarDate(effective)) return `不填时，长期险默认为生效日后 ${DEFAULT_COOLING_OFF_DAYS} 天`;
  return `不填时默认为 ${addDays(effective, DEFAULT_COOLING_OFF_DAYS)}（生效日后 ${DEFAULT_COOLING_OFF_DAYS} 天）`;
}

// ---------------------------------------------------------------------------------------------
// The BFF's reasons.

/** The BFF's reasons, each at its field (`input.beneficiaries[0].memberId` → that row's name). */
export function serverReasonsToErrors(reasons: readonly InputErrorReason[]): PolicyFormErrors {
  const errors: PolicyFormErrors = {};
  for (const reason of reasons) {
    const field = (reason.field ?? '').replace(/^input\./, '').replace(/^(beneficiaries\[\d+\])\.memberId$/, '$1.name');
    add(errors, field && FIELD_PATTERN.test(field) ? field : 'form', reason.message);
  }
  return errors;
}

const FIELD_PATTERN =
  /^(insuredMemberId|applicantMemberId|insurerName|productName|productId|category|policyNumber|sumInsured|premium|frequency|paymentTermYears|effectiveDate|expiryDate|coolingOffEndDate|waitingPeriodDays|guaranteedRenewalYears|gracePeriodDays|paidInstallments|statutoryBeneficiaries|notes|beneficiaries|coverageItems|beneficiaries\[\d+\]\.(name|order|sharePercent)|coverageItems\[\d+\]\.(name|limit|deductible|payoutRatioPercent))$/;

/** Fields in the order of the page: the first with a message is scrolled to. */
export const FIELD_ORDER: readonly string[] = [
  'insuredMemberId',
  'applicantMemberId',
  'insurerName',
  'productName',
  'productId',
  'category',
  'sumInsured',
  'premium',
  'frequency',
  'paymentTermYears',
  'effectiveDate',
  'expiryDate',
  'policyNumber',
  'coolingOffEndDate',
  'waitingPeriodDays',
  'guaranteedRenewalYears',
  'gracePeriodDays',
  'paidInstallments',
  'statutoryBeneficiaries',
  'beneficiaries',
  'coverageItems',
  'notes',
];

/** Fields kept under 更多信息 (collapsed at first): the section opens when one of them has a message. */
export const MORE_FIELDS: readonly string[] = [
  'policyNumber',
  'applicantMemberId',
  'coolingOffEndDate',
  'waitingPeriodDays',
  'guaranteedRenewalYears',
  'statutoryBeneficiaries',
  'beneficiaries',
  'coverageItems',
  'notes',
];

/** The section (or row list) a field path belongs to: `beneficiaries[2].sharePercent` → `beneficiaries`. */
export function fieldGroup(field: string): string {
  return field.replace(/\[\d+\].*$/, '');
}

/** The first field with a message, in the order of the page. */
export function firstErrorField(errors: PolicyFormErrors): string | null {
  const fields = Object.keys(errors).filter((field) => (errors[field]?.length ?? 0) > 0);
  if (fields.length === 0) return null;
  const rank = (field: string): number => {
    const index = FIELD_ORDER.indexOf(fieldGroup(field));
    return index < 0 ? FIELD_ORDER.length : index;
  };
  return fields.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }))[0];
}

/** Whether any message sits under 更多信息. */
export function moreHasErrors(errors: PolicyFormErrors): boolean {
  return Object.keys(errors).some(
    (field) => MORE_FIELDS.includes(fieldGroup(field)) && (errors[field]?.length ?? 0) > 0,
  );
}

// ---------------------------------------------------------------------------------------------
// State.

export interface PolicyFormState {
  values: PolicyFormValues;
  errors: PolicyFormErrors;
  saving: boolean;
}

export type PolicyFormAction =
  | { type: 'set'; patch: Partial<PolicyFormValues> }
  | { type: 'setBeneficiary'; index: number; patch: Partial<BeneficiaryRow> }
  | { type: 'addBeneficiary' }
  | { type: 'removeBeneficiary'; index: number }
  | { type: 'setCoverageItem'; index: number; patch: Partial<CoverageItemRow> }
  | { type: 'addCoverageItem' }
  | { type: 'removeCoverageItem'; index: number }
  | { type: 'invalid'; errors: PolicyFormErrors }
  | { type: 'save' }
  | { type: 'rejected'; errors: PolicyFormErrors };

export function initialPolicyFormState(values: PolicyFormValues): PolicyFormState {
  return { values, errors: {}, saving: false };
}

/** Fields whose messages depend on each other: dates and the payment term are checked together. */
const LINKED: readonly (readonly string[])[] = [
  ['effectiveDate', 'expiryDate', 'coolingOffEndDate', 'paymentTermYears', 'frequency', 'insuredMemberId'],
  ['sumInsured'],
  ['premium'],
];

const VALUE_FIELDS: Readonly<Partial<Record<keyof PolicyFormValues, string>>> = {
  policyNumberMode: 'policyNumber',
  paymentTermMode: 'paymentTermYears',
  expiryMode: 'expiryDate',
  productId: 'insuredMemberId',
};

function clear(errors: PolicyFormErrors, predicate: (field: string) => boolean): PolicyFormErrors {
  const next: PolicyFormErrors = {};
  for (const [field, messages] of Object.entries(errors))
    if (!predicate(field) && field !== 'form') next[field] = messages;
  return next;
}

/**
 * Editing a field clears its messages, those of the fields checked with it, and any message about the
 * whole form. Any change to the beneficiaries clears all of theirs (shares add up across rows).
 */
export function policyFormReducer(state: PolicyFormState, action: PolicyFormAction): PolicyFormState {
  const { values } = state;
  switch (action.type) {
    case 'set': {
      const touched = new Set<string>();
      for (const field of Object.keys(action.patch) as (keyof PolicyFormValues)[]) {
        const path = VALUE_FIELDS[field] ?? field;
        touched.add(path);
        for (const group of LINKED) if (group.includes(path)) for (const linked of group) touched.add(linked);
        if (field === 'statutoryBeneficiaries') touched.add('beneficiaries');
      }
      const errors = clear(state.errors, (field) => touched.has(fieldGroup(field)) || touched.has(field));
      return { ...state, values: { ...values, ...action.patch }, errors };
    }
    case 'setBeneficiary':
    case 'addBeneficiary':
    case 'removeBeneficiary': {
      let beneficiaries = values.beneficiaries;
      if (action.type === 'setBeneficiary')
        beneficiaries = beneficiaries.map((row, index) => (index === action.index ? { ...row, ...action.patch } : row));
      else if (action.type === 'addBeneficiary') {
        const last = beneficiaries.at(-1);
        beneficiaries = [...beneficiaries, emptyBeneficiary(last ? Number(last.order) || 1 : 1)];
      } else beneficiaries = beneficiaries.filter((_, index) => index !== action.index);
      const errors = clear(state.errors, (field) => fieldGroup(field) === 'beneficiaries');
      return { ...state, values: { ...values, beneficiaries }, errors };
    }
    case 'setCoverageItem':
    case 'addCoverageItem':
    case 'removeCoverageItem': {
      let coverageItems = values.coverageItems;
      if (action.type === 'setCoverageItem')
        coverageItems = coverageItems.map((row, index) => (index === action.index ? { ...row, ...action.patch } : row));
      else if (action.type === 'addCoverageItem') coverageItems = [...coverageItems, emptyCoverageItem()];
      else coverageItems = coverageItems.filter((_, index) => index !== action.index);
      // Rows shift when one is removed: their messages would land on the wrong row.
      const errors =
        action.type === 'setCoverageItem'
          ? clear(
              state.errors,
              (field) => field.startsWith(`coverageItems[${action.index}]`) || field === 'coverageItems',
            )
          : clear(state.errors, (field) => fieldGroup(field) === 'coverageItems');
      return { ...state, values: { ...values, coverageItems }, errors };
    }
    case 'invalid':
      return { ...state, errors: action.errors, saving: false };
    case 'save':
      return { ...state, errors: {}, saving: true };
    case 'rejected':
      return { ...state, errors: action.errors, saving: false };
  }
}
