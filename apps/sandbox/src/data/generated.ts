import { between, seededRandom } from './random.js';
import type { InsurerKind, SandboxInsurer, WireFormat } from './types.js';

/**
 * Generated insurers, for scale runs (docs/performance.md, "Scale"): `SANDBOX_GENERATED_INSURERS=N`
 * makes the sandbox play N insurers in all, the twelve hand-written ones (./insurers.ts) and N − 12
 * generated here, each selling `SANDBOX_PRODUCTS_PER_INSURER` products (default 100) built from the
 * same category templates as the hand-written catalogue. Everything is drawn from a PRNG seeded with
 * the insurer's code, so N gives the same insurers, products and facts on every run and machine.
 * Unset (or at most 12): the hand-written catalogue alone, as tests and recorded fixtures expect.
 */

/** Most insurers the sandbox may play. */
export const MAX_GENERATED_INSURERS = 1000;

export interface GeneratedSettings {
  /** Insurers in all (hand-written included); 0 or up to 12: none generated. */
  readonly insurers: number;
  readonly productsPerInsurer: number;
}

function intSetting(value: string | undefined, fallback: number, name: string, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > max)
    throw new Error(`${name} must be an integer from 0 to ${max}, got "${value}"`);
  return parsed;
}

export function generatedSettingsOf(env: Readonly<Record<string, string | undefined>>): GeneratedSettings {
  return {
    insurers: intSetting(env.SANDBOX_GENERATED_INSURERS, 0, 'SANDBOX_GENERATED_INSURERS', MAX_GENERATED_INSURERS),
    productsPerInsurer: intSetting(env.SANDBOX_PRODUCTS_PER_INSURER, 100, 'SANDBOX_PRODUCTS_PER_INSURER', 1000),
  };
}

const FIRST = [
  '华',
  '安',
  '泰',
  '宁',
  '瑞',
  '康',
  '信',
  '鼎',
  '恒',
  '嘉',
  '永',
  '盛',
  '和',
  '元',
  '德',
  '中',
  '东',
  '新',
];
const SECOND = [
  '泽',
  '远',
  '丰',
  '诚',
  '邦',
  '达',
  '润',
  '源',
  '祥',
  '通',
  '海',
  '鸿',
  '晟',
  '弘',
  '乐',
  '益',
  '联',
  '福',
];
const SUFFIX: Readonly<Record<InsurerKind, string>> = { life: '人寿', health: '健康保险', property: '财险' };
const KINDS: readonly InsurerKind[] = ['life', 'health', 'property'];
const FORMATS: readonly WireFormat[] = ['json', 'xml', 'signed-json'];
const RATINGS = ['AAA', 'AA', 'AA', 'A', 'A', 'BBB'] as const;

/**
 * The generated insurers for `insurers` in all, after the hand-written ones (codes gen013, gen014…).
 * Brands are unique and none is a hand-written insurer's.
 */
export function generateInsurers(insurers: number, handWritten: readonly SandboxInsurer[]): SandboxInsurer[] {
  const generated: SandboxInsurer[] = [];
  const taken = new Set(handWritten.map((insurer) => insurer.brand));
  let combination = 0;
  const nextBrand = (): string => {
    for (;;) {
      const brand = `${FIRST[combination % FIRST.length]}${SECOND[Math.floor(combination / FIRST.length) % SECOND.length]}`;
      combination += 1;
      if (!taken.has(brand)) {
        taken.add(brand);
        return brand;
      }
    }
  };
  for (let index = handWritten.length; index < insurers; index++) {
    const code = `gen${String(index + 1).padStart(3, '0')}`;
    const random = seededRandom(code);
    const kind = KINDS[index % KINDS.length];
    const brand = nextBrand();
    generated.push({
      code,
      name: `${brand}${SUFFIX[kind]}`,
      brand,
      codePrefix: `G${String(index + 1).padStart(3, '0')}`,
      kind,
      // Not in step with the kind: every kind comes in every format.
      format: FORMATS[Math.floor(index / KINDS.length) % FORMATS.length],
      facts: {
        registeredCapitalYuan: Math.round(between(random, 1.2, 12)) * 1_000_000_000,
        complaintRate: Math.round(between(random, 0.0004, 0.0014) * 1_000_000) / 1_000_000,
        solvencyRatio: Math.round(between(random, 130, 280)),
        riskRating: RATINGS[Math.floor(random() * RATINGS.length)] ?? 'A',
        averageClaimDays: Math.round(between(random, 1.5, 6.5) * 10) / 10,
        onlineClaimRate: Math.round(between(random, 0.7, 0.97) * 100) / 100,
      },
    });
  }
  return generated;
}

/** A generated signed-json insurer's demo signing secret (as fictional as the hand-written ones). */
export function generatedSigningSecret(code: string): string {
  const random = seededRandom(`secret:${code}`);
  const hex = Array.from({ length: 12 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `sandbox-${code}-${hex}`;
}
