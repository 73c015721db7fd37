import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Households (F1, F6): each account owns one and may belong to others with a role; its members, with
 * names and ID numbers encrypted (a masked copy for lists, a blind index to find a duplicate ID); and
 * an audit trail of who looked at personal data in full.
 */
export class CreateFamily1764900000000 implements MigrationInterface {
  name = 'CreateFamily1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(30) NOT NULL,
        owner_account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT household_one_per_owner UNIQUE (owner_account_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE household_membership (
        household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        role varchar(8) NOT NULL CHECK (role IN ('OWNER', 'MEMBER', 'VIEWER')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (household_id, account_id)
      )`);
    await queryRunner.query('CREATE INDEX household_membership_account_idx ON household_membership (account_id)');
    await queryRunner.query(`
      CREATE TABLE family_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        relationship varchar(16) NOT NULL
          CHECK (relationship IN ('SELF', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'SIBLING', 'OTHER')),
        name_encrypted text NOT NULL,
        name_masked varchar(40) NOT NULL,
        gender varchar(8) NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        social_insurance boolean,
        occupation_class smallint CHECK (occupation_class BETWEEN 1 AND 6),
        id_type varchar(16) CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PASS', 'TAIWAN_PASS', 'OTHER')),
        id_number_encrypted text,
        id_number_masked varchar(40),
        id_number_index char(64),
        annual_income bigint CHECK (annual_income >= 0),
        account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_by uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT family_member_id_number_whole
          CHECK ((id_number_encrypted IS NULL) = (id_number_masked IS NULL) AND (id_number_encrypted IS NULL) = (id_number_index IS NULL)),
        CONSTRAINT family_member_id_type_given CHECK (id_number_encrypted IS NULL OR id_type IS NOT NULL)
      )`);
    await queryRunner.query('CREATE INDEX family_member_household_idx ON family_member (household_id, created_at)');
    // One 本人 per household, and one person (by ID number) once.
    await queryRunner.query(
      "CREATE UNIQUE INDEX family_member_one_self ON family_member (household_id) WHERE relationship = 'SELF'",
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX family_member_id_number_once ON family_member (household_id, id_number_index) WHERE id_number_index IS NOT NULL',
    );
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE personal_data_access');
    await queryRunner.query('DROP TABLE family_member');
    await queryRunner.query('DROP TABLE household_membership');
    await queryRunner.query('DROP TABLE household');
  }
}
