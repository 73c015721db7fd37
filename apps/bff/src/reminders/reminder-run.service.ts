import { Inject, Injectable } from '@nestjs/common';
import { type ReminderEvent, chinaToday, remindersDue } from '@family/domain';
import { CLOCK, type Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import { FamilyRemindersService, type PolicyForReminders } from '../family/index.js';
import {
  type AccountContacts,
  AccountContactsService,
  AlipayClient,
  type MessageOutcome,
  SmsClient,
  WechatClient,
} from '../identity/index.js';
import type { ReminderChannel } from './entities/reminder-delivery.entity.js';
import { ReminderRepository } from './reminder.repository.js';
import {
  type MessagePlatform,
  REMINDER_PAGE,
  ReminderTemplateCatalog,
  reminderLines,
  smsText,
  templateData,
} from './reminder-templates.js';

/** What one run did, by outcome (a person counts once per event). */
export interface ReminderRunSummary {
  readonly date: string;
  /** Events due today across all policies (before choosing people). */
  events: number;
  sent: number;
  /** Sent already by an earlier run, a retry or another instance. */
  alreadySent: number;
  /** No subscription left to a template of the person's platform, and no phone for an SMS. */
  skippedWithoutConsent: number;
  /** The person switched reminders off, or muted this policy's. */
  skippedSwitchedOff: number;
  /** Refused for good by the platform (bad openid, template or data): not retried. */
  rejected: number;
  /** The platform could not take it now: released, to be sent by the next attempt. */
  failed: number;
}

/** A run that left deliveries to retry: the job fails, so the queue retries it (sent ones are skipped). */
export class ReminderRunIncompleteError extends Error {
  constructor(readonly summary: ReminderRunSummary) {
    super(`reminders: ${summary.failed} could not be sent now`);
    this.name = 'ReminderRunIncompleteError';
  }
}

const PAGE_SIZE = 200;

type Channel = { readonly channel: ReminderChannel; readonly templateId: string | null };

/**
 * The reminders run (`pnpm job reminders`): for every policy, the events due today (domain), and for
 * each person of the household who may be reminded, exactly one message. Idempotent: a delivery is
 * claimed in the database (UNIQUE account + event key) before anything is sent, so however many
 * instances and retries run it, an event reaches a person once; a send that failed for now releases
 * its claim and its subscription, for the next attempt.
 */
@Injectable()
export class ReminderRunService {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly catalog: ReminderTemplateCatalog,
    private readonly family: FamilyRemindersService,
    private readonly contacts: AccountContactsService,
    private readonly wechat: WechatClient,
    private readonly alipay: AlipayClient,
    private readonly sms: SmsClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(today: string = chinaToday(this.clock.now())): Promise<ReminderRunSummary> {
    const summary: ReminderRunSummary = {
      date: today,
      events: 0,
      sent: 0,
      alreadySent: 0,
      skippedWithoutConsent: 0,
      skippedSwitchedOff: 0,
      rejected: 0,
      failed: 0,
    };
    let after: string | null = null;
    for (;;) {
      const page = await this.family.policiesForReminders(after, PAGE_SIZE);
      if (page.length === 0) break;
      after = page[page.length - 1].policy.id;
      const due = page
        .map((policy) => ({ policy, events: remindersDue(policy.policy, today) }))
        .filter((entry) => entry.events.length > 0);
      if (due.length === 0) continue;
      const accountIds = [...new Set(due.flatMap((entry) => entry.policy.recipientAccountIds))];
      const contacts = await this.contacts.contactsOf(accountIds);
      const switchedOff = await this.reminders.disabledAmong(accountIds);
      const muted = await this.reminders.mutedAmong(due.map((entry) => entry.policy.policy.id));
      for (const { policy, events } of due) {
        for (const event of events) {
          summary.events += 1;
          for (const accountId of policy.recipientAccountIds) {
            if (switchedOff.has(accountId) || muted.has(`${accountId}:${policy.policy.id}`))
              summary.skippedSwitchedOff += 1;
            else await this.deliver(policy, event, accountId, contacts.get(accountId)!, summary);
          }
        }
      }
    }
    logger.info({ ...summary }, 'reminders run');
    if (summary.failed > 0) throw new ReminderRunIncompleteError(summary);
    return summary;
  }

  /** The channel for this person: a mini-program with a subscription left, else SMS to their phone. */
  private async channelFor(
    accountId: string,
    contacts: AccountContacts,
    event: ReminderEvent,
  ): Promise<Channel | null> {
    const left = (await this.reminders.consentsOf([accountId])).get(accountId);
    const platforms: [MessagePlatform, string | null][] = [
      ['WECHAT', contacts.wechatOpenid],
      ['ALIPAY', contacts.alipayUserId],
    ];
    for (const [platform, address] of platforms) {
      const template = this.catalog.for(platform, event.kind);
      if (template && address && (left?.get(template.id) ?? 0) > 0)
        return { channel: platform, templateId: template.id };
    }
    return contacts.phone ? { channel: 'SMS', templateId: null } : null;
  }

  private async deliver(
    policy: PolicyForReminders,
    event: ReminderEvent,
    accountId: string,
    contacts: AccountContacts,
    summary: ReminderRunSummary,
  ): Promise<void> {
    const channel = await this.channelFor(accountId, contacts, event);
    if (!channel) {
      summary.skippedWithoutConsent += 1;
      return;
    }
    const claim = await this.reminders.claim({
      accountId,
      eventKey: event.key,
      policyId: policy.policy.id,
      kind: event.kind,
      channel: channel.channel,
    });
    if (claim === null) {
      summary.alreadySent += 1;
      return;
    }
    const { templateId } = channel;
    if (templateId !== null && !(await this.reminders.takeConsent(accountId, templateId))) {
      // Another event took the last subscription between our reading and now.
      await this.reminders.release(claim);
      summary.skippedWithoutConsent += 1;
      return;
    }
    let outcome: MessageOutcome;
    try {
      outcome = await this.send(channel, contacts, policy, event);
    } catch (error) {
      logger.warn({ channel: channel.channel, kind: event.kind, error: (error as Error).message }, 'reminder not sent');
      await this.reminders.release(claim);
      if (templateId !== null) await this.reminders.returnConsent(accountId, templateId);
      summary.failed += 1;
      return;
    }
    if (outcome.kind === 'SENT') {
      await this.reminders.finish(claim, 'SENT');
      summary.sent += 1;
    } else if (outcome.kind === 'NO_SUBSCRIPTION') {
      // The platform knows better (the person may have turned subscriptions off): none is left.
      await this.reminders.useUpConsent(accountId, templateId!);
      await this.reminders.release(claim);
      summary.skippedWithoutConsent += 1;
    } else {
      await this.reminders.finish(claim, 'REJECTED', outcome.code);
      if (templateId !== null) await this.reminders.returnConsent(accountId, templateId);
      summary.rejected += 1;
    }
  }

  private async send(
    channel: Channel,
    contacts: AccountContacts,
    policy: PolicyForReminders,
    event: ReminderEvent,
  ): Promise<MessageOutcome> {
    if (channel.channel === 'SMS') {
      await this.sms.send(contacts.phone!, smsText(event, policy.productName));
      return { kind: 'SENT' };
    }
    const lines = reminderLines(event, policy.productName);
    const data = templateData(channel.channel, lines.kind, lines.values);
    if (channel.channel === 'WECHAT') {
      return this.wechat.sendSubscribeMessage({
        openid: contacts.wechatOpenid!,
        templateId: channel.templateId!,
        page: REMINDER_PAGE,
        data,
      });
    }
    return this.alipay.sendTemplateMessage({
      userId: contacts.alipayUserId!,
      templateId: channel.templateId!,
      page: REMINDER_PAGE,
      data,
    });
  }
}
