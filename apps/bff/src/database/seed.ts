import type { DataSource } from 'typeorm';
import { InsurerEntity, type InsurerWireFormat } from '../catalogue/entities/insurer.entity.js';

interface DemoInsurer {
  readonly id: string;
  readonly name: string;
  readonly wireFormat: InsurerWireFormat;
  readonly endpointPath: string;
}

const jsonPaged = (id: string, name: string): DemoInsurer => ({
  id,
  name,
  wireFormat: 'json-paged',
  endpointPath: `/insurers/${id}/api/v1/products`,
});
const xml = (id: string, name: string): DemoInsurer => ({
  id,
  name,
  wireFormat: 'xml',
  endpointPath: `/insurers/${id}/catalogue.xml`,
});
const signedJson = (id: string, name: string): DemoInsurer => ({
  id,
  name,
  wireFormat: 'signed-json',
  endpointPath: `/insurers/${id}/open/v2/catalogue`,
});

/**
 * Demo data: every insurer the sandbox plays (apps/sandbox/src/data/insurers.ts). Facts about insurers
 * are not stored: they come from upstream with each catalogue. The signed-json insurers also need their
 * secrets in INSURER_SECRETS.
 */
export const DEMO_INSURERS: readonly DemoInsurer[] = [
  jsonPaged('kangning', '康宁人寿'),
  jsonPaged('ruifeng', '瑞丰人寿'),
  jsonPaged('taihe', '泰和健康保险'),
  jsonPaged('huiyin', '汇银财险'),
  xml('anxin', '安信财险'),
  xml('dingsheng', '鼎盛财险'),
  xml('haiyan', '海晏人寿'),
  xml('changqing', '长青人寿'),
  signedJson('yunfan', '云帆人寿'),
  signedJson('hean', '禾安健康保险'),
  signedJson('qiming', '启明财险'),
  signedJson('xiaofang', '小方互联保险'),
];

/**
 * Idempotent, so it runs at every start (only when SEED_DEMO_DATA is on): a database seeded earlier
 * gains the insurers it lacks and points the demo insurers at the sandbox running now; an operator's
 * other changes to a seeded row (disabling an insurer, say) are kept.
 */
export async function seedDemoData(
  dataSource: DataSource,
  sandboxUrl: string,
  generatedInsurers = false,
): Promise<void> {
  const insurers = generatedInsurers
    ? [...DEMO_INSURERS, ...(await sandboxGeneratedInsurers(sandboxUrl))]
    : DEMO_INSURERS;
  // In batches: a few hundred rows at most, well within any engine's parameter limit per batch.
  for (let start = 0; start < insurers.length; start += 100) {
    await dataSource
      .getRepository(InsurerEntity)
      .createQueryBuilder()
      .insert()
      .values(insurers.slice(start, start + 100).map((insurer) => ({ ...insurer, baseUrl: sandboxUrl })))
      .orUpdate(['base_url'], ['id'])
      .execute();
  }
}

const FORMATS: Readonly<Partial<Record<string, (id: string, name: string) => DemoInsurer>>> = {
  json: jsonPaged,
  xml,
  'signed-json': signedJson,
};

/**
 * The insurers the sandbox generates for scale runs (SANDBOX_GENERATED_INSURERS), as it lists them;
 * the twelve demo insurers are left to DEMO_INSURERS. A sandbox that cannot be read stops the start.
 */
async function sandboxGeneratedInsurers(sandboxUrl: string): Promise<DemoInsurer[]> {
  const response = await fetch(new URL('/__insurers', sandboxUrl));
  if (!response.ok) throw new Error(`sandbox ${sandboxUrl}/__insurers answered ${response.status}`);
  const { insurers } = (await response.json()) as { insurers: { code: string; name: string; format: string }[] };
  const demo = new Set(DEMO_INSURERS.map((insurer) => insurer.id));
  return insurers.flatMap((insurer) => {
    const make = FORMATS[insurer.format];
    return make && !demo.has(insurer.code) ? [make(insurer.code, insurer.name)] : [];
  });
}
