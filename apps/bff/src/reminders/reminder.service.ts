import { Inject, Injectable } from '@nestjs/common';
import { type HouseholdRole, REMINDER_KIND_LABELS, chinaToday, upcomingReminders } from '@family/domain';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { CLOCK, type Clock } from '../common/clock.js';
import type { RequestLoaders } from '../common/graphql/request-loaders.js';
import { FamilyRemindersService, REMINDED_ROLES } from '../family/index.js';
import type { UpcomingReminderModel } from './models/reminder.model.js';
import { ReminderRepository } from './reminder.repository.js';
import { type MessagePlatform, type ReminderTemplate, ReminderTemplateCatalog } from './reminder-templates.js';
import {
  NoSubscriptionMessagesError,
  PolicyRemindersForbiddenError,
  InvalidUpcomingDaysError,
  PolicyRemindersNotFoundError,
  UnknownReminderTemplateError,
} from './reminders.errors.js';

/** The longest look ahead of `Household.upcomingReminders` (days). */
export const MAX_UPCOMING_DAYS = 90;

/** wx.requestSubscribeMessage takes up to 5 templates a call, my.requestSubscribeMessage up to 3. */
export const MAX_TEMPLATES_PER_REQUEST: Readonly<Record<MessagePlatform, number>> = { WECHAT: 5, ALIPAY: 3 };

export interface ReminderTemplateView extends ReminderTemplate {
  /** Messages the person allowed and not yet received. */
  readonly remaining: number;
}

/** What a person allows: subscriptions to templates, counted per template, and the reminders switch. */
@Injectable()
export class ReminderService {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly catalog: ReminderTemplateCatalog,
    private readonly family: FamilyRemindersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The templates of the caller's platform with what is left of each; none on H5. */
  async templates(session: Pick<SessionClaims, 'accountId' | 'platform'>): Promise<ReminderTemplateView[]> {
    if (session.platform === 'H5') return [];
    const left = (await this.reminders.consentsOf([session.accountId])).get(session.accountId);
    return this.catalog
      .of(session.platform)
      .map((template) => ({ ...template, remaining: left?.get(template.id) ?? 0 }));
  }

  /**
   * The person accepted these templates in the platform's dialog: one more message allowed for each.
   * Ids must be the caller's platform's, each once, no more than one dialog holds.
   */
  async recordConsent(
    session: Pick<SessionClaims, 'accountId' | 'platform'>,
    templateIds: readonly string[],
  ): Promise<ReminderTemplateView[]> {
    if (session.platform === 'H5') throw new NoSubscriptionMessagesError();
    const known = new Set(this.catalog.of(session.platform).map((template) => template.id));
    const max = MAX_TEMPLATES_PER_REQUEST[session.platform];
    if (templateIds.length === 0 || templateIds.length > max)
      throw new UnknownReminderTemplateError(`一次可订阅 1–${max} 个提醒模板`);
    if (new Set(templateIds).size !== templateIds.length || templateIds.some((id) => !known.has(id)))
      throw new UnknownReminderTemplateError();
    await this.reminders.addConsents(session.accountId, session.platform, templateIds);
    return this.templates(session);
  }

  isEnabled(accountId: string): Promise<boolean> {
    return this.reminders.isEnabled(accountId);
  }

  async setEnabled(accountId: string, enabled: boolean): Promise<boolean> {
    await this.reminders.setEnabled(accountId, enabled);
    return enabled;
  }

  /**
   * The household's reminders due today or within `days` days, soonest first, each saying whether
   * this person got it or will not (switch off, policy muted). The policies come through the request's
   * loaders; the person's deliveries, switch and mutes take one statement. None for a viewer.
   */
  async upcoming(
    loaders: RequestLoaders,
    household: { readonly id: string; readonly role: HouseholdRole },
    accountId: string,
    days: number,
  ): Promise<UpcomingReminderModel[]> {
    if (!Number.isInteger(days) || days < 0 || days > MAX_UPCOMING_DAYS) throw new InvalidUpcomingDaysError();
    if (!REMINDED_ROLES.includes(household.role)) return [];
    const today = chinaToday(this.clock.now());
    const policies = await this.family.householdPolicies(loaders, household.id, household.role, accountId);
    const events = policies.flatMap((entry) =>
      upcomingReminders(entry.policy, today, days).map((event) => ({ entry, event })),
    );
    if (events.length === 0) return [];
    const state = await this.reminders.stateOf(accountId, [...new Set(events.map(({ entry }) => entry.policy.id))]);
    return events
      .sort(
        (a, b) =>
          (a.event.remindOn < b.event.remindOn ? -1 : a.event.remindOn > b.event.remindOn ? 1 : 0) ||
          (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0),
      )
      .map(({ entry, event }) => ({
        key: event.key,
        policyId: entry.policy.id,
        kind: event.kind,
        label: REMINDER_KIND_LABELS[event.kind],
        date: event.date,
        daysUntil: event.daysUntil,
        remindOn: event.remindOn,
        productName: entry.productName,
        memberId: entry.memberId,
        memberName: entry.memberName,
        amount: event.amount,
        delivered: state.delivered.has(event.key),
        muted: !state.enabled || state.mutedPolicies.has(entry.policy.id),
      }));
  }

  /** Whether this person has not muted the policy's reminders, batched per request. */
  policyEnabled(loaders: RequestLoaders, accountId: string, policyId: string): Promise<boolean> {
    return loaders
      .get<string, boolean>('reminders.policyEnabled', async (ids) => {
        const muted = await this.reminders.mutedBy(accountId, ids);
        return ids.map((id) => !muted.has(id));
      })
      .load(policyId);
  }

  /** Mutes or unmutes one policy's reminders for this person (an owner or member of its household). */
  async setPolicyEnabled(accountId: string, policyId: string, enabled: boolean): Promise<boolean> {
    const role = await this.family.roleForPolicy(policyId, accountId);
    if (role === null) throw new PolicyRemindersNotFoundError();
    if (!REMINDED_ROLES.includes(role)) throw new PolicyRemindersForbiddenError();
    await this.reminders.setPolicyMuted(accountId, policyId, !enabled);
    return enabled;
  }
}
