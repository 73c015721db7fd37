/**
 * What other features may use of families (a lint rule keeps them to this file): the module, what
 * sharing needs of a household or policy, and the household's GraphQL model with its mapper.
 */
export { FamilyModule } from './family.module.js';
export { FamilySharingService, type PolicySummary } from './family-sharing.service.js';
export {
  FamilyRemindersService,
  REMINDED_ROLES,
  type HouseholdPolicyForReminders,
  type PolicyForReminders,
} from './family-reminders.service.js';
export type { HouseholdWithRole } from './household.repository.js';
export { mapHousehold } from './family.mapper.js';
export { HouseholdModel, HouseholdRoleEnum } from './models/household.model.js';
export { PolicyModel, PolicyStatusEnum } from './models/policy.model.js';
