import { formatDecimal, formatPercent, formatPoints } from '@family/domain';
import { ScrollView, Text, View } from '@tarojs/components';
import type { ProductDetailQuery, ScoreDimension } from '../../../../graphql/generated/graphql';
import './index.scss';

type DimensionScore = NonNullable<ProductDetailQuery['product']['score']>['dimensions'][number];

export interface ScoreExplanationProps {
  dimensions: readonly DimensionScore[];
  /** The dimension shown; the first one when null. */
  active: ScoreDimension | null;
  onSelect: (dimension: ScoreDimension) => void;
  onClose: () => void;
}

/** A bottom sheet explaining each dimension from its inputs and the points they added (C4). */
export default function ScoreExplanation({ dimensions, active, onSelect, onClose }: ScoreExplanationProps) {
  const shown = dimensions.find((d) => d.dimension === active) ?? dimensions[0];
  return (
    <View className="score-explanation" data-testid="score-explanation">
      <View className="score-explanation__mask" onClick={onClose} />
      <View className="score-explanation__sheet">
        <View className="score-explanation__header">
          <Text className="score-explanation__title">评分说明</Text>
          <Text className="score-explanation__close" onClick={onClose}>
            关闭
          </Text>
        </View>
        <View className="score-explanation__tabs">
          {dimensions.map((d) => (
            <View
              key={d.dimension}
              className={`score-explanation__tab${d === shown ? ' score-explanation__tab--active' : ''}`}
              onClick={() => onSelect(d.dimension)}
            >
              {d.label}
            </View>
          ))}
        </View>
        {shown ? (
          <ScrollView className="score-explanation__body" scrollY>
            <View className="score-explanation__summary">
              <Text className="score-explanation__score" data-testid="explanation-score">
                {shown.label} {shown.score} 分
              </Text>
              <Text className="score-explanation__weight">综合评分中占 {formatPercent(shown.weight, 0)}</Text>
            </View>
            <Text className="score-explanation__text" data-testid="explanation-text">
              {shown.explanation}
            </Text>
            <View className="score-explanation__inputs">
              {shown.inputs.map((input) => (
                <View key={input.key} className="score-explanation__input" data-testid="explanation-input">
                  <View className="score-explanation__input-main">
                    <Text className="score-explanation__input-label">{input.label}</Text>
                    <Text className="score-explanation__input-value">{input.value}</Text>
                  </View>
                  <Text
                    className={`score-explanation__points${input.contribution < 0 ? ' score-explanation__points--minus' : ''}`}
                  >
                    {formatPoints(Number(formatDecimal(input.contribution, 1)))}
                  </Text>
                </View>
              ))}
            </View>
            <Text className="score-explanation__note">综合评分 = 五个维度得分按权重加权之和，满分 100 分。</Text>
          </ScrollView>
        ) : null}
      </View>
    </View>
  );
}
