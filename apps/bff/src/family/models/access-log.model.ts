import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES, type AuditAction, type AuditSubjectType } from '@family/domain';
import { Connection } from '../../common/graphql/connection.js';
import { graphqlEnum } from '../../common/graphql/enum.js';

export const AccessLogActionEnum = graphqlEnum(
  AUDIT_ACTIONS,
  'AccessLogAction',
  'What someone did to the household’s personal data (words in Simplified Chinese: actionLabel)',
);
export const AccessLogSubjectEnum = graphqlEnum(AUDIT_SUBJECT_TYPES, 'AccessLogSubject', 'What an entry is about');

@ObjectType('AccessLogEntry', { description: 'One read or change of the household’s personal data (谁看过我家)' })
export class AccessLogEntryModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Who: “你” for the owner, others masked as the household shows them' })
  who: string;

  @Field({ description: 'The entry is the signed-in owner’s own' })
  isYou: boolean;

  @Field(() => AccessLogActionEnum)
  action: AuditAction;

  @Field({ description: 'The action in Simplified Chinese (查看了保单…)' })
  actionLabel: string;

  @Field(() => AccessLogSubjectEnum)
  subject: AuditSubjectType;

  @Field()
  at: Date;
}

@ObjectType('AccessLogConnection', { description: 'A household’s access log, newest first' })
export class AccessLogConnectionModel extends Connection(AccessLogEntryModel, 'AccessLog') {}
