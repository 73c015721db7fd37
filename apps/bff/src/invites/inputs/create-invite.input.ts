import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { HouseholdRole, InviteKind } from '@family/domain';
import { HouseholdRoleEnum } from '../../family/index.js';
import { InviteKindEnum } from '../models/invite.model.js';

@InputType('CreateInviteInput', { description: 'What to share; the fields a kind needs, and only those' })
export class CreateInviteInput {
  @Field(() => InviteKindEnum)
  kind: InviteKind;

  @Field(() => ID, { nullable: true, description: 'FAMILY_JOIN: the household (you must own it)' })
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'PRODUCT: the catalogue product' })
  productId?: string | null;

  @Field(() => ID, { nullable: true, description: 'POLICY_SUMMARY: the policy (yours to share)' })
  policyId?: string | null;

  @Field(() => HouseholdRoleEnum, { nullable: true, description: 'FAMILY_JOIN: MEMBER or VIEWER' })
  role?: HouseholdRole | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Hours it lasts: FAMILY_JOIN 72 by default (at most 168), POLICY_SUMMARY 168 (at most 720), PRODUCT until revoked',
  })
  expiresInHours?: number | null;
}
