import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '../../common/graphql/enum.js';
import type { UpstreamErrorCode } from '../insurers/insurer.port.js';

export const UpstreamErrorCodeEnum = graphqlEnum<UpstreamErrorCode>(
  ['TIMEOUT', 'UNAVAILABLE', 'BAD_RESPONSE', 'CIRCUIT_OPEN'],
  'UpstreamErrorCode',
);

@ObjectType('InsurerFacts', { description: 'Published facts about an insurer, the inputs of 公司经营 and 服务理赔' })
export class InsurerFactsModel {
  @Field(() => Float, { description: 'Registered capital (注册资本) in yuan' })
  registeredCapitalYuan: number;

  @Field(() => Float, { description: 'Complaints per policy as a fraction: 0.0012 is 0.12%' })
  complaintRate: number;

  @Field(() => Float, { description: 'Comprehensive solvency ratio in percent' })
  solvencyRatio: number;

  @Field({ description: 'Comprehensive risk rating (风险综合评级), AAA … D' })
  riskRating: string;

  @Field(() => Float)
  averageClaimDays: number;

  @Field(() => Float, { description: 'Share of claims settled online, 0..1' })
  onlineClaimRate: number;
}

@ObjectType('Insurer')
export class InsurerModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => InsurerFactsModel, { nullable: true, description: 'Null when the insurer has not answered yet' })
  facts: InsurerFactsModel | null;
}

@ObjectType('InsurerError', { description: 'An insurer whose products are missing from this answer, and why' })
export class InsurerErrorModel {
  @Field(() => InsurerModel)
  insurer: InsurerModel;

  @Field(() => UpstreamErrorCodeEnum)
  code: UpstreamErrorCode;

  @Field({ description: 'User-facing message in Simplified Chinese' })
  message: string;
}

@ObjectType('InsurerFreshness', { description: 'How old the data of one insurer is' })
export class InsurerFreshnessModel {
  @Field(() => InsurerModel)
  insurer: InsurerModel;

  @Field({ description: 'When the insurer answered' })
  fetchedAt: Date;

  @Field(() => Int)
  ageSeconds: number;

  @Field({ description: 'Past its freshness, served while being refreshed' })
  stale: boolean;
}

@ObjectType('InsurerListing')
export class InsurerListingModel {
  @Field(() => [InsurerModel], { description: 'Insurers whose products are listed (they pass the qualification gate)' })
  insurers: InsurerModel[];

  @Field(() => [InsurerErrorModel])
  errors: InsurerErrorModel[];
}
