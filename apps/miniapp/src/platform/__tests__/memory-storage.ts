import type { KeyValueStorage } from '../storage';

/** Key-value storage in a map, for tests. */
export function memoryStorage(
  initial: Record<string, unknown> = {},
): KeyValueStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    get: (key) => data[key],
    set: (key, value) => void (data[key] = value),
    remove: (key) => void delete data[key],
  };
}
