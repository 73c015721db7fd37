import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and the platform identities that sign in to them (P1), sessions with rotating refresh
 * tokens, and one-time phone codes for H5 sign-in. Phone numbers are personal data: stored encrypted,
 * looked up by a keyed hash (blind index), never in clear.
 */
export class CreateIdentity1764700000000 implements MigrationInterface {
  name = 'CreateIdentity1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        privacy_policy_version varchar(32),
        privacy_consented_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE platform_identity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        platform varchar(16) NOT NULL CHECK (platform IN ('WECHAT', 'ALIPAY', 'H5')),
        subject varchar(128) NOT NULL,
        union_id varchar(128),
        subject_encrypted text,
        subject_masked varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT platform_identity_subject_unique UNIQUE (platform, subject)
      )`);
    await queryRunner.query('CREATE INDEX platform_identity_account_idx ON platform_identity (account_id)');
    await queryRunner.query(
      'CREATE INDEX platform_identity_union_idx ON platform_identity (union_id) WHERE union_id IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        platform varchar(16) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason varchar(32)
      )`);
    await queryRunner.query('CREATE INDEX auth_session_account_idx ON auth_session (account_id)');
    await queryRunner.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)');
    await queryRunner.query(`
      CREATE TABLE phone_login_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone_hash char(64) NOT NULL,
        code_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        consumed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX phone_login_code_phone_idx ON phone_login_code (phone_hash, created_at DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE phone_login_code');
    await queryRunner.query('DROP TABLE refresh_token');
    await queryRunner.query('DROP TABLE auth_session');
    await queryRunner.query('DROP TABLE platform_identity');
    await queryRunner.query('DROP TABLE account');
  }
}
