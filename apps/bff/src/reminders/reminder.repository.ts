import { Injectable } from '@nestjs/common';
import type { ReminderKind } from '@family/domain';
import { In } from 'typeorm';
import { Database } from '../database/database.js';
import { ReminderConsentEntity } from './entities/reminder-consent.entity.js';
import {
  type ReminderChannel,
  ReminderDeliveryEntity,
  type ReminderDeliveryStatus,
} from './entities/reminder-delivery.entity.js';
import { ReminderPolicyMuteEntity } from './entities/reminder-policy-mute.entity.js';
import { ReminderSettingEntity } from './entities/reminder-setting.entity.js';
import type { MessagePlatform } from './reminder-templates.js';

/** What one person's reminders of some policies look like, read in one statement (the overview). */
export interface ReminderStateOf {
  /** The person's own switch (on without a row). */
  readonly enabled: boolean;
  /** Event keys delivered to the person (SENT). */
  readonly delivered: ReadonlySet<string>;
  /** Policies the person muted. */
  readonly mutedPolicies: ReadonlySet<string>;
}

export interface DeliveryClaim {
  readonly accountId: string;
  readonly eventKey: string;
  readonly policyId: string;
  readonly kind: ReminderKind;
  readonly channel: ReminderChannel;
}

/**
 * Consents, switches and deliveries. Races are the database's to decide: a claim is an insert that a
 * unique constraint lets through once, a subscription is taken by a conditional decrement.
 */
@Injectable()
export class ReminderRepository {
  constructor(private readonly database: Database) {}

  private get consents() {
    return this.database.repository(ReminderConsentEntity);
  }

  private get settings() {
    return this.database.repository(ReminderSettingEntity);
  }

  private get mutes() {
    return this.database.repository(ReminderPolicyMuteEntity);
  }

  private get deliveries() {
    return this.database.repository(ReminderDeliveryEntity);
  }

  /** Subscriptions left per template id, for these accounts: account → template → remaining. */
  async consentsOf(accountIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const byAccount = new Map<string, Map<string, number>>();
    if (accountIds.length === 0) return byAccount;
    for (const row of await this.consents.findBy({ accountId: In([...accountIds]) })) {
      const held = byAccount.get(row.accountId) ?? new Map<string, number>();
      held.set(row.templateId, row.remaining);
      byAccount.set(row.accountId, held);
    }
    return byAccount;
  }

  /**
   * One more subscription to each template, in one statement. Raw SQL: an upsert adding to the
   * stored count, which TypeORM's upsert cannot express.
   */
  async addConsents(accountId: string, platform: MessagePlatform, templateIds: readonly string[]): Promise<void> {
    if (templateIds.length === 0) return;
    const rows = templateIds.map((_id, index) => `($1, $${index + 3}, $2, 1, now())`).join(', ');
    await this.database.manager.query(
      `INSERT INTO reminder_consent (account_id, template_id, platform, remaining, updated_at) VALUES ${rows}
       ON CONFLICT (account_id, template_id) DO UPDATE
         SET remaining = reminder_consent.remaining + 1, updated_at = now()`,
      [accountId, platform, ...templateIds],
    );
  }

  /** Takes one subscription; false when none is left (another send took the last). */
  async takeConsent(accountId: string, templateId: string): Promise<boolean> {
    const result = await this.consents
      .createQueryBuilder()
      .update()
      .set({ remaining: () => 'remaining - 1' })
      .where('account_id = :accountId AND template_id = :templateId', { accountId, templateId })
      .andWhere('remaining > 0')
      .returning(['remaining'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  /** Gives back a subscription taken for a message the platform never delivered. */
  async returnConsent(accountId: string, templateId: string): Promise<void> {
    await this.consents.increment({ accountId, templateId }, 'remaining', 1);
  }

  /** The platform says none is left (43101): what we counted was wrong, so nothing is left here either. */
  async useUpConsent(accountId: string, templateId: string): Promise<void> {
    await this.consents.update({ accountId, templateId }, { remaining: 0 });
  }

  /** Accounts among these that switched reminders off. */
  async disabledAmong(accountIds: readonly string[]): Promise<Set<string>> {
    if (accountIds.length === 0) return new Set();
    const rows = await this.settings.findBy({ accountId: In([...accountIds]), enabled: false });
    return new Set(rows.map((row) => row.accountId));
  }

  async isEnabled(accountId: string): Promise<boolean> {
    return (await this.settings.findOneBy({ accountId }))?.enabled ?? true;
  }

  async setEnabled(accountId: string, enabled: boolean): Promise<void> {
    await this.settings.upsert({ accountId, enabled }, ['accountId']);
  }

  /** Account and policy pairs among these policies whose reminders were muted, as `accountId:policyId`. */
  async mutedAmong(policyIds: readonly string[]): Promise<Set<string>> {
    if (policyIds.length === 0) return new Set();
    const rows = await this.mutes.findBy({ policyId: In([...policyIds]) });
    return new Set(rows.map((row) => `${row.accountId}:${row.policyId}`));
  }

  /** Policies among these that the account muted. */
  async mutedBy(accountId: string, policyIds: readonly string[]): Promise<Set<string>> {
    if (policyIds.length === 0) return new Set();
    const rows = await this.mutes.findBy({ accountId, policyId: In([...policyIds]) });
    return new Set(rows.map((row) => row.policyId));
  }

  async setPolicyMuted(accountId: string, policyId: string, muted: boolean): Promise<void> {
    if (muted) await this.mutes.upsert({ accountId, policyId }, ['accountId', 'policyId']);
    else await this.mutes.delete({ accountId, policyId });
  }

  /**
   * The switch, the deliveries and the muted policies of one person for these policies, in one
   * statement (the household page counts its statements). Raw SQL: a UNION of three small reads.
   */
  async stateOf(accountId: string, policyIds: readonly string[]): Promise<ReminderStateOf> {
    const rows = (await this.database.manager.query(
      `SELECT 'S' AS part, CASE WHEN enabled THEN 'on' ELSE 'off' END AS value
         FROM reminder_setting WHERE account_id = $1
       UNION ALL
       SELECT 'D', event_key FROM reminder_delivery
         WHERE account_id = $1 AND status = 'SENT' AND policy_id = ANY($2::uuid[])
       UNION ALL
       SELECT 'M', policy_id::text FROM reminder_policy_mute
         WHERE account_id = $1 AND policy_id = ANY($2::uuid[])`,
      [accountId, [...policyIds]],
    )) as { part: 'S' | 'D' | 'M'; value: string }[];
    const of = (part: string): string[] => rows.filter((row) => row.part === part).map((row) => row.value);
    return {
      enabled: !of('S').includes('off'),
      delivered: new Set(of('D')),
      mutedPolicies: new Set(of('M')),
    };
  }

  /**
   * Claims the delivery of an event to a person: its id, or null when it was claimed already (by
   * another instance, an earlier run, or a retry). Raw SQL: INSERT … ON CONFLICT DO NOTHING RETURNING.
   */
  async claim(claim: DeliveryClaim): Promise<string | null> {
    const rows = (await this.database.manager.query(
      `INSERT INTO reminder_delivery (account_id, event_key, policy_id, kind, channel, status)
       VALUES ($1, $2, $3, $4, $5, 'SENDING')
       ON CONFLICT (account_id, event_key) DO NOTHING
       RETURNING id`,
      [claim.accountId, claim.eventKey, claim.policyId, claim.kind, claim.channel],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Gives up a claim so that a later run may send the event (nothing was delivered). */
  async release(id: string): Promise<void> {
    await this.deliveries.delete({ id, status: 'SENDING' });
  }

  async finish(id: string, status: Exclude<ReminderDeliveryStatus, 'SENDING'>, errorCode: string | null = null) {
    await this.deliveries.update({ id }, { status, errorCode });
  }

  /** Deliveries of these events (tests and operators). */
  findByEventKeys(eventKeys: readonly string[]): Promise<ReminderDeliveryEntity[]> {
    return this.deliveries.findBy({ eventKey: In([...eventKeys]) });
  }
}
