import type { InviteKind, InviteRole } from '@family/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A share-to-friend invite (R1–R6): found by its code's hash; the code itself only encrypted. */
@Entity({ name: 'invite' })
export class InviteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: InviteKind;

  /** SHA-256 of the code, hex: how a landing finds the invite. */
  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash: string;

  /** The code, encrypted, so the sharer can show the link and poster again. */
  @Column({ name: 'code_encrypted', type: 'text' })
  codeEncrypted: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId: string | null;

  @Column({ name: 'product_id', type: 'varchar', length: 120, nullable: true })
  productId: string | null;

  @Column({ name: 'policy_id', type: 'uuid', nullable: true })
  policyId: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  role: InviteRole | null;

  /** What the invite shares, for the sharer's list: the product's, household's or policy's name. */
  @Column({ type: 'varchar', length: 80 })
  title: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'used_by', type: 'uuid', nullable: true })
  usedBy: string | null;

  /** Landings seen, signed in or not (the sharer's own excepted): the funnel's first step. */
  @Column({ name: 'open_count', type: 'integer', default: 0 })
  openCount: number;
}
