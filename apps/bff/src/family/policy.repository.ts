import { Injectable } from '@nestjs/common';
import { In, MoreThan } from 'typeorm';
import { Database } from '../database/database.js';
import { PolicyBeneficiaryEntity } from './entities/policy-beneficiary.entity.js';
import { PolicyCoverageItemEntity } from './entities/policy-coverage-item.entity.js';
import { PolicyEntity } from './entities/policy.entity.js';

/** A policy with its beneficiaries and coverage items, in their order. */
export interface PolicyRecord {
  readonly policy: PolicyEntity;
  readonly beneficiaries: readonly PolicyBeneficiaryEntity[];
  readonly coverageItems: readonly PolicyCoverageItemEntity[];
}

export type NewPolicy = Omit<PolicyEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type NewBeneficiary = Omit<PolicyBeneficiaryEntity, 'id' | 'policyId' | 'position'>;
export type NewCoverageItem = Omit<PolicyCoverageItemEntity, 'id' | 'policyId' | 'position'>;

/**
 * Policies and their parts. Reading a household's policies is three statements whatever its size:
 * the policies, then all their beneficiaries, then all their coverage items.
 */
@Injectable()
export class PolicyRepository {
  constructor(private readonly database: Database) {}

  private get policies() {
    return this.database.repository(PolicyEntity);
  }

  private get beneficiaries() {
    return this.database.repository(PolicyBeneficiaryEntity);
  }

  private get coverageItems() {
    return this.database.repository(PolicyCoverageItemEntity);
  }

  /** Every policy of these households, with their parts (for a DataLoader). */
  async listByHouseholds(householdIds: readonly string[]): Promise<PolicyRecord[]> {
    const policies = await this.policies.find({
      where: { householdId: In([...householdIds]) },
      order: { effectiveDate: 'ASC', createdAt: 'ASC' },
    });
    return this.withParts(policies);
  }

  /** Policies (without their parts) after `afterId` in id order, `limit` at a time: the reminders run pages with it. */
  pageAfter(afterId: string | null, limit: number): Promise<PolicyEntity[]> {
    return this.policies.find({
      where: afterId ? { id: MoreThan(afterId) } : {},
      order: { id: 'ASC' },
      take: limit,
    });
  }

  async findById(id: string): Promise<PolicyRecord | null> {
    const policy = await this.policies.findOneBy({ id });
    return policy ? (await this.withParts([policy]))[0] : null;
  }

  async countInsuring(memberId: string): Promise<number> {
    return this.policies.countBy({ insuredMemberId: memberId });
  }

  /** Call inside a transaction: the policy and its parts land together. */
  async insert(
    policy: NewPolicy,
    beneficiaries: readonly NewBeneficiary[],
    items: readonly NewCoverageItem[],
  ): Promise<string> {
    const saved = await this.policies.save(this.policies.create(policy));
    await this.replaceParts(saved.id, beneficiaries, items);
    return saved.id;
  }

  /** Call inside a transaction: the policy's fields and its parts change together. */
  async update(
    id: string,
    changes: Partial<NewPolicy>,
    parts: { beneficiaries: readonly NewBeneficiary[]; coverageItems: readonly NewCoverageItem[] } | null,
  ): Promise<void> {
    await this.policies.update({ id }, changes);
    if (parts) {
      await this.beneficiaries.delete({ policyId: id });
      await this.coverageItems.delete({ policyId: id });
      await this.replaceParts(id, parts.beneficiaries, parts.coverageItems);
    }
  }

  /** Removes a policy; its beneficiaries and coverage items go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.policies.delete({ id });
  }

  private async replaceParts(
    policyId: string,
    beneficiaries: readonly NewBeneficiary[],
    items: readonly NewCoverageItem[],
  ): Promise<void> {
    if (beneficiaries.length > 0)
      await this.beneficiaries.insert(
        beneficiaries.map((beneficiary, position) => ({ ...beneficiary, policyId, position })),
      );
    if (items.length > 0)
      await this.coverageItems.insert(items.map((item, position) => ({ ...item, policyId, position })));
  }

  private async withParts(policies: readonly PolicyEntity[]): Promise<PolicyRecord[]> {
    if (policies.length === 0) return [];
    const ids = policies.map((policy) => policy.id);
    const [beneficiaries, coverageItems] = await Promise.all([
      this.beneficiaries.find({ where: { policyId: In(ids) }, order: { position: 'ASC' } }),
      this.coverageItems.find({ where: { policyId: In(ids) }, order: { position: 'ASC' } }),
    ]);
    return policies.map((policy) => ({
      policy,
      beneficiaries: beneficiaries.filter((beneficiary) => beneficiary.policyId === policy.id),
      coverageItems: coverageItems.filter((item) => item.policyId === policy.id),
    }));
  }
}
