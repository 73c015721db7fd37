import type { GraphQLClientError } from '../../../graphql/errors';
import type { ProductsQuery } from '../../../graphql/generated/graphql';

export type ProductConnection = ProductsQuery['products'];
export type ProductItem = ProductConnection['edges'][number]['node'];
export type TextRange = ProductConnection['edges'][number]['highlights'][number];
export type SearchFallback = NonNullable<ProductConnection['fallback']>;

/** How a load was started: first load (or retry), pull-down refresh, or next page. */
export type LoadMode = 'initial' | 'refresh' | 'more';

export interface ProductListState {
  /** State of the first page: drives the loading / error / empty views. */
  status: 'loading' | 'ready' | 'error';
  items: ProductItem[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  /** Age in seconds of the oldest data of the last answer (C8 freshness). */
  dataAgeSeconds: number;
  /** Some insurer's data is past its freshness and being refreshed. */
  stale: boolean;
  /** Names of insurers the BFF could not reach (their products are missing). */
  unavailableInsurers: string[];
  /** Failure of the first page (shown with a retry button). */
  error: GraphQLClientError | null;
  /** The server answered with data *and* GraphQL errors: show the data plus this note. */
  partialError: GraphQLClientError | null;
  refreshing: boolean;
  loadingMore: boolean;
  /** Failure of a next-page load; the list stays and "加载更多" retries. */
  loadMoreError: GraphQLClientError | null;
  /** Ranges of each product's name that matched the search text, by product id (C2). */
  highlights: Record<string, TextRange[]>;
  /** How the search text was read ("为您找到：适合 5 岁的重疾险"), or null. */
  understood: string | null;
  /** When the search text matched nothing: closest categories and top-scored products. */
  fallback: SearchFallback | null;
}

export type ProductListAction =
  | { type: 'start'; mode: LoadMode }
  | { type: 'success'; mode: LoadMode; connection: ProductConnection; partialError: GraphQLClientError | null }
  | { type: 'failure'; mode: LoadMode; error: GraphQLClientError };

export const initialProductListState: ProductListState = {
  status: 'loading',
  items: [],
  totalCount: 0,
  endCursor: null,
  hasNextPage: false,
  dataAgeSeconds: 0,
  stale: false,
  unavailableInsurers: [],
  error: null,
  partialError: null,
  refreshing: false,
  loadingMore: false,
  loadMoreError: null,
  highlights: {},
  understood: null,
  fallback: null,
};

function insurerNames(connection: ProductConnection): string[] {
  return connection.errors.map((e) => e.insurer.name);
}

function uniqueById(items: readonly ProductItem[]): ProductItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

export function productListReducer(state: ProductListState, action: ProductListAction): ProductListState {
  switch (action.type) {
    case 'start':
      if (action.mode === 'initial') return { ...initialProductListState, status: 'loading' };
      if (action.mode === 'refresh') return { ...state, refreshing: true };
      return { ...state, loadingMore: true, loadMoreError: null };

    case 'success': {
      const { connection, mode } = action;
      const nodes = connection.edges.map((edge) => edge.node);
      const append = mode === 'more';
      const highlights = Object.fromEntries(connection.edges.map((edge) => [edge.node.id, edge.highlights]));
      return {
        ...state,
        status: 'ready',
        items: append ? uniqueById([...state.items, ...nodes]) : uniqueById(nodes),
        totalCount: connection.totalCount,
        endCursor: connection.pageInfo.endCursor,
        hasNextPage: connection.pageInfo.hasNextPage,
        dataAgeSeconds: append ? Math.max(state.dataAgeSeconds, connection.dataAgeSeconds) : connection.dataAgeSeconds,
        stale: (append && state.stale) || connection.freshness.some((entry) => entry.stale),
        unavailableInsurers: append
          ? Array.from(new Set([...state.unavailableInsurers, ...insurerNames(connection)]))
          : Array.from(new Set(insurerNames(connection))),
        error: null,
        partialError: action.partialError,
        refreshing: false,
        loadingMore: false,
        loadMoreError: null,
        highlights: append ? { ...state.highlights, ...highlights } : highlights,
        understood: connection.understood,
        fallback: connection.fallback,
      };
    }

    case 'failure':
      if (action.mode === 'more') return { ...state, loadingMore: false, loadMoreError: action.error };
      if (action.mode === 'refresh' && state.items.length > 0) {
        // Keep what is on screen; the page tells the user with a toast.
        return { ...state, refreshing: false };
      }
      return { ...state, status: 'error', error: action.error, refreshing: false, loadingMore: false };
  }
}
