import { Injectable } from '@nestjs/common';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { ReminderRepository } from './reminder.repository.js';
import { type MessagePlatform, type ReminderTemplate, templatesOf } from './reminder-templates.js';
import { NoSubscriptionMessagesError, UnknownReminderTemplateError } from './reminders.errors.js';

/** wx.requestSubscribeMessage takes up to 5 templates a call, my.requestSubscribeMessage up to 3. */
export const MAX_TEMPLATES_PER_REQUEST: Readonly<Record<MessagePlatform, number>> = { WECHAT: 5, ALIPAY: 3 };

export interface ReminderTemplateView extends ReminderTemplate {
  /** Messages the person allowed and not yet received. */
  readonly remaining: number;
}

/** What a person allows: subscriptions to templates, counted per template, and the reminders switch. */
@Injectable()
export class ReminderService {
  constructor(private readonly reminders: ReminderRepository) {}

  /** The templates of the caller's platform with what is left of each; none on H5. */
  async templates(session: Pick<SessionClaims, 'accountId' | 'platform'>): Promise<ReminderTemplateView[]> {
    if (session.platform === 'H5') return [];
    const left = (await this.reminders.consentsOf([session.accountId])).get(session.accountId);
    return templatesOf(session.platform).map((template) => ({ ...template, remaining: left?.get(template.id) ?? 0 }));
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
    const known = new Set(templatesOf(session.platform).map((template) => template.id));
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
}
