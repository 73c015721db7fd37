import {
  formatAgeRange,
  formatDeductible,
  formatGuaranteedRenewal,
  formatOccupationClasses,
  formatSumInsured,
  formatWaitingPeriod,
} from '@family/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import StateView from '../../../../components/state-view';
import { ProductDetailDocument, type ScoreDimension } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { shareInviteUrl } from '../../../invites';
import ScoreExplanation from '../../components/score-explanation';
import ScoreRadar from '../../components/score-radar';
import { routeParam } from '../../../../utils/route-param';
import { COMPARE_PAGE, quotePageUrl } from '../../routes';
import {
  addToStoredCompareList,
  isInCompareList,
  loadCompareList,
  MAX_COMPARE_ITEMS,
  type CompareItem,
} from '../../utils/compare-list';
import { formatPriceFrom } from '../../utils/format';
import './index.scss';

/** Product detail (C3): terms, coverage, health questions, exclusions before any action, and the score (C4). */
export default function ProductPage() {
  const id = routeParam(useRouter().params.id);
  const { state, reload } = useQuery(ProductDetailDocument, { id }, { skip: id === '' });
  const [compareList, setCompareList] = useState<CompareItem[]>([]);
  // undefined: closed; null: opened from 评分说明 (first dimension); else the tapped dimension.
  const [explaining, setExplaining] = useState<ScoreDimension | null | undefined>(undefined);

  useDidShow(() => setCompareList(loadCompareList()));

  if (id === '') return <StateView kind="empty" title="未找到该产品" />;
  if (state.status === 'error') {
    return <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />;
  }
  const product = state.data?.product;
  if (!product) return <StateView kind="loading" />;

  const inCompare = isInCompareList(compareList, product.id);
  const addToCompare = (): void => {
    const { list, outcome } = addToStoredCompareList({ id: product.id, name: product.name });
    setCompareList(list);
    const title =
      outcome === 'added'
        ? `已加入对比（${list.length}/${MAX_COMPARE_ITEMS}）`
        : outcome === 'exists'
          ? '已在对比列表中'
          : `最多对比 ${MAX_COMPARE_ITEMS} 款产品，请先移除`;
    void Taro.showToast({ title, icon: 'none' });
  };

  const terms: { label: string; value: string }[] = [
    { label: '等待期', value: formatWaitingPeriod(product.waitingPeriodDays) },
    { label: '免赔额', value: formatDeductible(product.deductible) },
    { label: '保证续保', value: formatGuaranteedRenewal(product.guaranteedRenewalYears) },
    { label: '投保年龄', value: formatAgeRange(product.minAge, product.maxAge) },
    { label: '职业类别', value: formatOccupationClasses(product.maxOccupationClass) },
    { label: '缴费方式', value: product.monthlyPayment ? '年缴 / 月缴' : '仅年缴' },
  ];

  return (
    <View className="product-detail">
      <View className="product-detail__card product-detail__hero">
        <View className="product-detail__title-row">
          <Text className="product-detail__name" data-testid="product-name">
            {product.name}
          </Text>
          <Text className="product-detail__category">{product.categoryLabel}</Text>
        </View>
        <Text className="product-detail__insurer">{product.insurer.name}</Text>
        <Text className="product-detail__price">{formatPriceFrom(product.priceFrom)}</Text>
      </View>

      {product.score ? (
        <View className="product-detail__card">
          <ScoreRadar
            composite={product.score.composite}
            goldPick={product.score.goldPick}
            dimensions={product.score.dimensions}
            onExplain={setExplaining}
          />
        </View>
      ) : null}

      <View className="product-detail__card">
        <Text className="product-detail__section-title">保障责任</Text>
        {product.coverage.map((item) => (
          <View key={item.key} className="product-detail__row" data-testid="coverage-item">
            <View className="product-detail__row-main">
              <Text className="product-detail__row-label">{item.name}</Text>
              {item.note ? <Text className="product-detail__row-note">{item.note}</Text> : null}
            </View>
            <Text className="product-detail__row-value">{formatSumInsured(item.sumInsured)}</Text>
          </View>
        ))}
      </View>

      <View className="product-detail__card">
        <Text className="product-detail__section-title">投保须知</Text>
        <View className="product-detail__terms">
          {terms.map((term) => (
            <View key={term.label} className="product-detail__term">
              <Text className="product-detail__term-label">{term.label}</Text>
              <Text className="product-detail__term-value">{term.value}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="product-detail__card" data-testid="health-questions">
        <Text className="product-detail__section-title">健康告知</Text>
        {product.healthQuestions.length === 0 ? (
          <Text className="product-detail__muted">无需健康告知</Text>
        ) : (
          product.healthQuestions.map((question, index) => (
            <Text key={question} className="product-detail__list-item">
              {index + 1}. {question}
            </Text>
          ))
        )}
        <Text className="product-detail__muted">投保时请如实告知，否则可能影响理赔。</Text>
      </View>

      <View className="product-detail__card product-detail__exclusions" data-testid="exclusions">
        <Text className="product-detail__section-title product-detail__exclusions-title">免责条款（请重点阅读）</Text>
        {product.exclusions.length === 0 ? (
          <Text className="product-detail__muted">以保险条款为准</Text>
        ) : (
          product.exclusions.map((exclusion, index) => (
            <Text key={exclusion} className="product-detail__list-item product-detail__exclusion">
              {index + 1}. {exclusion}
            </Text>
          ))
        )}
      </View>

      <View className="product-detail__actions">
        <Button
          className="product-detail__action product-detail__compare-button"
          data-testid="add-to-compare"
          onClick={addToCompare}
        >
          {inCompare ? '已加入对比' : '加入对比'}
        </Button>
        {compareList.length > 0 ? (
          <Button
            className="product-detail__action"
            data-testid="open-compare"
            onClick={() => void Taro.navigateTo({ url: COMPARE_PAGE })}
          >
            查看对比({compareList.length})
          </Button>
        ) : null}
        <Button
          className="product-detail__action product-detail__quote-button"
          data-testid="open-quote"
          onClick={() => void Taro.navigateTo({ url: quotePageUrl(product.id) })}
        >
          测算保费
        </Button>
      </View>
      <View className="product-detail__share-row">
        <Button
          className="product-detail__share-button"
          data-testid="share-product"
          onClick={() => void Taro.navigateTo({ url: shareInviteUrl({ kind: 'PRODUCT', productId: product.id }) })}
        >
          分享给好友
        </Button>
      </View>
      <Text className="product-detail__footnote">评分与测算仅供参考，以保险条款和投保页面为准。</Text>

      {explaining !== undefined && product.score ? (
        <ScoreExplanation
          dimensions={product.score.dimensions}
          active={explaining}
          onSelect={setExplaining}
          onClose={() => setExplaining(undefined)}
        />
      ) : null}
    </View>
  );
}
