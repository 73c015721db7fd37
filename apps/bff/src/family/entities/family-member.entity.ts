import type { Gender, IdType, Relationship } from '@family/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FEN } from '../../database/columns.js';

/**
 * A person of a household (F1). The name and the ID number identify a person: they are stored
 * encrypted (FieldCipher), with a masked copy for lists and, for the ID number, a keyed hash (blind
 * index) that finds the same person added twice without decrypting anything.
 */
@Entity({ name: 'family_member' })
export class FamilyMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ type: 'varchar', length: 16 })
  relationship: Relationship;

  @Column({ name: 'name_encrypted', type: 'text' })
  nameEncrypted: string;

  @Column({ name: 'name_masked', type: 'varchar', length: 40 })
  nameMasked: string;

  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  /** YYYY-MM-DD. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'social_insurance', type: 'boolean', nullable: true })
  socialInsurance: boolean | null;

  @Column({ name: 'occupation_class', type: 'smallint', nullable: true })
  occupationClass: number | null;

  @Column({ name: 'id_type', type: 'varchar', length: 16, nullable: true })
  idType: IdType | null;

  @Column({ name: 'id_number_encrypted', type: 'text', nullable: true })
  idNumberEncrypted: string | null;

  @Column({ name: 'id_number_masked', type: 'varchar', length: 40, nullable: true })
  idNumberMasked: string | null;

  @Column({ name: 'id_number_index', type: 'char', length: 64, nullable: true })
  idNumberIndex: string | null;

  /** Yearly income in fen, when the person gives it: the gap rules size life and critical-illness cover by it. */
  @Column({ name: 'annual_income', type: 'bigint', nullable: true, transformer: FEN })
  annualIncome: number | null;

  /** The account this member is, when the person has one (本人, or a relative who joined). */
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  /** Who added the member: a member (role) may edit what they added. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
