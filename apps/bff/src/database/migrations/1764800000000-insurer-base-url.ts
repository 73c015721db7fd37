import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each insurer has its own address: `base_url` + `endpoint_path` is its catalogue endpoint. Rows from
 * before have none until an operator (or the development seed) sets it; such an insurer is reported
 * unavailable instead of being called at some default address.
 */
export class InsurerBaseUrl1764800000000 implements MigrationInterface {
  name = 'InsurerBaseUrl1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE insurer ADD COLUMN base_url varchar(300)
        CONSTRAINT insurer_base_url_check CHECK (base_url ~ '^https?://[^/?#]+(/[^?#]*)?$')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE insurer DROP COLUMN base_url');
  }
}
