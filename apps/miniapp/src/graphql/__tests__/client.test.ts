import Taro from '@tarojs/taro';
import {
  createGraphQLClient,
  GraphQLClientError,
  inputErrorReasons,
  taroTransport,
  type Transport,
  type TransportRequest,
} from '../client';
import { ProductsDocument, QuoteDocument } from '../generated/graphql';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn() } }));

const requestMock = Taro.request as unknown as jest.Mock;

const variables = { first: 20, after: null, filter: null };
const products = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null }, errors: [] };

function fixedTransport(statusCode: number, body: unknown, seen: TransportRequest[] = []): Transport {
  return async (req) => {
    seen.push(req);
    return { statusCode, body };
  };
}

describe('createGraphQLClient', () => {
  it('POSTs query, variables and operationName as JSON', async () => {
    const seen: TransportRequest[] = [];
    const client = createGraphQLClient({
      endpoint: 'https://api.example.test/graphql',
      transport: fixedTransport(200, { data: { products } }, seen),
      getAuthHeader: () => ({ Authorization: 'Bearer t' }),
    });
    const result = await client.execute(ProductsDocument, variables);
    expect(result).toEqual({ data: { products }, error: null });
    expect(seen[0]?.url).toBe('https://api.example.test/graphql');
    expect(seen[0]?.headers).toMatchObject({ 'content-type': 'application/json', Authorization: 'Bearer t' });
    const body = JSON.parse(seen[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body.operationName).toBe('Products');
    expect(body.variables).toEqual(variables);
    expect(String(body.query)).toContain('query Products(');
  });

  it('parses a JSON string body', async () => {
    const client = createGraphQLClient({ transport: fixedTransport(200, JSON.stringify({ data: { products } })) });
    await expect(client.request(ProductsDocument, variables)).resolves.toEqual({ products });
  });

  it('maps a non-2xx answer to HTTP', async () => {
    const client = createGraphQLClient({ transport: fixedTransport(502, '<html>Bad Gateway</html>') });
    const { data, error } = await client.execute(ProductsDocument, variables);
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(GraphQLClientError);
    expect(error?.code).toBe('HTTP');
    expect(error?.status).toBe(502);
    expect(error?.message).toMatch(/服务暂时不可用/);
  });

  it('uses the server code and keeps partial data with GraphQL errors', async () => {
    const client = createGraphQLClient({
      transport: fixedTransport(200, {
        data: { products },
        errors: [{ message: 'Boom', path: ['products'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      }),
    });
    const { data, error } = await client.execute(ProductsDocument, variables);
    expect(data).toEqual({ products });
    expect(error?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.message).toBe('服务出错了，请稍后重试');
    expect(error?.graphQLErrors[0]?.message).toBe('Boom');
    await expect(client.request(ProductsDocument, variables)).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('shows a Chinese server message as it is', async () => {
    const client = createGraphQLClient({
      transport: fixedTransport(400, {
        errors: [{ message: '参数 first 不能超过 100', extensions: { code: 'BAD_USER_INPUT' } }],
      }),
    });
    const { error } = await client.execute(ProductsDocument, variables);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toBe('参数 first 不能超过 100');
  });

  it('maps transport failures to NETWORK', async () => {
    const client = createGraphQLClient({
      transport: async () => {
        throw new Error('socket hang up');
      },
    });
    const { error } = await client.execute(ProductsDocument, variables);
    expect(error?.code).toBe('NETWORK');
    expect(error?.message).toBe('网络连接失败，请检查网络后重试');
  });
});

describe('taroTransport', () => {
  afterEach(() => requestMock.mockReset());

  function fakeTask(): Promise<unknown> & { abort: jest.Mock } {
    return Object.assign(new Promise<unknown>(() => undefined), { abort: jest.fn() });
  }

  it('resolves with the status and data of Taro.request', async () => {
    requestMock.mockImplementation((opts: { success: (res: unknown) => void }) => {
      opts.success({ statusCode: 200, data: { data: {} } });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).resolves.toEqual({
      statusCode: 200,
      body: { data: {} },
    });
    expect(requestMock).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', timeout: 1000, data: '{}' }));
  });

  it('maps fail callbacks to NETWORK or TIMEOUT', async () => {
    requestMock.mockImplementationOnce((opts: { fail: (err: unknown) => void }) => {
      opts.fail({ errMsg: 'request:fail timeout' });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    requestMock.mockImplementationOnce((opts: { fail: (err: unknown) => void }) => {
      opts.fail({ errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });

  it('times out on its own when the platform never answers', async () => {
    jest.useFakeTimers();
    const task = fakeTask();
    requestMock.mockImplementation(() => task);
    const pending = taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 });
    jest.advanceTimersByTime(2000);
    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT', message: '请求超时，请稍后重试' });
    expect(task.abort).toHaveBeenCalled();
    jest.useRealTimers();
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
