import type { GraphQLClientError } from '../../../graphql/errors';
import type { HouseholdsQuery } from '../../../graphql/generated/graphql';

export type Household = HouseholdsQuery['households'][number];

/**
 * The signed-in person's households as the family pages hold them. A `load` (first load, 重试)
 * shows its own loading and error states; a `refresh` (pull-down, coming back to the page) keeps
 * what is on screen and, when it fails, keeps it too (the page says so in a toast).
 */
export interface HouseholdsState {
  status: 'loading' | 'ready' | 'error';
  households: Household[] | null;
  error: GraphQLClientError | null;
  refreshing: boolean;
}

export type LoadMode = 'load' | 'refresh';

export type HouseholdsAction =
  | { type: 'start'; mode: LoadMode }
  | { type: 'success'; households: Household[] }
  | { type: 'failure'; mode: LoadMode; error: GraphQLClientError };

export const initialHouseholdsState: HouseholdsState = {
  status: 'loading',
  households: null,
  error: null,
  refreshing: false,
};

export function householdsReducer(state: HouseholdsState, action: HouseholdsAction): HouseholdsState {
  switch (action.type) {
    case 'start':
      if (action.mode === 'refresh' && state.households !== null) return { ...state, refreshing: true };
      return { status: 'loading', households: null, error: null, refreshing: false };
    case 'success':
      return { status: 'ready', households: action.households, error: null, refreshing: false };
    case 'failure':
      if (action.mode === 'refresh' && state.households !== null) return { ...state, refreshing: false };
      return { status: 'error', households: null, error: action.error, refreshing: false };
  }
}

/** The member with this id, and the household it belongs to. */
export function findMember(
  households: readonly Household[],
  memberId: string,
): { household: Household; member: Household['members'][number] } | null {
  for (const household of households) {
    const member = household.members.find((candidate) => candidate.id === memberId);
    if (member) return { household, member };
  }
  return null;
}

export type Policy = Household['policies'][number];

/** The policy with this id, and the household it belongs to. */
export function findPolicy(
  households: readonly Household[],
  policyId: string,
): { household: Household; policy: Policy } | null {
  for (const household of households) {
    const policy = household.policies.find((candidate) => candidate.id === policyId);
    if (policy) return { household, policy };
  }
  return null;
}
