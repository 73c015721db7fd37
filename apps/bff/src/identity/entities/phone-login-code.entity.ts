import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A texted H5 sign-in code, stored as a keyed hash; wrong guesses are counted on it. */
@Entity({ name: 'phone_login_code' })
export class PhoneLoginCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Blind index of the phone number. */
  @Column({ name: 'phone_hash', type: 'char', length: 64 })
  phoneHash: string;

  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
