import { GraphQLClientError } from '../../../../graphql/errors';
import {
  findMember,
  findPolicy,
  householdsReducer,
  initialHouseholdsState,
  type Household,
  type HouseholdsState,
  type Policy,
} from '../households-state';

const member = {
  id: 'm1',
  householdId: 'h1',
  relationship: 'SELF' as const,
  relationshipLabel: '本人',
  name: '张三',
  gender: 'MALE' as const,
  birthDate: '1990-03-07',
  birthYear: 1990,
  age: 36,
  socialInsurance: true,
  occupationClass: null,
  idType: null,
  idNumber: null,
  isYou: true,
  annualIncome: null,
  canEdit: true,
  canRemove: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const household: Household = {
  id: 'h1',
  name: '我的家庭',
  role: 'OWNER',
  isOwn: true,
  permissions: { addMember: true, addPolicy: true, revealIdNumbers: true, invite: true, viewAccessLog: true },
  people: [],
  members: [member],
  policies: [],
};
const error = new GraphQLClientError('NETWORK', '网络连接失败，请检查网络后重试');

describe('householdsReducer', () => {
  const ready: HouseholdsState = { status: 'ready', households: [household], error: null, refreshing: false };

  it('loads, then shows the households', () => {
    const loading = householdsReducer(initialHouseholdsState, { type: 'start', mode: 'load' });
    expect(loading.status).toBe('loading');
    expect(householdsReducer(loading, { type: 'success', households: [household] })).toEqual(ready);
  });

  it('shows the error of a failed load, and loads from scratch on retry', () => {
    const failed = householdsReducer(initialHouseholdsState, { type: 'failure', mode: 'load', error });
    expect(failed).toEqual({ status: 'error', households: null, error, refreshing: false });
    expect(householdsReducer(ready, { type: 'start', mode: 'load' }).households).toBeNull();
  });

  it('keeps the list on screen while refreshing, and when a refresh fails', () => {
    const refreshing = householdsReducer(ready, { type: 'start', mode: 'refresh' });
    expect(refreshing).toEqual({ ...ready, refreshing: true });
    expect(householdsReducer(refreshing, { type: 'failure', mode: 'refresh', error })).toEqual(ready);
  });

  it('treats a refresh with nothing on screen as a load', () => {
    const failed = householdsReducer(initialHouseholdsState, { type: 'failure', mode: 'load', error });
    const refreshing = householdsReducer(failed, { type: 'start', mode: 'refresh' });
    expect(refreshing.status).toBe('loading');
    expect(householdsReducer(refreshing, { type: 'failure', mode: 'refresh', error }).status).toBe('error');
  });
});

describe('findMember', () => {
  it('finds a member and their household', () => {
    const other: Household = { ...household, id: 'h2', isOwn: false, role: 'VIEWER', members: [] };
    expect(findMember([other, household], 'm1')).toEqual({ household, member });
    expect(findMember([other, household], 'nobody')).toBeNull();
  });
});

describe('findPolicy', () => {
  it('finds a policy and its household', () => {
    const policy = { id: 'p1', insuredMemberId: 'm1' } as Policy;
    const insured: Household = { ...household, policies: [policy] };
    const other: Household = { ...household, id: 'h2', policies: [] };
    expect(findPolicy([other, insured], 'p1')).toEqual({ household: insured, policy });
    expect(findPolicy([other, insured], 'nothing')).toBeNull();
  });
});
