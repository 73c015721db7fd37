import { Injectable } from '@nestjs/common';
import type { HouseholdRole } from '@family/domain';
import { In } from 'typeorm';
import { Database } from '../database/database.js';
import { FamilyMemberEntity } from './entities/family-member.entity.js';
import { HouseholdMembershipEntity } from './entities/household-membership.entity.js';
import { HouseholdEntity } from './entities/household.entity.js';

/** What others may see of a person: all masked. */
export interface PersonLabelParts {
  /** Their own 本人 record's masked name, when they keep one. */
  readonly nameMasked: string | null;
  /** Their first platform identity, masked as identity stores it (138****5678), and its platform. */
  readonly identityMasked: string | null;
  readonly platform: string | null;
}

/** Someone who belongs to a household, as the others see them. */
export interface HouseholdPerson extends PersonLabelParts {
  readonly accountId: string;
  readonly role: HouseholdRole;
  readonly joinedAt: Date;
}

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

  /**
   * Adds the account with the role; false when it already belongs (nothing changes then). Call inside
   * the transaction that consumed the invite.
   */
  async join(householdId: string, accountId: string, role: HouseholdRole): Promise<boolean> {
    const result = await this.memberships
      .createQueryBuilder()
      .insert()
      .values({ householdId, accountId, role })
      .orIgnore()
      .returning(['accountId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async removeMembership(householdId: string, accountId: string): Promise<boolean> {
    const result = await this.memberships
      .createQueryBuilder()
      .delete()
      .where({ householdId, accountId })
      .andWhere("role <> 'OWNER'")
      .returning(['accountId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async changeRole(householdId: string, accountId: string, role: HouseholdRole): Promise<boolean> {
    const result = await this.memberships
      .createQueryBuilder()
      .update()
      .set({ role })
      .where({ householdId, accountId })
      .andWhere("role <> 'OWNER'")
      .returning(['accountId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  /** Who belongs to these households, owner first then by joining, with what others may see of them. */
  async peopleOf(householdIds: readonly string[]): Promise<Map<string, HouseholdPerson[]>> {
    const memberships = await this.memberships.find({
      where: { householdId: In([...householdIds]) },
      order: { joinedAt: 'ASC', accountId: 'ASC' },
    });
    const labels = await this.labelsOf(memberships.map((membership) => membership.accountId));
    const people = new Map<string, HouseholdPerson[]>(householdIds.map((id) => [id, []]));
    for (const membership of memberships) {
      people.get(membership.householdId)?.push({
        accountId: membership.accountId,
        role: membership.role,
        joinedAt: membership.joinedAt,
        ...(labels.get(membership.accountId) ?? { nameMasked: null, identityMasked: null, platform: null }),
      });
    }
    for (const list of people.values()) list.sort((a, b) => Number(b.role === 'OWNER') - Number(a.role === 'OWNER'));
    return people;
  }

  /**
   * What others may see of these accounts, all masked: the masked name of their own 本人 record (in
   * the household they own) and their oldest platform identity (stored masked by identity for this
   * kind of use). Raw SQL because it reads two other features' tables by account, in one statement.
   */
  async labelsOf(accountIds: readonly string[]): Promise<Map<string, PersonLabelParts>> {
    const ids = [...new Set(accountIds)];
    if (ids.length === 0) return new Map();
    const rows = (await this.database.manager.query(
      `SELECT a.id AS account_id,
              (SELECT f.name_masked FROM family_member f JOIN household h ON h.id = f.household_id
                WHERE f.account_id = a.id AND f.relationship = 'SELF' AND h.owner_account_id = a.id LIMIT 1) AS name_masked,
              i.subject_masked, i.platform
         FROM account a
         LEFT JOIN LATERAL (SELECT p.subject_masked, p.platform FROM platform_identity p
                             WHERE p.account_id = a.id ORDER BY p.created_at LIMIT 1) i ON true
        WHERE a.id = ANY($1::uuid[])`,
      [ids],
    )) as { account_id: string; name_masked: string | null; subject_masked: string | null; platform: string | null }[];
    return new Map(
      rows.map((row) => [
        row.account_id,
        { nameMasked: row.name_masked, identityMasked: row.subject_masked, platform: row.platform },
      ]),
    );
  }

  /** How many member records a household keeps (for an invite's card). */
  /** Accounts of these households with one of the roles, per household, earliest to join first. */
  async accountsWithRoles(
    householdIds: readonly string[],
    roles: readonly HouseholdRole[],
  ): Promise<Map<string, string[]>> {
    const byHousehold = new Map<string, string[]>();
    if (householdIds.length === 0) return byHousehold;
    const rows = await this.memberships.find({
      where: { householdId: In([...householdIds]), role: In([...roles]) },
      order: { joinedAt: 'ASC' },
    });
    for (const row of rows)
      byHousehold.set(row.householdId, [...(byHousehold.get(row.householdId) ?? []), row.accountId]);
    return byHousehold;
  }

  async memberCount(householdId: string): Promise<number> {
    return this.database.repository(FamilyMemberEntity).countBy({ householdId });
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
