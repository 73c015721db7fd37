import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, Source, TokenKind } from 'graphql';

/**
 * The BFF's limits test (apps/bff/test/graphql-over-http.int-spec.ts) sends every `.graphql` document
 * of this app as one GraphQL document, so together they must stay within the BFF's token limit
 * (QUERY_LIMITS.tokens, docs/api-limits.md), or every operation of that test is refused. Checked here
 * too, where it fails fast and says why.
 */

const SRC = join(__dirname, '..', '..');
const BFF_TOKEN_LIMIT = 1000;

function documents(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'generated' ? [] : documents(path);
    return entry.endsWith('.graphql') ? [readFileSync(path, 'utf8')] : [];
  });
}

function tokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

describe('GraphQL documents', () => {
  it(`stay together within the BFF's ${BFF_TOKEN_LIMIT} tokens`, () => {
    const all = documents(SRC);
    expect(all.length).toBeGreaterThan(5);
    expect(tokens(all.join('\n'))).toBeLessThanOrEqual(BFF_TOKEN_LIMIT);
  });
});
