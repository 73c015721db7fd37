import { Injectable } from '@nestjs/common';
import { In, QueryFailedError } from 'typeorm';
import { Database } from '../database/database.js';
import { FamilyMemberEntity } from './entities/family-member.entity.js';

export type NewFamilyMember = Omit<FamilyMemberEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type FamilyMemberChanges = Partial<Omit<NewFamilyMember, 'householdId' | 'createdBy'>>;

/** Which rule of the table a write broke: a second 本人, or an ID number already in the household. */
export type MemberConflict = 'SELF_EXISTS' | 'ID_NUMBER_EXISTS';

const CONFLICTS: Readonly<Record<string, MemberConflict>> = {
  family_member_one_self: 'SELF_EXISTS',
  family_member_id_number_once: 'ID_NUMBER_EXISTS',
};

/** The unique index a write ran into, as PostgreSQL (and PGlite) name it in a 23505 error. */
function conflictOf(error: unknown): MemberConflict | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string; message?: string };
  if (driverError.code !== '23505') return null;
  const constraint =
    driverError.constraint ?? Object.keys(CONFLICTS).find((name) => driverError.message?.includes(name));
  return constraint ? (CONFLICTS[constraint] ?? null) : null;
}

/** The members of households. */
@Injectable()
export class FamilyMemberRepository {
  constructor(private readonly database: Database) {}

  private get members() {
    return this.database.repository(FamilyMemberEntity);
  }

  findById(id: string): Promise<FamilyMemberEntity | null> {
    return this.members.findOneBy({ id });
  }

  /** Every member of these households in one query, oldest first (for a DataLoader). */
  listByHouseholds(householdIds: readonly string[]): Promise<FamilyMemberEntity[]> {
    return this.members.find({
      where: { householdId: In([...householdIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insert(member: NewFamilyMember): Promise<FamilyMemberEntity | MemberConflict> {
    try {
      return await this.members.save(this.members.create(member));
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) return conflict;
      throw error;
    }
  }

  async update(id: string, changes: FamilyMemberChanges): Promise<FamilyMemberEntity | MemberConflict> {
    try {
      await this.members.update({ id }, changes);
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) return conflict;
      throw error;
    }
    return this.members.findOneByOrFail({ id });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.members.delete({ id });
    return result.affected === 1;
  }
}
