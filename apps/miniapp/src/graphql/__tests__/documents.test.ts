import { Lexer, Source, TokenKind } from 'graphql';
import * as generated from '../generated/graphql';

/**
 * Every operation the app sends (the generated documents: the operation with the fragments it uses)
 * must stay within the BFF's token limit (QUERY_LIMITS.tokens, docs/api-limits.md), or the BFF refuses
 * it before running it. Checked here, where it fails fast and says which operation grew too large; the
 * BFF's limits test checks the same against the running server.
 */
const BFF_TOKEN_LIMIT = 1000;

function tokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

const operations = Object.entries(generated)
  .filter(([name, value]) => name.endsWith('Document') && value instanceof generated.TypedDocumentString)
  .map(([name, value]) => [name, String(value)] as const);

describe('GraphQL operations', () => {
  it('are all generated', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it.each(operations)(`%s stays within the BFF's ${BFF_TOKEN_LIMIT} tokens`, (_name, source) => {
    expect(tokens(source)).toBeLessThanOrEqual(BFF_TOKEN_LIMIT);
  });
});
