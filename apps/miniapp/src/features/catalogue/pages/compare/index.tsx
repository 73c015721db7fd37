import { Button, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import StateView from '../../../../components/state-view';
import { CompareProductsDocument } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { HOME_PAGE, productPageUrl } from '../../routes';
import {
  loadCompareList,
  MIN_COMPARE_ITEMS,
  removeFromStoredCompareList,
  type CompareItem,
} from '../../utils/compare-list';
import { compareSections } from '../../utils/compare-table';
import './index.scss';

/** 2–4 products side by side (C5): attributes then coverage, differences highlighted, best marked. */
export default function ComparePage() {
  const [list, setList] = useState<CompareItem[]>(() => loadCompareList());
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const ids = list.map((item) => item.id);
  const enough = ids.length >= MIN_COMPARE_ITEMS;
  const { state, reload } = useQuery(CompareProductsDocument, { ids }, { skip: !enough });

  useDidShow(() => setList(loadCompareList()));

  const remove = (id: string): void => setList(removeFromStoredCompareList(id));
  const pickMore = (): void => void Taro.reLaunch({ url: HOME_PAGE });

  if (!enough) {
    return (
      <View className="compare">
        <StateView kind="empty" title="至少选择 2 款产品进行对比" message="在产品详情页点击“加入对比”，最多可选 4 款" />
        {list.map((item) => (
          <View key={item.id} className="compare__pending" data-testid="compare-pending">
            <Text className="compare__pending-name">{item.name}</Text>
            <Text className="compare__remove" onClick={() => remove(item.id)}>
              移除
            </Text>
          </View>
        ))}
        <View className="compare__empty-actions">
          <Button className="compare__pick" onClick={pickMore}>
            去选产品
          </Button>
        </View>
      </View>
    );
  }

  if (state.status === 'error') {
    return (
      <View className="compare">
        <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const comparison = state.data?.compareProducts;
  // While a removal reloads, the old answer may still list the removed product: wait for the new one.
  const current = comparison && comparison.products.every((product) => ids.includes(product.id)) ? comparison : null;
  if (!current) {
    return (
      <View className="compare">
        <StateView kind="loading" />
      </View>
    );
  }

  const sections = compareSections(current, onlyDifferences);
  const columns = current.products.length;

  return (
    <View className="compare">
      <View className="compare__toolbar">
        <Text className="compare__count">已选 {columns} 款</Text>
        <View
          className={`compare__diff-toggle${onlyDifferences ? ' compare__diff-toggle--on' : ''}`}
          data-testid="only-differences"
          onClick={() => setOnlyDifferences((value) => !value)}
        >
          {onlyDifferences ? '✓ ' : ''}只看不同
        </View>
      </View>
      <ScrollView className="compare__scroll" scrollX>
        <View className="compare__table" data-testid="compare-table">
          <View className="compare__row compare__row--head">
            <View className="compare__cell compare__cell--label">产品</View>
            {current.products.map((product) => (
              <View key={product.id} className="compare__cell compare__cell--product" data-testid="compare-product">
                <Text
                  className="compare__product-name"
                  onClick={() => void Taro.navigateTo({ url: productPageUrl(product.id) })}
                >
                  {product.name}
                </Text>
                <Text className="compare__product-insurer">{product.insurer.name}</Text>
                <Text className="compare__remove" data-testid="compare-remove" onClick={() => remove(product.id)}>
                  移除
                </Text>
              </View>
            ))}
          </View>
          {sections.map((section) => (
            <View key={section.title}>
              <View className="compare__section-title">{section.title}</View>
              {section.rows.length === 0 ? (
                <View className="compare__row">
                  <View className="compare__cell compare__cell--none">各产品相同</View>
                </View>
              ) : (
                section.rows.map((row) => (
                  <View
                    key={row.key}
                    className={`compare__row${row.differs ? ' compare__row--differs' : ''}`}
                    data-testid="compare-row"
                  >
                    <View className="compare__cell compare__cell--label">{row.label}</View>
                    {row.cells.map((cell, index) => (
                      <View
                        key={index}
                        className={`compare__cell${cell.best ? ' compare__cell--best' : ''}`}
                        data-testid={cell.best ? 'compare-best' : undefined}
                      >
                        <Text>{cell.text}</Text>
                        {cell.best ? <Text className="compare__best-mark">优</Text> : null}
                      </View>
                    ))}
                  </View>
                ))
              )}
            </View>
          ))}
        </View>
      </ScrollView>
      {columns < 4 ? (
        <View className="compare__empty-actions">
          <Button size="mini" onClick={pickMore}>
            继续添加产品
          </Button>
        </View>
      ) : null}
    </View>
  );
}
