import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { TerminationReason } from '@family/domain';
import { CurrentSession } from '../common/auth/request-auth.js';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { withoutNullsFor } from '../common/graphql/update-input.js';
import { mapPolicy } from './family.mapper.js';
import { PolicyInputModel, PolicyUpdateInputModel } from './inputs/policy.input.js';
import { PolicyModel, TerminationReasonEnum } from './models/policy.model.js';
import { PolicyService } from './policy.service.js';

/** A household's policies (F2): added by hand or from the catalogue, edited, ended. */
@Resolver(() => PolicyModel)
export class PolicyResolver {
  constructor(private readonly policies: PolicyService) {}

  @Query(() => PolicyModel, { description: 'One policy, for anyone in its household' })
  async policy(
    @CurrentSession() session: SessionClaims,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PolicyModel> {
    return mapPolicy(await this.policies.policyFor(session.accountId, id));
  }

  @Mutation(() => PolicyModel)
  async addPolicy(
    @CurrentSession() session: SessionClaims,
    @Args('householdId', { type: () => ID }) householdId: string,
    @Args('input', { type: () => PolicyInputModel }) input: PolicyInputModel,
  ): Promise<PolicyModel> {
    return mapPolicy(await this.policies.addPolicy(session.accountId, householdId, input));
  }

  @Mutation(() => PolicyModel)
  async updatePolicy(
    @CurrentSession() session: SessionClaims,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => PolicyUpdateInputModel }) input: PolicyUpdateInputModel,
  ): Promise<PolicyModel> {
    const changes = withoutNullsFor(input, [
      'insuredMemberId',
      'insurerName',
      'productName',
      'category',
      'sumInsured',
      'premium',
      'effectiveDate',
    ]);
    return mapPolicy(await this.policies.updatePolicy(session.accountId, id, changes));
  }

  @Mutation(() => PolicyModel, { description: 'Records how a policy ended before its term (退保, 理赔终止, 失效)' })
  async endPolicy(
    @CurrentSession() session: SessionClaims,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => TerminationReasonEnum }) reason: TerminationReason,
    @Args('date', { description: 'YYYY-MM-DD, not after today' }) date: string,
  ): Promise<PolicyModel> {
    return mapPolicy(await this.policies.endPolicy(session.accountId, id, reason, date));
  }

  @Mutation(() => ID, { description: 'Removes a policy entered by mistake; answers its id' })
  removePolicy(@CurrentSession() session: SessionClaims, @Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.policies.removePolicy(session.accountId, id);
  }
}
