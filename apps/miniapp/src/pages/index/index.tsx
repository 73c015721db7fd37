import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import NoticeBar from '../../components/notice-bar';
import ProductCard from '../../components/product-card';
import StateView from '../../components/state-view';
import { useProductList } from '../../hooks/useProductList';
import { formatUnavailableInsurers } from '../../utils/format';
import './index.scss';

const PAGE_SIZE = 20;

/** Home page: the product list (保险超市). */
export default function Index() {
  const { state, reload, refresh, loadMore } = useProductList({ pageSize: PAGE_SIZE });

  usePullDownRefresh(() => {
    void refresh().then((error) => {
      Taro.stopPullDownRefresh();
      if (error) void Taro.showToast({ title: error.message, icon: 'none' });
    });
  });

  useReachBottom(() => {
    if (!state.loadMoreError) void loadMore();
  });

  if (state.status === 'loading') {
    return (
      <View className="index">
        <StateView kind="loading" />
      </View>
    );
  }

  if (state.status === 'error') {
    return (
      <View className="index">
        <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
      </View>
    );
  }

  return (
    <View className="index">
      {state.unavailableInsurers.length > 0 ? (
        <NoticeBar text={formatUnavailableInsurers(state.unavailableInsurers)} />
      ) : null}
      {state.partialError ? <NoticeBar text={`部分数据加载失败：${state.partialError.message}`} /> : null}

      {state.items.length === 0 ? (
        <StateView kind="empty" />
      ) : (
        <View className="index__list">
          <View className="index__summary">
            <Text>共 {state.totalCount} 款产品</Text>
          </View>
          {state.items.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </View>
      )}

      <View className="index__footer">
        {state.loadingMore ? (
          <Text className="index__footer-text">加载中…</Text>
        ) : state.loadMoreError ? (
          <View className="index__footer-error">
            <Text className="index__footer-text">{state.loadMoreError.message}</Text>
            <Button className="index__load-more" size="mini" onClick={() => void loadMore()}>
              重试
            </Button>
          </View>
        ) : state.hasNextPage ? (
          <Button className="index__load-more" size="mini" onClick={() => void loadMore()}>
            加载更多
          </Button>
        ) : state.items.length > 0 ? (
          <Text className="index__footer-text">没有更多了</Text>
        ) : null}
      </View>
    </View>
  );
}
