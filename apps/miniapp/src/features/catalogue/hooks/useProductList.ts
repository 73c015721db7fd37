import { useCallback, useEffect, useReducer, useRef } from 'react';
import { graphqlClient, type GraphQLClient } from '../../../graphql/client';
import type { GraphQLClientError } from '../../../graphql/errors';
import { ProductsDocument, type ProductFilter, type ProductSort } from '../../../graphql/generated/graphql';
import {
  initialProductListState,
  productListReducer,
  type LoadMode,
  type ProductListState,
} from './product-list-state';

export interface UseProductListOptions {
  pageSize?: number;
  filter?: ProductFilter;
  sort?: ProductSort;
  client?: GraphQLClient;
}

export interface UseProductList {
  state: ProductListState;
  /** First load again (after an error). */
  reload: () => Promise<void>;
  /** Pull-down refresh; resolves with the error when it failed and the old list was kept. */
  refresh: () => Promise<GraphQLClientError | null>;
  /** Next page via the cursor; does nothing while loading or at the end. */
  loadMore: () => Promise<void>;
}

/** The variables of one page: `filterKey` is the filter as JSON (compared by value). */
function pageVariables(pageSize: number, after: string | null, filterKey: string, sort: ProductSort) {
  return { first: pageSize, after, filter: JSON.parse(filterKey) as ProductFilter | null, sort };
}

/** Loads the product list with cursor pagination. */
export function useProductList(options: UseProductListOptions = {}): UseProductList {
  const { pageSize = 20, filter, sort = 'SCORE', client = graphqlClient } = options;
  // Compared by value so that callers may pass a fresh object literal on every render.
  const filterKey = JSON.stringify(filter ?? null);
  // The first page may be here already (H5: index.html asked for the home page's): shown in the
  // first render, with no loading state and no request.
  const [state, dispatch] = useReducer(productListReducer, null, () => {
    const connection = client.settled(ProductsDocument, pageVariables(pageSize, null, filterKey, sort))?.data?.products;
    return connection
      ? productListReducer(initialProductListState, {
          type: 'success',
          mode: 'initial',
          connection,
          partialError: null,
        })
      : initialProductListState;
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  // Answers of superseded loads (e.g. a next page that arrives after a refresh) are dropped.
  const generation = useRef(0);
  const mounted = useRef(true);
  // The first load is done when the first render had the first page.
  const firstLoadDone = useRef(state.status === 'ready');

  const load = useCallback(
    async (mode: LoadMode): Promise<GraphQLClientError | null> => {
      const current = stateRef.current;
      if (mode === 'more') {
        if (!current.hasNextPage || current.loadingMore || current.status !== 'ready') return null;
      } else {
        generation.current += 1;
      }
      const myGeneration = generation.current;
      dispatch({ type: 'start', mode });

      const result = await client.execute(
        ProductsDocument,
        pageVariables(pageSize, mode === 'more' ? current.endCursor : null, filterKey, sort),
      );
      if (!mounted.current || myGeneration !== generation.current) return null;

      const connection = result.data?.products;
      if (connection) {
        dispatch({ type: 'success', mode, connection, partialError: result.error });
        return null;
      }
      const error = result.error;
      if (error) dispatch({ type: 'failure', mode, error });
      return error;
    },
    [client, pageSize, filterKey, sort],
  );

  useEffect(() => {
    mounted.current = true;
    if (firstLoadDone.current) firstLoadDone.current = false;
    else void load('initial');
    return () => {
      mounted.current = false;
    };
  }, [load]);

  const reload = useCallback(async () => {
    await load('initial');
  }, [load]);
  const refresh = useCallback(() => load('refresh'), [load]);
  const loadMore = useCallback(async () => {
    await load('more');
  }, [load]);

  return { state, reload, refresh, loadMore };
}
