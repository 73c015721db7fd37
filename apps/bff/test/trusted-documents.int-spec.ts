import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TestStack, startStack } from './harness.js';

/**
 * Trusted documents (docs/decisions/012-trusted-documents.md): the client's manifest
 * (packages/schema/trusted-documents.json, written by the mini-program's codegen) against a real BFF,
 * in `enforce` (production's default) and `allow` (elsewhere).
 */

const manifest = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '../../../packages/schema/trusted-documents.json'),
    'utf8',
  ),
) as Record<string, string>;
const [productsHash, productsText] =
  Object.entries(manifest).find(([, text]) => text.includes('query Products(')) ?? [];
const UNKNOWN_TEXT = '{ insurers { insurers { id name } } }';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

async function post(stack: TestStack, body: Record<string, unknown>) {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const byHash = (hash: string) => ({
  variables: { first: 2, sort: 'SCORE' },
  operationName: 'Products',
  extensions: persisted(hash),
});
const codeOf = (answer: Awaited<ReturnType<typeof post>>) => answer.body.errors?.[0]?.extensions?.code;

it('the manifest holds the client’s Products query, keyed by its sha256', () => {
  expect(productsHash).toBe(sha256(productsText ?? ''));
});

describe('TRUSTED_DOCUMENTS=enforce', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ TRUSTED_DOCUMENTS: 'enforce' });
  });
  afterAll(() => stack?.close());

  it('runs a document of the manifest asked by its hash alone', async () => {
    const answer = await post(stack, byHash(productsHash ?? ''));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data?.products as { edges: unknown[] }).edges).toHaveLength(2);
  });

  it('runs a document of the manifest sent as text, with or without its hash', async () => {
    const text = await post(stack, { query: productsText, variables: { first: 1, sort: 'SCORE' } });
    expect(text.status).toBe(200);
    expect(text.body.errors).toBeUndefined();
    const both = await post(stack, {
      query: productsText,
      variables: { first: 1, sort: 'SCORE' },
      extensions: persisted(productsHash ?? ''),
    });
    expect(both.status).toBe(200);
    expect(both.body.errors).toBeUndefined();
  });

  it('refuses a document outside the manifest with 400, before running it', async () => {
    const text = await post(stack, { query: UNKNOWN_TEXT });
    expect(text.status).toBe(400);
    expect(codeOf(text)).toBe('UNTRUSTED_DOCUMENT');
    expect(text.body.data).toBeUndefined();
    const withHash = await post(stack, { query: UNKNOWN_TEXT, extensions: persisted(sha256(UNKNOWN_TEXT)) });
    expect(withHash.status).toBe(400);
    expect(codeOf(withHash)).toBe('UNTRUSTED_DOCUMENT');
  });

  it('refuses an unknown hash, and a text that is not what its hash says', async () => {
    const unknown = await post(stack, byHash(sha256(UNKNOWN_TEXT)));
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const mismatch = await post(stack, { query: UNKNOWN_TEXT, extensions: persisted(productsHash ?? '') });
    expect(mismatch.status).toBe(400);
    expect(codeOf(mismatch)).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    const malformed = await post(stack, { extensions: { persistedQuery: { version: 2, sha256Hash: productsHash } } });
    expect(malformed.status).toBe(400);
    expect(codeOf(malformed)).toBe('BAD_REQUEST');
  });
});

describe('TRUSTED_DOCUMENTS=allow (the default outside production)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('runs any document, and resolves the manifest’s hashes', async () => {
    const text = await post(stack, { query: UNKNOWN_TEXT });
    expect(text.status).toBe(200);
    expect(text.body.errors).toBeUndefined();
    expect(Array.isArray((text.body.data?.insurers as { insurers?: unknown })?.insurers)).toBe(true);
    const hashed = await post(stack, byHash(productsHash ?? ''));
    expect(hashed.status).toBe(200);
    expect(hashed.body.errors).toBeUndefined();
    const withHash = await post(stack, { query: UNKNOWN_TEXT, extensions: persisted(sha256(UNKNOWN_TEXT)) });
    expect(withHash.status).toBe(200);
  });

  it('still asks for the text of a hash it does not know', async () => {
    const unknown = await post(stack, byHash(sha256(UNKNOWN_TEXT)));
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
