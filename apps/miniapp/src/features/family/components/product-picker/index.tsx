import { CATEGORY_LABELS, PRODUCT_CATEGORIES } from '@family/domain';
import { Button, Input, ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import StateView from '../../../../components/state-view';
import type { ProductCategory } from '../../../../graphql/generated/graphql';
import { formatPriceFrom, formatScore, useProductList, type ProductItem } from '../../../catalogue';
import './index.scss';

const PAGE_SIZE = 10;

export interface ProductPickerProps {
  visible: boolean;
  /** The category to start with (the form's), or null for all. */
  category: ProductCategory | null;
  /** The insured member, when chosen: the list starts with the products that accept their age. */
  insured: { name: string; age: number } | null;
  onPick: (product: ProductItem) => void;
  onClose: () => void;
}

/**
 * 从保险超市选择: a sheet over the policy form that searches the catalogue (`products(filter: { text,
 * category })`, best score first) and hands the chosen product back, to fill in the insurer, product
 * name, category and the catalogue link.
 */
export default function ProductPicker(props: ProductPickerProps) {
  if (!props.visible) return null;
  return <PickerSheet {...props} />;
}

function PickerSheet({ category: initialCategory, insured, onPick, onClose }: ProductPickerProps) {
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const [category, setCategory] = useState<ProductCategory | null>(initialCategory);
  // A policy bought years ago may be of a product that no longer accepts the member: the filter can go.
  const [byAge, setByAge] = useState(insured !== null);
  const filter = {
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(category ? { category } : {}),
    ...(byAge && insured ? { age: insured.age } : {}),
  };
  const { state, reload, loadMore } = useProductList({ pageSize: PAGE_SIZE, filter, sort: 'SCORE' });
  const search = (): void => setText(draft);

  return (
    <View className="product-picker" data-testid="product-picker" catchMove>
      <View className="product-picker__panel" role="dialog" aria-modal="true" aria-label="从保险超市选择产品">
        <View className="product-picker__header">
          <Text className="product-picker__title">从保险超市选择</Text>
          <Button className="product-picker__close" data-testid="product-picker-close" onClick={onClose}>
            关闭
          </Button>
        </View>
        <View className="product-picker__search">
          <Input
            className="product-picker__input"
            data-testid="product-picker-search"
            type="text"
            confirmType="search"
            aria-label="搜索产品名称或险种"
            placeholder="搜索产品名称或险种"
            value={draft}
            onInput={(event) => setDraft(event.detail.value)}
            onConfirm={search}
          />
          <Button className="product-picker__search-button" data-testid="product-picker-search-button" onClick={search}>
            搜索
          </Button>
        </View>
        <ScrollView className="product-picker__tabs" scrollX enableFlex>
          {[null, ...PRODUCT_CATEGORIES].map((value) => (
            <View
              key={value ?? 'all'}
              className={`product-picker__tab${category === value ? ' product-picker__tab--active' : ''}`}
              role="radio"
              aria-checked={category === value ? 'true' : 'false'}
              onClick={() => setCategory(value)}
            >
              {value ? CATEGORY_LABELS[value] : '全部'}
            </View>
          ))}
        </ScrollView>

        {insured ? (
          <View className="product-picker__age">
            <View
              className={`product-picker__age-chip${byAge ? ' product-picker__age-chip--active' : ''}`}
              data-testid="product-picker-by-age"
              role="checkbox"
              aria-checked={byAge ? 'true' : 'false'}
              onClick={() => setByAge(!byAge)}
            >
              <Text aria-hidden="true">{byAge ? '✓ ' : ''}</Text>
              只看{insured.name}（{insured.age} 岁）能投保的产品
            </View>
          </View>
        ) : null}

        <ScrollView className="product-picker__list" scrollY>
          {state.status === 'error' ? (
            <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
          ) : state.status === 'loading' && state.items.length === 0 ? (
            <StateView kind="loading" />
          ) : state.items.length === 0 ? (
            <StateView kind="empty" title="没有找到产品" message="换个关键词或险种试试，也可以关闭后手动填写" />
          ) : (
            <>
              {state.unavailableInsurers.length > 0 ? (
                <Text className="product-picker__notice">
                  部分保险公司暂时无法连接：{state.unavailableInsurers.join('、')}
                </Text>
              ) : null}
              {state.items.map((product) => (
                <View
                  key={product.id}
                  className="product-picker__item"
                  data-testid="picker-product"
                  data-product-id={product.id}
                  role="button"
                  aria-label={`${product.name}，${product.insurer.name}，${product.categoryLabel}，${formatPriceFrom(product.priceFrom)}${
                    product.score ? `，综合评分 ${formatScore(product.score.composite)} 分` : ''
                  }。选择`}
                  onClick={() => onPick(product)}
                >
                  <View className="product-picker__item-main">
                    <Text className="product-picker__name">{product.name}</Text>
                    <Text className="product-picker__price">{formatPriceFrom(product.priceFrom)}</Text>
                  </View>
                  <Text className="product-picker__meta">
                    {product.insurer.name} · {product.categoryLabel}
                    {product.score ? ` · ${formatScore(product.score.composite)} 分` : ''}
                  </Text>
                </View>
              ))}
              {state.hasNextPage ? (
                <View className="product-picker__more">
                  <Button
                    className="product-picker__more-button"
                    loading={state.loadingMore || undefined}
                    disabled={state.loadingMore || undefined}
                    onClick={() => void loadMore()}
                  >
                    加载更多
                  </Button>
                </View>
              ) : null}
            </>
          )}
        </ScrollView>
      </View>
    </View>
  );
}
