import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders muted for one policy by one person (the switch on the policy page): a row means "not
 * for me about this policy"; without one, the person's own switch (reminder_setting) decides.
 */
export class CreateReminderPolicyMutes1765400000000 implements MigrationInterface {
  name = 'CreateReminderPolicyMutes1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder_policy_mute (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        policy_id uuid NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, policy_id)
      )`);
    await queryRunner.query('CREATE INDEX reminder_policy_mute_policy_idx ON reminder_policy_mute (policy_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reminder_policy_mute');
  }
}
