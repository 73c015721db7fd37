import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import DataLoader from 'dataloader';
import { requestOf } from '../auth/request-auth.js';

/**
 * The DataLoaders of one request: a list resolved field by field (each household's members) asks the
 * database once per request, not once per parent. They live and die with the request, so nothing
 * cached in them outlives it or leaks to another caller.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** The loader named `name`, made from `batch` the first time this request asks for it. */
  get<Key, Value>(name: string, batch: (keys: readonly Key[]) => Promise<readonly Value[]>): DataLoader<Key, Value> {
    let loader = this.loaders.get(name) as DataLoader<Key, Value> | undefined;
    if (!loader) {
      loader = new DataLoader<Key, Value>((keys) => batch(keys));
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

const registries = new WeakMap<object, RequestLoaders>();

/** The request's loaders, for a resolver argument: `@Loaders() loaders: RequestLoaders`. */
export const Loaders = createParamDecorator((_data: unknown, context: ExecutionContext): RequestLoaders => {
  const request = requestOf(context);
  let registry = registries.get(request);
  if (!registry) {
    registry = new RequestLoaders();
    registries.set(request, registry);
  }
  return registry;
});
