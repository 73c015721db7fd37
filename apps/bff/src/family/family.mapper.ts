import { RELATIONSHIP_LABELS, decideAccess } from '@family/domain';
import type { FamilyMemberView, RevealedIdNumber } from './family.service.js';
import type { HouseholdWithRole } from './household.repository.js';
import type { FamilyMemberModel, HouseholdModel, RevealedIdNumberModel } from './models/household.model.js';

export function mapHousehold({ household, role }: HouseholdWithRole, accountId: string): HouseholdModel {
  const may = (action: Parameters<typeof decideAccess>[1]) => decideAccess({ accountId, role }, action).allowed;
  return {
    id: household.id,
    name: household.name,
    role,
    isOwn: household.ownerAccountId === accountId,
    permissions: {
      addMember: may('member.add'),
      revealIdNumbers: may('member.revealIdNumber'),
      addPolicy: may('policy.add'),
      invite: may('invite.create'),
    },
    createdAt: household.createdAt,
  };
}

export function mapFamilyMember(view: FamilyMemberView): FamilyMemberModel {
  const { idNumberMasked, ...rest } = view;
  return { ...rest, relationshipLabel: RELATIONSHIP_LABELS[view.relationship], idNumber: idNumberMasked };
}

export function mapRevealed(revealed: RevealedIdNumber): RevealedIdNumberModel {
  return { ...revealed };
}
