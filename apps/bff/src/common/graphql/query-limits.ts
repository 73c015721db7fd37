import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  isEnumType,
  NoSchemaIntrospectionCustomRule,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * What one GraphQL request may ask for. Every limit is checked before anything executes, and a
 * request over one is refused with its code and HTTP 400 (413 for the body). The figures, and how our
 * own client's operations sit under them, are in docs/api-limits.md.
 */
export const QUERY_LIMITS = {
  /** Request body, bytes: our largest operation with its variables is a few kilobytes. */
  bodyBytes: 100 * 1024,
  /** Lexical tokens of the document: our largest operation has about 200. */
  tokens: 1000,
  /** Nesting of selections: our deepest operation reaches 5. */
  depth: 8,
  /** Aliases: our client uses none; aliases are how one request asks for the same work many times. */
  aliases: 15,
  directives: 10,
  /**
   * Cost: one per field, list fields with `first:` (or a list of ids) multiply what they select.
   * The home page at the largest page size costs about 1,400. A field's cost may depend on numbers,
   * booleans, enum values and the length of lists in its arguments, never on free text (IDs, names,
   * search text): costs are remembered per document by those alone (`enforceCostLimit`).
   */
  cost: 3000,
} as const;

export const LIMIT_ERROR_CODES: ReadonlySet<string> = new Set([
  'MAX_TOKENS_EXCEEDED',
  'MAX_DEPTH_EXCEEDED',
  'MAX_ALIASES_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED',
  'MAX_COST_EXCEEDED',
]);

const MESSAGES = {
  MAX_DEPTH_EXCEEDED: `查询嵌套过深（上限 ${QUERY_LIMITS.depth} 层）`,
  MAX_ALIASES_EXCEEDED: `查询使用的别名过多（上限 ${QUERY_LIMITS.aliases} 个）`,
  MAX_DIRECTIVES_EXCEEDED: `查询使用的指令过多（上限 ${QUERY_LIMITS.directives} 个）`,
  MAX_TOKENS_EXCEEDED: `查询过长（上限 ${QUERY_LIMITS.tokens} 个词法单元）`,
} as const;

/** graphql-armor's visitors count; this reports what they found as a validation error with our code. */
function reportAs(code: keyof typeof MESSAGES) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(new GraphQLError(MESSAGES[code], { extensions: { code, detail: error.message } }));
  };
}

/** Validation rules beside the specification's: they depend only on the document, so Mercurius caches them. */
export function limitValidationRules(options: { introspection: boolean }): ValidationRule[] {
  const rules: ValidationRule[] = [
    maxDepthRule({
      n: QUERY_LIMITS.depth,
      // Depth of fields, whether written inline or through fragments (a spread is not a level).
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportAs('MAX_DEPTH_EXCEEDED')],
    }) as ValidationRule,
    maxAliasesRule({
      n: QUERY_LIMITS.aliases,
      propagateOnRejection: false,
      onReject: [reportAs('MAX_ALIASES_EXCEEDED')],
    }) as ValidationRule,
    maxDirectivesRule({
      n: QUERY_LIMITS.directives,
      propagateOnRejection: false,
      onReject: [reportAs('MAX_DIRECTIVES_EXCEEDED')],
    }) as ValidationRule,
  ];
  if (!options.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}

const NAME_START = /[_A-Za-z]/;
const NAME_PART = /[_0-9A-Za-z]/;
const NUMBER_PART = /[0-9.eE+-]/;

/**
 * Counts the lexical tokens of a GraphQL document as graphql-js does (comments, commas and white
 * space are not tokens), stopping as soon as the count passes `limit`. It allocates nothing, so a
 * document over the limit is refused for the price of reading its first thousand tokens, without the
 * parser's objects (a refusal at the parser's own limit cost three times a cached page: docs/performance.md).
 * A malformed document may be counted loosely; the parser, with the same limit, decides.
 */
export function countTokens(source: string, limit: number): number {
  let count = 0;
  let index = 0;
  const length = source.length;
  while (index < length && count <= limit) {
    const char = source[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === ',' || char === '\ufeff') {
      index += 1;
    } else if (char === '#') {
      while (index < length && source[index] !== '\n' && source[index] !== '\r') index += 1;
    } else if (char === '"') {
      count += 1;
      if (source.startsWith('"""', index)) {
        index += 3;
        while (index < length && !source.startsWith('"""', index)) index += source.startsWith('\\"""', index) ? 4 : 1;
        index += 3;
      } else {
        index += 1;
        while (index < length && source[index] !== '"' && source[index] !== '\n')
          index += source[index] === '\\' ? 2 : 1;
        index += 1;
      }
    } else if (char === '.' && source.startsWith('...', index)) {
      count += 1;
      index += 3;
    } else if (NAME_START.test(char)) {
      count += 1;
      while (index < length && NAME_PART.test(source[index])) index += 1;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      count += 1;
      index += 1;
      while (index < length && NUMBER_PART.test(source[index])) index += 1;
    } else {
      // A punctuator (! $ & ( ) : = @ [ ] { | }), or a character the parser will refuse: one token.
      count += 1;
      index += 1;
    }
  }
  return count;
}

/** graphql-js' message when parsing stops at `maxTokens`. */
export function isTokenLimitError(error: GraphQLError): boolean {
  return /^Syntax Error: Document contains more that \d+ tokens/.test(error.message);
}

export function tokenLimitError(): GraphQLError {
  return new GraphQLError(MESSAGES.MAX_TOKENS_EXCEEDED, { extensions: { code: 'MAX_TOKENS_EXCEEDED' } });
}

const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** The cost of a document for these variables (the largest of its operations). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number {
  return getComplexity({ schema, query: document, variables, estimators });
}

/** Costs remembered per document and variables' key (`costKey`), at most this many per document. */
export const MAX_REMEMBERED_COSTS_PER_DOCUMENT = 256;

/** Per schema: each parsed document's costs by `costKey` of its variables, and the schema's enum values. */
interface RememberedCosts {
  readonly costs: WeakMap<DocumentNode, Map<string, number>>;
  readonly enumValues: ReadonlySet<string>;
}

const rememberedCosts = new WeakMap<GraphQLSchema, RememberedCosts>();

function costsOf(schema: GraphQLSchema): RememberedCosts {
  let held = rememberedCosts.get(schema);
  if (!held) {
    const enumValues = new Set<string>();
    for (const type of Object.values(schema.getTypeMap()))
      if (isEnumType(type)) for (const value of type.getValues()) enumValues.add(value.name);
    held = { costs: new WeakMap(), enumValues };
    rememberedCosts.set(schema, held);
  }
  return held;
}

/**
 * What a cost may depend on in the variables (QUERY_LIMITS.cost): numbers, booleans, null, enum
 * values and the shape of lists and objects. Any other string is left out, so the key holds no free
 * text and no personal data.
 */
export function costKey(value: unknown, enumValues: ReadonlySet<string>): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return enumValues.has(value) ? value : '$';
  if (Array.isArray(value)) return `[${value.map((item) => costKey(item, enumValues)).join(',')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([name, field]) => `${name}:${costKey(field, enumValues)}`)
      .join(',')}}`;
  return '?';
}

/**
 * The cost of a document for these variables, remembered: Mercurius hands the same parsed document
 * for the same text (its cache), and computing a cost walks the whole document with the schema's type
 * information, about 0.3 ms a request for the home page's.
 */
function rememberedCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number {
  const { costs, enumValues } = costsOf(schema);
  let byKey = costs.get(document);
  if (!byKey) {
    byKey = new Map();
    costs.set(document, byKey);
  }
  const key = costKey(variables, enumValues);
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const cost = queryCost(schema, document, variables);
  if (byKey.size >= MAX_REMEMBERED_COSTS_PER_DOCUMENT) byKey.delete(byKey.keys().next().value as string);
  byKey.set(key, cost);
  return cost;
}

/**
 * Mercurius preExecution hook: the cost depends on the variables (`first: $first`), so it is checked
 * per request (remembered per document and variables' key), after the cached parse and validation and
 * before anything runs.
 */
export async function enforceCostLimit(
  schema: GraphQLSchema,
  document: DocumentNode,
  _context: unknown,
  variables: Record<string, unknown> | undefined,
): Promise<void> {
  let cost: number;
  try {
    cost = rememberedCost(schema, document, variables ?? {});
  } catch {
    // Variables that do not fit the operation: execution's own coercion reports them.
    return;
  }
  if (cost > QUERY_LIMITS.cost) {
    throw new GraphQLError(`查询过于复杂（代价 ${cost}，上限 ${QUERY_LIMITS.cost}），请减少每页数量或字段`, {
      extensions: { code: 'MAX_COST_EXCEEDED', cost, limit: QUERY_LIMITS.cost },
    });
  }
}
