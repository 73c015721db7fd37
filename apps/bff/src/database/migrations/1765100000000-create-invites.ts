import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Share-to-friend invites (R1–R6, F6 joining): the code is kept as a SHA-256 hash to find it (a copy
 * of the table cannot be used to accept an invite) and encrypted so the sharer can show it again; the
 * attribution of friends to the first invite that touched them within 7 days.
 */
export class CreateInvites1765100000000 implements MigrationInterface {
  name = 'CreateInvites1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invite (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('PRODUCT', 'FAMILY_JOIN', 'POLICY_SUMMARY')),
        code_hash char(64) NOT NULL,
        code_encrypted text NOT NULL,
        created_by uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        household_id uuid REFERENCES household (id) ON DELETE CASCADE,
        product_id varchar(120),
        policy_id uuid REFERENCES policy (id) ON DELETE CASCADE,
        role varchar(8) CHECK (role IN ('MEMBER', 'VIEWER')),
        title varchar(80) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        used_at timestamptz,
        used_by uuid REFERENCES account (id) ON DELETE SET NULL,
        open_count integer NOT NULL DEFAULT 0,
        CONSTRAINT invite_code_once UNIQUE (code_hash),
        CONSTRAINT invite_kind_fields CHECK (
          (kind = 'PRODUCT' AND product_id IS NOT NULL AND household_id IS NULL AND policy_id IS NULL AND role IS NULL)
          OR (kind = 'FAMILY_JOIN' AND household_id IS NOT NULL AND role IS NOT NULL AND policy_id IS NULL AND product_id IS NULL AND expires_at IS NOT NULL)
          OR (kind = 'POLICY_SUMMARY' AND household_id IS NOT NULL AND policy_id IS NOT NULL AND role IS NULL AND product_id IS NULL AND expires_at IS NOT NULL)
        ),
        CONSTRAINT invite_used_whole CHECK ((used_at IS NULL) = (used_by IS NULL)),
        CONSTRAINT invite_used_only_join CHECK (used_at IS NULL OR kind = 'FAMILY_JOIN')
      )`);
    await queryRunner.query('CREATE INDEX invite_created_by_idx ON invite (created_by, created_at DESC)');
    await queryRunner.query(
      'CREATE INDEX invite_household_idx ON invite (household_id) WHERE household_id IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE invite_attribution (
        account_id uuid PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
        invite_id uuid NOT NULL REFERENCES invite (id) ON DELETE CASCADE,
        touched_at timestamptz NOT NULL,
        signed_up_at timestamptz,
        converted_at timestamptz,
        conversion varchar(8) CHECK (conversion IN ('JOINED', 'QUOTED')),
        bought_at timestamptz,
        CONSTRAINT invite_attribution_conversion_whole CHECK ((converted_at IS NULL) = (conversion IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX invite_attribution_invite_idx ON invite_attribution (invite_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE invite_attribution');
    await queryRunner.query('DROP TABLE invite');
  }
}
