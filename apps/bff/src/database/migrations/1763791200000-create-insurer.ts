import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInsurer1763791200000 implements MigrationInterface {
  name = 'CreateInsurer1763791200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insurer (
        id varchar(64) PRIMARY KEY,
        name varchar(100) NOT NULL,
        wire_format varchar(32) NOT NULL CHECK (wire_format IN ('json-paged', 'xml')),
        endpoint_path varchar(200) NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE insurer');
  }
}
