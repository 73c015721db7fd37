import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * Every amount of money in the API: Chinese yuan counted in fen (分, 1/100 CNY) as a JSON integer,
 * exact up to 2^53 − 1 fen (about ¥90 trillion). GraphQL's Int stops at 2^31 − 1 fen (¥21.47
 * million), below a life policy's sum insured; a float would round; a decimal string would make every
 * client parse. See docs/decisions/006-money.md.
 */
export const Money = new GraphQLScalarType<number, number>({
  name: 'Money',
  description:
    'An amount of Chinese yuan in fen (分, 1/100 CNY) as a JSON integer, e.g. 12850 is ¥128.50; exact up to 2^53 − 1.',
  serialize(value: unknown): number {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    throw new GraphQLError(`Money cannot represent ${String(value)}: not a whole number of fen`);
  },
  parseValue(value: unknown): number {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    throw new GraphQLError('金额须为以分为单位的整数（例如 ¥128.50 写作 12850）');
  },
  parseLiteral(node: ValueNode): number {
    if (node.kind === Kind.INT) {
      const value = Number(node.value);
      if (Number.isSafeInteger(value)) return value;
    }
    throw new GraphQLError('金额须为以分为单位的整数（例如 ¥128.50 写作 12850）', { nodes: node });
  },
});
