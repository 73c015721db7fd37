import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal-data audit trail (docs/audit.md): one table for every read and write of a household's
 * personal data, replacing `personal_data_access` (ID-number reveals only), whose rows move here.
 * Ids and words only. Indexed for the owner's log (household, newest first) and for the purge (age).
 */
export class CreateAuditEvent1765300000000 implements MigrationInterface {
  name = 'CreateAuditEvent1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        action varchar(32) NOT NULL CHECK (action IN (
          'HOUSEHOLD_READ', 'MEMBER_READ', 'MEMBER_CREATE', 'MEMBER_UPDATE', 'MEMBER_DELETE', 'ID_NUMBER_REVEAL',
          'POLICY_READ', 'POLICY_CREATE', 'POLICY_UPDATE', 'POLICY_DELETE',
          'INVITE_CREATE', 'INVITE_OPEN', 'INVITE_ACCEPT', 'INVITE_REVOKE',
          'MEMBERSHIP_ROLE_CHANGE', 'MEMBERSHIP_REMOVE', 'MEMBERSHIP_LEAVE')),
        subject_type varchar(16) NOT NULL CHECK (subject_type IN ('HOUSEHOLD', 'MEMBER', 'POLICY', 'INVITE', 'ACCOUNT')),
        subject_id uuid,
        request_id varchar(64),
        platform varchar(8) CHECK (platform IN ('WECHAT', 'ALIPAY', 'H5')),
        -- Milliseconds, as JavaScript keeps them: a page's cursor (at, id) then names its row exactly.
        at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX audit_event_household_idx ON audit_event (household_id, at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX audit_event_at_idx ON audit_event (at)');
    await queryRunner.query(`
      INSERT INTO audit_event (id, account_id, household_id, action, subject_type, subject_id, request_id, at)
      SELECT id, account_id, household_id, 'ID_NUMBER_REVEAL', 'MEMBER', subject_id, request_id, at
        FROM personal_data_access`);
    await queryRunner.query('DROP TABLE personal_data_access');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE personal_data_access (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        action varchar(40) NOT NULL,
        subject_id uuid NOT NULL,
        request_id varchar(64),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX personal_data_access_household_idx ON personal_data_access (household_id, at DESC)',
    );
    await queryRunner.query(`
      INSERT INTO personal_data_access (id, account_id, household_id, action, subject_id, request_id, at)
      SELECT id, account_id, household_id, 'member.revealIdNumber', subject_id, request_id, at
        FROM audit_event WHERE action = 'ID_NUMBER_REVEAL'`);
    await queryRunner.query('DROP TABLE audit_event');
  }
}
