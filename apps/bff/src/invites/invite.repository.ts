import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { InviteAttributionEntity, type InviteConversion } from './entities/invite-attribution.entity.js';
import { InviteEntity } from './entities/invite.entity.js';

export type NewInvite = Pick<
  InviteEntity,
  | 'kind'
  | 'title'
  | 'codeHash'
  | 'codeEncrypted'
  | 'createdBy'
  | 'householdId'
  | 'productId'
  | 'policyId'
  | 'role'
  | 'expiresAt'
>;

/** An invite's funnel: landings, then friends by how far they went (each counted at every stage they passed). */
export interface InviteFunnelCounts {
  readonly opened: number;
  readonly signedUp: number;
  readonly converted: number;
  readonly bought: number;
}

const ATTRIBUTION_WINDOW = "interval '7 days'";

/** Invites and the attribution of friends to them. */
@Injectable()
export class InviteRepository {
  constructor(private readonly database: Database) {}

  private get invites() {
    return this.database.repository(InviteEntity);
  }

  private get attributions() {
    return this.database.repository(InviteAttributionEntity);
  }

  insert(invite: NewInvite): Promise<InviteEntity> {
    return this.invites.save(this.invites.create({ ...invite, openCount: 0 }));
  }

  findByCodeHash(codeHash: string): Promise<InviteEntity | null> {
    return this.invites.findOneBy({ codeHash });
  }

  findById(id: string): Promise<InviteEntity | null> {
    return this.invites.findOneBy({ id });
  }

  /** The account's invites, newest first. */
  listByCreator(accountId: string, first: number): Promise<InviteEntity[]> {
    return this.invites.find({
      where: { createdBy: accountId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  async countOpen(id: string): Promise<void> {
    await this.invites.increment({ id }, 'openCount', 1);
  }

  /**
   * Uses a single-use invite for the friend, in one conditional statement: of friends accepting at
   * once, the database lets exactly one through (the others' UPDATE finds `used_at` set once the
   * winner commits). False when the invite is no longer usable, or was the friend's own.
   */
  async consume(id: string, friendAccountId: string, now: Date): Promise<boolean> {
    const result = await this.invites
      .createQueryBuilder()
      .update()
      .set({ usedAt: now, usedBy: friendAccountId })
      .where('id = :id', { id })
      .andWhere('used_at IS NULL AND revoked_at IS NULL')
      .andWhere('(expires_at IS NULL OR expires_at > :now)', { now })
      .andWhere('created_by <> :friend', { friend: friendAccountId })
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  /** Revokes an invite that is neither revoked nor used; false otherwise. */
  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.invites
      .createQueryBuilder()
      .update()
      .set({ revokedAt: now })
      .where('id = :id', { id })
      .andWhere('revoked_at IS NULL AND used_at IS NULL')
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  /**
   * Records that the invite touched the friend, first touch within 7 days: a friend with no
   * attribution, or whose last one is older than the window, is attributed to this invite; otherwise
   * nothing changes. Raw SQL: an upsert whose update is conditional on the old row.
   */
  async touch(friendAccountId: string, inviteId: string, now: Date): Promise<void> {
    await this.database.manager.query(
      `INSERT INTO invite_attribution (account_id, invite_id, touched_at)
       VALUES ($1, $2, $3)
       ON CONFLICT (account_id) DO UPDATE
         SET invite_id = EXCLUDED.invite_id, touched_at = EXCLUDED.touched_at,
             signed_up_at = NULL, converted_at = NULL, conversion = NULL, bought_at = NULL
         WHERE invite_attribution.touched_at < EXCLUDED.touched_at - ${ATTRIBUTION_WINDOW}`,
      [friendAccountId, inviteId, now],
    );
  }

  /** The friend signed up (a new account) within the window of their touch. */
  async markSignedUp(friendAccountId: string, now: Date): Promise<void> {
    await this.attributions
      .createQueryBuilder()
      .update()
      .set({ signedUpAt: now })
      .where('account_id = :friend', { friend: friendAccountId })
      .andWhere('signed_up_at IS NULL')
      .andWhere(`touched_at >= :now::timestamptz - ${ATTRIBUTION_WINDOW}`, { now })
      .execute();
  }

  /** The friend joined or quoted within the window of their touch: the first conversion counts. */
  async markConverted(friendAccountId: string, conversion: InviteConversion, now: Date): Promise<void> {
    await this.attributions
      .createQueryBuilder()
      .update()
      .set({ convertedAt: now, conversion })
      .where('account_id = :friend', { friend: friendAccountId })
      .andWhere('converted_at IS NULL')
      .andWhere(`touched_at >= :now::timestamptz - ${ATTRIBUTION_WINDOW}`, { now })
      .execute();
  }

  /** The friends each invite brought, newest first. */
  listAttributions(inviteIds: readonly string[]): Promise<InviteAttributionEntity[]> {
    if (inviteIds.length === 0) return Promise.resolve([]);
    return this.attributions
      .createQueryBuilder('attribution')
      .where('attribution.invite_id = ANY(:ids)', { ids: [...inviteIds] })
      .orderBy('attribution.touched_at', 'DESC')
      .getMany();
  }

  /** The funnel over every invite the account made. */
  async funnelOf(accountId: string): Promise<InviteFunnelCounts> {
    const opened = (await this.invites
      .createQueryBuilder('invite')
      .select('COALESCE(SUM(invite.open_count), 0)', 'opened')
      .where('invite.created_by = :accountId', { accountId })
      .getRawOne()) as { opened: string | number };
    const friends = (await this.attributions
      .createQueryBuilder('attribution')
      .innerJoin(InviteEntity, 'invite', 'invite.id = attribution.invite_id')
      .select('COUNT(*)', 'touched')
      .addSelect('COUNT(attribution.signed_up_at)', 'signedUp')
      .addSelect('COUNT(attribution.converted_at)', 'converted')
      .addSelect('COUNT(attribution.bought_at)', 'bought')
      .where('invite.created_by = :accountId', { accountId })
      .getRawOne()) as Record<'touched' | 'signedUp' | 'converted' | 'bought', string | number>;
    return {
      // A friend touched while signed in counts as an opening even if the landing was not counted.
      opened: Math.max(Number(opened.opened), Number(friends.touched)),
      signedUp: Number(friends.signedUp),
      converted: Number(friends.converted),
      bought: Number(friends.bought),
    };
  }
}
