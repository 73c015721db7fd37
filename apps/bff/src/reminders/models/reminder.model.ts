import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { REMINDER_KINDS, type ReminderKind } from '@family/domain';
import { graphqlEnum } from '../../common/graphql/enum.js';
import { Money } from '../../common/graphql/money.scalar.js';
import { PlatformEnum } from '../../identity/index.js';
import { REMINDER_TEMPLATE_KINDS, type MessagePlatform, type ReminderTemplateKind } from '../reminder-templates.js';

export const ReminderTemplateKindEnum = graphqlEnum(
  [...REMINDER_TEMPLATE_KINDS],
  'ReminderTemplateKind',
  'What a template reminds of: PAYMENT_DUE (7 and 1 days before), EXPIRY (30 and 7 days before), COOLING_OFF_END, WAITING_PERIOD_END',
);

@ObjectType('ReminderTemplate', {
  description:
    'A subscription message template of the caller’s platform: pass the ids to wx.requestSubscribeMessage (≤ 5 a call) or my.requestSubscribeMessage (≤ 3), then what was accepted to recordReminderConsent',
})
export class ReminderTemplateModel {
  @Field(() => ID, { description: 'The platform’s template id' })
  id: string;

  @Field(() => PlatformEnum)
  platform: MessagePlatform;

  @Field(() => ReminderTemplateKindEnum)
  kind: ReminderTemplateKind;

  @Field({ description: 'The template’s title, as the platform shows it' })
  title: string;

  @Field(() => Int, { description: 'Reminders of this kind the person allowed and has not received yet' })
  remaining: number;
}

@ObjectType('ReminderSettings', { description: 'The signed-in person’s reminders (我的)' })
export class ReminderSettingsModel {
  @Field({ description: 'The switch: off, no reminder is sent, whatever was allowed' })
  enabled: boolean;

  @Field(() => [ReminderTemplateModel], {
    description: 'The templates of the caller’s platform with what is left of each (none on H5: reminders come by SMS)',
  })
  templates: ReminderTemplateModel[];
}

export const ReminderKindEnum = graphqlEnum(
  [...REMINDER_KINDS],
  'ReminderKind',
  'One reminder of a policy event: PAYMENT_DUE_7D / _1D (days before a premium), EXPIRY_30D / _7D, COOLING_OFF_END, WAITING_PERIOD_END',
);

@ObjectType('UpcomingReminder', {
  description: 'A reminder of one of the household’s policies due today or within the days asked (家庭保障总览)',
})
export class UpcomingReminderModel {
  @Field(() => ID, { description: 'The event’s key: one message per event per person' })
  key: string;

  @Field(() => ID)
  policyId: string;

  @Field(() => ReminderKindEnum)
  kind: ReminderKind;

  @Field({ description: 'What the reminder is, in Chinese (e.g. 保单到期提醒（提前 7 天）)' })
  label: string;

  @Field({ description: 'The date it is about (YYYY-MM-DD): the premium’s due date, the last day of cover…' })
  date: string;

  @Field(() => Int, { description: 'Days from today to `date`' })
  daysUntil: number;

  @Field({ description: 'The first day from today the reminder is due (YYYY-MM-DD)' })
  remindOn: string;

  @Field()
  productName: string;

  @Field(() => ID)
  memberId: string;

  @Field({ description: 'The insured member’s name, masked as elsewhere for this caller' })
  memberName: string;

  @Field(() => Money, { nullable: true, description: 'The premium due (payment reminders)' })
  amount: number | null;

  @Field({ description: 'Sent to the signed-in person already' })
  delivered: boolean;

  @Field({
    description: 'The signed-in person will not be sent it: their switch is off or they muted this policy',
  })
  muted: boolean;
}
