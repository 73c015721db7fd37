import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who receives a policy's benefit: a household member, or a named person outside it (name encrypted). */
@Entity({ name: 'policy_beneficiary' })
export class PolicyBeneficiaryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  @Column({ name: 'name_encrypted', type: 'text', nullable: true })
  nameEncrypted: string | null;

  @Column({ name: 'name_masked', type: 'varchar', length: 40, nullable: true })
  nameMasked: string | null;

  /** 1 for the first in line (第一顺位). */
  @Column({ name: 'beneficiary_order', type: 'smallint' })
  beneficiaryOrder: number;

  /** 1/100 of a percent: 3333 is 33.33%. */
  @Column({ name: 'share_basis_points', type: 'integer' })
  shareBasisPoints: number;
}
