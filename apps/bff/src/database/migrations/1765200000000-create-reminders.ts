import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (F5): the subscriptions each person granted per template (never below zero), their
 * reminders switch, and one delivery row per person and event, unique, claimed before sending.
 */
export class CreateReminders1765200000000 implements MigrationInterface {
  name = 'CreateReminders1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder_consent (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        template_id varchar(64) NOT NULL,
        platform varchar(8) NOT NULL CHECK (platform IN ('WECHAT', 'ALIPAY')),
        remaining integer NOT NULL CHECK (remaining >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, template_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE reminder_setting (
        account_id uuid PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE reminder_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        event_key varchar(120) NOT NULL,
        policy_id uuid REFERENCES policy (id) ON DELETE SET NULL,
        kind varchar(24) NOT NULL CHECK (kind IN ('PAYMENT_DUE_7D', 'PAYMENT_DUE_1D', 'EXPIRY_30D', 'EXPIRY_7D', 'COOLING_OFF_END', 'WAITING_PERIOD_END')),
        channel varchar(8) NOT NULL CHECK (channel IN ('WECHAT', 'ALIPAY', 'SMS')),
        status varchar(12) NOT NULL CHECK (status IN ('SENDING', 'SENT', 'REJECTED')),
        error_code varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_delivery_once UNIQUE (account_id, event_key)
      )`);
    await queryRunner.query('CREATE INDEX reminder_delivery_policy_idx ON reminder_delivery (policy_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reminder_delivery');
    await queryRunner.query('DROP TABLE reminder_setting');
    await queryRunner.query('DROP TABLE reminder_consent');
  }
}
