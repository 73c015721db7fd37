/**
 * GraphQL cannot tell "left out" from "null" for a field a type makes nullable only so that an update
 * may leave it out. For the fields that may not be cleared, null means the same as left out: keep.
 */
export function withoutNullsFor<T extends object, K extends keyof T>(input: T, keys: readonly K[]): T {
  const copy = { ...input };
  for (const key of keys) if (copy[key] === null) delete copy[key];
  return copy;
}
