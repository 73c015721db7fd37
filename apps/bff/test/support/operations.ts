import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  astFromValue,
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  print,
} from 'graphql';

/** The schema the BFF emits (packages/schema/schema.graphql), as the client and outside tests see it. */
export function emittedSchema(): GraphQLSchema {
  const file = join(dirname(fileURLToPath(import.meta.url)), '../../../../packages/schema/schema.graphql');
  return buildSchema(readFileSync(file, 'utf8'));
}

/** A value that the type accepts: enough to get past validation to the resolver. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return Object.fromEntries(required.map((field) => [field.name, sampleValue(field.type)]));
  }
  switch (type.name) {
    case 'Int':
    case 'Money':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    default:
      return 'x';
  }
}

/** The same sample as a GraphQL literal, to write into a document. */
export function sampleLiteral(type: GraphQLInputType): string {
  const ast = astFromValue(sampleValue(type), type);
  if (!ast) throw new Error(`no literal for ${String(type)}`);
  return print(ast);
}

function selectionFor(type: GraphQLOutputType): string {
  return isCompositeType(getNamedType(type)) ? ' { __typename }' : '';
}

/** The smallest valid operation calling one root field: its required arguments, `__typename` below. */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
    .map((arg) => `${arg.name}: ${sampleLiteral(arg.type)}`);
  return `${kind} { ${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${selectionFor(field.type)} }`;
}

/** Every root field: `Query.products`, with the operation that calls it. */
export function rootOperations(schema: GraphQLSchema): { name: string; operation: string }[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, type]) =>
    type
      ? Object.values(type.getFields()).map((field) => ({
          name: `${type.name}.${field.name}`,
          operation: operationFor(kind, field),
        }))
      : [],
  );
}
