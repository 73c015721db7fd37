import { createGraphQLClient } from '../client';
import { GraphQLClientError, inputErrorReasons } from '../errors';
import { QuoteDocument } from '../generated/graphql';
import type { Transport } from '../transport';

function fixedTransport(statusCode: number, body: unknown): Transport {
  return async () => ({ statusCode, body });
}

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
