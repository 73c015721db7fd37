import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type InsurerWireFormat = 'json-paged' | 'xml' | 'signed-json';

@Entity({ name: 'insurer' })
export class InsurerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'wire_format', type: 'varchar', length: 32 })
  wireFormat: InsurerWireFormat;

  /** The insurer's API address; null until an operator sets it (the insurer is then unavailable). */
  @Column({ name: 'base_url', type: 'varchar', length: 300, nullable: true })
  baseUrl: string | null;

  /** Path of the catalogue endpoint, relative to `baseUrl`. */
  @Column({ name: 'endpoint_path', type: 'varchar', length: 200 })
  endpointPath: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
