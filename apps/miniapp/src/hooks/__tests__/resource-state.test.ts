import { GraphQLClientError } from '../../graphql/errors';
import { initialResourceState, resourceReducer } from '../resource-state';

const error = new GraphQLClientError('NOT_FOUND', '未找到该产品，可能已下架');

describe('resourceReducer', () => {
  it('starts loading, then holds the data', () => {
    const initial = initialResourceState<{ id: string }>();
    expect(initial).toEqual({ status: 'loading', data: null, error: null });
    expect(resourceReducer(initial, { type: 'success', data: { id: 'a' } })).toEqual({
      status: 'ready',
      data: { id: 'a' },
      error: null,
    });
  });

  it('keeps the data while reloading, and drops it on failure', () => {
    const ready = resourceReducer(initialResourceState<string>(), { type: 'success', data: 'x' });
    const reloading = resourceReducer(ready, { type: 'start' });
    expect(reloading).toEqual({ status: 'loading', data: 'x', error: null });
    expect(resourceReducer(reloading, { type: 'failure', error })).toEqual({ status: 'error', data: null, error });
  });

  it('clears the error on retry', () => {
    const failed = resourceReducer(initialResourceState<string>(), { type: 'failure', error });
    expect(resourceReducer(failed, { type: 'start' })).toEqual({ status: 'loading', data: null, error: null });
  });
});
