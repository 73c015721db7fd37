import type { GraphQLClientError } from '../../../graphql/errors';
import type { HouseholdRole, InviteKind, InviteLandingQuery, InviteStatus } from '../../../graphql/generated/graphql';
import type { ResourceState } from '../../../hooks/resource-state';
import { inactiveMessage } from './labels';

/**
 * What the landing shows, from the code, the query's state and who is looking. Pure, so every
 * state is tested without a page.
 */

type Landing = InviteLandingQuery['invite'];

/** What a friend can do with an active family invite. */
export type FamilyAction =
  /** Signed in, not in the family: 加入家庭. */
  | 'join'
  /** Signed out: the sign-in, then 加入家庭. */
  | 'sign-in'
  /** Already in the family: 你已在这个家庭中 + 去我家. */
  | 'joined'
  /** WeChat Moments single-page mode: read-only, 前往小程序 to join. */
  | 'preview';

export type LandingView =
  | { type: 'no-code' }
  | { type: 'loading' }
  | { type: 'not-found' }
  | { type: 'rate-limited'; message: string }
  | { type: 'error'; message: string }
  | { type: 'inactive'; kind: InviteKind; status: Exclude<InviteStatus, 'ACTIVE'>; sharerName: string; message: string }
  | { type: 'yours'; kind: InviteKind; status: InviteStatus }
  | { type: 'product'; sharerName: string; product: NonNullable<Landing['product']>; preview: boolean }
  | {
      type: 'family';
      sharerName: string;
      household: NonNullable<Landing['household']>;
      role: HouseholdRole;
      action: FamilyAction;
    }
  | { type: 'policy'; sharerName: string; policy: NonNullable<Landing['policy']>; preview: boolean };

export interface LandingInput {
  /** The code read from the page's parameters; null when there is none or it is malformed. */
  code: string | null;
  state: ResourceState<InviteLandingQuery>;
  signedIn: boolean;
  /** WeChat Moments single-page mode (no sign-in). */
  singlePage: boolean;
}

function errorView(error: GraphQLClientError | null): LandingView {
  if (error?.code === 'NOT_FOUND' || error?.extensions.reason === 'INVITE_NOT_FOUND') return { type: 'not-found' };
  if (error?.code === 'TOO_MANY_REQUESTS') {
    return { type: 'rate-limited', message: error.message || '访问过于频繁，请稍后再试' };
  }
  return { type: 'error', message: error?.message || '加载失败，请稍后重试' };
}

export function landingView({ code, state, signedIn, singlePage }: LandingInput): LandingView {
  if (code === null) return { type: 'no-code' };
  if (state.status === 'error') return errorView(state.error);
  const invite = state.data?.invite;
  // Loading (also while reloading after a sign-in: the answer depends on who is looking).
  if (!invite || state.status === 'loading') return { type: 'loading' };

  if (invite.isYours) return { type: 'yours', kind: invite.kind, status: invite.status };
  if (invite.status !== 'ACTIVE') {
    return {
      type: 'inactive',
      kind: invite.kind,
      status: invite.status,
      sharerName: invite.sharerName,
      message: inactiveMessage(invite.kind, invite.status, invite.sharerName),
    };
  }
  switch (invite.kind) {
    case 'PRODUCT':
      if (!invite.product) return errorView(null);
      return { type: 'product', sharerName: invite.sharerName, product: invite.product, preview: singlePage };
    case 'POLICY_SUMMARY':
      if (!invite.policy) return errorView(null);
      return { type: 'policy', sharerName: invite.sharerName, policy: invite.policy, preview: singlePage };
    case 'FAMILY_JOIN': {
      if (!invite.household) return errorView(null);
      const action: FamilyAction = invite.alreadyJoined
        ? 'joined'
        : singlePage
          ? 'preview'
          : signedIn
            ? 'join'
            : 'sign-in';
      return {
        type: 'family',
        sharerName: invite.sharerName,
        household: invite.household,
        role: invite.role ?? 'MEMBER',
        action,
      };
    }
  }
}

/** Whether the landing is one to remember as this device's first touch (an active invite, not yours). */
export function isTouch(view: LandingView): boolean {
  return view.type === 'product' || view.type === 'family' || view.type === 'policy';
}

/** An accept refusal after which the landing should be loaded again to show the invite's new state. */
export function refusalChangesState(error: GraphQLClientError): boolean {
  const reason = error.extensions.reason;
  return (
    reason === 'INVITE_EXPIRED' ||
    reason === 'INVITE_REVOKED' ||
    reason === 'INVITE_USED' ||
    reason === 'INVITE_OWN' ||
    reason === 'INVITE_NOT_FOUND'
  );
}
