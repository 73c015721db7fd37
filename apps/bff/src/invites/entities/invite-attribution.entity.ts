import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InviteConversion = 'JOINED' | 'QUOTED';

/**
 * Which invite brought a friend (first touch within 7 days) and how far they went. One row per
 * friend: a new touch replaces it only once the window of the last one has passed.
 */
@Entity({ name: 'invite_attribution' })
export class InviteAttributionEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'invite_id', type: 'uuid' })
  inviteId: string;

  @Column({ name: 'touched_at', type: 'timestamptz' })
  touchedAt: Date;

  @Column({ name: 'signed_up_at', type: 'timestamptz', nullable: true })
  signedUpAt: Date | null;

  @Column({ name: 'converted_at', type: 'timestamptz', nullable: true })
  convertedAt: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  conversion: InviteConversion | null;

  /** Comes with buying (B1); kept so the funnel has its last step from the start. */
  @Column({ name: 'bought_at', type: 'timestamptz', nullable: true })
  boughtAt: Date | null;
}
