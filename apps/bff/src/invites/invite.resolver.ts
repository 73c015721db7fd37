import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CATEGORY_LABELS } from '@family/domain';
import { Public } from '../common/auth/public-operations.js';
import { ClientIp, CurrentSession, OptionalSession, RequestOrigin } from '../common/auth/request-auth.js';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { mapProduct } from '../catalogue/index.js';
import { HouseholdModel, mapHousehold } from '../family/index.js';
import { CreateInviteInput } from './inputs/create-invite.input.js';
import { type InviteLanding, InviteService, MAX_LISTED_INVITES } from './invite.service.js';
import { InviteFunnelModel, InviteLandingModel, InviteModel } from './models/invite.model.js';

/** Share-to-friend (R1–R6): the sharer's invites, the friend's landing and joining. */
@Resolver()
export class InviteResolver {
  constructor(private readonly invites: InviteService) {}

  @Mutation(() => InviteModel, { description: 'Makes an invite: a product card, a family invite or a policy summary' })
  createInvite(
    @CurrentSession() session: SessionClaims,
    @Args('input', { type: () => CreateInviteInput }) input: CreateInviteInput,
    @RequestOrigin() origin: string,
  ): Promise<InviteModel> {
    return this.invites.create(session.accountId, input, origin);
  }

  @Public({ session: 'optional' })
  @Query(() => InviteLandingModel, {
    description:
      'The landing of a shared code, signed in or not: NOT_FOUND (reason INVITE_NOT_FOUND) for an unknown or malformed code alike',
  })
  async invite(
    @Args('code') code: string,
    @OptionalSession() session: SessionClaims | null,
    @ClientIp() ip: string,
  ): Promise<InviteLandingModel> {
    return mapLanding(await this.invites.landing(code, session?.accountId ?? null, ip));
  }

  @Mutation(() => HouseholdModel, {
    description:
      'Joins the family of a FAMILY_JOIN invite with its role; again by the same friend answers the family again. Refusals: CONFLICT with reason INVITE_EXPIRED, INVITE_REVOKED or INVITE_USED; FORBIDDEN INVITE_OWN; BAD_USER_INPUT INVITE_NOT_JOINABLE; NOT_FOUND INVITE_NOT_FOUND',
  })
  async acceptInvite(
    @CurrentSession() session: SessionClaims,
    @Args('code') code: string,
    @ClientIp() ip: string,
  ): Promise<HouseholdModel> {
    return mapHousehold(await this.invites.accept(session.accountId, code, ip), session.accountId);
  }

  @Mutation(() => InviteModel, { description: 'Revokes an invite at once (its sharer, or the family’s owner)' })
  revokeInvite(
    @CurrentSession() session: SessionClaims,
    @Args('id', { type: () => ID }) id: string,
    @RequestOrigin() origin: string,
  ): Promise<InviteModel> {
    return this.invites.revoke(session.accountId, id, origin);
  }

  @Query(() => [InviteModel], {
    description: `The signed-in person’s invites, newest first (at most ${MAX_LISTED_INVITES})`,
    complexity: ({ args, childComplexity }) => 1 + Math.min(Number(args.first), MAX_LISTED_INVITES) * childComplexity,
  })
  myInvites(
    @CurrentSession() session: SessionClaims,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @RequestOrigin() origin: string,
  ): Promise<InviteModel[]> {
    return this.invites.mine(session.accountId, first, origin);
  }

  @Query(() => InviteFunnelModel, { description: 'The funnel over all the signed-in person’s invites' })
  myInviteFunnel(@CurrentSession() session: SessionClaims): Promise<InviteFunnelModel> {
    return this.invites.funnel(session.accountId);
  }

  @Mutation(() => Boolean, {
    description: 'The signed-in person got a quote: counts for the invite that brought them, within 7 days',
  })
  recordInviteQuote(@CurrentSession() session: SessionClaims): Promise<boolean> {
    return this.invites.recordQuote(session.accountId);
  }
}

function mapLanding(landing: InviteLanding): InviteLandingModel {
  const { product, policy, ...rest } = landing;
  return {
    ...rest,
    product: product ? mapProduct(product.product, product.snapshot) : null,
    policy: policy
      ? {
          ...policy,
          categoryLabel: CATEGORY_LABELS[policy.category],
          insuredName: policy.insuredLabel,
          coverageItems: [...policy.coverageItems],
        }
      : null,
  };
}
