import { GraphQLClientError } from '../../../../graphql/errors';
import type { InviteLandingQuery } from '../../../../graphql/generated/graphql';
import type { ResourceState } from '../../../../hooks/resource-state';
import { isTouch, landingView, refusalChangesState, type LandingInput } from '../landing-view';

type Landing = InviteLandingQuery['invite'];

const CODE = 'AbCdEfGhIjKlMnOpQrStUv';

const base: Landing = {
  kind: 'FAMILY_JOIN',
  status: 'ACTIVE',
  sharerName: '王*',
  expiresAt: '2099-01-01T00:00:00.000Z',
  isYours: false,
  alreadyJoined: false,
  role: 'MEMBER',
  product: null,
  household: { name: '我的家庭', memberCount: 3 },
  policy: null,
};

const product = {
  id: 'p1',
  name: '好医保',
  category: 'MEDICAL' as const,
  categoryLabel: '医疗险',
  priceFrom: 13600,
  insurer: { id: 'i1', name: '康宁保险' },
  score: { composite: 88.9, goldPick: true },
};

const policy = {
  productName: '好医保',
  insurerName: '康宁保险',
  categoryLabel: '医疗险',
  insuredName: '张*',
  insuredRelationshipLabel: '子女',
  sumInsured: 300_000_000,
  annualPremium: 35_600,
  effectiveDate: '2025-01-01',
  expiryDate: '2025-12-31',
  waitingPeriodEndDate: null,
  guaranteedRenewalYears: null,
  status: 'ACTIVE' as const,
  coverageItems: [{ name: '一般医疗', limit: 300_000_000 }],
};

function ready(invite: Partial<Landing>): ResourceState<InviteLandingQuery> {
  return { status: 'ready', data: { invite: { ...base, ...invite } }, error: null };
}

function view(input: Partial<LandingInput>) {
  return landingView({ code: CODE, state: ready({}), signedIn: false, singlePage: false, ...input });
}

describe('landing view', () => {
  it('has an empty state without a code, and a loading state', () => {
    expect(view({ code: null })).toEqual({ type: 'no-code' });
    expect(view({ state: { status: 'loading', data: null, error: null } })).toEqual({ type: 'loading' });
    // Reloading after a sign-in: the old answer is not shown (it depends on who looks).
    expect(view({ state: { ...ready({}), status: 'loading' } })).toEqual({ type: 'loading' });
  });

  it('tells an unknown code, a rate limit and a network failure apart', () => {
    const error = (code: string, reason?: string) =>
      ({
        status: 'error',
        data: null,
        error: new GraphQLClientError(code, code === 'TOO_MANY_REQUESTS' ? '操作过于频繁，请 30 秒后再试' : '失败', {
          graphQLErrors: reason ? [{ message: 'x', extensions: { code, reason } }] : [],
        }),
      }) as const;
    expect(view({ state: error('NOT_FOUND', 'INVITE_NOT_FOUND') })).toEqual({ type: 'not-found' });
    expect(view({ state: error('TOO_MANY_REQUESTS') })).toEqual({
      type: 'rate-limited',
      message: '操作过于频繁，请 30 秒后再试',
    });
    expect(view({ state: error('NETWORK') })).toEqual({ type: 'error', message: '失败' });
  });

  it('names the sharer of an invite that can no longer be used', () => {
    expect(view({ state: ready({ status: 'EXPIRED', household: null }) })).toMatchObject({
      type: 'inactive',
      status: 'EXPIRED',
      message: '邀请已过期，请联系 王* 重新邀请',
    });
    expect(view({ state: ready({ status: 'REVOKED', kind: 'PRODUCT', household: null }) })).toMatchObject({
      type: 'inactive',
      message: '分享已被 王* 撤销，如有需要请联系 王* 重新分享',
    });
    expect(view({ state: ready({ status: 'USED', household: null }) })).toMatchObject({ status: 'USED' });
  });

  it("shows the sharer's own invite as theirs, whatever its state", () => {
    expect(view({ state: ready({ isYours: true }), signedIn: true })).toEqual({
      type: 'yours',
      kind: 'FAMILY_JOIN',
      status: 'ACTIVE',
    });
    expect(view({ state: ready({ isYours: true, status: 'USED' }), signedIn: true })).toMatchObject({ type: 'yours' });
  });

  it('offers a family invite by who is looking', () => {
    expect(view({ signedIn: false })).toMatchObject({ type: 'family', action: 'sign-in', role: 'MEMBER' });
    expect(view({ signedIn: true })).toMatchObject({ type: 'family', action: 'join' });
    expect(view({ signedIn: true, state: ready({ alreadyJoined: true }) })).toMatchObject({ action: 'joined' });
    expect(view({ singlePage: true })).toMatchObject({ action: 'preview' });
    expect(view({ state: ready({ role: 'VIEWER' }) })).toMatchObject({ role: 'VIEWER' });
  });

  it('shows a product card and a policy summary, read-only in Moments', () => {
    expect(view({ state: ready({ kind: 'PRODUCT', household: null, product }) })).toEqual({
      type: 'product',
      sharerName: '王*',
      product,
      preview: false,
    });
    expect(view({ singlePage: true, state: ready({ kind: 'POLICY_SUMMARY', household: null, policy }) })).toEqual({
      type: 'policy',
      sharerName: '王*',
      policy,
      preview: true,
    });
  });

  it('treats an active card without its content as an error', () => {
    expect(view({ state: ready({ kind: 'PRODUCT', household: null }) })).toMatchObject({ type: 'error' });
  });

  it('counts only active invites of others as a first touch', () => {
    expect(isTouch(view({}))).toBe(true);
    expect(isTouch(view({ state: ready({ status: 'EXPIRED' }) }))).toBe(false);
    expect(isTouch(view({ state: ready({ isYours: true }) }))).toBe(false);
    expect(isTouch(view({ code: null }))).toBe(false);
  });

  it('reloads the landing after a refusal that changed the invite', () => {
    const refusal = (reason: string) =>
      new GraphQLClientError('CONFLICT', 'x', { graphQLErrors: [{ message: 'x', extensions: { reason } }] });
    expect(refusalChangesState(refusal('INVITE_USED'))).toBe(true);
    expect(refusalChangesState(refusal('INVITE_OWN'))).toBe(true);
    expect(refusalChangesState(new GraphQLClientError('NETWORK', 'x'))).toBe(false);
  });
});
