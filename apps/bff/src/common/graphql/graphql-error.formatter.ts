import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../app-error.js';
import { logger } from '../logger.js';
import { isTokenLimitError, tokenLimitError } from './query-limits.js';

const INTERNAL_MESSAGE = '服务暂时不可用，请稍后再试';

export interface FormatOptions {
  /** Outside development: no "Did you mean …?" hints, which would spell out the schema. */
  readonly strict: boolean;
}

/**
 * Mercurius reports a request that failed parsing or validation as one error whose original error
 * holds the graphql-js errors; returns those, or nothing for an execution error.
 */
export function requestErrorsOf(error: GraphQLError): GraphQLError[] {
  const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(nested)) return [];
  return nested.map((item) =>
    item instanceof GraphQLError ? item : new GraphQLError(String((item as Error).message ?? item)),
  );
}

/** The code of an error graphql-js raised itself (parse, validation, variables). */
function graphqlCodeOf(error: GraphQLError): string {
  const given = error.extensions?.code;
  if (typeof given === 'string') return given;
  if (error.message.startsWith('Syntax Error:')) return 'GRAPHQL_PARSE_FAILED';
  if (/^Variable "\$[^"]+" /.test(error.message)) return 'BAD_USER_INPUT';
  return 'GRAPHQL_VALIDATION_FAILED';
}

/**
 * Turns any error that reached GraphQL into the shape clients see: a known code in
 * `extensions.code`, a Chinese message, and never an internal detail. Errors without a code that
 * are not GraphQL's own (parse, validation) are logged and replaced by INTERNAL_SERVER_ERROR.
 */
export function formatGraphQLError(error: GraphQLError, options: FormatOptions): GraphQLFormattedError {
  const original = error.originalError;
  if (original instanceof AppError) {
    return {
      message: original.userMessage,
      path: error.path,
      locations: error.locations,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...original.details,
      },
    };
  }
  if (!original || original instanceof GraphQLError) {
    if (isTokenLimitError(error)) return formatGraphQLError(tokenLimitError(), options);
    // Parse and validation errors from graphql-js itself: their text is safe and useful to the caller.
    const message = options.strict ? error.message.replace(/ ?Did you mean .+\?$/, '') : error.message;
    return {
      message,
      locations: error.locations,
      path: error.path,
      extensions: { ...error.extensions, code: graphqlCodeOf(error) },
    };
  }
  logger.error({ err: original, path: error.path }, 'unhandled error in resolver');
  return {
    message: INTERNAL_MESSAGE,
    path: error.path,
    locations: error.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
