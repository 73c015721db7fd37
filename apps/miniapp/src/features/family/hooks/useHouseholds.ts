import { useCallback, useEffect, useReducer, useRef } from 'react';
import { graphqlClient, type GraphQLClient } from '../../../graphql/client';
import { GraphQLClientError, messages } from '../../../graphql/errors';
import { HouseholdsDocument } from '../../../graphql/generated/graphql';
import { householdsReducer, initialHouseholdsState, type HouseholdsState, type LoadMode } from './households-state';

export interface UseHouseholds {
  state: HouseholdsState;
  /** Loads again from scratch (the 重试 button). */
  reload: () => Promise<void>;
  /** Loads again keeping the list on screen; resolves with the error when it failed. */
  refresh: () => Promise<GraphQLClientError | null>;
}

/** The signed-in person's households with their members, loaded on mount. */
export function useHouseholds(client: GraphQLClient = graphqlClient): UseHouseholds {
  const [state, dispatch] = useReducer(householdsReducer, initialHouseholdsState);
  // Answers of superseded loads are dropped (a refresh that overtakes a slow first load).
  const generation = useRef(0);

  const load = useCallback(
    async (mode: LoadMode): Promise<GraphQLClientError | null> => {
      generation.current += 1;
      const mine = generation.current;
      dispatch({ type: 'start', mode });
      const { data, error } = await client.execute(HouseholdsDocument, {});
      if (mine !== generation.current) return null;
      if (data && !error) {
        dispatch({ type: 'success', households: data.households });
        return null;
      }
      const failure = error ?? new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE);
      dispatch({ type: 'failure', mode, error: failure });
      return failure;
    },
    [client],
  );

  useEffect(() => {
    void load('load');
    return () => {
      // Unmounted: whatever is in flight is superseded.
      generation.current += 1;
    };
  }, [load]);

  const reload = useCallback(async () => {
    await load('load');
  }, [load]);
  const refresh = useCallback(() => load('refresh'), [load]);
  return { state, reload, refresh };
}
