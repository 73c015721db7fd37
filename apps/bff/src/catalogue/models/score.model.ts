import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { ScoreDimension } from '@family/domain';
import { graphqlEnum } from '../../common/graphql/enum.js';

export const ScoreDimensionEnum = graphqlEnum<ScoreDimension>(
  ['VALUE', 'ELIGIBILITY', 'COVERAGE', 'CLAIMS', 'INSURER'],
  'ScoreDimension',
);

@ObjectType('ScoreInput', { description: 'One input of a dimension score and the points it added' })
export class ScoreInputModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field()
  value: string;

  @Field(() => Float)
  contribution: number;
}

@ObjectType('DimensionScore')
export class DimensionScoreModel {
  @Field(() => ScoreDimensionEnum)
  dimension: ScoreDimension;

  @Field()
  label: string;

  @Field(() => Int, { description: '0–100' })
  score: number;

  @Field(() => Float)
  weight: number;

  @Field()
  explanation: string;

  @Field(() => [ScoreInputModel])
  inputs: ScoreInputModel[];
}

@ObjectType('ProductScore', { description: 'Five-dimension score (C4); method in docs/scoring.md' })
export class ProductScoreModel {
  @Field(() => Float, { description: '0–100, weighted sum of the dimensions' })
  composite: number;

  @Field({ description: '金选 badge' })
  goldPick: boolean;

  @Field(() => [DimensionScoreModel])
  dimensions: DimensionScoreModel[];
}
