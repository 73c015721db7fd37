import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '../../common/graphql/enum.js';
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
