import { Inject, Injectable } from '@nestjs/common';
import {
  type BeneficiaryInput,
  type CoverageItemInput,
  DEFAULT_COOLING_OFF_DAYS,
  DEFAULT_GRACE_PERIOD_DAYS,
  type HouseholdRole,
  type Installment,
  type PolicyInput,
  type PolicyPaymentFrequency,
  type PolicyStatus,
  type ProductCategory,
  type TerminationReason,
  addDays,
  ageOn,
  annualPremium,
  checkPolicy,
  chinaToday,
  decideAccess,
  maskIdentifier,
  maskName,
  paymentSchedule,
  policyStatus,
  seesPersonalData,
  shareBasisPoints,
} from '@family/domain';
import { type InputProblem, InputProblemsError } from '../common/app-error.js';
import { AccessPolicy } from '../common/authorization/access-policy.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { FIELD_CIPHER, type FieldCipher } from '../common/crypto/field-cipher.js';
import { Transactional } from '../database/database.js';
import { ProductListingService } from '../catalogue/index.js';
import type { FamilyMemberEntity } from './entities/family-member.entity.js';
import type { PolicyEntity } from './entities/policy.entity.js';
import { FamilyMemberRepository } from './family-member.repository.js';
import { type FamilyMemberView, FamilyService } from './family.service.js';
import { HouseholdNotFoundError, PolicyNotFoundError } from './family.errors.js';
import { HouseholdRepository } from './household.repository.js';
import {
  type NewBeneficiary,
  type NewCoverageItem,
  type NewPolicy,
  type PolicyRecord,
  PolicyRepository,
} from './policy.repository.js';
import { isUuid } from '../common/ids.js';
import { AuditTrail } from '../audit/index.js';

/** A policy as one caller may see it, with everything derived from its dates and payments. */
export interface PolicyView {
  readonly id: string;
  readonly householdId: string;
  readonly insuredMemberId: string;
  readonly insuredMember: FamilyMemberView;
  readonly applicantMemberId: string | null;
  readonly insurerName: string;
  readonly productName: string;
  readonly productId: string | null;
  readonly category: ProductCategory;
  readonly policyNumberMasked: string | null;
  readonly sumInsured: number;
  readonly premium: number;
  readonly frequency: PolicyPaymentFrequency;
  readonly annualPremium: number;
  readonly paymentTermYears: number | null;
  readonly effectiveDate: string;
  readonly expiryDate: string | null;
  readonly coolingOffEndDate: string | null;
  readonly inCoolingOff: boolean;
  readonly waitingPeriodDays: number | null;
  readonly waitingPeriodEndDate: string | null;
  readonly guaranteedRenewalYears: number | null;
  readonly gracePeriodDays: number;
  readonly status: PolicyStatus;
  readonly terminationReason: TerminationReason | null;
  readonly terminationDate: string | null;
  readonly statutoryBeneficiaries: boolean;
  readonly beneficiaries: readonly {
    memberId: string | null;
    name: string;
    order: number;
    sharePercent: number;
  }[];
  readonly coverageItems: readonly {
    name: string;
    limit: number | null;
    deductible: number | null;
    payoutRatioPercent: number | null;
  }[];
  readonly schedule: readonly Installment[];
  /** Null for viewers. */
  readonly notes: string | null;
  readonly canEdit: boolean;
  readonly canRemove: boolean;
  readonly createdAt: Date;
}

/** The parts of a policy a caller changes; anything left out stays. */
export type PolicyChanges = Partial<PolicyInput>;

/** A policy's recorded end (surrender, claim…) as the domain's status rules take it, or null. */
export function terminationOf(
  policy: Pick<PolicyEntity, 'terminationReason' | 'terminationDate'>,
): { reason: TerminationReason; date: string } | null {
  return policy.terminationReason && policy.terminationDate
    ? { reason: policy.terminationReason, date: policy.terminationDate }
    : null;
}

/** A household's policies (F2): added by hand or from the catalogue, checked across fields. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly households: HouseholdRepository,
    private readonly members: FamilyMemberRepository,
    private readonly policies: PolicyRepository,
    private readonly catalogue: ProductListingService,
    private readonly family: FamilyService,
    private readonly policy: AccessPolicy,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** Every policy of these households, for a DataLoader: three statements for all of them. */
  async policiesOf(householdIds: readonly string[]): Promise<PolicyRecord[][]> {
    const records = await this.policies.listByHouseholds(householdIds);
    return householdIds.map((id) => records.filter((record) => record.policy.householdId === id));
  }

  async addPolicy(
    accountId: string,
    householdId: string,
    input: PolicyInput & { productId?: string | null },
  ): Promise<PolicyView> {
    const role = await this.roleFor(accountId, householdId);
    this.policy.assert({ accountId, role }, 'policy.add');
    const members = await this.membersById(householdId);
    await this.check(input, members, input.productId ?? null);
    const today = this.today();
    const id = await this.insert(
      accountId,
      this.columns(householdId, input, accountId, today, input.productId ?? null),
      this.beneficiaryRows(input.beneficiaries ?? []),
      this.coverageRows(input.coverageItems ?? []),
    );
    return this.viewById(id, role, accountId);
  }

  async updatePolicy(accountId: string, policyId: string, changes: PolicyChanges): Promise<PolicyView> {
    const { record, role } = await this.recordFor(accountId, policyId, 'policy.edit');
    const current = this.inputOf(record);
    const merged: PolicyInput = { ...current, ...definedOnly(changes) };
    const members = await this.membersById(record.policy.householdId);
    await this.check(merged, members, record.policy.productId);
    const columns = this.columns(record.policy.householdId, merged, accountId, this.today(), record.policy.productId);
    const partsChanged =
      changes.beneficiaries !== undefined ||
      changes.coverageItems !== undefined ||
      changes.statutoryBeneficiaries !== undefined;
    await this.change(
      { accountId, policyId, householdId: record.policy.householdId, action: 'POLICY_UPDATE' },
      {
        ...columns,
        // Who added it and how it ended are not the editor's to change here.
        createdBy: record.policy.createdBy,
        terminationReason: record.policy.terminationReason,
        terminationDate: record.policy.terminationDate,
      },
      partsChanged
        ? {
            beneficiaries: this.beneficiaryRows(
              merged.statutoryBeneficiaries === false ? (merged.beneficiaries ?? []) : [],
            ),
            coverageItems: this.coverageRows(merged.coverageItems ?? []),
          }
        : null,
    );
    return this.viewById(policyId, role, accountId);
  }

  /** Records how a policy ended before its term: surrendered, claimed in full, or lapsed. */
  async endPolicy(accountId: string, policyId: string, reason: TerminationReason, date: string): Promise<PolicyView> {
    const { record, role } = await this.recordFor(accountId, policyId, 'policy.edit');
    const problems: InputProblem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      problems.push({ field: 'date', code: 'DATE_INVALID', message: '终止日期须为有效日期' });
    else if (date < record.policy.effectiveDate)
      problems.push({ field: 'date', code: 'DATES_OUT_OF_ORDER', message: '终止日期不能早于生效日期' });
    else if (date > this.today())
      problems.push({ field: 'date', code: 'DATE_IN_FUTURE', message: '终止日期不能晚于今天' });
    if (problems.length > 0) throw new InputProblemsError(problems);
    await this.change(
      { accountId, policyId, householdId: record.policy.householdId, action: 'POLICY_UPDATE' },
      { terminationReason: reason, terminationDate: date },
      null,
    );
    return this.viewById(policyId, role, accountId);
  }

  /** One policy, for anyone in its household (as `household.policies` shows it). */
  async policyFor(accountId: string, policyId: string): Promise<PolicyView> {
    const record = isUuid(policyId) ? await this.policies.findById(policyId) : null;
    if (!record) throw new PolicyNotFoundError();
    const role = await this.households.roleOf(record.policy.householdId, accountId);
    this.policy.assert({ accountId, role }, 'household.view');
    const view = this.view(record, role!, accountId, await this.membersById(record.policy.householdId));
    await this.audit.recordRead({
      accountId,
      householdId: record.policy.householdId,
      action: 'POLICY_READ',
      subjectType: 'POLICY',
      subjectId: policyId,
    });
    return view;
  }

  async removePolicy(accountId: string, policyId: string): Promise<string> {
    const { record } = await this.recordFor(accountId, policyId, 'policy.remove');
    await this.change(
      { accountId, policyId, householdId: record.policy.householdId, action: 'POLICY_DELETE' },
      null,
      null,
    );
    return policyId;
  }

  view(
    record: PolicyRecord,
    role: HouseholdRole,
    accountId: string,
    members: ReadonlyMap<string, FamilyMemberEntity>,
  ): PolicyView {
    const { policy } = record;
    const today = this.today();
    const schedule = paymentSchedule(
      {
        effectiveDate: policy.effectiveDate,
        expiryDate: policy.expiryDate,
        premium: policy.premium,
        frequency: policy.frequency,
        paymentTermYears: policy.paymentTermYears,
        gracePeriodDays: policy.gracePeriodDays,
        paidInstallments: policy.paidInstallments,
        endedOn: policy.terminationDate,
      },
      today,
    );
    const full = seesPersonalData(role);
    const target = { createdBy: policy.createdBy };
    const termination = terminationOf(policy);
    return {
      id: policy.id,
      householdId: policy.householdId,
      insuredMemberId: policy.insuredMemberId,
      insuredMember: this.family.view(members.get(policy.insuredMemberId)!, role, accountId),
      applicantMemberId: policy.applicantMemberId,
      insurerName: policy.insurerName,
      productName: policy.productName,
      productId: policy.productId,
      category: policy.category,
      policyNumberMasked: policy.policyNumberMasked,
      sumInsured: policy.sumInsured,
      premium: policy.premium,
      frequency: policy.frequency,
      annualPremium: annualPremium(policy.premium, policy.frequency),
      paymentTermYears: policy.paymentTermYears,
      effectiveDate: policy.effectiveDate,
      expiryDate: policy.expiryDate,
      coolingOffEndDate: policy.coolingOffEndDate,
      inCoolingOff:
        policy.coolingOffEndDate !== null && today >= policy.effectiveDate && today <= policy.coolingOffEndDate,
      waitingPeriodDays: policy.waitingPeriodDays,
      waitingPeriodEndDate: policy.waitingPeriodDays ? addDays(policy.effectiveDate, policy.waitingPeriodDays) : null,
      guaranteedRenewalYears: policy.guaranteedRenewalYears,
      gracePeriodDays: policy.gracePeriodDays,
      status: policyStatus({ expiryDate: policy.expiryDate, termination, schedule }, today),
      terminationReason: policy.terminationReason,
      terminationDate: policy.terminationDate,
      statutoryBeneficiaries: policy.statutoryBeneficiaries,
      beneficiaries: record.beneficiaries.map((beneficiary) => {
        const member = beneficiary.memberId ? members.get(beneficiary.memberId) : undefined;
        const name = member
          ? full
            ? this.cipher.decrypt(member.nameEncrypted)
            : member.nameMasked
          : full && beneficiary.nameEncrypted
            ? this.cipher.decrypt(beneficiary.nameEncrypted)
            : (beneficiary.nameMasked ?? '');
        return {
          memberId: beneficiary.memberId,
          name,
          order: beneficiary.beneficiaryOrder,
          sharePercent: beneficiary.shareBasisPoints / 100,
        };
      }),
      coverageItems: record.coverageItems.map((item) => ({
        name: item.name,
        limit: item.limitAmount,
        deductible: item.deductible,
        payoutRatioPercent: item.payoutRatioPercent,
      })),
      schedule,
      notes: full && policy.notesEncrypted ? this.cipher.decrypt(policy.notesEncrypted) : null,
      canEdit: decideAccess({ accountId, role }, 'policy.edit', target).allowed,
      canRemove: decideAccess({ accountId, role }, 'policy.remove', target).allowed,
      createdAt: policy.createdAt,
    };
  }

  @Transactional()
  private async insert(
    accountId: string,
    policy: NewPolicy,
    beneficiaries: readonly NewBeneficiary[],
    items: readonly NewCoverageItem[],
  ): Promise<string> {
    const id = await this.policies.insert(policy, beneficiaries, items);
    await this.audit.recordWrite({
      accountId,
      householdId: policy.householdId,
      action: 'POLICY_CREATE',
      subjectType: 'POLICY',
      subjectId: id,
    });
    return id;
  }

  /**
   * Changes a policy (or removes it, with `changes` null and no parts) in one transaction, with its
   * entry in the audit trail.
   */
  @Transactional()
  private async change(
    audit: { accountId: string; policyId: string; householdId: string; action: 'POLICY_UPDATE' | 'POLICY_DELETE' },
    changes: Partial<NewPolicy> | null,
    parts: { beneficiaries: readonly NewBeneficiary[]; coverageItems: readonly NewCoverageItem[] } | null,
  ): Promise<void> {
    const { policyId } = audit;
    if (changes === null && parts === null) await this.policies.delete(policyId);
    else await this.policies.update(policyId, changes ?? {}, parts);
    await this.audit.recordWrite({
      accountId: audit.accountId,
      householdId: audit.householdId,
      action: audit.action,
      subjectType: 'POLICY',
      subjectId: policyId,
    });
  }

  private async viewById(policyId: string, role: HouseholdRole, accountId: string): Promise<PolicyView> {
    const record = await this.policies.findById(policyId);
    if (!record) throw new PolicyNotFoundError();
    return this.view(record, role, accountId, await this.membersById(record.policy.householdId));
  }

  private async roleFor(accountId: string, householdId: string): Promise<HouseholdRole> {
    const household = isUuid(householdId) ? await this.households.findById(householdId) : null;
    if (!household) throw new HouseholdNotFoundError();
    const role = await this.households.roleOf(householdId, accountId);
    this.policy.assert({ accountId, role }, 'household.view');
    return role!;
  }

  private async recordFor(
    accountId: string,
    policyId: string,
    action: 'policy.edit' | 'policy.remove',
  ): Promise<{ record: PolicyRecord; role: HouseholdRole }> {
    const record = isUuid(policyId) ? await this.policies.findById(policyId) : null;
    if (!record) throw new PolicyNotFoundError();
    const role = await this.households.roleOf(record.policy.householdId, accountId);
    this.policy.assert({ accountId, role }, action, { createdBy: record.policy.createdBy });
    return { record, role: role! };
  }

  private async membersById(householdId: string): Promise<Map<string, FamilyMemberEntity>> {
    const members = await this.members.listByHouseholds([householdId]);
    return new Map(members.map((member) => [member.id, member]));
  }

  /**
   * Every problem, each at its input field: the domain's checks, the members named belonging to the
   * household, and for a catalogue product the insured's age within the product's limits.
   */
  private async check(
    input: PolicyInput,
    members: ReadonlyMap<string, FamilyMemberEntity>,
    productId: string | null,
  ): Promise<void> {
    const problems: InputProblem[] = checkPolicy(input).map((problem) => ({
      ...problem,
      field: `input.${problem.field}`,
    }));
    const insured = members.get(input.insuredMemberId);
    if (!insured)
      problems.push({ field: 'input.insuredMemberId', code: 'MEMBER_UNKNOWN', message: '被保人须为本家庭的成员' });
    if (input.applicantMemberId && !members.has(input.applicantMemberId))
      problems.push({ field: 'input.applicantMemberId', code: 'MEMBER_UNKNOWN', message: '投保人须为本家庭的成员' });
    (input.beneficiaries ?? []).forEach((beneficiary, index) => {
      if (beneficiary.memberId && !members.has(beneficiary.memberId))
        problems.push({
          field: `input.beneficiaries[${index}].memberId`,
          code: 'MEMBER_UNKNOWN',
          message: '受益人须为本家庭的成员，或填写姓名',
        });
    });
    if (productId && insured) {
      const { product } = await this.catalogue.getProduct(productId);
      const age = ageOn(
        insured.birthDate,
        input.effectiveDate >= insured.birthDate ? input.effectiveDate : this.today(),
      );
      if (age < product.minAge || age > product.maxAge)
        problems.push({
          field: 'input.insuredMemberId',
          code: 'AGE_OUTSIDE_PRODUCT',
          message: `${product.name}仅承保 ${product.minAge}–${product.maxAge} 周岁，被保人投保时 ${age} 周岁`,
        });
    }
    if (problems.length > 0) throw new InputProblemsError(problems);
  }

  /** The policy's columns from its input: defaults filled, personal data sealed. */
  private columns(
    householdId: string,
    input: PolicyInput,
    accountId: string,
    today: string,
    productId: string | null,
  ): NewPolicy {
    const frequency = input.frequency ?? 'ANNUAL';
    const paymentTermYears = frequency === 'SINGLE' ? 1 : (input.paymentTermYears ?? null);
    const gracePeriodDays = input.gracePeriodDays ?? DEFAULT_GRACE_PERIOD_DAYS;
    // Long-term cover has a cooling-off period (犹豫期) from its start; yearly cover usually none.
    const longTerm = input.expiryDate === null || input.expiryDate === undefined || (paymentTermYears ?? 0) > 1;
    const coolingOffEndDate =
      input.coolingOffEndDate ?? (longTerm ? addDays(input.effectiveDate, DEFAULT_COOLING_OFF_DAYS) : null);
    // A policy added by hand has usually been paid up to now: count what fell due as paid, unless told.
    const paidInstallments =
      input.paidInstallments ??
      paymentSchedule(
        {
          effectiveDate: input.effectiveDate,
          expiryDate: input.expiryDate ?? null,
          premium: input.premium,
          frequency,
          paymentTermYears,
          gracePeriodDays,
          paidInstallments: 0,
        },
        today,
      ).filter((installment) => installment.dueDate <= today).length;
    const policyNumber = input.policyNumber?.trim() || null;
    return {
      householdId,
      insuredMemberId: input.insuredMemberId,
      applicantMemberId: input.applicantMemberId ?? null,
      insurerName: input.insurerName.trim(),
      productName: input.productName.trim(),
      productId,
      category: input.category,
      policyNumberEncrypted: policyNumber ? this.cipher.encrypt(policyNumber) : null,
      policyNumberMasked: policyNumber ? maskIdentifier(policyNumber) : null,
      sumInsured: input.sumInsured,
      premium: input.premium,
      frequency,
      paymentTermYears,
      effectiveDate: input.effectiveDate,
      expiryDate: input.expiryDate ?? null,
      coolingOffEndDate,
      waitingPeriodDays: input.waitingPeriodDays ?? null,
      guaranteedRenewalYears: input.guaranteedRenewalYears ?? null,
      gracePeriodDays,
      paidInstallments,
      statutoryBeneficiaries: input.statutoryBeneficiaries !== false,
      terminationReason: null,
      terminationDate: null,
      notesEncrypted: input.notes?.trim() ? this.cipher.encrypt(input.notes.trim()) : null,
      createdBy: accountId,
    };
  }

  private beneficiaryRows(beneficiaries: readonly BeneficiaryInput[]): NewBeneficiary[] {
    return beneficiaries.map((beneficiary) => {
      const name = beneficiary.memberId ? null : (beneficiary.name?.trim() ?? null);
      return {
        memberId: beneficiary.memberId ?? null,
        nameEncrypted: name ? this.cipher.encrypt(name) : null,
        nameMasked: name ? maskName(name) : null,
        beneficiaryOrder: beneficiary.order,
        shareBasisPoints: shareBasisPoints(beneficiary.sharePercent) ?? 0,
      };
    });
  }

  private coverageRows(items: readonly CoverageItemInput[]): NewCoverageItem[] {
    return items.map((item) => ({
      name: item.name.trim(),
      limitAmount: item.limit ?? null,
      deductible: item.deductible ?? null,
      payoutRatioPercent: item.payoutRatioPercent ?? null,
    }));
  }

  /** The input a stored policy was made from, personal data opened, to merge changes into. */
  private inputOf(record: PolicyRecord): PolicyInput {
    const { policy } = record;
    return {
      insuredMemberId: policy.insuredMemberId,
      applicantMemberId: policy.applicantMemberId,
      insurerName: policy.insurerName,
      productName: policy.productName,
      category: policy.category,
      policyNumber: policy.policyNumberEncrypted ? this.cipher.decrypt(policy.policyNumberEncrypted) : null,
      sumInsured: policy.sumInsured,
      premium: policy.premium,
      frequency: policy.frequency,
      paymentTermYears: policy.paymentTermYears,
      effectiveDate: policy.effectiveDate,
      expiryDate: policy.expiryDate,
      coolingOffEndDate: policy.coolingOffEndDate,
      waitingPeriodDays: policy.waitingPeriodDays,
      guaranteedRenewalYears: policy.guaranteedRenewalYears,
      gracePeriodDays: policy.gracePeriodDays,
      paidInstallments: policy.paidInstallments,
      statutoryBeneficiaries: policy.statutoryBeneficiaries,
      beneficiaries: record.beneficiaries.map((beneficiary) => ({
        memberId: beneficiary.memberId,
        name: beneficiary.nameEncrypted ? this.cipher.decrypt(beneficiary.nameEncrypted) : null,
        order: beneficiary.beneficiaryOrder,
        sharePercent: beneficiary.shareBasisPoints / 100,
      })),
      coverageItems: record.coverageItems.map((item) => ({
        name: item.name,
        limit: item.limitAmount,
        deductible: item.deductible,
        payoutRatioPercent: item.payoutRatioPercent,
      })),
      notes: policy.notesEncrypted ? this.cipher.decrypt(policy.notesEncrypted) : null,
    };
  }

  private today(): string {
    return chinaToday(this.clock.now());
  }
}

/** The fields a caller gave, without those left out (undefined). */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
