import {
  type GraphQLFieldConfig,
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { getIntrospectionQuery, Lexer, Source, TokenKind } from 'graphql';
import {
  MAX_REMEMBERED_COSTS_PER_DOCUMENT,
  QUERY_LIMITS,
  costKey,
  countTokens,
  enforceCostLimit,
  isTokenLimitError,
  limitValidationRules,
  queryCost,
} from './query-limits.js';

/** A schema with a recursive type (as households → members → policies will be) and a paged list. */
const node: GraphQLObjectType = new GraphQLObjectType({
  name: 'Node',
  fields: (): Record<string, GraphQLFieldConfig<unknown, unknown>> => ({
    name: { type: GraphQLString },
    child: { type: node },
    children: {
      type: new GraphQLList(node),
      args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
      // As @Query/@Field({ complexity }) declares it in the BFF.
      extensions: {
        complexity: ({ args, childComplexity }: { args: { first: number }; childComplexity: number }) =>
          1 + args.first * childComplexity,
      },
    },
  }),
});
const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { root: { type: node } } }) });

const codesOf = (source: string, introspection = true): string[] =>
  validate(schema, parse(source), [...specifiedRules, ...limitValidationRules({ introspection })]).map((error) =>
    String(error.extensions.code ?? error.message),
  );

const nested = (depth: number): string => `{ root ${'{ child '.repeat(depth - 2)}{ name }${' }'.repeat(depth - 2)} }`;

describe('query limits', () => {
  it('accepts a query at the depth limit and refuses one level more', () => {
    expect(codesOf(nested(QUERY_LIMITS.depth))).toEqual([]);
    expect(codesOf(nested(QUERY_LIMITS.depth + 1))).toEqual(['MAX_DEPTH_EXCEEDED']);
  });

  it('counts the depth of fields, not of fragment spreads', () => {
    const throughFragments = '{ root { ...A } } fragment A on Node { child { ...B } } fragment B on Node { name }';
    expect(codesOf(throughFragments)).toEqual([]);
    // root, then `levels` of child, then name.
    const viaFragment = (levels: number): string =>
      `{ root { ...A } } fragment A on Node { ${'child { '.repeat(levels)}name${' }'.repeat(levels)} }`;
    expect(codesOf(viaFragment(QUERY_LIMITS.depth - 2))).toEqual([]);
    expect(codesOf(viaFragment(QUERY_LIMITS.depth - 1))).toEqual(['MAX_DEPTH_EXCEEDED']);
  });

  it('counts aliases, including inside fragments', () => {
    const aliases = (count: number): string =>
      `{ root { ...F } } fragment F on Node { ${Array.from({ length: count }, (_, i) => `a${i}: name`).join(' ')} }`;
    expect(codesOf(aliases(QUERY_LIMITS.aliases))).toEqual([]);
    expect(codesOf(aliases(QUERY_LIMITS.aliases + 1))).toEqual(['MAX_ALIASES_EXCEEDED']);
  });

  it('counts directives', () => {
    const directives = (count: number): string => `{ root { name ${'@include(if: true) '.repeat(count)} } }`;
    expect(codesOf(directives(QUERY_LIMITS.directives + 1))).toContain('MAX_DIRECTIVES_EXCEEDED');
  });

  it('refuses introspection when it is off, and only then', () => {
    expect(codesOf('{ __schema { queryType { name } } }', true)).toEqual([]);
    expect(codesOf('{ __schema { queryType { name } } }', false).join()).toMatch(/introspection/i);
  });

  it('stops parsing at the token limit with graphql-js’ own error', () => {
    const source = `{ root { ${'name '.repeat(QUERY_LIMITS.tokens)} } }`;
    let error: unknown;
    try {
      parse(source, { maxTokens: QUERY_LIMITS.tokens });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect(isTokenLimitError(error as GraphQLError)).toBe(true);
    expect(isTokenLimitError(new GraphQLError('Syntax Error: Expected Name, found "}".'))).toBe(false);
  });

  it('multiplies the cost of a paged list by `first`, from a literal or a variable', () => {
    const query = parse('query($n: Int!) { root { children(first: $n) { name child { name } } } }');
    const small = queryCost(schema, query, { n: 2 });
    const large = queryCost(schema, query, { n: 200 });
    expect(large - 1).toBeGreaterThan((small - 1) * 50);
    expect(queryCost(schema, parse('{ root { children(first: 3) { name } } }'), {})).toBe(1 + (1 + 3 * 1));
  });

  it('refuses a request over the cost limit before it runs, and lets one under it through', async () => {
    const query = parse('query($n: Int!) { root { children(first: $n) { name child { name } } } }');
    await expect(enforceCostLimit(schema, query, {}, { n: 10 })).resolves.toBeUndefined();
    await expect(enforceCostLimit(schema, query, {}, { n: 5000 })).rejects.toMatchObject({
      extensions: { code: 'MAX_COST_EXCEEDED', limit: QUERY_LIMITS.cost },
    });
  });

  it('remembers a cost per document by what it depends on, never by free text', async () => {
    const query = parse('query($n: Int!, $text: String) { root { children(first: $n) { name } } }');
    // Refused after many other costs of the same document were remembered (and the first ones let go).
    for (let n = 1; n <= MAX_REMEMBERED_COSTS_PER_DOCUMENT + 10; n++)
      await expect(enforceCostLimit(schema, query, {}, { n, text: `查询 ${n}` })).resolves.toBeUndefined();
    await expect(enforceCostLimit(schema, query, {}, { n: 5000, text: '查询 1' })).rejects.toMatchObject({
      extensions: { code: 'MAX_COST_EXCEEDED' },
    });
    await expect(enforceCostLimit(schema, query, {}, { n: 1, text: '查询 1' })).resolves.toBeUndefined();
    // The key: numbers, booleans, enum values and shapes; any other text (a name, a phone number, an
    // id) only as a placeholder.
    const enumValues = new Set(['SCORE', 'PRICE_ASC']);
    const key = (variables: Record<string, unknown>): string => costKey(variables, enumValues);
    expect(
      key({ first: 20, text: '张三 13800138000', sort: 'SCORE', ids: ['a:1', 'b:2'], gold: true, after: null }),
    ).toBe('{first:20,text:$,sort:SCORE,ids:[$,$],gold:true,after:null}');
    expect(key({ first: 20, text: '李四' })).toBe(key({ first: 20, text: '张三' }));
    expect(key({ first: 20 })).not.toBe(key({ first: 50 }));
    expect(key({ sort: 'SCORE' })).not.toBe(key({ sort: 'PRICE_ASC' }));
    expect(key({ ids: ['a'] })).not.toBe(key({ ids: ['a', 'b'] }));
    expect(key({ filter: { age: 5, text: '11010519491231002X' } })).toBe('{filter:{age:5,text:$}}');
  });

  describe('countTokens', () => {
    const lexerCount = (source: string): number => {
      const lexer = new Lexer(new Source(source));
      let count = 0;
      while (lexer.advance().kind !== TokenKind.EOF) count += 1;
      return count;
    };

    it.each([
      [
        'an operation with fragments, variables and directives',
        'query Q($a: Int = 3, $b: [ID!]!) { root { ...F @include(if: true) } } fragment F on Node { name child { name } }',
      ],
      [
        'strings with escapes, a block string, comments and commas',
        String.raw`# a comment
{ a(x: "q\"uote", y: """block \""" """), b(z: -1.5e3, w: [1, 2, 3]) }`,
      ],
      ['the introspection query', getIntrospectionQuery()],
      [
        'a mutation with an input object and a null',
        'mutation { add(input: { name: "李娜", age: null, tags: [A, B] }) { id } }',
      ],
    ])('counts %s as graphql-js does', (_case, source) => {
      expect(countTokens(source, 100_000)).toBe(lexerCount(source));
    });

    it('stops just past the limit, however long the document', () => {
      const huge = `{ ${'a: b '.repeat(100_000)} }`;
      expect(countTokens(huge, QUERY_LIMITS.tokens)).toBe(QUERY_LIMITS.tokens + 1);
    });
  });
});
