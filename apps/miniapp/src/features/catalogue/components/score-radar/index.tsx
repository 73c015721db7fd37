import { Image, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import type { ScoreDimension } from '../../../../graphql/generated/graphql';
import { formatScore } from '../../utils/format';
import { buildRadar, svgDataUri } from '../../utils/radar';
import GoldBadge from '../gold-badge';
import './index.scss';

export interface ScoreRadarProps {
  composite: number;
  goldPick: boolean;
  dimensions: readonly { dimension: ScoreDimension; label: string; score: number }[];
  /** A tap on a dimension's label, or on 评分说明 (with null). */
  onExplain: (dimension: ScoreDimension | null) => void;
}

/** The five-dimension score as a radar chart (SVG through `<Image>`), with the composite and 金选. */
export default function ScoreRadar({ composite, goldPick, dimensions, onExplain }: ScoreRadarProps) {
  const radar = useMemo(
    () => buildRadar(dimensions.map((d) => ({ key: d.dimension, label: d.label, score: d.score }))),
    [dimensions],
  );
  const src = useMemo(() => svgDataUri(radar.svg), [radar.svg]);

  return (
    <View className="score-radar" data-testid="score-radar">
      <View className="score-radar__head">
        <View className="score-radar__composite">
          <Text className="score-radar__composite-value" data-testid="composite-score">
            {formatScore(composite)}
          </Text>
          <Text className="score-radar__composite-unit">分 综合评分</Text>
          {goldPick ? <GoldBadge /> : null}
        </View>
        <Text className="score-radar__explain-link" data-testid="score-explain-link" onClick={() => onExplain(null)}>
          评分说明 ›
        </Text>
      </View>
      <View className="score-radar__chart">
        <Image className="score-radar__image" src={src} mode="scaleToFill" data-testid="radar-image" />
        {radar.labels.map((label) => (
          <View
            key={label.key}
            className="score-radar__label"
            style={{ left: `${label.xPercent}%`, top: `${label.yPercent}%` }}
            data-testid="radar-dimension"
            onClick={() => onExplain(label.key as ScoreDimension)}
          >
            <Text className="score-radar__label-name">{label.label}</Text>
            <Text className="score-radar__label-score">{label.score}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
