import { CATEGORY_LABELS, PRODUCT_CATEGORIES } from '@family/domain';
import { Button, Input, Picker, ScrollView } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { removeFirstScreenSkeleton } from '../../../../graphql/first-screen';
import StateView from '../../../../components/state-view';
import { Box, Label } from '../../../../components/static-elements';
import { InsurersDocument, type ProductCategory } from '../../../../graphql/generated/graphql';
import { useProgressiveCount } from '../../../../hooks/useProgressiveCount';
import { useQuery } from '../../../../hooks/useQuery';
import NoticeBar from '../../components/notice-bar';
import ProductCard from '../../components/product-card';
import { useProductList } from '../../hooks/useProductList';
import { type SearchSuggestion, useSearchSuggestions } from '../../hooks/useSearchSuggestions';
import { COMPARE_PAGE } from '../../routes';
import {
  initialCatalogueFilterValues,
  SORT_OPTIONS,
  toProductFilter,
  type CatalogueFilterValues,
} from '../../utils/catalogue-filter';
import { loadCompareList } from '../../utils/compare-list';
import { formatDataAge, formatUnavailableInsurers } from '../../utils/format';
import './index.scss';

const PAGE_SIZE = 20;
/** Cards a phone shows below the header: the list's first render holds these, the rest follows. */
const FIRST_SCREEN_CARDS = 6;
const ALL_INSURERS = '全部保险公司';
const SUGGESTION_KIND_LABELS: Record<SearchSuggestion['kind'], string> = {
  CATEGORY: '险种',
  QUERY: '常用搜索',
  AUDIENCE: '人群',
  PRODUCT: '产品',
};
const CATEGORY_TABS: readonly { value: ProductCategory | null; label: string }[] = [
  { value: null, label: '全部' },
  ...PRODUCT_CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category] })),
];

/**
 * The insurance supermarket (保险超市) with search, filters and sort (C2): the body of the tab page
 * `pages/index/index`, which stays in the main package.
 */
export default function HomeScreen() {
  // `draft` follows the inputs as typed; `applied` is what the list shows. Tabs, insurer and sort
  // apply at once, typed inputs on confirm, blur or the 搜索 button.
  const [draft, setDraft] = useState<CatalogueFilterValues>(initialCatalogueFilterValues);
  const [applied, setApplied] = useState<CatalogueFilterValues>(initialCatalogueFilterValues);
  const { filter, errors } = useMemo(() => toProductFilter(applied), [applied]);
  const { state, reload, refresh, loadMore } = useProductList({ pageSize: PAGE_SIZE, filter, sort: applied.sort });
  const shownCards = useProgressiveCount(state.items.length, FIRST_SCREEN_CARDS);
  const insurers = useQuery(InsurersDocument, {}).state.data?.insurers.insurers ?? [];
  const [compareCount, setCompareCount] = useState(0);
  // Suggestions show while the box has focus and its text is not yet what the list shows.
  const [suggesting, setSuggesting] = useState(false);
  const suggestions = useSearchSuggestions(draft.text, { enabled: suggesting && draft.text !== applied.text });

  useDidShow(() => setCompareCount(loadCompareList().length));
  // H5: index.html shows a skeleton of the list until the first page (or an error) is here.
  useEffect(() => {
    if (state.status !== 'loading') removeFirstScreenSkeleton();
  }, [state.status]);

  usePullDownRefresh(() => {
    void refresh().then((error) => {
      Taro.stopPullDownRefresh();
      if (error) void Taro.showToast({ title: error.message, icon: 'none' });
    });
  });

  useReachBottom(() => {
    if (!state.loadMoreError) void loadMore();
  });

  const edit = (patch: Partial<CatalogueFilterValues>): void => setDraft((current) => ({ ...current, ...patch }));
  const applyNow = (patch: Partial<CatalogueFilterValues>): void => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setApplied(next);
  };
  const applyDraft = (): void => {
    setSuggesting(false);
    setApplied(draft);
  };
  const search = (text: string): void => {
    setSuggesting(false);
    applyNow({ text });
  };
  const showSuggestions = suggesting && draft.text !== applied.text && suggestions.length > 0;

  const insurerNames = [ALL_INSURERS, ...insurers.map((insurer) => insurer.name)];
  const insurerIndex = Math.max(0, insurers.findIndex((insurer) => insurer.id === draft.insurerId) + 1);
  const dataAge = formatDataAge(state.dataAgeSeconds);

  return (
    <Box className="home">
      <Box className="home__header">
        <Box className="home__search">
          <Input
            className="home__search-input"
            data-testid="search-input"
            type="text"
            confirmType="search"
            placeholder="搜索险种、人群或产品，如 儿童重疾"
            value={draft.text}
            maxlength={50}
            aria-label="搜索保险产品"
            onInput={(event) => {
              setSuggesting(true);
              edit({ text: event.detail.value });
            }}
            onFocus={() => setSuggesting(true)}
            // A tap on a suggestion blurs the input first: let the tap land before the list goes.
            onBlur={() => setTimeout(() => setSuggesting(false), 200)}
            onConfirm={applyDraft}
          />
          <Button className="home__search-button" data-testid="search-button" onClick={applyDraft}>
            搜索
          </Button>
        </Box>

        {showSuggestions ? (
          <Box className="home__suggestions" data-testid="search-suggestions" role="listbox" aria-label="搜索建议">
            {suggestions.map((suggestion) => (
              <Box
                key={`${suggestion.kind}:${suggestion.text}`}
                className="home__suggestion"
                data-testid="search-suggestion"
                role="option"
                aria-selected="false"
                aria-label={`${suggestion.text}，${SUGGESTION_KIND_LABELS[suggestion.kind]}`}
                onClick={() => search(suggestion.text)}
              >
                <Label className="home__suggestion-text">{suggestion.text}</Label>
                <Label className="home__suggestion-kind" aria-hidden="true">
                  {SUGGESTION_KIND_LABELS[suggestion.kind]}
                </Label>
              </Box>
            ))}
          </Box>
        ) : null}

        <ScrollView className="home__tabs" scrollX enableFlex>
          {CATEGORY_TABS.map((tab) => (
            <Box
              key={tab.label}
              className={`home__tab${applied.category === tab.value ? ' home__tab--active' : ''}`}
              data-testid="category-tab"
              onClick={() => applyNow({ category: tab.value })}
            >
              {tab.label}
            </Box>
          ))}
        </ScrollView>

        <Box className="home__filters">
          <Box className="home__filter">
            <Label className="home__filter-label">被保人年龄</Label>
            <Input
              className="home__filter-input home__age-input"
              type="number"
              maxlength={3}
              placeholder="不限"
              value={draft.age}
              onInput={(event) => edit({ age: event.detail.value })}
              onConfirm={applyDraft}
              onBlur={applyDraft}
            />
          </Box>
          <Box className="home__filter">
            <Label className="home__filter-label">年预算(元)</Label>
            <Input
              className="home__filter-input home__budget-input"
              type="digit"
              maxlength={9}
              placeholder="不限"
              value={draft.budgetYuan}
              onInput={(event) => edit({ budgetYuan: event.detail.value })}
              onConfirm={applyDraft}
              onBlur={applyDraft}
            />
          </Box>
          <Picker
            mode="selector"
            range={insurerNames}
            value={insurerIndex}
            onChange={(event) => {
              const index = Number(event.detail.value);
              applyNow({ insurerId: index > 0 ? (insurers[index - 1]?.id ?? null) : null });
            }}
          >
            <Box className="home__filter home__insurer">
              <Label className="home__filter-label">保险公司</Label>
              <Label className="home__filter-value">{insurerNames[insurerIndex]} ▾</Label>
            </Box>
          </Picker>
        </Box>

        <Box className="home__sorts">
          {SORT_OPTIONS.map((option) => (
            <Box
              key={option.value}
              className={`home__sort${applied.sort === option.value ? ' home__sort--active' : ''}`}
              data-testid="sort-option"
              onClick={() => applyNow({ sort: option.value })}
            >
              {option.label}
            </Box>
          ))}
        </Box>
        {errors.age || errors.budget ? (
          <Label className="home__filter-error">{[errors.age, errors.budget].filter(Boolean).join('；')}</Label>
        ) : null}
      </Box>

      {state.status === 'loading' ? (
        <StateView kind="loading" />
      ) : state.status === 'error' ? (
        <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
      ) : (
        <Box className="home__body">
          {state.unavailableInsurers.length > 0 ? (
            <NoticeBar text={formatUnavailableInsurers(state.unavailableInsurers)} />
          ) : null}
          {state.partialError ? <NoticeBar text={`部分数据加载失败：${state.partialError.message}`} /> : null}

          {state.understood && state.items.length > 0 ? (
            <Label className="home__understood" data-testid="search-understood">
              {state.understood}
            </Label>
          ) : null}

          {state.items.length === 0 && state.fallback ? (
            <Box className="home__fallback" data-testid="search-fallback">
              <Label className="home__fallback-message">{state.fallback.message}</Label>
              <Box className="home__fallback-categories">
                {state.fallback.categories.map((option) => (
                  <Box
                    key={option.category}
                    className="home__fallback-category"
                    data-testid="fallback-category"
                    role="button"
                    aria-label={`查看${option.label}`}
                    onClick={() => applyNow({ text: '', category: option.category })}
                  >
                    {option.label}
                  </Box>
                ))}
              </Box>
              <Label className="home__fallback-title">高分推荐</Label>
              {state.fallback.products.map((product) => (
                <ProductCard key={product.id} product={product} />
              ))}
            </Box>
          ) : state.items.length === 0 ? (
            <StateView kind="empty" title="没有符合条件的产品" message="换个险种或放宽年龄、预算试试" />
          ) : (
            <Box className="home__list">
              <Box className="home__summary">
                <Label>共 {state.totalCount} 款产品</Label>
                {dataAge ? (
                  <Label className="home__freshness" data-testid="data-freshness">
                    {dataAge}
                    {state.stale ? '，正在更新' : ''}
                  </Label>
                ) : state.stale ? (
                  <Label className="home__freshness" data-testid="data-freshness">
                    部分数据正在更新
                  </Label>
                ) : null}
              </Box>
              {state.items.slice(0, shownCards).map((product) => (
                <ProductCard key={product.id} product={product} highlights={state.highlights[product.id]} />
              ))}
            </Box>
          )}

          <Box className="home__footer">
            {state.loadingMore ? (
              <Label className="home__footer-text">加载中…</Label>
            ) : state.loadMoreError ? (
              <Box className="home__footer-error">
                <Label className="home__footer-text">{state.loadMoreError.message}</Label>
                <Button className="home__load-more" size="mini" onClick={() => void loadMore()}>
                  重试
                </Button>
              </Box>
            ) : state.hasNextPage ? (
              <Button className="home__load-more" size="mini" onClick={() => void loadMore()}>
                加载更多
              </Button>
            ) : state.items.length > 0 ? (
              <Label className="home__footer-text">没有更多了</Label>
            ) : null}
          </Box>
        </Box>
      )}

      {compareCount > 0 ? (
        <Box
          className="home__compare-entry"
          data-testid="compare-entry"
          onClick={() => void Taro.navigateTo({ url: COMPARE_PAGE })}
        >
          对比({compareCount})
        </Box>
      ) : null}
    </Box>
  );
}
