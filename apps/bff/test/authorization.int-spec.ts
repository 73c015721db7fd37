import { PUBLIC_OPERATIONS } from '../src/common/auth/public-operations.js';
import { type TestStack, startStack } from './harness.js';
import { emittedSchema, rootOperations } from './support/operations.js';

/**
 * Deny by default, proved against the schema itself: every root field of the emitted schema that is
 * not listed as public answers UNAUTHENTICATED without a session, so a field is covered the day it is
 * added; the public ones answer without one.
 */
describe('authorization: deny by default', () => {
  let stack: TestStack;
  const operations = rootOperations(emittedSchema());
  const closed = operations.filter((operation) => !PUBLIC_OPERATIONS.has(operation.name));
  const open = operations.filter((operation) => PUBLIC_OPERATIONS.has(operation.name));

  beforeAll(async () => {
    stack = await startStack({ LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000' });
  });
  afterAll(() => stack.close());

  it('finds fields of both kinds in the schema, and lists no public operation the app does not have', () => {
    expect(closed.length).toBeGreaterThan(0);
    const names = new Set(operations.map((operation) => operation.name));
    const graphqlPublic = [...PUBLIC_OPERATIONS].filter((name) => !name.includes(' '));
    expect(graphqlPublic.filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(closed.map((operation) => [operation.name, operation.operation]))(
    '%s answers UNAUTHENTICATED without a session, and with a forged token',
    async (_name, operation) => {
      const cases = [
        [{}, 'AUTH_REQUIRED'],
        [{ authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }, 'TOKEN_INVALID'],
      ] as const;
      for (const [headers, reason] of cases) {
        const { body } = await stack.gql(operation, {}, headers);
        expect(body.data ?? null).toBeNull();
        expect(body.errors?.map((error) => error.extensions)).toEqual([{ code: 'UNAUTHENTICATED', reason }]);
      }
    },
  );

  it.each(open.map((operation) => [operation.name, operation.operation]))(
    '%s answers without a session',
    async (_name, operation) => {
      const { status, body } = await stack.gql(operation, {});
      expect(status).toBe(200);
      // It may still fail on its own terms (a wrong sign-in code), but never for want of a session.
      expect(body.errors?.map((error) => error.extensions?.reason) ?? []).not.toContain('AUTH_REQUIRED');
    },
  );
});
