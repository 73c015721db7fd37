import { GraphQLClientError } from '../../../../graphql/errors';
import {
  initialProductListState,
  productListReducer,
  type ProductConnection,
  type ProductListState,
} from '../product-list-state';

function connection(
  ids: string[],
  next: string | null,
  failedInsurers: string[] = [],
  freshness: { dataAgeSeconds: number; stale: boolean } = { dataAgeSeconds: 0, stale: false },
): ProductConnection {
  return {
    totalCount: 3,
    dataAgeSeconds: freshness.dataAgeSeconds,
    freshness: [{ stale: freshness.stale }, { stale: false }],
    understood: null,
    fallback: null,
    edges: ids.map((id) => ({
      cursor: `c-${id}`,
      highlights: [{ start: 0, length: 2 }],
      node: {
        id,
        name: `产品${id}`,
        category: 'MEDICAL',
        categoryLabel: '医疗险',
        priceFrom: 12850,
        insurer: { id: 'i1', name: '甲保险' },
        score: { composite: 80, goldPick: id === '1' },
      },
    })),
    pageInfo: { hasNextPage: next !== null, endCursor: next },
    errors: failedInsurers.map((name, i) => ({
      code: 'TIMEOUT',
      message: '连接超时',
      insurer: { id: `f${i}`, name },
    })),
  };
}

const networkError = new GraphQLClientError('NETWORK', '网络连接失败，请检查网络后重试');

function loaded(): ProductListState {
  const started = productListReducer(initialProductListState, { type: 'start', mode: 'initial' });
  return productListReducer(started, {
    type: 'success',
    mode: 'initial',
    connection: connection(['1', '2'], 'c-2', ['乙保险']),
    partialError: null,
  });
}

describe('productListReducer', () => {
  it('shows the first page with the unreachable insurers', () => {
    const state = loaded();
    expect(state.status).toBe('ready');
    expect(state.items.map((p) => p.id)).toEqual(['1', '2']);
    expect(state.hasNextPage).toBe(true);
    expect(state.endCursor).toBe('c-2');
    expect(state.unavailableInsurers).toEqual(['乙保险']);
  });

  it('appends the next page without duplicates', () => {
    const more = productListReducer(loaded(), { type: 'start', mode: 'more' });
    expect(more.loadingMore).toBe(true);
    const state = productListReducer(more, {
      type: 'success',
      mode: 'more',
      connection: connection(['2', '3'], null, ['丙保险']),
      partialError: null,
    });
    expect(state.items.map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(state.hasNextPage).toBe(false);
    expect(state.unavailableInsurers).toEqual(['乙保险', '丙保险']);
  });

  it('goes to the error state when the first page fails', () => {
    const started = productListReducer(initialProductListState, { type: 'start', mode: 'initial' });
    const state = productListReducer(started, { type: 'failure', mode: 'initial', error: networkError });
    expect(state.status).toBe('error');
    expect(state.error?.code).toBe('NETWORK');
  });

  it('keeps the list when a next page or a refresh fails', () => {
    const afterMore = productListReducer(loaded(), { type: 'failure', mode: 'more', error: networkError });
    expect(afterMore.status).toBe('ready');
    expect(afterMore.loadMoreError).toBe(networkError);
    const afterRefresh = productListReducer(productListReducer(loaded(), { type: 'start', mode: 'refresh' }), {
      type: 'failure',
      mode: 'refresh',
      error: networkError,
    });
    expect(afterRefresh.status).toBe('ready');
    expect(afterRefresh.refreshing).toBe(false);
    expect(afterRefresh.items).toHaveLength(2);
  });

  it('keeps the age of the oldest data and whether any of it is stale', () => {
    const first = productListReducer(initialProductListState, {
      type: 'success',
      mode: 'initial',
      connection: connection(['1'], 'c-1', [], { dataAgeSeconds: 300, stale: true }),
      partialError: null,
    });
    expect(first).toMatchObject({ dataAgeSeconds: 300, stale: true });
    const more = productListReducer(first, {
      type: 'success',
      mode: 'more',
      connection: connection(['2'], null, [], { dataAgeSeconds: 10, stale: false }),
      partialError: null,
    });
    expect(more).toMatchObject({ dataAgeSeconds: 300, stale: true });
    const refreshed = productListReducer(more, {
      type: 'success',
      mode: 'refresh',
      connection: connection(['1'], null, [], { dataAgeSeconds: 5, stale: false }),
      partialError: null,
    });
    expect(refreshed).toMatchObject({ dataAgeSeconds: 5, stale: false });
  });
});

describe('search results (C2)', () => {
  it('keeps highlights of every loaded page, and the understood line and fallback of the last answer', () => {
    const first = loaded();
    expect(first.highlights).toEqual({ '1': [{ start: 0, length: 2 }], '2': [{ start: 0, length: 2 }] });
    const more = productListReducer(productListReducer(first, { type: 'start', mode: 'more' }), {
      type: 'success',
      mode: 'more',
      connection: { ...connection(['3'], null), understood: '为您找到：重疾险' },
      partialError: null,
    });
    expect(Object.keys(more.highlights)).toEqual(['1', '2', '3']);
    expect(more.understood).toBe('为您找到：重疾险');
    expect(more.fallback).toBeNull();
  });
});
