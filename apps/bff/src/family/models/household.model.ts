import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  GENDERS,
  HOUSEHOLD_ROLES,
  ID_TYPES,
  RELATIONSHIPS,
  type Gender,
  type HouseholdRole,
  type IdType,
  type Relationship,
} from '@family/domain';
import { graphqlEnum } from '../../common/graphql/enum.js';
import { Money } from '../../common/graphql/money.scalar.js';

export const HouseholdRoleEnum = graphqlEnum(
  HOUSEHOLD_ROLES,
  'HouseholdRole',
  'OWNER: everything; MEMBER: reads, adds, edits what they added and themself; VIEWER: reads, personal data masked',
);
export const RelationshipEnum = graphqlEnum(RELATIONSHIPS, 'Relationship', 'Who the member is to the household owner');
export const GenderEnum = graphqlEnum(GENDERS, 'Gender');
export const IdTypeEnum = graphqlEnum(ID_TYPES, 'IdType');

@ObjectType('FamilyMember', { description: 'A person of a household (F1); personal data masked as the role requires' })
export class FamilyMemberModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  householdId: string;

  @Field(() => RelationshipEnum)
  relationship: Relationship;

  @Field({ description: 'Relationship in Simplified Chinese' })
  relationshipLabel: string;

  @Field({ description: 'Full name; masked (张*) for viewers' })
  name: string;

  @Field(() => GenderEnum)
  gender: Gender;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for viewers, who see birthYear' })
  birthDate: string | null;

  @Field(() => Int)
  birthYear: number;

  @Field(() => Int, { description: 'Age today in China, in completed years' })
  age: number;

  @Field(() => Boolean, { nullable: true, description: 'Has social medical insurance (社保); null when not given' })
  socialInsurance: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Occupational class 1–6' })
  occupationClass: number | null;

  @Field(() => Money, { nullable: true, description: 'Yearly income, when given; null for viewers' })
  annualIncome: number | null;

  @Field(() => IdTypeEnum, { nullable: true })
  idType: IdType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Always masked (1101**********1234); the owner may reveal it with revealIdNumber',
  })
  idNumber: string | null;

  @Field({ description: 'This member is the signed-in person' })
  isYou: boolean;

  @Field({ description: 'Whether the signed-in person may edit this member' })
  canEdit: boolean;

  @Field({ description: 'Whether the signed-in person may remove this member' })
  canRemove: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType('HouseholdPerson', {
  description: 'Someone who belongs to a household (an account, with its role); shown masked to the others',
})
export class HouseholdPersonModel {
  @Field(() => ID, { description: 'The account' })
  id: string;

  @Field({ description: 'Masked: 张* or 微信用户 o6_b****fL2M' })
  name: string;

  @Field(() => HouseholdRoleEnum)
  role: HouseholdRole;

  @Field()
  joinedAt: Date;

  @Field()
  isYou: boolean;

  @Field()
  canChangeRole: boolean;

  @Field()
  canRemove: boolean;
}

@ObjectType('HouseholdPermissions', { description: 'What the signed-in person may do in this household' })
export class HouseholdPermissionsModel {
  @Field()
  addMember: boolean;

  @Field()
  revealIdNumbers: boolean;

  @Field()
  addPolicy: boolean;

  @Field()
  invite: boolean;

  @Field({ description: 'May read the household’s access log (谁看过我家): its owner' })
  viewAccessLog: boolean;
}

@ObjectType('Household', { description: 'A family (F1, F6): its members, and the role of the signed-in person in it' })
export class HouseholdModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => HouseholdRoleEnum, { description: 'The signed-in person’s role' })
  role: HouseholdRole;

  @Field({ description: 'The signed-in person owns it (their own household)' })
  isOwn: boolean;

  @Field(() => HouseholdPermissionsModel)
  permissions: HouseholdPermissionsModel;

  @Field()
  createdAt: Date;
}

@ObjectType('RevealedIdNumber', { description: 'An ID number in full, shown to the owner once and recorded' })
export class RevealedIdNumberModel {
  @Field(() => ID)
  memberId: string;

  @Field(() => IdTypeEnum)
  idType: IdType;

  @Field()
  idNumber: string;
}
