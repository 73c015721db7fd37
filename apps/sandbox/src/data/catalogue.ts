/**
 * The fictional insurers and their products. Everything here is invented; magnitudes (premiums by age
 * band, sums insured) follow the public price ranges of the product types, see docs/sandbox-data.md.
 *
 * Records are kept in one neutral shape; each insurer's routes render them in its own wire format.
 */

export type WireFormat = 'json' | 'xml';

export interface SandboxInsurer {
  readonly code: string;
  readonly name: string;
  readonly format: WireFormat;
}

export interface PremiumBand {
  readonly minAge: number;
  readonly maxAge: number;
  /** Annual premium in yuan, two decimals at most. */
  readonly annualYuan: number;
}

export interface SandboxProduct {
  readonly code: string;
  readonly insurerCode: string;
  readonly name: string;
  /** The insurer's own category word, as an upstream would send it (not our enum). */
  readonly categoryWord: string;
  readonly premiums: readonly PremiumBand[];
}

export const SANDBOX_INSURERS: readonly SandboxInsurer[] = [
  { code: 'kangning', name: '康宁人寿', format: 'json' },
  { code: 'anxin', name: '安信财险', format: 'xml' },
];

function bands(base: number, growth: number): PremiumBand[] {
  const edges = [
    [0, 17],
    [18, 30],
    [31, 40],
    [41, 50],
    [51, 60],
    [61, 70],
  ];
  return edges.map(([minAge, maxAge], index) => ({
    minAge,
    maxAge,
    annualYuan: Math.round(base * Math.pow(growth, index) * 100) / 100,
  }));
}

export const SANDBOX_PRODUCTS: readonly SandboxProduct[] = [
  {
    code: 'KN-MED-01',
    insurerCode: 'kangning',
    name: '康宁e生保 百万医疗',
    categoryWord: '医疗',
    premiums: bands(136, 1.55),
  },
  {
    code: 'KN-MED-02',
    insurerCode: 'kangning',
    name: '康宁好医保 长期医疗',
    categoryWord: '医疗',
    premiums: bands(218.5, 1.6),
  },
  {
    code: 'KN-CI-01',
    insurerCode: 'kangning',
    name: '康宁守护 重大疾病保险',
    categoryWord: '重疾',
    premiums: bands(1580, 1.45),
  },
  {
    code: 'KN-LIFE-01',
    insurerCode: 'kangning',
    name: '康宁定期寿险 大黄蜂',
    categoryWord: '寿险',
    premiums: bands(98, 1.9),
  },
  {
    code: 'KN-CAN-01',
    insurerCode: 'kangning',
    name: '康宁安心 防癌医疗',
    categoryWord: '防癌',
    premiums: bands(59, 1.7),
  },
  {
    code: 'KN-ACC-01',
    insurerCode: 'kangning',
    name: '康宁小蜜蜂 综合意外',
    categoryWord: '意外',
    premiums: bands(99, 1.05),
  },
  {
    code: 'AX-ACC-01',
    insurerCode: 'anxin',
    name: '安信成人综合意外险',
    categoryWord: 'ACCIDENT',
    premiums: bands(88, 1.1),
  },
  {
    code: 'AX-TRV-01',
    insurerCode: 'anxin',
    name: '安信境外旅行险',
    categoryWord: 'TRAVEL',
    premiums: bands(45.5, 1.08),
  },
  {
    code: 'AX-PROP-01',
    insurerCode: 'anxin',
    name: '安信家财险 家庭财产保障',
    categoryWord: 'PROPERTY',
    premiums: bands(150, 1),
  },
  {
    code: 'AX-MED-01',
    insurerCode: 'anxin',
    name: '安信百万医疗 2026版',
    categoryWord: 'MEDICAL',
    premiums: bands(168, 1.5),
  },
  {
    code: 'AX-HMB-01',
    insurerCode: 'anxin',
    name: '安信城市惠民保',
    categoryWord: 'HUIMINBAO',
    premiums: bands(69, 1),
  },
];

export function productsOf(insurerCode: string): SandboxProduct[] {
  return SANDBOX_PRODUCTS.filter((product) => product.insurerCode === insurerCode);
}
