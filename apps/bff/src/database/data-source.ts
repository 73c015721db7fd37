import { mkdirSync } from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import type { AppConfig } from '../config/config.js';
import { InsurerEntity } from '../catalogue/entities/insurer.entity.js';
import { FamilyMemberEntity } from '../family/entities/family-member.entity.js';
import { HouseholdMembershipEntity } from '../family/entities/household-membership.entity.js';
import { HouseholdEntity } from '../family/entities/household.entity.js';
import { PolicyBeneficiaryEntity } from '../family/entities/policy-beneficiary.entity.js';
import { PolicyCoverageItemEntity } from '../family/entities/policy-coverage-item.entity.js';
import { PolicyEntity } from '../family/entities/policy.entity.js';
import { AccountEntity } from '../identity/entities/account.entity.js';
import { AuthSessionEntity } from '../identity/entities/auth-session.entity.js';
import { PhoneLoginCodeEntity } from '../identity/entities/phone-login-code.entity.js';
import { PlatformIdentityEntity } from '../identity/entities/platform-identity.entity.js';
import { RefreshTokenEntity } from '../identity/entities/refresh-token.entity.js';
import { CreateInsurer1763791200000 } from './migrations/1763791200000-create-insurer.js';
import { AllowSignedJsonWireFormat1764600000000 } from './migrations/1764600000000-allow-signed-json-wire-format.js';
import { CreateIdentity1764700000000 } from './migrations/1764700000000-create-identity.js';
import { InsurerBaseUrl1764800000000 } from './migrations/1764800000000-insurer-base-url.js';
import { CreateFamily1764900000000 } from './migrations/1764900000000-create-family.js';
import { CreatePolicies1765000000000 } from './migrations/1765000000000-create-policies.js';
import { CreateInvites1765100000000 } from './migrations/1765100000000-create-invites.js';
import { CreateReminders1765200000000 } from './migrations/1765200000000-create-reminders.js';
import { CreateAuditEvent1765300000000 } from './migrations/1765300000000-create-audit-event.js';
import { AuditEventEntity } from '../audit/entities/audit-event.entity.js';
import { CreateReminderPolicyMutes1765400000000 } from './migrations/1765400000000-create-reminder-policy-mutes.js';
import { ReminderConsentEntity } from '../reminders/entities/reminder-consent.entity.js';
import { ReminderDeliveryEntity } from '../reminders/entities/reminder-delivery.entity.js';
import { ReminderPolicyMuteEntity } from '../reminders/entities/reminder-policy-mute.entity.js';
import { ReminderSettingEntity } from '../reminders/entities/reminder-setting.entity.js';
import { InviteAttributionEntity } from '../invites/entities/invite-attribution.entity.js';
import { InviteEntity } from '../invites/entities/invite.entity.js';
import { pgliteDriver } from './pglite-pool.js';
import { StatementCounter } from './statement-counter.js';

export const ENTITIES = [
  InsurerEntity,
  AccountEntity,
  PlatformIdentityEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  PhoneLoginCodeEntity,
  HouseholdEntity,
  HouseholdMembershipEntity,
  FamilyMemberEntity,
  PolicyEntity,
  PolicyBeneficiaryEntity,
  PolicyCoverageItemEntity,
  InviteEntity,
  InviteAttributionEntity,
  ReminderConsentEntity,
  ReminderSettingEntity,
  ReminderDeliveryEntity,
  AuditEventEntity,
  ReminderPolicyMuteEntity,
];
export const MIGRATIONS = [
  CreateInsurer1763791200000,
  AllowSignedJsonWireFormat1764600000000,
  CreateIdentity1764700000000,
  InsurerBaseUrl1764800000000,
  CreateFamily1764900000000,
  CreatePolicies1765000000000,
  CreateInvites1765100000000,
  CreateReminders1765200000000,
  CreateAuditEvent1765300000000,
  CreateReminderPolicyMutes1765400000000,
];

/**
 * One set of entities and migrations for both engines: PostgreSQL when DATABASE_URL is set, embedded
 * PGlite otherwise. Never `synchronize`: the schema is what the migrations say.
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // Queries reach the logger only to be counted (StatementCounter never writes SQL anywhere).
    logging: ['query', 'error'] as ('query' | 'error')[],
    logger: new StatementCounter(),
  };
  if (database.kind === 'postgres') return { ...common, url: database.url, extra: { max: 10 } };
  if (database.dataDir) mkdirSync(database.dataDir, { recursive: true });
  return {
    ...common,
    driver: pgliteDriver({ dataDir: database.dataDir ?? undefined, extensions: { uuid_ossp } }),
  };
}

export async function openDataSource(database: AppConfig['database']): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
