import { AccessPolicy, ForbiddenError } from './access-policy.js';
import { formatGraphQLError } from '../graphql/graphql-error.formatter.js';
import { GraphQLError } from 'graphql';

describe('AccessPolicy', () => {
  const policy = new AccessPolicy();

  it('lets an allowed action through', () => {
    expect(() => policy.assert({ accountId: 'a', role: 'OWNER' }, 'member.revealIdNumber')).not.toThrow();
    expect(policy.can({ accountId: 'a', role: 'MEMBER' }, 'policy.edit', { createdBy: 'a' })).toBe(true);
  });

  it('refuses with FORBIDDEN, a Chinese message naming the action, and the reason for the client', () => {
    let error: unknown;
    try {
      policy.assert({ accountId: 'a', role: 'VIEWER' }, 'member.revealIdNumber');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ForbiddenError);
    const formatted = formatGraphQLError(new GraphQLError('x', { originalError: error as Error }), { strict: true });
    expect(formatted).toMatchObject({
      message: '无权查看完整证件号码：需要家庭管理员操作',
      extensions: { code: 'FORBIDDEN', action: 'member.revealIdNumber', reason: 'ROLE_NOT_ALLOWED' },
    });
  });

  it('refuses someone outside the household whatever they ask', () => {
    expect(() => policy.assert({ accountId: 'a', role: null }, 'household.view')).toThrow('你不是这个家庭的成员');
  });
});
