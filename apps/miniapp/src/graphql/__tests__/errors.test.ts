import { createGraphQLClient } from '../client';
import { GraphQLClientError, inputErrorReasons, parseRetryAfter, resultFromResponse } from '../errors';
import { QuoteDocument } from '../generated/graphql';
import type { Transport } from '../transport';

function fixedTransport(statusCode: number, body: unknown): Transport {
  return async () => ({ statusCode, body });
}

/** A GraphQL answer with one error, as servers send it (a JSON string on some platforms). */
function graphQLError(message: string, extensions?: Record<string, unknown>): { errors: unknown[] } {
  return { errors: [{ message, ...(extensions ? { extensions } : {}) }] };
}

const NOW = Date.parse('2026-03-01T08:00:00Z');

describe('resultFromResponse: answers that are not a success', () => {
  it('400 with GraphQL errors: the server code of a validation failure', () => {
    const { data, error } = resultFromResponse(
      {
        statusCode: 400,
        body: graphQLError('Cannot query field "nam" on type "Product".', { code: 'GRAPHQL_VALIDATION_FAILED' }),
      },
      NOW,
    );
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(GraphQLClientError);
    expect(error).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      status: 400,
      message: '请求有误，请升级到最新版本',
    });
    expect(error?.detail).toBe('HTTP 400: Cannot query field "nam" on type "Product".');
  });

  it('400 with GraphQL errors but no code: BAD_REQUEST', () => {
    const { error } = resultFromResponse(
      { statusCode: 400, body: graphQLError('Syntax Error: Unexpected Name "x".') },
      NOW,
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: '请求有误，请升级到最新版本后重试' });
  });

  it('400 for an input the server refused: its code and Chinese message, with the input reasons', () => {
    const { error } = resultFromResponse(
      { statusCode: 400, body: graphQLError('参数 first 不能超过 100', { code: 'BAD_USER_INPUT', field: 'first' }) },
      NOW,
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: '参数 first 不能超过 100' });
    expect(inputErrorReasons(error!)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'first', message: '参数 first 不能超过 100' },
    ]);
  });

  it('413 with a GraphQL errors body: PAYLOAD_TOO_LARGE', () => {
    const { error } = resultFromResponse(
      {
        statusCode: 413,
        body: JSON.stringify(graphQLError('Request body is too large', { code: 'PAYLOAD_TOO_LARGE' })),
      },
      NOW,
    );
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, message: '提交的内容过多，请精简后重试' });
    expect(error?.graphQLErrors[0]?.message).toBe('Request body is too large');
  });

  it('413 from a proxy (HTML, or a code of its own): still PAYLOAD_TOO_LARGE', () => {
    expect(
      resultFromResponse({ statusCode: 413, body: '<html>413 Request Entity Too Large</html>' }, NOW).error?.code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(
      resultFromResponse(
        { statusCode: 413, body: graphQLError('too large', { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }) },
        NOW,
      ).error?.code,
    ).toBe('PAYLOAD_TOO_LARGE');
  });

  it('429 with retry-after and a GraphQL errors body: TOO_MANY_REQUESTS with the seconds', () => {
    const { data, error } = resultFromResponse(
      {
        statusCode: 429,
        headers: { 'Retry-After': '30', 'Content-Type': 'application/graphql-response+json' },
        body: graphQLError('Too many requests', { code: 'TOO_MANY_REQUESTS' }),
      },
      NOW,
    );
    expect(data).toBeNull();
    expect(error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      status: 429,
      retryAfterSeconds: 30,
      message: '操作过于频繁，请 30 秒后再试',
    });
  });

  it('429: an HTTP date in retry-after, minutes for long waits, the server message when Chinese', () => {
    const inTenMinutes = new Date(NOW + 600_000).toUTCString();
    const later = resultFromResponse(
      { statusCode: 429, headers: { 'retry-after': inTenMinutes }, body: graphQLError('Too many requests') },
      NOW,
    ).error;
    expect(later).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 600,
      message: '操作过于频繁，请 10 分钟后再试',
    });

    const chinese = resultFromResponse(
      {
        statusCode: 429,
        headers: { 'retry-after': '45' },
        body: graphQLError('操作过于频繁，请 45 秒后再试', { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 45 }),
      },
      NOW,
    ).error;
    expect(chinese).toMatchObject({ retryAfterSeconds: 45, message: '操作过于频繁，请 45 秒后再试' });
  });

  it('429 without retry-after: the seconds of extensions.retryAfterSeconds, or none', () => {
    const fromExtensions = resultFromResponse(
      { statusCode: 429, body: graphQLError('slow down', { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 12.2 }) },
      NOW,
    ).error;
    expect(fromExtensions).toMatchObject({ retryAfterSeconds: 13, message: '操作过于频繁，请 13 秒后再试' });
    const unknown = resultFromResponse({ statusCode: 429, body: 'Too Many Requests' }, NOW).error;
    expect(unknown).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: null,
      message: '操作过于频繁，请稍后再试',
    });
  });

  it('any other non-2xx: the code of a GraphQL body when there is one, else HTTP', () => {
    const gateway = resultFromResponse({ statusCode: 502, body: '<html>Bad Gateway</html>' }, NOW).error;
    expect(gateway).toMatchObject({
      code: 'HTTP',
      status: 502,
      message: '服务暂时不可用，请稍后重试',
      detail: 'HTTP 502',
    });
    const notFound = resultFromResponse(
      { statusCode: 404, body: { message: 'Route POST:/graphq not found' } },
      NOW,
    ).error;
    expect(notFound).toMatchObject({ code: 'HTTP', status: 404 });
    const crashed = resultFromResponse(
      { statusCode: 500, body: graphQLError('Unexpected error', { code: 'INTERNAL_SERVER_ERROR' }) },
      NOW,
    ).error;
    expect(crashed).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500, message: '服务出错了，请稍后重试' });
    const noCode = resultFromResponse({ statusCode: 503, body: { data: null, errors: [] } }, NOW).error;
    expect(noCode).toMatchObject({ code: 'HTTP', status: 503 });
  });

  it('a 2xx that is not a GraphQL answer, or has neither data nor errors: BAD_RESPONSE', () => {
    expect(resultFromResponse({ statusCode: 200, body: '<html></html>' }, NOW).error?.code).toBe('BAD_RESPONSE');
    expect(resultFromResponse({ statusCode: 200, body: { data: null } }, NOW).error?.code).toBe('BAD_RESPONSE');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores the rest', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 5 ', NOW)).toBe(5);
    expect(parseRetryAfter(new Date(NOW + 90_500).toUTCString(), NOW)).toBe(90);
    expect(parseRetryAfter(new Date(NOW - 1000).toUTCString(), NOW)).toBeNull();
    expect(parseRetryAfter('0', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
  });
});

describe('input errors', () => {
  const input = {
    productId: 'anxin:AX-ACC-01',
    age: 100,
    plan: 'basic',
    frequency: 'ANNUAL' as const,
    socialInsurance: true,
  };

  it('exposes extensions and every reason of a BAD_USER_INPUT answer', async () => {
    const client = createGraphQLClient({
      transport: fixedTransport(200, {
        data: null,
        errors: [
          {
            message: '该产品仅承保 18–65 周岁，被保人 100 周岁；该产品仅承保 1–4 类职业',
            path: ['quote'],
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'input.age',
              reasons: [
                { code: 'AGE_ABOVE_MAX', field: 'input.age', message: '该产品仅承保 18–65 周岁，被保人 100 周岁' },
                {
                  code: 'OCCUPATION_CLASS_TOO_HIGH',
                  field: 'input.occupationClass',
                  message: '该产品仅承保 1–4 类职业',
                },
              ],
            },
          },
        ],
      }),
    });
    const { error } = await client.execute(QuoteDocument, { input });
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions.field).toBe('input.age');
    expect(inputErrorReasons(error!)).toEqual([
      { code: 'AGE_ABOVE_MAX', field: 'input.age', message: '该产品仅承保 18–65 周岁，被保人 100 周岁' },
      { code: 'OCCUPATION_CLASS_TOO_HIGH', field: 'input.occupationClass', message: '该产品仅承保 1–4 类职业' },
    ]);
  });

  it('makes one reason from extensions.field when no reasons are listed', async () => {
    const client = createGraphQLClient({
      transport: fixedTransport(200, {
        data: null,
        errors: [{ message: '出生日期晚于当前日期', extensions: { code: 'BAD_USER_INPUT', field: 'input.birthDate' } }],
      }),
    });
    const { error } = await client.execute(QuoteDocument, { input });
    expect(inputErrorReasons(error!)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.birthDate', message: '出生日期晚于当前日期' },
    ]);
  });

  it('has no input reasons for other errors', async () => {
    const client = createGraphQLClient({
      transport: fixedTransport(200, { data: null, errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] }),
    });
    const { error } = await client.execute(QuoteDocument, { input });
    expect(error?.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(inputErrorReasons(error!)).toEqual([]);
    expect(new GraphQLClientError('NETWORK', '网络').extensions).toEqual({});
  });
});
