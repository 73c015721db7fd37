import { SetMetadata } from '@nestjs/common';

/**
 * Everything anyone may call without signing in, in one place. Every other GraphQL root field and
 * HTTP route needs a valid session (AuthGuard, deny by default). A resolver or route is public only
 * when it is both listed here and marked `@Public()`: either alone is treated as a mistake and the
 * operation stays closed. test/authorization.int-spec.ts proves both directions against the schema.
 */
export const PUBLIC_OPERATIONS: ReadonlySet<string> = new Set([
  // The catalogue: browsing, comparing and quoting need no account (friends opening a shared card).
  'Query.products',
  'Query.searchSuggestions',
  'Query.product',
  'Query.insurers',
  'Query.compareProducts',
  'Query.quote',
  // A shared card's landing: friends open it before they have an account (R4).
  'Query.invite',
  // Signing in.
  'Query.privacyPolicy',
  'Mutation.requestPhoneCode',
  'Mutation.login',
  'Mutation.refreshSession',
  // Load balancers and operators.
  'GET /health',
  // Operators' jobs routes: no session, guarded by the OPS_SECRET header instead (404 without it).
  'POST /ops/jobs/:name',
  'GET /ops/jobs/failed',
]);

export const IS_PUBLIC = Symbol('IS_PUBLIC');

/**
 * Marks a resolver or route as callable without a session; it must also be in PUBLIC_OPERATIONS.
 * `{ session: 'optional' }`: a caller who sends a valid session is known to the resolver
 * (OptionalSession); one who sends none, or an invalid one, is served as anonymous.
 */
export const Public = (options: { session?: 'optional' } = {}): MethodDecorator & ClassDecorator =>
  SetMetadata(IS_PUBLIC, options.session === 'optional' ? 'optional-session' : true);
