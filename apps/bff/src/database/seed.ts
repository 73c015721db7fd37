import type { DataSource } from 'typeorm';

/**
 * Demo data: the insurers the sandbox plays. Idempotent, so it runs at every start; an operator's
 * changes to a row (disabling an insurer, say) are kept.
 */
export const DEMO_INSURERS = [
  { id: 'kangning', name: '康宁人寿', wireFormat: 'json-paged', endpointPath: '/insurers/kangning/api/v1/products' },
  { id: 'anxin', name: '安信财险', wireFormat: 'xml', endpointPath: '/insurers/anxin/catalogue.xml' },
] as const;

export async function seedDemoData(dataSource: DataSource): Promise<void> {
  for (const insurer of DEMO_INSURERS) {
    await dataSource.query(
      `INSERT INTO insurer (id, name, wire_format, endpoint_path) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING`,
      [insurer.id, insurer.name, insurer.wireFormat, insurer.endpointPath],
    );
  }
}
