import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { ExecutionResult } from 'graphql';
import type { AppConfig } from '../config/config.js';
import { formatGraphQLError, requestErrorsOf } from './graphql-error.formatter.js';

/** Deepest query accepted; our schema needs far less, so deeper means abuse. */
export const MAX_QUERY_DEPTH = 8;

export function graphqlOptions(config: AppConfig): MercuriusDriverConfig {
  return {
    driver: MercuriusDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: config.nodeEnv !== 'production',
    // Compile a query to JavaScript after its first run (graphql-jit); see docs/decisions/001.
    jit: 1,
    queryDepth: MAX_QUERY_DEPTH,
    errorFormatter: (execution: ExecutionResult) => {
      const errors = execution.errors ?? [];
      const requestErrors = errors.flatMap(requestErrorsOf);
      // GraphQL over HTTP: a request that could not execute (parse or validation failed) answers 400
      // with no `data`; one that executed answers 200 with `errors` beside `data`, even a null one.
      if (requestErrors.length > 0) {
        return { statusCode: 400, response: { errors: requestErrors.map(formatGraphQLError) } };
      }
      return { statusCode: 200, response: { data: execution.data ?? null, errors: errors.map(formatGraphQLError) } };
    },
  };
}
