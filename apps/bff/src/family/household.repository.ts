import { Injectable } from '@nestjs/common';
import type { HouseholdRole } from '@family/domain';
import { Database } from '../database/database.js';
import { HouseholdMembershipEntity } from './entities/household-membership.entity.js';
import { HouseholdEntity } from './entities/household.entity.js';

export interface HouseholdWithRole {
  readonly household: HouseholdEntity;
  readonly role: HouseholdRole;
}

/** Households and who belongs to them. */
@Injectable()
export class HouseholdRepository {
  constructor(private readonly database: Database) {}

  private get households() {
    return this.database.repository(HouseholdEntity);
  }

  private get memberships() {
    return this.database.repository(HouseholdMembershipEntity);
  }

  /**
   * The account's own household, created the first time it is asked for. Idempotent under
   * concurrency: the unique owner decides which insert wins. Call inside a transaction.
   */
  async ensureOwn(accountId: string, name: string): Promise<void> {
    await this.households
      .createQueryBuilder()
      .insert()
      .values({ name, ownerAccountId: accountId })
      .orIgnore()
      .execute();
    const own = await this.households.findOneByOrFail({ ownerAccountId: accountId });
    await this.memberships
      .createQueryBuilder()
      .insert()
      .values({ householdId: own.id, accountId, role: 'OWNER' })
      .orIgnore()
      .execute();
  }

  /** The households the account belongs to, its own first. */
  async listFor(accountId: string): Promise<HouseholdWithRole[]> {
    const memberships = await this.memberships.find({ where: { accountId }, order: { joinedAt: 'ASC' } });
    if (memberships.length === 0) return [];
    const households = await this.households.findBy(memberships.map((membership) => ({ id: membership.householdId })));
    const byId = new Map(households.map((household) => [household.id, household]));
    return memberships
      .map((membership) => ({ household: byId.get(membership.householdId)!, role: membership.role }))
      .filter((entry) => entry.household !== undefined)
      .sort((a, b) => Number(b.role === 'OWNER') - Number(a.role === 'OWNER'));
  }

  findById(id: string): Promise<HouseholdEntity | null> {
    return this.households.findOneBy({ id });
  }

  /** The account's role in the household, or null when it does not belong to it. */
  async roleOf(householdId: string, accountId: string): Promise<HouseholdRole | null> {
    const membership = await this.memberships.findOne({
      select: { role: true },
      where: { householdId, accountId },
    });
    return membership?.role ?? null;
  }
}
