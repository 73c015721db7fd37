import { useCallback, useEffect, useReducer, useRef } from 'react';
import { graphqlClient, type GraphQLClient } from '../graphql/client';
import { GraphQLClientError, messages } from '../graphql/errors';
import type { TypedDocumentString } from '../graphql/generated/graphql';
import { initialResourceState, resourceReducer, type ResourceAction, type ResourceState } from './resource-state';

export interface UseQuery<T> {
  state: ResourceState<T>;
  /** Runs the query again (the retry button). */
  reload: () => Promise<void>;
}

/**
 * Runs one query when the variables change (compared by value) and keeps its state. `skip` leaves
 * the state as is, e.g. while a page has no product id. Answers of superseded runs are dropped.
 */
export function useQuery<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options: { skip?: boolean; client?: GraphQLClient } = {},
): UseQuery<TData> {
  const { skip = false, client = graphqlClient } = options;
  const [state, dispatch] = useReducer(
    resourceReducer as (state: ResourceState<TData>, action: ResourceAction<TData>) => ResourceState<TData>,
    undefined,
    () => initialResourceState<TData>(),
  );
  const variablesKey = JSON.stringify(variables);
  const generation = useRef(0);

  const run = useCallback(async () => {
    generation.current += 1;
    const mine = generation.current;
    dispatch({ type: 'start' });
    const result = await client.execute(document, JSON.parse(variablesKey) as TVariables);
    if (mine !== generation.current) return;
    if (result.data !== null && result.error === null) dispatch({ type: 'success', data: result.data });
    else
      dispatch({
        type: 'failure',
        error: result.error ?? new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE),
      });
  }, [client, document, variablesKey]);

  useEffect(() => {
    if (!skip) void run();
    return () => {
      // Unmounted or variables changed: whatever is in flight is superseded.
      generation.current += 1;
    };
  }, [run, skip]);

  return { state, reload: run };
}
