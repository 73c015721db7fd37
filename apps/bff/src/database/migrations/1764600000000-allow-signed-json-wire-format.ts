import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Insurers whose API requires signed requests get their own wire format, `signed-json`. */
export class AllowSignedJsonWireFormat1764600000000 implements MigrationInterface {
  name = 'AllowSignedJsonWireFormat1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The first migration declared the CHECK inline, so PostgreSQL (and PGlite) named it insurer_wire_format_check.
    await queryRunner.query('ALTER TABLE insurer DROP CONSTRAINT insurer_wire_format_check');
    await queryRunner.query(`
      ALTER TABLE insurer ADD CONSTRAINT insurer_wire_format_check
        CHECK (wire_format IN ('json-paged', 'xml', 'signed-json'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old constraint cannot hold signed-json rows: going back removes those insurers.
    await queryRunner.query(`DELETE FROM insurer WHERE wire_format = 'signed-json'`);
    await queryRunner.query('ALTER TABLE insurer DROP CONSTRAINT insurer_wire_format_check');
    await queryRunner.query(`
      ALTER TABLE insurer ADD CONSTRAINT insurer_wire_format_check CHECK (wire_format IN ('json-paged', 'xml'))`);
  }
}
