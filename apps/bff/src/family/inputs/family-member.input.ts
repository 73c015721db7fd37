import { Field, InputType, Int } from '@nestjs/graphql';
import type { Gender, IdType, Relationship } from '@family/domain';
import { Money } from '../../common/graphql/money.scalar.js';
import { GenderEnum, IdTypeEnum, RelationshipEnum } from '../models/household.model.js';

@InputType('FamilyMemberInput')
export class FamilyMemberInput {
  @Field(() => RelationshipEnum)
  relationship: Relationship;

  @Field({ description: '1–30 characters, Chinese or Latin' })
  name: string;

  @Field(() => GenderEnum)
  gender: Gender;

  @Field({ description: 'YYYY-MM-DD' })
  birthDate: string;

  @Field(() => Boolean, { nullable: true })
  socialInsurance?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Occupational class 1–6' })
  occupationClass?: number | null;

  @Field(() => Money, { nullable: true, description: 'Yearly income; sizes the cover the gap rules recommend' })
  annualIncome?: number | null;

  @Field(() => IdTypeEnum, { nullable: true, description: 'RESIDENT_ID when an idNumber is given without a type' })
  idType?: IdType | null;

  @Field(() => String, { nullable: true, description: 'Checked against birthDate and gender for a resident ID' })
  idNumber?: string | null;
}

@InputType('FamilyMemberUpdateInput', { description: 'Only what changes; an empty idNumber removes it' })
export class FamilyMemberUpdateInput {
  @Field(() => RelationshipEnum, { nullable: true })
  relationship?: Relationship;

  @Field({ nullable: true })
  name?: string;

  @Field(() => GenderEnum, { nullable: true })
  gender?: Gender;

  @Field({ nullable: true })
  birthDate?: string;

  @Field(() => Boolean, { nullable: true })
  socialInsurance?: boolean | null;

  @Field(() => Int, { nullable: true })
  occupationClass?: number | null;

  @Field(() => Money, { nullable: true })
  annualIncome?: number | null;

  @Field(() => IdTypeEnum, { nullable: true })
  idType?: IdType | null;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;
}
