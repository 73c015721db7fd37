import { GENERATED_SETTINGS, HAND_WRITTEN_INSURER_COUNT, SANDBOX_INSURERS } from './insurers.js';
import { between, seededRandom } from './random.js';
import {
  ACCIDENT_EXCLUSIONS,
  ACCIDENT_QUESTIONS,
  CANCER_EXCLUSIONS,
  CANCER_QUESTIONS,
  CRITICAL_ILLNESS_EXCLUSIONS,
  CRITICAL_ILLNESS_QUESTIONS,
  HUIMINBAO_EXCLUSIONS,
  MEDICAL_EXCLUSIONS,
  MEDICAL_QUESTIONS,
  PROPERTY_EXCLUSIONS,
  TERM_LIFE_EXCLUSIONS,
  TERM_LIFE_QUESTIONS,
  TRAVEL_EXCLUSIONS,
  TRAVEL_QUESTIONS,
} from './texts.js';
import type {
  InsurerKind,
  SandboxCategory,
  SandboxCoverage,
  SandboxInsurer,
  SandboxPremium,
  SandboxProduct,
} from './types.js';

/**
 * Generates the fictional catalogue from hand-written category templates. Each product takes one of its
 * category's variants (name, sums insured, renewal terms…) and a small price jitter from a PRNG seeded
 * with its product code, so the data is deterministic. Price curves are in yuan per year for the basic
 * plan with social insurance; see docs/sandbox-data.md for where the magnitudes come from.
 */

const WAN = 10_000 * 100; // 1万元 in fen

/** [youngest, oldest, base yuan per year] of one age band. */
type Band = readonly [number, number, number];

interface PlanSpec {
  readonly key: string;
  readonly name: string;
  readonly factor: number;
}

interface PriceSpec {
  readonly bands: readonly Band[];
  readonly plans: readonly PlanSpec[];
  /** Premium factor without social medical insurance; null when only the socially insured may buy. */
  readonly withoutSocialInsurance: number | null;
  /** Monthly premium as a share of the annual one; null when monthly payment is not offered. */
  readonly monthlyShare: number | null;
  readonly scale: number;
}

function premiumTable(spec: PriceSpec): SandboxPremium[] {
  const statuses = spec.withoutSocialInsurance === null ? [true] : [true, false];
  const rows: SandboxPremium[] = [];
  for (const plan of spec.plans) {
    for (const socialInsurance of statuses) {
      const statusFactor = socialInsurance ? 1 : (spec.withoutSocialInsurance ?? 1);
      for (const [minAge, maxAge, base] of spec.bands) {
        const annualFen = Math.max(1, Math.round(base * spec.scale * plan.factor * statusFactor)) * 100;
        const monthlyFen = spec.monthlyShare === null ? null : Math.ceil((annualFen * spec.monthlyShare) / 10) * 10;
        rows.push({ plan: plan.key, socialInsurance, minAge, maxAge, annualFen, monthlyFen });
      }
    }
  }
  return rows;
}

function plansOf(specs: readonly PlanSpec[]): { key: string; name: string }[] {
  return specs.map(({ key, name }) => ({ key, name }));
}

/** `count` entries of `pool`, starting at `offset` and wrapping, so insurers ask slightly different things. */
function pick<T>(pool: readonly T[], count: number, offset: number): T[] {
  return Array.from({ length: Math.min(count, pool.length) }, (_, index) => pool[(offset + index) % pool.length]);
}

interface Context {
  readonly insurer: SandboxInsurer;
  /** Position of the insurer in SANDBOX_INSURERS: spreads variants across insurers. */
  readonly insurerIndex: number;
  /** Position of the product within its insurer's category. */
  readonly ordinal: number;
  readonly random: () => number;
}

type ProductBody = Omit<SandboxProduct, 'code' | 'insurerCode' | 'category'>;

function variantOf<T>(variants: readonly T[], context: Context): T {
  return variants[(context.insurerIndex + context.ordinal) % variants.length];
}

const BASIC_UPGRADED: readonly PlanSpec[] = [
  { key: 'basic', name: '基础版', factor: 1 },
  { key: 'upgraded', name: '升级版', factor: 1.35 },
];

// ---------------------------------------------------------------------------------------------- 百万医疗
const MEDICAL_BANDS: readonly Band[] = [
  [0, 17, 105],
  [18, 25, 128],
  [26, 30, 156],
  [31, 35, 198],
  [36, 40, 262],
  [41, 45, 348],
  [46, 50, 486],
  [51, 55, 680],
  [56, 60, 900],
  [61, 65, 1100],
];

const MEDICAL_VARIANTS = [
  { series: 'e生保 百万医疗', renewal: 0, deductible: 1, sum: 300, maxAge: 60, monthly: true, scale: 1 },
  { series: '好医保 长期医疗', renewal: 20, deductible: 1, sum: 400, maxAge: 60, monthly: true, scale: 1.2 },
  { series: '安心百万医疗 2026版', renewal: 6, deductible: 1, sum: 200, maxAge: 65, monthly: false, scale: 0.85 },
  { series: '臻享e家 百万医疗', renewal: 0, deductible: 0.5, sum: 300, maxAge: 60, monthly: true, scale: 1.1 },
  { series: '全家福 家庭百万医疗', renewal: 0, deductible: 1, sum: 200, maxAge: 65, monthly: false, scale: 0.9 },
  { series: '无忧e保 长期医疗', renewal: 20, deductible: 1, sum: 500, maxAge: 60, monthly: true, scale: 1.25 },
] as const;

function medical(context: Context): ProductBody {
  const variant = variantOf(MEDICAL_VARIANTS, context);
  const deductibleYuan = variant.deductible * 10_000;
  const coverage: SandboxCoverage[] = [
    {
      key: 'general-medical',
      name: '一般医疗保险金',
      sumInsuredFen: variant.sum * WAN,
      note: `年免赔额${deductibleYuan}元；经社保结算的按100%赔付，未经社保结算的按60%赔付`,
    },
    {
      key: 'critical-illness-medical',
      name: '重大疾病医疗保险金',
      sumInsuredFen: Math.min(variant.sum * 2, 600) * WAN,
      note: '确诊重大疾病后0免赔，按100%赔付',
    },
    {
      key: 'special-drugs',
      name: '特定药品费用保险金',
      sumInsuredFen: variant.sum * WAN,
      note: '院外特药清单内药品，与一般医疗共用免赔额',
    },
    {
      key: 'proton-heavy-ion',
      name: '质子重离子医疗保险金',
      sumInsuredFen: variant.sum * WAN,
      note: '升级版专享，0免赔，100%赔付',
    },
    { key: 'outpatient', name: '住院前后门急诊费用', sumInsuredFen: 0, note: '住院前7天、后30天，计入一般医疗保额' },
  ];
  return {
    name: `${context.insurer.brand}${variant.series}`,
    coverage,
    deductibleFen: deductibleYuan * 100,
    waitingPeriodDays: 30,
    guaranteedRenewalYears: variant.renewal,
    minAge: 0,
    maxAge: variant.maxAge,
    healthQuestions: pick(MEDICAL_QUESTIONS, 5 + (context.ordinal % 2), context.insurerIndex),
    maxOccupationClass: 4,
    plans: plansOf(BASIC_UPGRADED),
    premiums: premiumTable({
      bands: MEDICAL_BANDS.filter(([minAge]) => minAge <= variant.maxAge),
      plans: BASIC_UPGRADED,
      withoutSocialInsurance: 2.1,
      monthlyShare: variant.monthly ? 0.085 : null,
      scale: variant.scale * between(context.random, 0.92, 1.08),
    }),
    exclusions: pick(MEDICAL_EXCLUSIONS, 7 + (context.insurerIndex % 3), 0),
  };
}

// ---------------------------------------------------------------------------------------------- 重疾险
/** Per 50万 sum insured, cover for 30 years, paid over 20–30 years. */
const CRITICAL_ILLNESS_BANDS: readonly Band[] = [
  [0, 17, 1650],
  [18, 25, 2900],
  [26, 30, 3600],
  [31, 35, 4500],
  [36, 40, 5600],
  [41, 45, 7000],
  [46, 50, 8900],
  [51, 55, 11400],
];

const CRITICAL_ILLNESS_VARIANTS = [
  { series: '守护 重大疾病保险', sum: 50, illnesses: 110, multiple: false, waiting: 90, monthly: true, maxAge: 55 },
  {
    series: '康护一生 重大疾病保险',
    sum: 30,
    illnesses: 120,
    multiple: false,
    waiting: 180,
    monthly: false,
    maxAge: 55,
  },
  { series: '青春版 重大疾病保险', sum: 40, illnesses: 110, multiple: false, waiting: 90, monthly: true, maxAge: 50 },
  { series: '多倍保 重大疾病保险', sum: 50, illnesses: 120, multiple: true, waiting: 180, monthly: true, maxAge: 50 },
] as const;

function criticalIllness(context: Context): ProductBody {
  const variant = variantOf(CRITICAL_ILLNESS_VARIANTS, context);
  const sum = variant.sum * WAN;
  const coverage: SandboxCoverage[] = [
    {
      key: 'critical-illness',
      name: '重大疾病保险金',
      sumInsuredFen: sum,
      note: variant.multiple
        ? `${variant.illnesses}种重疾，分组多次赔付，最多3次，间隔期1年`
        : `${variant.illnesses}种重疾，赔付1次后合同终止`,
    },
    { key: 'moderate-illness', name: '中症疾病保险金', sumInsuredFen: sum / 2, note: '25种中症，赔付50%保额，最多2次' },
    {
      key: 'mild-illness',
      name: '轻症疾病保险金',
      sumInsuredFen: (sum * 3) / 10,
      note: '40种轻症，赔付30%保额，最多3次',
    },
    { key: 'death', name: '身故保险金', sumInsuredFen: sum, note: '升级版专享；18周岁前身故退还已交保费' },
    { key: 'premium-waiver', name: '被保险人豁免保险费', sumInsuredFen: 0, note: '确诊轻症或中症后豁免后续各期保费' },
  ];
  return {
    name: `${context.insurer.brand}${variant.series}`,
    coverage,
    deductibleFen: 0,
    waitingPeriodDays: variant.waiting,
    // A 30-year contract: cover (and premium rates) are guaranteed for its whole term.
    guaranteedRenewalYears: 30,
    minAge: 0,
    maxAge: variant.maxAge,
    healthQuestions: pick(CRITICAL_ILLNESS_QUESTIONS, 6 + (context.ordinal % 3), context.insurerIndex),
    maxOccupationClass: 4,
    plans: [
      { key: 'basic', name: '基础版（不含身故）' },
      { key: 'upgraded', name: '升级版（含身故）' },
    ],
    premiums: premiumTable({
      bands: CRITICAL_ILLNESS_BANDS.filter(([minAge]) => minAge <= variant.maxAge),
      plans: [
        { key: 'basic', name: '基础版', factor: 1 },
        { key: 'upgraded', name: '升级版', factor: 1.28 },
      ],
      withoutSocialInsurance: 1,
      monthlyShare: variant.monthly ? 0.09 : null,
      scale: (variant.sum / 50) * (variant.multiple ? 1.2 : 1) * between(context.random, 0.9, 1.1),
    }),
    exclusions: [...CRITICAL_ILLNESS_EXCLUSIONS],
  };
}

// -------------------------------------------------------------------------------------------- 定期寿险
/** Per 100万 sum insured for a 20-year term. */
const TERM_LIFE_BANDS: readonly Band[] = [
  [18, 25, 520],
  [26, 30, 680],
  [31, 35, 900],
  [36, 40, 1250],
  [41, 45, 1800],
  [46, 50, 2700],
  [51, 55, 4100],
  [56, 60, 6200],
];

const TERM_LIFE_VARIANTS = [
  { series: '守家 定期寿险', sum: 100, term: 20, waiting: 90, lean: true },
  { series: '顶梁柱 定期寿险', sum: 50, term: 30, waiting: 180, lean: false },
  { series: '安家 定期寿险 2026版', sum: 200, term: 20, waiting: 90, lean: true },
] as const;

function termLife(context: Context): ProductBody {
  const variant = variantOf(TERM_LIFE_VARIANTS, context);
  const sum = variant.sum * WAN;
  return {
    name: `${context.insurer.brand}${variant.series}`,
    coverage: [
      { key: 'death', name: '身故保险金', sumInsuredFen: sum, note: `保障${variant.term}年，等待期后身故赔付基本保额` },
      { key: 'total-disability', name: '全残保险金', sumInsuredFen: sum },
      { key: 'accidental-death', name: '意外身故额外保险金', sumInsuredFen: sum, note: '升级版专享，额外赔付100%保额' },
    ],
    deductibleFen: 0,
    waitingPeriodDays: variant.waiting,
    guaranteedRenewalYears: variant.term,
    minAge: 18,
    maxAge: 60,
    healthQuestions: pick(TERM_LIFE_QUESTIONS, 5, context.insurerIndex),
    maxOccupationClass: variant.lean ? 4 : 3,
    plans: plansOf(BASIC_UPGRADED),
    premiums: premiumTable({
      bands: TERM_LIFE_BANDS,
      plans: [
        { key: 'basic', name: '基础版', factor: 1 },
        { key: 'upgraded', name: '升级版', factor: 1.15 },
      ],
      withoutSocialInsurance: 1,
      monthlyShare: 0.09,
      scale: (variant.sum / 100) * (variant.term === 30 ? 1.35 : 1) * between(context.random, 0.9, 1.1),
    }),
    exclusions: variant.lean
      ? [...TERM_LIFE_EXCLUSIONS]
      : [...TERM_LIFE_EXCLUSIONS, ...CRITICAL_ILLNESS_EXCLUSIONS.slice(3, 7)],
  };
}

// ---------------------------------------------------------------------------------------------- 防癌险
const CANCER_BANDS: readonly Band[] = [
  [0, 17, 40],
  [18, 30, 58],
  [31, 40, 96],
  [41, 50, 190],
  [51, 60, 380],
  [61, 70, 720],
];
const SENIOR_CANCER_BANDS: readonly Band[] = [
  [50, 55, 320],
  [56, 60, 420],
  [61, 65, 600],
  [66, 70, 780],
  [71, 75, 1050],
  [76, 80, 1400],
];

const CANCER_VARIANTS = [
  { series: '安心 防癌医疗险', renewal: 20, deductible: 0, sum: 200, senior: false, scale: 1 },
  { series: '银发 老年防癌医疗险', renewal: 0, deductible: 10_000, sum: 200, senior: true, scale: 1 },
  { series: '抗癌卫士 防癌医疗险', renewal: 6, deductible: 10_000, sum: 400, senior: false, scale: 0.85 },
] as const;

function cancer(context: Context): ProductBody {
  const variant = variantOf(CANCER_VARIANTS, context);
  const bands = variant.senior ? SENIOR_CANCER_BANDS : CANCER_BANDS;
  const sum = variant.sum * WAN;
  return {
    name: `${context.insurer.brand}${variant.series}`,
    coverage: [
      {
        key: 'cancer-medical',
        name: '恶性肿瘤医疗保险金',
        sumInsuredFen: sum,
        note: `含住院、特殊门诊、门诊手术；${variant.deductible === 0 ? '0免赔' : `年免赔额${variant.deductible}元`}，经社保结算100%赔付`,
      },
      { key: 'special-drugs', name: '恶性肿瘤特定药品费用', sumInsuredFen: sum, note: '院外特药清单内药品，0免赔' },
      { key: 'proton-heavy-ion', name: '质子重离子医疗保险金', sumInsuredFen: sum, note: '升级版专享' },
    ],
    deductibleFen: variant.deductible * 100,
    waitingPeriodDays: 90,
    guaranteedRenewalYears: variant.renewal,
    minAge: bands[0][0],
    maxAge: bands[bands.length - 1][1],
    healthQuestions: pick(CANCER_QUESTIONS, 2 + (context.ordinal % 2), context.insurerIndex),
    maxOccupationClass: 6,
    plans: plansOf(BASIC_UPGRADED),
    premiums: premiumTable({
      bands,
      plans: [
        { key: 'basic', name: '基础版', factor: 1 },
        { key: 'upgraded', name: '升级版', factor: 1.2 },
      ],
      withoutSocialInsurance: 1.8,
      monthlyShare: variant.senior ? null : 0.085,
      scale: variant.scale * between(context.random, 0.9, 1.12),
    }),
    exclusions: [...CANCER_EXCLUSIONS],
  };
}

// ---------------------------------------------------------------------------------------------- 意外险
const ACCIDENT_VARIANTS = [
  {
    series: '小蜜蜂 综合意外险',
    bands: [
      [18, 40, 98],
      [41, 50, 112],
      [51, 60, 138],
      [61, 65, 188],
    ],
    death: 50,
    medical: 5,
    occupation: 3,
    monthly: false,
  },
  {
    series: '成人综合意外险',
    bands: [
      [18, 40, 72],
      [41, 50, 84],
      [51, 60, 106],
      [61, 65, 142],
    ],
    death: 30,
    medical: 3,
    occupation: 4,
    monthly: true,
  },
  {
    series: '宝贝安心 少儿意外险',
    bands: [
      [0, 5, 52],
      [6, 10, 52],
      [11, 17, 56],
    ],
    // Regulators cap death cover for minors (20万 under 10, 50万 for 10–17).
    death: 20,
    medical: 5,
    occupation: 1,
    monthly: false,
  },
  {
    series: '孝心 老年人意外险',
    bands: [
      [50, 60, 118],
      [61, 70, 148],
      [71, 80, 188],
    ],
    death: 10,
    medical: 3,
    occupation: 3,
    monthly: false,
  },
  {
    series: '出行无忧 交通意外险',
    bands: [
      [18, 40, 38],
      [41, 50, 42],
      [51, 60, 48],
      [61, 65, 58],
    ],
    death: 100,
    medical: 2,
    occupation: 4,
    monthly: true,
  },
] as const;

function accident(context: Context): ProductBody {
  const variant = variantOf(ACCIDENT_VARIANTS, context);
  const bands: readonly Band[] = variant.bands;
  return {
    name: `${context.insurer.brand}${variant.series}`,
    coverage: [
      { key: 'accidental-death', name: '意外身故保险金', sumInsuredFen: variant.death * WAN },
      {
        key: 'accidental-disability',
        name: '意外伤残保险金',
        sumInsuredFen: variant.death * WAN,
        note: '按《人身保险伤残评定标准》1–10级比例赔付',
      },
      {
        key: 'accidental-medical',
        name: '意外医疗保险金',
        sumInsuredFen: variant.medical * WAN,
        note: '0免赔；经社保结算100%赔付，未经社保结算80%赔付',
      },
      { key: 'hospital-allowance', name: '意外住院津贴', sumInsuredFen: 18_000 * 100, note: '每天100元，最多180天' },
    ],
    deductibleFen: 0,
    waitingPeriodDays: 0,
    guaranteedRenewalYears: 0,
    minAge: bands[0][0],
    maxAge: bands[bands.length - 1][1],
    healthQuestions: pick(ACCIDENT_QUESTIONS, 2, context.ordinal),
    maxOccupationClass: variant.occupation,
    plans: plansOf(BASIC_UPGRADED),
    premiums: premiumTable({
      bands,
      plans: [
        { key: 'basic', name: '基础版', factor: 1 },
        { key: 'upgraded', name: '升级版', factor: 1.4 },
      ],
      withoutSocialInsurance: 1,
      monthlyShare: variant.monthly ? 0.09 : null,
      scale: between(context.random, 0.9, 1.1),
    }),
    exclusions: [...ACCIDENT_EXCLUSIONS],
  };
}

// ---------------------------------------------------------------------------------------------- 惠民保
const HUIMINBAO_CITIES = ['江城', '海州', '云州', '宁川', '泉湾', '青屿', '东阳', '兰溪', '梧桐', '凤城'] as const;

const HUIMINBAO_VARIANTS = [
  { basic: 69, upgraded: 139, deductible: 20_000 },
  { basic: 59, upgraded: 129, deductible: 15_000 },
  { basic: 89, upgraded: 199, deductible: 20_000 },
] as const;

function huiminbao(context: Context): ProductBody {
  const variant = variantOf(HUIMINBAO_VARIANTS, context);
  const city = HUIMINBAO_CITIES[(context.insurerIndex * 2 + context.ordinal) % HUIMINBAO_CITIES.length];
  return {
    name: `${city}惠民保 2026（${context.insurer.brand}承保）`,
    coverage: [
      {
        key: 'general-medical',
        name: '医保目录内住院医疗费用',
        sumInsuredFen: 200 * WAN,
        note: `年免赔额${variant.deductible}元，赔付比例70%，特定既往症人群30%`,
      },
      {
        key: 'out-of-catalogue-medical',
        name: '医保目录外住院医疗费用',
        sumInsuredFen: 100 * WAN,
        note: `年免赔额${variant.deductible}元，赔付比例60%`,
      },
      {
        key: 'special-drugs',
        name: '特定高额药品费用',
        sumInsuredFen: 100 * WAN,
        note: '30种国内特药及20种海外特药，0免赔，赔付比例80%',
      },
      { key: 'proton-heavy-ion', name: '质子重离子医疗费用', sumInsuredFen: 100 * WAN, note: '升级版专享' },
    ],
    deductibleFen: variant.deductible * 100,
    waitingPeriodDays: 0,
    guaranteedRenewalYears: 0,
    minAge: 0,
    maxAge: 100,
    // 惠民保 asks no health questions: anyone in the city's basic medical insurance may join.
    healthQuestions: [],
    maxOccupationClass: 6,
    plans: [
      { key: 'basic', name: '基础版' },
      { key: 'upgraded', name: '升级版（含质子重离子）' },
    ],
    premiums: premiumTable({
      bands: [[0, 100, variant.basic]],
      plans: [
        { key: 'basic', name: '基础版', factor: 1 },
        { key: 'upgraded', name: '升级版', factor: variant.upgraded / variant.basic },
      ],
      withoutSocialInsurance: null,
      monthlyShare: null,
      scale: 1,
    }),
    exclusions: [...HUIMINBAO_EXCLUSIONS],
  };
}

// ---------------------------------------------------------------------------------------------- 旅行险
const TRAVEL_AGE_BANDS = [
  [0, 17, 1],
  [18, 60, 1.15],
  [61, 70, 1.9],
  [71, 80, 3],
] as const;

const TRAVEL_VARIANTS = [
  {
    series: '申根签证 境外旅行险',
    plans: [
      { key: 'days8', name: '8天申根版', factor: 1 },
      { key: 'days15', name: '15天申根版', factor: 1.6 },
    ],
    base: 45,
    medical: 50,
    death: 50,
    abroad: true,
  },
  {
    series: '亚洲游 境外旅行险',
    plans: [
      { key: 'days5', name: '5天亚洲版', factor: 1 },
      { key: 'days10', name: '10天亚洲版', factor: 1.55 },
    ],
    base: 22,
    medical: 30,
    death: 30,
    abroad: true,
  },
  {
    series: '国内旅行意外险',
    plans: [
      { key: 'days3', name: '3天版', factor: 1 },
      { key: 'days7', name: '7天版', factor: 1.8 },
    ],
    base: 8,
    medical: 2,
    death: 50,
    abroad: false,
  },
] as const;

function travel(context: Context): ProductBody {
  const variant = variantOf(TRAVEL_VARIANTS, context);
  const coverage: SandboxCoverage[] = [
    variant.abroad
      ? { key: 'travel-medical', name: '境外医疗费用', sumInsuredFen: variant.medical * WAN, note: '0免赔，含急性病' }
      : { key: 'accidental-medical', name: '意外医疗费用', sumInsuredFen: variant.medical * WAN, note: '0免赔' },
    { key: 'accidental-death', name: '意外身故及伤残', sumInsuredFen: variant.death * WAN },
    { key: 'flight-delay', name: '航班延误', sumInsuredFen: 600 * 100, note: '每延误4小时赔付200元' },
  ];
  if (variant.abroad) {
    coverage.push(
      { key: 'emergency-rescue', name: '紧急救援及医疗转运', sumInsuredFen: 50 * WAN, note: '24小时全球救援热线' },
      { key: 'baggage', name: '随身行李损失', sumInsuredFen: 3000 * 100, note: '每件物品以500元为限' },
    );
  }
  return {
    name: `${context.insurer.brand}${variant.series}`,
    coverage,
    deductibleFen: 0,
    waitingPeriodDays: 0,
    guaranteedRenewalYears: 0,
    minAge: 0,
    maxAge: 80,
    healthQuestions: pick(TRAVEL_QUESTIONS, variant.abroad ? 2 : 1, 0),
    maxOccupationClass: 4,
    plans: plansOf(variant.plans),
    // Travel cover is bought per trip: the "annual" premium of a row is the premium of one trip.
    premiums: premiumTable({
      bands: TRAVEL_AGE_BANDS.map(([minAge, maxAge, factor]) => [minAge, maxAge, variant.base * factor] as const),
      plans: variant.plans,
      withoutSocialInsurance: 1,
      monthlyShare: null,
      scale: between(context.random, 0.9, 1.15),
    }),
    exclusions: [...TRAVEL_EXCLUSIONS],
  };
}

// ---------------------------------------------------------------------------------------------- 财产险
const PROPERTY_VARIANTS = [
  { series: '安居 家庭财产保险', basic: 99, upgraded: 199, house: 100, contents: 10 },
  { series: '管道水渍无忧 家财险', basic: 129, upgraded: 259, house: 50, contents: 20 },
] as const;

function property(context: Context): ProductBody {
  const variant = variantOf(PROPERTY_VARIANTS, context);
  return {
    name: `${context.insurer.brand}${variant.series}`,
    coverage: [
      {
        key: 'home-property',
        name: '房屋主体损失',
        sumInsuredFen: variant.house * WAN,
        note: '火灾、爆炸、台风、暴雨等',
      },
      { key: 'home-contents', name: '室内财产损失', sumInsuredFen: variant.contents * WAN },
      { key: 'water-damage', name: '管道破裂及水渍损失', sumInsuredFen: 5 * WAN, note: '每次事故免赔额500元' },
      { key: 'theft', name: '盗抢损失', sumInsuredFen: 2 * WAN, note: '升级版专享，需公安机关立案证明' },
      { key: 'third-party-liability', name: '居家责任（第三者损害）', sumInsuredFen: 20 * WAN },
    ],
    deductibleFen: 0,
    waitingPeriodDays: 0,
    guaranteedRenewalYears: 0,
    minAge: 18,
    maxAge: 80,
    healthQuestions: [],
    maxOccupationClass: 6,
    plans: [
      { key: 'basic', name: '基础版' },
      { key: 'upgraded', name: '升级版（含盗抢）' },
    ],
    premiums: premiumTable({
      bands: [[18, 80, variant.basic]],
      plans: [
        { key: 'basic', name: '基础版', factor: 1 },
        { key: 'upgraded', name: '升级版', factor: variant.upgraded / variant.basic },
      ],
      withoutSocialInsurance: 1,
      monthlyShare: null,
      scale: 1,
    }),
    exclusions: [...PROPERTY_EXCLUSIONS],
  };
}

// ---------------------------------------------------------------------------------------------- catalogue
const BUILDERS: Readonly<Record<SandboxCategory, (context: Context) => ProductBody>> = {
  MEDICAL: medical,
  CRITICAL_ILLNESS: criticalIllness,
  ACCIDENT: accident,
  TERM_LIFE: termLife,
  CANCER: cancer,
  HUIMINBAO: huiminbao,
  TRAVEL: travel,
  PROPERTY: property,
};

const CODE_WORDS: Readonly<Record<SandboxCategory, string>> = {
  MEDICAL: 'MED',
  CRITICAL_ILLNESS: 'CI',
  ACCIDENT: 'ACC',
  TERM_LIFE: 'LIFE',
  CANCER: 'CAN',
  HUIMINBAO: 'HMB',
  TRAVEL: 'TRV',
  PROPERTY: 'PROP',
};

/** How many products of each line an insurer sells; its licence decides which lines it may sell at all. */
type ProductMix = Partial<Record<SandboxCategory, number>>;

const MIX_BY_KIND: Readonly<Record<InsurerKind, ProductMix>> = {
  life: { MEDICAL: 3, CRITICAL_ILLNESS: 3, TERM_LIFE: 2, CANCER: 2, ACCIDENT: 2 },
  health: { MEDICAL: 4, CRITICAL_ILLNESS: 2, CANCER: 3, HUIMINBAO: 2, ACCIDENT: 1 },
  property: { MEDICAL: 2, ACCIDENT: 3, TRAVEL: 3, PROPERTY: 2, HUIMINBAO: 2 },
};

/** A small internet insurer sells a narrower range. */
const MIX_BY_INSURER: Readonly<Record<string, ProductMix>> = {
  xiaofang: { MEDICAL: 1, ACCIDENT: 2, TRAVEL: 2, PROPERTY: 1 },
};

/** A generated insurer's mix: its kind's proportions scaled to `total` products (./generated.ts). */
function scaledMix(kind: InsurerKind, total: number): ProductMix {
  const base = Object.entries(MIX_BY_KIND[kind]) as [SandboxCategory, number][];
  const sum = base.reduce((acc, [, count]) => acc + count, 0);
  const mix: ProductMix = {};
  let given = 0;
  base.forEach(([category, count], index) => {
    const share = index === base.length - 1 ? total - given : Math.floor((total * count) / sum);
    mix[category] = share;
    given += share;
  });
  return mix;
}

function generate(): SandboxProduct[] {
  const products: SandboxProduct[] = [];
  SANDBOX_INSURERS.forEach((insurer, insurerIndex) => {
    const mix =
      insurerIndex >= HAND_WRITTEN_INSURER_COUNT
        ? scaledMix(insurer.kind, GENERATED_SETTINGS.productsPerInsurer)
        : (MIX_BY_INSURER[insurer.code] ?? MIX_BY_KIND[insurer.kind]);
    for (const [category, count] of Object.entries(mix) as [SandboxCategory, number][]) {
      for (let ordinal = 0; ordinal < count; ordinal++) {
        const code = `${insurer.codePrefix}-${CODE_WORDS[category]}-${String(ordinal + 1).padStart(2, '0')}`;
        const body = BUILDERS[category]({ insurer, insurerIndex, ordinal, random: seededRandom(code) });
        products.push({ code, insurerCode: insurer.code, category, ...body });
      }
    }
  });
  return products;
}

export const SANDBOX_PRODUCTS: readonly SandboxProduct[] = generate();
