import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  FUNNEL_STAGES,
  INVITE_KINDS,
  INVITE_STATUSES,
  type FunnelStage,
  type InviteKind,
  type InviteStatus,
  type PolicyStatus,
  type ProductCategory,
} from '@family/domain';
import { graphqlEnum } from '../../common/graphql/enum.js';
import { Money } from '../../common/graphql/money.scalar.js';
import { ProductCategoryEnum, ProductModel } from '../../catalogue/index.js';
import { HouseholdRoleEnum, PolicyStatusEnum } from '../../family/index.js';

export const InviteKindEnum = graphqlEnum(
  INVITE_KINDS,
  'InviteKind',
  'PRODUCT: a product card (multi-use); FAMILY_JOIN: join a household (single-use); POLICY_SUMMARY: a masked policy summary (read-only)',
);
export const InviteStatusEnum = graphqlEnum(INVITE_STATUSES, 'InviteStatus');
export const InviteFunnelStageEnum = graphqlEnum(
  FUNNEL_STAGES,
  'InviteFunnelStage',
  'How far a friend went: opened, signed up, joined or quoted (CONVERTED), bought',
);
export const InviteConversionEnum = graphqlEnum(['JOINED', 'QUOTED'] as const, 'InviteConversion');

@ObjectType('InviteFunnel', { description: 'Friends at each step; each step counts everyone who reached it' })
export class InviteFunnelModel {
  @Field(() => Int, { description: 'Landings opened (the sharer’s own not counted)' })
  opened: number;

  @Field(() => Int, { description: 'New accounts made from the invite within 7 days of its first touch' })
  signedUp: number;

  @Field(() => Int, { description: 'Friends who joined the family or got a quote within 7 days' })
  converted: number;

  @Field(() => Int, { description: 'Friends who bought (comes with buying)' })
  bought: number;
}

@ObjectType('InviteFriend', { description: 'A friend an invite brought, masked' })
export class InviteFriendModel {
  @Field({ description: 'Masked: 张* or 微信用户 o6_b****fL2M' })
  name: string;

  @Field(() => InviteFunnelStageEnum)
  stage: FunnelStage;

  @Field(() => InviteConversionEnum, { nullable: true })
  conversion: 'JOINED' | 'QUOTED' | null;

  @Field()
  touchedAt: Date;
}

@ObjectType('Invite', { description: 'A share-to-friend invite, as its sharer sees it' })
export class InviteModel {
  @Field(() => ID)
  id: string;

  @Field(() => InviteKindEnum)
  kind: InviteKind;

  @Field({ description: 'What is shared: the product’s, family’s or policy’s name' })
  title: string;

  @Field({ description: 'The short code (22 characters of [0-9A-Za-z]); all a link or poster carries' })
  code: string;

  @Field({ description: 'Mini-program path with the code, for share cards (/pages/invite/index?code=…)' })
  path: string;

  @Field({ description: 'The H5 link with the code' })
  url: string;

  @Field(() => InviteStatusEnum)
  status: InviteStatus;

  @Field(() => HouseholdRoleEnum, { nullable: true, description: 'FAMILY_JOIN: the role a friend joins with' })
  role: 'MEMBER' | 'VIEWER' | null;

  @Field(() => ID, { nullable: true })
  householdId: string | null;

  @Field(() => ID, { nullable: true })
  productId: string | null;

  @Field(() => ID, { nullable: true })
  policyId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null: until revoked' })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true })
  usedAt: Date | null;

  @Field(() => InviteFunnelModel)
  funnel: InviteFunnelModel;

  @Field(() => [InviteFriendModel], { description: 'Friends it brought, newest first, masked' })
  friends: InviteFriendModel[];
}

@ObjectType('InviteHouseholdCard', { description: 'The family a join invite leads to' })
export class InviteHouseholdCardModel {
  @Field()
  name: string;

  @Field(() => Int, { description: 'Member records the family keeps' })
  memberCount: number;
}

@ObjectType('SharedCoverageItem')
export class SharedCoverageItemModel {
  @Field()
  name: string;

  @Field(() => Money, { nullable: true })
  limit: number | null;
}

@ObjectType('PolicySummary', {
  description: 'A policy as a friend sees it: cover, sums and dates; never its number, ID numbers or beneficiaries',
})
export class PolicySummaryModel {
  @Field()
  productName: string;

  @Field()
  insurerName: string;

  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field()
  categoryLabel: string;

  @Field({ description: 'The insured, masked (张*)' })
  insuredName: string;

  @Field({ description: 'Who the insured is to the family (父母, 子女…)' })
  insuredRelationshipLabel: string;

  @Field(() => Money)
  sumInsured: number;

  @Field(() => Money)
  annualPremium: number;

  @Field()
  effectiveDate: string;

  @Field(() => String, { nullable: true })
  expiryDate: string | null;

  @Field(() => String, { nullable: true })
  waitingPeriodEndDate: string | null;

  @Field(() => Int, { nullable: true })
  guaranteedRenewalYears: number | null;

  @Field(() => PolicyStatusEnum)
  status: PolicyStatus;

  @Field(() => [SharedCoverageItemModel])
  coverageItems: SharedCoverageItemModel[];
}

@ObjectType('InviteLanding', {
  description: 'What anyone with a code sees (no session needed): its state, and the card while it is active',
})
export class InviteLandingModel {
  @Field(() => InviteKindEnum)
  kind: InviteKind;

  @Field(() => InviteStatusEnum)
  status: InviteStatus;

  @Field({ description: 'The sharer, masked' })
  sharerName: string;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field({ description: 'The signed-in person made this invite' })
  isYours: boolean;

  @Field({ description: 'FAMILY_JOIN: the signed-in person already belongs to the family' })
  alreadyJoined: boolean;

  @Field(() => HouseholdRoleEnum, { nullable: true })
  role: 'MEMBER' | 'VIEWER' | null;

  @Field(() => ProductModel, { nullable: true, description: 'PRODUCT, while active' })
  product: ProductModel | null;

  @Field(() => InviteHouseholdCardModel, { nullable: true, description: 'FAMILY_JOIN, while active' })
  household: InviteHouseholdCardModel | null;

  @Field(() => PolicySummaryModel, { nullable: true, description: 'POLICY_SUMMARY, while active' })
  policy: PolicySummaryModel | null;
}
