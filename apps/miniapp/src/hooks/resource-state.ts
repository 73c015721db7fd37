import type { GraphQLClientError } from '../graphql/errors';

/** State of one query a page depends on (product detail, comparison…). */
export interface ResourceState<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  error: GraphQLClientError | null;
}

export type ResourceAction<T> =
  { type: 'start' } | { type: 'success'; data: T } | { type: 'failure'; error: GraphQLClientError };

export function initialResourceState<T>(): ResourceState<T> {
  return { status: 'loading', data: null, error: null };
}

export function resourceReducer<T>(state: ResourceState<T>, action: ResourceAction<T>): ResourceState<T> {
  switch (action.type) {
    case 'start':
      // Keep the data on screen while reloading it; the page decides whether to show a spinner.
      return { status: 'loading', data: state.data, error: null };
    case 'success':
      return { status: 'ready', data: action.data, error: null };
    case 'failure':
      return { status: 'error', data: null, error: action.error };
  }
}
