import { Inject, Injectable } from '@nestjs/common';
import {
  type Gender,
  type HouseholdAction,
  type HouseholdRole,
  type IdType,
  type MemberInput,
  type Relationship,
  ageOn,
  checkMember,
  chinaToday,
  decideAccess,
  idTypeOf,
  maskIdNumber,
  maskName,
  normaliseIdNumber,
  seesPersonalData,
} from '@family/domain';
import { InputProblemsError } from '../common/app-error.js';
import { AccessPolicy } from '../common/authorization/access-policy.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { FIELD_CIPHER, type FieldCipher } from '../common/crypto/field-cipher.js';
import { RATE_LIMITER, type RateLimiter } from '../common/rate-limit/rate-limiter.js';
import { Transactional } from '../database/database.js';
import type { FamilyMemberEntity } from './entities/family-member.entity.js';
import { FamilyMemberRepository, type NewFamilyMember } from './family-member.repository.js';
import {
  FamilyMemberConflictError,
  FamilyMemberNotFoundError,
  HouseholdNotFoundError,
  HouseholdPersonNotFoundError,
  MemberHasPoliciesError,
  RevealLimitError,
} from './family.errors.js';
import { HouseholdRepository, type HouseholdWithRole } from './household.repository.js';
import { PolicyRepository } from './policy.repository.js';
import { isUuid } from '../common/ids.js';
import { AuditTrail } from '../audit/index.js';

const OWN_HOUSEHOLD_NAME = '我的家庭';
/** Full ID numbers an owner may reveal per hour: enough to fill in a form, too few to harvest. */
const REVEALS_PER_HOUR = 10;

/** A member as one caller may see them: personal data masked for viewers, the ID number always. */
export interface FamilyMemberView {
  readonly id: string;
  readonly householdId: string;
  readonly relationship: Relationship;
  readonly name: string;
  readonly gender: Gender;
  /** Null for viewers, who see the year only. */
  readonly birthDate: string | null;
  readonly birthYear: number;
  readonly age: number;
  readonly socialInsurance: boolean | null;
  readonly occupationClass: number | null;
  /** Null for viewers. */
  readonly annualIncome: number | null;
  readonly idType: IdType | null;
  readonly idNumberMasked: string | null;
  readonly isYou: boolean;
  readonly canEdit: boolean;
  readonly canRemove: boolean;
  readonly createdAt: Date;
}

/** What a caller changes of a member: anything left out stays; an empty ID number removes it. */
export type MemberChanges = Partial<MemberInput>;

export interface RevealedIdNumber {
  readonly memberId: string;
  readonly idType: IdType;
  readonly idNumber: string;
}

/** Households and their members (F1, F6): who belongs, who may do what, and personal data kept safe. */
@Injectable()
export class FamilyService {
  constructor(
    private readonly households: HouseholdRepository,
    private readonly members: FamilyMemberRepository,
    private readonly policies: PolicyRepository,
    private readonly policy: AccessPolicy,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** The households the account belongs to, its own first; the own one is made on first use. */
  async householdsOf(accountId: string): Promise<HouseholdWithRole[]> {
    const known = await this.households.listFor(accountId);
    const all = known.some((entry) => entry.role === 'OWNER') ? known : await this.createOwnHousehold(accountId);
    await this.audit.recordRead(
      ...all.map(({ household }) => ({
        accountId,
        householdId: household.id,
        action: 'HOUSEHOLD_READ' as const,
        subjectType: 'HOUSEHOLD' as const,
        subjectId: household.id,
      })),
    );
    return all;
  }

  /** One household the account belongs to (a read, recorded). */
  async household(accountId: string, householdId: string): Promise<HouseholdWithRole> {
    const found = await this.householdFor(accountId, householdId);
    await this.audit.recordRead({
      accountId,
      householdId,
      action: 'HOUSEHOLD_READ',
      subjectType: 'HOUSEHOLD',
      subjectId: householdId,
    });
    return found;
  }

  /** The household and the caller's role in it, once they may view it (no read recorded: for writes). */
  private async householdFor(accountId: string, householdId: string): Promise<HouseholdWithRole> {
    const household = isUuid(householdId) ? await this.households.findById(householdId) : null;
    if (!household) throw new HouseholdNotFoundError();
    const role = await this.households.roleOf(householdId, accountId);
    this.policy.assert({ accountId, role }, 'household.view');
    return { household, role: role! };
  }

  /** The owner gives someone who joined another role (MEMBER or VIEWER; a household keeps one owner). */
  @Transactional()
  async changeRole(
    accountId: string,
    householdId: string,
    targetAccountId: string,
    role: HouseholdRole,
  ): Promise<HouseholdWithRole> {
    const own = await this.householdFor(accountId, householdId);
    this.policy.assert({ accountId, role: own.role }, 'membership.changeRole', { targetAccountId });
    if (role === 'OWNER')
      throw new InputProblemsError([{ field: 'role', code: 'OWNER_IS_ONE', message: '每个家庭只有一位管理员' }]);
    if (!isUuid(targetAccountId) || !(await this.households.changeRole(householdId, targetAccountId, role)))
      throw new HouseholdPersonNotFoundError();
    await this.recordMembership(accountId, householdId, 'MEMBERSHIP_ROLE_CHANGE', targetAccountId);
    return own;
  }

  /** The owner removes someone who joined; their member records and policies stay with the household. */
  @Transactional()
  async removeFromHousehold(
    accountId: string,
    householdId: string,
    targetAccountId: string,
  ): Promise<HouseholdWithRole> {
    const own = await this.householdFor(accountId, householdId);
    this.policy.assert({ accountId, role: own.role }, 'membership.remove', { targetAccountId });
    if (!isUuid(targetAccountId) || !(await this.households.removeMembership(householdId, targetAccountId)))
      throw new HouseholdPersonNotFoundError();
    await this.recordMembership(accountId, householdId, 'MEMBERSHIP_REMOVE', targetAccountId);
    return own;
  }

  /** Someone who joined leaves (the owner cannot leave their own household). */
  @Transactional()
  async leave(accountId: string, householdId: string): Promise<string> {
    const { role } = await this.householdFor(accountId, householdId);
    this.policy.assert({ accountId, role }, 'membership.leave');
    if (await this.households.removeMembership(householdId, accountId))
      await this.recordMembership(accountId, householdId, 'MEMBERSHIP_LEAVE', accountId);
    return householdId;
  }

  /** One member, for anyone in their household, masked as the role requires. */
  async memberView(accountId: string, memberId: string): Promise<FamilyMemberView> {
    const { member, role } = await this.memberFor(accountId, memberId, 'household.view');
    await this.audit.recordRead({
      accountId,
      householdId: member.householdId,
      action: 'MEMBER_READ',
      subjectType: 'MEMBER',
      subjectId: member.id,
    });
    return this.view(member, role, accountId);
  }

  /** Every member of these households, for a DataLoader: one query for all of them. */
  async membersOf(householdIds: readonly string[]): Promise<FamilyMemberEntity[][]> {
    const rows = await this.members.listByHouseholds(householdIds);
    return householdIds.map((id) => rows.filter((row) => row.householdId === id));
  }

  @Transactional()
  async addMember(accountId: string, householdId: string, input: MemberInput): Promise<FamilyMemberView> {
    const { role } = await this.householdFor(accountId, householdId);
    this.policy.assert({ accountId, role }, 'member.add');
    this.check(input);
    const inserted = await this.members.insert({
      householdId,
      ...this.sealed(input),
      // The owner's 本人 is the owner: the record they may always edit as themself.
      accountId: input.relationship === 'SELF' && role === 'OWNER' ? accountId : null,
      createdBy: accountId,
    });
    if (typeof inserted === 'string') throw new FamilyMemberConflictError(inserted);
    await this.recordMember(accountId, householdId, 'MEMBER_CREATE', inserted.id);
    return this.view(inserted, role, accountId);
  }

  @Transactional()
  async updateMember(accountId: string, memberId: string, changes: MemberChanges): Promise<FamilyMemberView> {
    const { member, role } = await this.memberFor(accountId, memberId, 'member.edit');
    const current = this.opened(member);
    const merged: MemberInput = {
      relationship: changes.relationship ?? member.relationship,
      name: changes.name ?? current.name,
      gender: changes.gender ?? member.gender,
      birthDate: changes.birthDate ?? member.birthDate,
      socialInsurance: changes.socialInsurance === undefined ? member.socialInsurance : changes.socialInsurance,
      occupationClass: changes.occupationClass === undefined ? member.occupationClass : changes.occupationClass,
      annualIncome: changes.annualIncome === undefined ? member.annualIncome : changes.annualIncome,
      idType: changes.idType === undefined ? member.idType : changes.idType,
      idNumber: changes.idNumber === undefined ? current.idNumber : changes.idNumber,
    };
    this.check(merged);
    const updated = await this.members.update(memberId, {
      ...this.sealed(merged),
      accountId: merged.relationship === 'SELF' && role === 'OWNER' ? accountId : member.accountId,
    });
    if (typeof updated === 'string') throw new FamilyMemberConflictError(updated);
    await this.recordMember(accountId, member.householdId, 'MEMBER_UPDATE', member.id);
    return this.view(updated, role, accountId);
  }

  /** Removes a member who is insured by no policy (the table refuses to orphan one, too). */
  @Transactional()
  async removeMember(accountId: string, memberId: string): Promise<string> {
    const { member } = await this.memberFor(accountId, memberId, 'member.remove');
    const insuring = await this.policies.countInsuring(memberId);
    if (insuring > 0) throw new MemberHasPoliciesError(insuring);
    if (!(await this.members.delete(memberId))) throw new FamilyMemberNotFoundError();
    await this.recordMember(accountId, member.householdId, 'MEMBER_DELETE', member.id);
    return memberId;
  }

  /**
   * The owner sees one ID number in full: an explicit request, limited per hour, and recorded (who,
   * which member, which request) before the number leaves the server.
   */
  @Transactional()
  async revealIdNumber(accountId: string, memberId: string): Promise<RevealedIdNumber> {
    const { member } = await this.memberFor(accountId, memberId, 'member.revealIdNumber');
    if (!member.idNumberEncrypted || !member.idType) throw new FamilyMemberNotFoundError();
    const decision = await this.rateLimiter.hit(`reveal-id:${accountId}`, REVEALS_PER_HOUR, 3_600_000);
    if (!decision.allowed) throw new RevealLimitError(Math.ceil(decision.retryAfterMs / 1000));
    // Recorded in the reveal's transaction (with the request id), before the number leaves the server.
    await this.recordMember(accountId, member.householdId, 'ID_NUMBER_REVEAL', member.id);
    return { memberId: member.id, idType: member.idType, idNumber: this.cipher.decrypt(member.idNumberEncrypted) };
  }

  /** A member as this caller, with this role in the member's household, may see it. */
  view(member: FamilyMemberEntity, role: HouseholdRole, accountId: string): FamilyMemberView {
    const full = seesPersonalData(role);
    const actor = { accountId, role };
    const target = { createdBy: member.createdBy, memberAccountId: member.accountId };
    return {
      id: member.id,
      householdId: member.householdId,
      relationship: member.relationship,
      name: full ? this.cipher.decrypt(member.nameEncrypted) : member.nameMasked,
      gender: member.gender,
      birthDate: full ? member.birthDate : null,
      birthYear: Number(member.birthDate.slice(0, 4)),
      age: ageOn(member.birthDate, chinaToday(this.clock.now())),
      socialInsurance: member.socialInsurance,
      occupationClass: member.occupationClass,
      annualIncome: full ? member.annualIncome : null,
      idType: member.idType,
      idNumberMasked: member.idNumberMasked,
      isYou: member.accountId === accountId,
      canEdit: decideAccess(actor, 'member.edit', target).allowed,
      canRemove: decideAccess(actor, 'member.remove', target).allowed,
      createdAt: member.createdAt,
    };
  }

  @Transactional()
  private async createOwnHousehold(accountId: string): Promise<HouseholdWithRole[]> {
    await this.households.ensureOwn(accountId, OWN_HOUSEHOLD_NAME);
    return this.households.listFor(accountId);
  }

  /** The member and the caller's role in its household, once the policy allows `action` on it. */
  private async memberFor(
    accountId: string,
    memberId: string,
    action: HouseholdAction,
  ): Promise<{ member: FamilyMemberEntity; role: HouseholdRole }> {
    const member = isUuid(memberId) ? await this.members.findById(memberId) : null;
    if (!member) throw new FamilyMemberNotFoundError();
    const role = await this.households.roleOf(member.householdId, accountId);
    this.policy.assert({ accountId, role }, action, { createdBy: member.createdBy, memberAccountId: member.accountId });
    return { member, role: role! };
  }

  private recordMember(
    accountId: string,
    householdId: string,
    action: 'MEMBER_CREATE' | 'MEMBER_UPDATE' | 'MEMBER_DELETE' | 'ID_NUMBER_REVEAL',
    memberId: string,
  ): Promise<void> {
    return this.audit.recordWrite({ accountId, householdId, action, subjectType: 'MEMBER', subjectId: memberId });
  }

  private recordMembership(
    accountId: string,
    householdId: string,
    action: 'MEMBERSHIP_ROLE_CHANGE' | 'MEMBERSHIP_REMOVE' | 'MEMBERSHIP_LEAVE',
    targetAccountId: string,
  ): Promise<void> {
    return this.audit.recordWrite({
      accountId,
      householdId,
      action,
      subjectType: 'ACCOUNT',
      subjectId: targetAccountId,
    });
  }

  private check(input: MemberInput): void {
    const problems = checkMember(input, chinaToday(this.clock.now()));
    if (problems.length > 0) {
      throw new InputProblemsError(problems.map((problem) => ({ ...problem, field: `input.${problem.field}` })));
    }
  }

  /** The columns of a member, personal data encrypted, masked and indexed. */
  private sealed(input: MemberInput): Omit<NewFamilyMember, 'householdId' | 'accountId' | 'createdBy'> {
    const name = input.name.trim();
    const idType = idTypeOf(input);
    const idNumber = idType && input.idNumber ? normaliseIdNumber(input.idNumber) : null;
    return {
      relationship: input.relationship,
      nameEncrypted: this.cipher.encrypt(name),
      nameMasked: maskName(name),
      gender: input.gender,
      birthDate: input.birthDate,
      socialInsurance: input.socialInsurance ?? null,
      occupationClass: input.occupationClass ?? null,
      annualIncome: input.annualIncome ?? null,
      idType,
      idNumberEncrypted: idNumber ? this.cipher.encrypt(idNumber) : null,
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
      idNumberIndex: idNumber ? this.cipher.blindIndex(`id-number:${idType}:${idNumber}`) : null,
    };
  }

  private opened(member: FamilyMemberEntity): { name: string; idNumber: string | null } {
    return {
      name: this.cipher.decrypt(member.nameEncrypted),
      idNumber: member.idNumberEncrypted ? this.cipher.decrypt(member.idNumberEncrypted) : null,
    };
  }
}
