import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A household's policies (F2): who is insured, what, for how much, when it is paid, who receives the
 * money, and how it ended. Amounts are bigint fen. The policy number identifies a person's contract:
 * encrypted, with a masked copy; so are beneficiaries' names and the notes a person writes.
 */
export class CreatePolicies1765000000000 implements MigrationInterface {
  name = 'CreatePolicies1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        insured_member_id uuid NOT NULL REFERENCES family_member (id) ON DELETE RESTRICT,
        applicant_member_id uuid REFERENCES family_member (id) ON DELETE SET NULL,
        insurer_name varchar(50) NOT NULL,
        product_name varchar(80) NOT NULL,
        product_id varchar(120),
        category varchar(20) NOT NULL CHECK (category IN
          ('MEDICAL', 'CRITICAL_ILLNESS', 'ACCIDENT', 'TERM_LIFE', 'CANCER', 'HUIMINBAO', 'TRAVEL', 'PROPERTY')),
        policy_number_encrypted text,
        policy_number_masked varchar(50),
        sum_insured bigint NOT NULL CHECK (sum_insured > 0),
        premium bigint NOT NULL CHECK (premium >= 0),
        frequency varchar(12) NOT NULL CHECK (frequency IN ('SINGLE', 'ANNUAL', 'SEMIANNUAL', 'QUARTERLY', 'MONTHLY')),
        payment_term_years smallint CHECK (payment_term_years BETWEEN 1 AND 100),
        effective_date date NOT NULL,
        expiry_date date,
        cooling_off_end_date date,
        waiting_period_days smallint CHECK (waiting_period_days >= 0),
        guaranteed_renewal_years smallint CHECK (guaranteed_renewal_years >= 0),
        grace_period_days smallint NOT NULL DEFAULT 60 CHECK (grace_period_days >= 0),
        paid_installments smallint NOT NULL DEFAULT 0 CHECK (paid_installments >= 0),
        statutory_beneficiaries boolean NOT NULL DEFAULT true,
        termination_reason varchar(12) CHECK (termination_reason IN ('SURRENDERED', 'CLAIMED', 'LAPSED')),
        termination_date date,
        notes_encrypted text,
        created_by uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_dates_in_order CHECK (expiry_date IS NULL OR expiry_date > effective_date),
        CONSTRAINT policy_termination_whole CHECK ((termination_reason IS NULL) = (termination_date IS NULL)),
        CONSTRAINT policy_number_whole CHECK ((policy_number_encrypted IS NULL) = (policy_number_masked IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX policy_household_idx ON policy (household_id, effective_date)');
    await queryRunner.query('CREATE INDEX policy_insured_member_idx ON policy (insured_member_id)');
    await queryRunner.query(`
      CREATE TABLE policy_beneficiary (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_id uuid NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        member_id uuid REFERENCES family_member (id) ON DELETE SET NULL,
        name_encrypted text,
        name_masked varchar(40),
        beneficiary_order smallint NOT NULL CHECK (beneficiary_order BETWEEN 1 AND 5),
        share_basis_points integer NOT NULL CHECK (share_basis_points BETWEEN 1 AND 10000),
        CONSTRAINT policy_beneficiary_named CHECK (member_id IS NOT NULL OR name_encrypted IS NOT NULL)
      )`);
    await queryRunner.query('CREATE INDEX policy_beneficiary_policy_idx ON policy_beneficiary (policy_id, position)');
    await queryRunner.query(`
      CREATE TABLE policy_coverage_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_id uuid NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        name varchar(60) NOT NULL,
        limit_amount bigint CHECK (limit_amount >= 0),
        deductible bigint CHECK (deductible >= 0),
        payout_ratio_percent smallint CHECK (payout_ratio_percent BETWEEN 0 AND 100)
      )`);
    await queryRunner.query(
      'CREATE INDEX policy_coverage_item_policy_idx ON policy_coverage_item (policy_id, position)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE policy_coverage_item');
    await queryRunner.query('DROP TABLE policy_beneficiary');
    await queryRunner.query('DROP TABLE policy');
  }
}
