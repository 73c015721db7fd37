import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum from a domain union's list of values: `{ A: 'A', B: 'B' }`, registered under `name`. */
export function graphqlEnum<T extends string>(
  values: readonly T[],
  name: string,
  description?: string,
): { [K in T]: K } {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
