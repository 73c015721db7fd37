import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { ExecutionResult } from 'graphql';
import type { AppConfig } from '../../config/config.js';
import { formatGraphQLError } from './graphql-error.formatter.js';
import { QUERY_LIMITS, enforceCostLimit, limitValidationRules } from './query-limits.js';

export function graphqlOptions(config: AppConfig): MercuriusDriverConfig {
  return {
    driver: MercuriusDriver,
    autoSchemaFile: true,
    sortSchema: true,
    // HTTP is ours (graphql-over-http.ts): Mercurius parses, validates, caches and executes.
    routes: false,
    graphiql: false,
    // Compile a query to JavaScript after its first run (graphql-jit); see docs/decisions/001.
    jit: 1,
    graphql: { parseOptions: { maxTokens: QUERY_LIMITS.tokens } },
    validationRules: limitValidationRules({ introspection: !config.strict }),
    hooks: { preExecution: [enforceCostLimit] },
    // Execution errors are formatted here; the transport answers 200 with `data` beside them.
    errorFormatter: (execution: ExecutionResult) => ({
      statusCode: 200,
      response: {
        data: execution.data ?? null,
        errors: (execution.errors ?? []).map((error) => formatGraphQLError(error, { strict: config.strict })),
      },
    }),
  };
}
