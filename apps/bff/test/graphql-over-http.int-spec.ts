import { readFileSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_PAGE_SIZE } from '@family/domain';
import {
  type FragmentDefinitionNode,
  type GraphQLInputType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  typeFromAST,
  visit,
} from 'graphql';
import { auditServer } from 'graphql-http';
import { LIMIT_ERROR_CODES, QUERY_LIMITS } from '../src/common/graphql/query-limits.js';
import { type TestStack, startStack } from './harness.js';
import { emittedSchema, sampleValue } from './support/operations.js';

/** GraphQL over HTTP and the request limits, against the real BFF process. */

const post = (stack: TestStack, body: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body,
  });

async function outbox(stack: TestStack, phone: string): Promise<unknown[]> {
  const response = await fetch(`${stack.sandbox.url}/__platform/sms/outbox?phone=${phone}`);
  return ((await response.json()) as { messages: unknown[] }).messages;
}

describe('GraphQL over HTTP', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('passes every MUST and SHOULD of the specification’s audits (graphql-http)', async () => {
    // Some audits ask `__type(name:)`, which strict modes refuse as introspection: audit a development BFF.
    const development = await startStack({ NODE_ENV: 'development' });
    let results;
    try {
      results = await auditServer({ url: `${development.url}/graphql` });
    } finally {
      await development.close();
    }
    const failed = results
      .filter((result) => result.status !== 'ok' && !result.name.startsWith('MAY'))
      .map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(40);
  });

  it('answers a request that fails validation with 400 for graphql-response+json and 200 for legacy JSON', async () => {
    const body = JSON.stringify({ query: '{ products { nope } }' });
    const modern = await post(stack, body);
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    const modernBody = (await modern.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(modernBody.data).toBeUndefined();
    expect(modernBody.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const legacy = await post(stack, body, { accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('refuses an Accept it cannot answer with 406, and a GET mutation with 405', async () => {
    expect((await post(stack, JSON.stringify({ query: '{ __typename }' }), { accept: 'text/html' })).status).toBe(406);
    const get = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('refuses 2,000 aliases without running any of them', async () => {
    const phone = '13900002000';
    const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}:requestPhoneCode(phone:$p){maskedPhone}`);
    const query = `mutation($p: String!) { ${aliases.join(' ')} }`;
    // Small enough for the body limit: the GraphQL limits answer, not the HTTP one.
    expect(query.length).toBeLessThan(QUERY_LIMITS.bodyBytes);
    const response = await post(stack, JSON.stringify({ query, variables: { p: phone } }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(LIMIT_ERROR_CODES.has(body.errors[0].extensions.code)).toBe(true);
    // Under the token limit the alias limit answers on its own.
    const few = Array.from(
      { length: QUERY_LIMITS.aliases + 1 },
      (_, i) => `a${i}: requestPhoneCode(phone: "${phone}") { maskedPhone }`,
    );
    const refused = await post(stack, JSON.stringify({ query: `mutation { ${few.join(' ')} }` }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'MAX_ALIASES_EXCEEDED',
    );
    expect(await outbox(stack, phone)).toEqual([]);
  });

  it('refuses a query over the cost limit before it runs: no insurer is called', async () => {
    const fields =
      'edges { node { id name categoryLabel priceFrom deductible minAge maxAge exclusions healthQuestions ' +
      'insurer { id name facts { riskRating solvencyRatio } } coverage { key name } premiums { plan annual } score { composite } } }';
    const query = `query($n: Int!) { a: products(first: $n) { ${fields} } b: products(first: $n) { ${fields} } c: products(first: $n) { ${fields} } }`;
    await stack.resetFaults();
    const response = await post(stack, JSON.stringify({ query, variables: { n: MAX_PAGE_SIZE } }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', limit: QUERY_LIMITS.cost });
    expect(Object.values(await stack.upstreamRequests()).reduce((sum, count) => sum + count, 0)).toBe(0);
  });

  it('refuses a 3 MB body with 413 from its declared size, before reading it', async () => {
    const phone = '13900003000';
    const padding = 'x'.repeat(3 * 1024 * 1024);
    const response = await postLarge(
      `${stack.url}/graphql`,
      JSON.stringify({
        query: `mutation { requestPhoneCode(phone: "${phone}") { maskedPhone } }`,
        variables: { padding },
      }),
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect(await outbox(stack, phone)).toEqual([]);
  });

  it('serves every operation of our client within the limits at its largest page size', async () => {
    const schema = emittedSchema();
    const sources = documentsOf(join(dirname(fileURLToPath(import.meta.url)), '../../miniapp/src'));
    expect(sources.length).toBeGreaterThan(3);
    const definitions = parse(sources.join('\n')).definitions;
    const fragments = new Map(
      definitions.flatMap((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
      ),
    );
    for (const operation of definitions) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      // As the client sends it: the operation with the fragments it uses, and only those.
      const document = withFragments(operation, fragments);
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((definition) => {
          const name = definition.variable.name.value;
          if (name === 'first') return [name, MAX_PAGE_SIZE];
          return [name, sampleValue(typeFromAST(schema, definition.type) as GraphQLInputType)];
        }),
      );
      const response = await post(
        stack,
        JSON.stringify({ query: document, operationName: operation.name?.value, variables }),
      );
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const codes = (body.errors ?? []).map((error) => String(error.extensions?.code));
      expect({
        operation: operation.name?.value,
        limited: codes.filter((code) => LIMIT_ERROR_CODES.has(code)),
      }).toEqual({
        operation: operation.name?.value,
        limited: [],
      });
    }
  });
});

describe('request limit per client address', () => {
  const hit = (stack: TestStack, forwardedFor: string): Promise<Response> =>
    post(stack, JSON.stringify({ query: '{ __typename }' }), { 'x-forwarded-for': forwardedFor });

  it('counts requests per address behind a trusted proxy, and answers 429 with Retry-After past the limit', async () => {
    const stack = await startStack({ REQUEST_LIMIT_PER_IP_PER_MINUTE: '5', TRUST_PROXY: '127.0.0.1' });
    try {
      for (let i = 0; i < 5; i += 1) expect((await hit(stack, '203.0.113.7')).status).toBe(200);
      const refused = await hit(stack, '203.0.113.7');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        'TOO_MANY_REQUESTS',
      );
      // Another client behind the same proxy has its own count.
      expect((await hit(stack, '203.0.113.8')).status).toBe(200);
    } finally {
      await stack.close();
    }
  });

  it('ignores X-Forwarded-For from an untrusted peer, so a client cannot pick its own address', async () => {
    const stack = await startStack({ REQUEST_LIMIT_PER_IP_PER_MINUTE: '5' });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await hit(stack, `198.51.100.${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await stack.close();
    }
  });
});

/**
 * POSTs a body declared in full (Content-Length) but sends only its first 64 KiB, then waits: a server
 * that refuses from the declared size answers at once. (Sending all of it races the server closing
 * the connection on the rest of the upload: the client may see a broken pipe instead of the answer.)
 */
function postLarge(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const request = httpRequest(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        'content-length': String(bytes.length),
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: text });
        request.destroy();
      });
    });
    request.on('error', reject);
    request.write(bytes.subarray(0, 64 * 1024));
  });
}

/** An operation printed with every fragment it spreads, directly or through other fragments. */
function withFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): string {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode): void => {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  };
  collect(operation);
  return [operation, ...used.values()].map((definition) => print(definition)).join('\n');
}

/** Every .graphql document of the client, in its source folder. */
function documentsOf(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'generated' ? [] : documentsOf(path);
    return entry.endsWith('.graphql') ? [readFileSync(path, 'utf8')] : [];
  });
}
