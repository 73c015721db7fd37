import { generateInsurers, generatedSettingsOf, generatedSigningSecret } from './generated.js';
import type { SandboxInsurer } from './types.js';

/**
 * Twelve fictional insurers over three wire formats (4 / 4 / 4). Facts are invented but sit in the
 * ranges Chinese insurers publish (see docs/sandbox-data.md). 小方互联保险 deliberately fails the
 * qualification gate (registered capital 0.5 bn yuan < 1 bn, complaint rate 0.21% > 0.15%).
 */
const HAND_WRITTEN_INSURERS: readonly SandboxInsurer[] = [
  // json-paged
  {
    code: 'kangning',
    name: '康宁人寿',
    brand: '康宁',
    codePrefix: 'KN',
    kind: 'life',
    format: 'json',
    facts: {
      registeredCapitalYuan: 5_800_000_000,
      complaintRate: 0.0009,
      solvencyRatio: 218,
      riskRating: 'AA',
      averageClaimDays: 2.6,
      onlineClaimRate: 0.91,
    },
  },
  {
    code: 'ruifeng',
    name: '瑞丰人寿',
    brand: '瑞丰',
    codePrefix: 'RF',
    kind: 'life',
    format: 'json',
    facts: {
      registeredCapitalYuan: 3_000_000_000,
      complaintRate: 0.0011,
      solvencyRatio: 186,
      riskRating: 'A',
      averageClaimDays: 3.4,
      onlineClaimRate: 0.84,
    },
  },
  {
    code: 'taihe',
    name: '泰和健康保险',
    brand: '泰和',
    codePrefix: 'TH',
    kind: 'health',
    format: 'json',
    facts: {
      registeredCapitalYuan: 2_000_000_000,
      complaintRate: 0.0006,
      solvencyRatio: 245,
      riskRating: 'AA',
      averageClaimDays: 1.9,
      onlineClaimRate: 0.95,
    },
  },
  {
    code: 'huiyin',
    name: '汇银财险',
    brand: '汇银',
    codePrefix: 'HY',
    kind: 'property',
    format: 'json',
    facts: {
      registeredCapitalYuan: 1_500_000_000,
      complaintRate: 0.0013,
      solvencyRatio: 162,
      riskRating: 'BBB',
      averageClaimDays: 4.8,
      onlineClaimRate: 0.78,
    },
  },
  // xml
  {
    code: 'anxin',
    name: '安信财险',
    brand: '安信',
    codePrefix: 'AX',
    kind: 'property',
    format: 'xml',
    facts: {
      registeredCapitalYuan: 10_000_000_000,
      complaintRate: 0.0004,
      solvencyRatio: 256,
      riskRating: 'AAA',
      averageClaimDays: 1.6,
      onlineClaimRate: 0.96,
    },
  },
  {
    code: 'dingsheng',
    name: '鼎盛财险',
    brand: '鼎盛',
    codePrefix: 'DS',
    kind: 'property',
    format: 'xml',
    facts: {
      registeredCapitalYuan: 4_500_000_000,
      complaintRate: 0.0008,
      solvencyRatio: 201,
      riskRating: 'AA',
      averageClaimDays: 2.2,
      onlineClaimRate: 0.9,
    },
  },
  {
    code: 'haiyan',
    name: '海晏人寿',
    brand: '海晏',
    codePrefix: 'HA',
    kind: 'life',
    format: 'xml',
    facts: {
      registeredCapitalYuan: 2_600_000_000,
      complaintRate: 0.0012,
      solvencyRatio: 174,
      riskRating: 'A',
      averageClaimDays: 3.8,
      onlineClaimRate: 0.8,
    },
  },
  {
    code: 'changqing',
    name: '长青人寿',
    brand: '长青',
    codePrefix: 'CQ',
    kind: 'life',
    format: 'xml',
    facts: {
      registeredCapitalYuan: 1_200_000_000,
      complaintRate: 0.0014,
      solvencyRatio: 138,
      riskRating: 'BBB',
      averageClaimDays: 5.5,
      onlineClaimRate: 0.7,
    },
  },
  // signed-json
  {
    code: 'yunfan',
    name: '云帆人寿',
    brand: '云帆',
    codePrefix: 'YF',
    kind: 'life',
    format: 'signed-json',
    facts: {
      registeredCapitalYuan: 2_000_000_000,
      complaintRate: 0.0007,
      solvencyRatio: 231,
      riskRating: 'AA',
      averageClaimDays: 1.4,
      onlineClaimRate: 0.98,
    },
  },
  {
    code: 'hean',
    name: '禾安健康保险',
    brand: '禾安',
    codePrefix: 'HN',
    kind: 'health',
    format: 'signed-json',
    facts: {
      registeredCapitalYuan: 1_300_000_000,
      complaintRate: 0.001,
      solvencyRatio: 195,
      riskRating: 'A',
      averageClaimDays: 2.8,
      onlineClaimRate: 0.93,
    },
  },
  {
    code: 'qiming',
    name: '启明财险',
    brand: '启明',
    codePrefix: 'QM',
    kind: 'property',
    format: 'signed-json',
    facts: {
      // Exactly the gate's floor: passes (≥ 1 bn).
      registeredCapitalYuan: 1_000_000_000,
      complaintRate: 0.0005,
      solvencyRatio: 288,
      riskRating: 'AA',
      averageClaimDays: 1.2,
      onlineClaimRate: 0.99,
    },
  },
  {
    code: 'xiaofang',
    name: '小方互联保险',
    brand: '小方',
    codePrefix: 'XF',
    kind: 'property',
    format: 'signed-json',
    facts: {
      registeredCapitalYuan: 500_000_000,
      complaintRate: 0.0021,
      solvencyRatio: 121,
      riskRating: 'BB',
      averageClaimDays: 9.5,
      onlineClaimRate: 0.6,
    },
  },
];

/** The generated-catalogue settings this process runs with (./generated.ts). */
export const GENERATED_SETTINGS = generatedSettingsOf(process.env);

/** Every insurer the sandbox plays: the hand-written twelve, then any generated ones. */
export const SANDBOX_INSURERS: readonly SandboxInsurer[] = [
  ...HAND_WRITTEN_INSURERS,
  ...generateInsurers(GENERATED_SETTINGS.insurers, HAND_WRITTEN_INSURERS),
];

/** How many of SANDBOX_INSURERS are hand-written (the rest are generated). */
export const HAND_WRITTEN_INSURER_COUNT = HAND_WRITTEN_INSURERS.length;

/**
 * Fictional demo signing secrets of the signed-json insurers. Not secret at all: they exist so that
 * `pnpm start` and the tests can hand them to the BFF as `INSURER_SECRETS=id=secret,...`.
 */
export const SANDBOX_SIGNING_SECRETS: Readonly<Record<string, string>> = {
  yunfan: 'sandbox-yunfan-7c1e9a4b2f6d',
  hean: 'sandbox-hean-3b8d5f0a9e2c',
  qiming: 'sandbox-qiming-e4a7c2d9b1f0',
  xiaofang: 'sandbox-xiaofang-5f2b8e1c7a3d',
  ...Object.fromEntries(
    SANDBOX_INSURERS.slice(HAND_WRITTEN_INSURERS.length)
      .filter((insurer) => insurer.format === 'signed-json')
      .map((insurer) => [insurer.code, generatedSigningSecret(insurer.code)]),
  ),
};

/** The app id the sandbox's signed-json insurers issued to our BFF (sent as `X-App-Id`). */
export const SANDBOX_APP_ID = 'family-insurance-bff';

/** `SANDBOX_SIGNING_SECRETS` as the BFF's `INSURER_SECRETS` setting: `yunfan=…,hean=…`. */
export function sandboxInsurerSecretsSetting(): string {
  return Object.entries(SANDBOX_SIGNING_SECRETS)
    .map(([code, secret]) => `${code}=${secret}`)
    .join(',');
}
