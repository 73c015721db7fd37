import {
  formatAgeRange,
  formatDecimal,
  formatDeductible,
  formatGuaranteedRenewal,
  formatMoney,
  formatOccupationClasses,
  formatPercent,
  formatPoints,
  formatWaitingPeriod,
  formatYuanAmount,
} from './display.js';
import type { Fen, InsurerFacts, Product, ProductCategory, RiskRating } from './product.js';
import { assessInsurer, MAX_COMPLAINT_RATE, MIN_REGISTERED_CAPITAL_YUAN } from './qualification.js';

/**
 * C4: the five-dimension score, after 蚂蚁保's 金选. Every dimension is a base plus integer
 * contributions of named inputs, clamped to 0–100, so the radar chart can show where each point came
 * from. VALUE and COVERAGE compare a product with the median of its category in the catalogue; the
 * other dimensions are absolute. The method and its numbers are documented in docs/scoring.md.
 */

export type ScoreDimension = 'VALUE' | 'ELIGIBILITY' | 'COVERAGE' | 'CLAIMS' | 'INSURER';

export interface ScoreDimensionInfo {
  readonly dimension: ScoreDimension;
  readonly label: string;
  /** Share of the composite; the five weights sum to 1. */
  readonly weight: number;
}

/** The five dimensions in display order, with their weights in the composite. */
export const SCORE_DIMENSIONS: readonly ScoreDimensionInfo[] = [
  { dimension: 'VALUE', label: '性价比', weight: 0.25 },
  { dimension: 'ELIGIBILITY', label: '投保门槛', weight: 0.15 },
  { dimension: 'COVERAGE', label: '保障范围', weight: 0.25 },
  { dimension: 'CLAIMS', label: '服务理赔', weight: 0.15 },
  { dimension: 'INSURER', label: '公司经营', weight: 0.2 },
];

/** 金选 needs a composite of at least this… */
export const GOLD_PICK_MIN_COMPOSITE = 72;
/** …no dimension below this (50 is the neutral score: no weak spot)… */
export const GOLD_PICK_DIMENSION_FLOOR = 50;
/** …and an insurer that passes the qualification gate with a risk rating of A or better. */
export const GOLD_PICK_MIN_RISK_RATING: RiskRating = 'A';

/** Premiums are compared for a 30-year-old with social insurance (or the nearest insurable age). */
export const REFERENCE_AGE = 30;

export interface ScoreInput {
  readonly key: string;
  /** Chinese, e.g. 参考保费 */
  readonly label: string;
  /** Display text, e.g. ¥218/年（30岁有社保基础版），同类中位数 ¥300/年 */
  readonly value: string;
  /** Points this input added (negative: removed). The first input is the base. */
  readonly contribution: number;
}

export interface DimensionScore {
  readonly dimension: ScoreDimension;
  readonly label: string;
  /** 0–100 integer: the sum of the inputs' contributions, clamped. */
  readonly score: number;
  readonly weight: number;
  readonly inputs: ScoreInput[];
  /** Chinese, how the inputs gave the score. */
  readonly explanation: string;
}

export interface ProductScore {
  /** Weighted sum of the dimension scores, 0–100, one decimal at most. */
  readonly composite: number;
  readonly goldPick: boolean;
  /** Always the five dimensions, in SCORE_DIMENSIONS order. */
  readonly dimensions: DimensionScore[];
}

export class DuplicateProductIdError extends Error {
  constructor(readonly productId: string) {
    super(`Product ${productId} appears twice in the catalogue`);
    this.name = 'DuplicateProductIdError';
  }
}

/** The premium a product is compared on (性价比). */
export interface ReferencePremium {
  readonly annual: Fen;
  /** Chinese description of what was priced: 30岁有社保基础版, or 起售价. */
  readonly basis: string;
}

/**
 * Scores every product of a catalogue. Products are compared with the others of their category, so
 * the whole catalogue is needed; the answer does not depend on the order of `products`. A product
 * whose insurer has no facts in `insurers` gets a neutral 50 for 服务理赔 and 公司经营, says so, and is
 * never a gold pick. Throws DuplicateProductIdError when two products share an id.
 */
export function scoreCatalogue(
  products: readonly Product[],
  insurers: ReadonlyMap<string, InsurerFacts>,
): Map<string, ProductScore> {
  const sorted = [...products].sort((a, b) => compareText(a.id, b.id));
  sorted.forEach((product, index) => {
    if (index > 0 && sorted[index - 1].id === product.id) throw new DuplicateProductIdError(product.id);
  });
  const figures = new Map(sorted.map((product) => [product.id, productFigures(product)]));
  const benchmarks = categoryBenchmarks(sorted, figures);
  const scores = new Map<string, ProductScore>();
  for (const product of sorted) {
    const own = figures.get(product.id) as ProductFigures;
    const peers = benchmarks.get(product.category) as CategoryBenchmarks;
    scores.set(product.id, scoreProduct(product, own, peers, insurers.get(product.insurerId)));
  }
  return scores;
}

/**
 * A product's score as a catalogue keeps it: the composite and 金选, which lists sort and show, and
 * the five dimensions (inputs and explanations, about 2 KB a product) made again from what they were
 * computed from each time they are read, equal every time. A catalogue of 10,000 products keeps
 * about 20 MB less (docs/performance.md, "Memory at scale").
 */
class CatalogueScore implements ProductScore {
  readonly #dimensions: () => DimensionScore[];

  constructor(
    readonly composite: number,
    readonly goldPick: boolean,
    dimensions: () => DimensionScore[],
  ) {
    this.#dimensions = dimensions;
  }

  get dimensions(): DimensionScore[] {
    return this.#dimensions();
  }
}

/**
 * The lowest annual premium at REFERENCE_AGE (or the nearest insurable age) across plans, with social
 * insurance if the product prices that, else without; the product's priceFrom when the table has no
 * row for that age; null when neither is usable.
 */
export function referencePremium(product: Product): ReferencePremium | null {
  const age = Math.min(Math.max(REFERENCE_AGE, product.minAge), product.maxAge);
  for (const socialInsurance of [true, false]) {
    const rows = product.premiums
      .filter((rate) => rate.socialInsurance === socialInsurance && rate.minAge <= age && age <= rate.maxAge)
      .sort((a, b) => a.annual - b.annual || compareText(a.plan, b.plan));
    if (rows.length > 0) {
      const plan = product.plans.find((known) => known.key === rows[0].plan)?.name ?? rows[0].plan;
      return { annual: rows[0].annual, basis: `${age}岁${socialInsurance ? '有' : '无'}社保${plan}` };
    }
  }
  return isAmount(product.priceFrom) ? { annual: product.priceFrom, basis: '起售价' } : null;
}

// ---------------------------------------------------------------------------------------------
// Per product and per category figures

interface ProductFigures {
  readonly premium: ReferencePremium | null;
  /** Sum of the coverage items' sums insured (fen). */
  readonly totalSumInsured: Fen;
  /** Fen of sum insured bought by one yuan of reference premium; Infinity for a free product. */
  readonly sumInsuredPerYuan: number | null;
}

interface CategoryBenchmarks {
  readonly premium: number | null;
  readonly sumInsuredPerYuan: number | null;
  readonly totalSumInsured: number | null;
  readonly coverageItems: number | null;
  readonly size: number;
}

function productFigures(product: Product): ProductFigures {
  const premium = referencePremium(product);
  const totalSumInsured = product.coverage.reduce((sum, item) => sum + Math.max(0, item.sumInsured), 0);
  return { premium, totalSumInsured, sumInsuredPerYuan: perYuan(totalSumInsured, premium) };
}

/** Null when there is nothing to divide: no premium, or a free product with no sum insured. */
function perYuan(totalSumInsured: Fen, premium: ReferencePremium | null): number | null {
  if (premium === null) return null;
  if (premium.annual === 0) return totalSumInsured > 0 ? Number.POSITIVE_INFINITY : null;
  return (totalSumInsured * 100) / premium.annual;
}

function categoryBenchmarks(
  products: readonly Product[],
  figures: ReadonlyMap<string, ProductFigures>,
): Map<ProductCategory, CategoryBenchmarks> {
  const byCategory = new Map<ProductCategory, Product[]>();
  for (const product of products) {
    const peers = byCategory.get(product.category);
    if (peers) peers.push(product);
    else byCategory.set(product.category, [product]);
  }
  const benchmarks = new Map<ProductCategory, CategoryBenchmarks>();
  for (const [category, peers] of byCategory) {
    const own = peers.map((product) => figures.get(product.id) as ProductFigures);
    benchmarks.set(category, {
      premium: median(own.map((figure) => figure.premium?.annual ?? null)),
      sumInsuredPerYuan: median(own.map((figure) => figure.sumInsuredPerYuan)),
      totalSumInsured: median(own.map((figure) => figure.totalSumInsured)),
      coverageItems: median(peers.map((product) => product.coverage.length)),
      size: peers.length,
    });
  }
  return benchmarks;
}

function scoreProduct(
  product: Product,
  figures: ProductFigures,
  peers: CategoryBenchmarks,
  facts: InsurerFacts | undefined,
): ProductScore {
  const dimensions = scoreDimensions(product, figures, peers, facts);
  const composite = compositeOf(dimensions);
  // What the dimensions are made from again: the product, its category's benchmarks and its insurer's
  // facts (all kept anyway); its own figures are recomputed, not kept.
  return new CatalogueScore(composite, qualifiesForGoldPick(composite, dimensions, facts), () =>
    scoreDimensions(product, productFigures(product), peers, facts),
  );
}

function scoreDimensions(
  product: Product,
  figures: ProductFigures,
  peers: CategoryBenchmarks,
  facts: InsurerFacts | undefined,
): DimensionScore[] {
  return [
    scoreValue(figures, peers),
    scoreEligibility(product),
    scoreCoverage(product, figures, peers),
    scoreClaims(facts),
    scoreInsurer(facts),
  ];
}

/** Integer arithmetic on weight percents, so the composite is exact to one decimal everywhere. */
function compositeOf(dimensions: readonly DimensionScore[]): number {
  const total = dimensions.reduce((sum, dimension) => sum + dimension.score * Math.round(dimension.weight * 100), 0);
  return Math.round(total / 10) / 10;
}

/**
 * 金选: composite at least GOLD_PICK_MIN_COMPOSITE, every dimension at least GOLD_PICK_DIMENSION_FLOOR,
 * and an insurer with known facts that passes the qualification gate and is rated A or better.
 */
export function qualifiesForGoldPick(
  composite: number,
  dimensions: readonly DimensionScore[],
  facts: InsurerFacts | undefined,
): boolean {
  if (facts === undefined) return false;
  return (
    composite >= GOLD_PICK_MIN_COMPOSITE &&
    dimensions.every((dimension) => dimension.score >= GOLD_PICK_DIMENSION_FLOOR) &&
    RISK_RATING_POINTS[facts.riskRating] >= RISK_RATING_POINTS[GOLD_PICK_MIN_RISK_RATING] &&
    assessInsurer(facts).qualified
  );
}

// ---------------------------------------------------------------------------------------------
// The five dimensions

function scoreValue(figures: ProductFigures, peers: CategoryBenchmarks): DimensionScore {
  const { premium, sumInsuredPerYuan } = figures;
  const premiumText =
    premium === null
      ? '缺少费率'
      : `${formatMoney(premium.annual)}/年（${premium.basis}），${peerMedian(peers, `${moneyOrDash(peers.premium)}/年`)}`;
  const perYuanText =
    sumInsuredPerYuan === null
      ? '无法计算'
      : `${perYuanPhrase(sumInsuredPerYuan)}，${peerMedian(peers, perYuanMedianPhrase(peers.sumInsuredPerYuan))}`;
  return dimensionScore('VALUE', 50, [
    input(
      'reference-premium',
      '参考保费',
      premiumText,
      points(-relativeLog(premium?.annual ?? null, peers.premium) * 25, 30),
    ),
    input(
      'sum-insured-per-yuan',
      '每元保费对应保额',
      perYuanText,
      points(relativeLog(sumInsuredPerYuan, peers.sumInsuredPerYuan) * 10, 20),
    ),
  ]);
}

function scoreEligibility(product: Product): DimensionScore {
  const questions = product.healthQuestions.length;
  const noSocialInsuranceAccepted =
    product.premiums.length === 0 || product.premiums.some((rate) => !rate.socialInsurance);
  return dimensionScore('ELIGIBILITY', 40, [
    input(
      'age-range',
      '投保年龄',
      formatAgeRange(product.minAge, product.maxAge),
      points(((product.maxAge - product.minAge) / 65) * 20, 20, 0),
    ),
    input(
      'health-questions',
      '健康告知',
      questions === 0 ? '无健康告知' : `${questions} 项`,
      Math.max(-15, 25 - 5 * questions),
    ),
    input(
      'max-occupation-class',
      '可投保职业',
      formatOccupationClasses(product.maxOccupationClass),
      points((product.maxOccupationClass - 1) * 3, 15, 0),
    ),
    input(
      'social-insurance',
      '无社保可投保',
      noSocialInsuranceAccepted ? '可投保' : '仅限有社保',
      noSocialInsuranceAccepted ? 0 : -10,
    ),
  ]);
}

function scoreCoverage(product: Product, figures: ProductFigures, peers: CategoryBenchmarks): DimensionScore {
  const items = product.coverage.length;
  const years = Math.max(0, product.guaranteedRenewalYears);
  return dimensionScore('COVERAGE', 50, [
    input(
      'total-sum-insured',
      '总保额',
      `${formatMoney(figures.totalSumInsured)}，${peerMedian(peers, moneyOrDash(peers.totalSumInsured))}`,
      points(relativeLog(figures.totalSumInsured, peers.totalSumInsured) * 15, 20),
    ),
    input(
      'coverage-items',
      '保障责任',
      `${items} 项，${peerMedian(peers, `${formatDecimal(peers.coverageItems ?? items, 1)} 项`)}`,
      points((items - (peers.coverageItems ?? items)) * 4, 12),
    ),
    input(
      'deductible',
      '免赔额',
      formatDeductible(product.deductible),
      points(8 - (8 * Math.max(0, product.deductible)) / 1_000_000, 8),
    ),
    input(
      'waiting-period',
      '等待期',
      formatWaitingPeriod(product.waitingPeriodDays),
      points(6 - Math.max(0, product.waitingPeriodDays) / 15, 6),
    ),
    input('guaranteed-renewal', '保证续保', formatGuaranteedRenewal(years), points(Math.min(years, 20) * 0.6, 12, 0)),
  ]);
}

function scoreClaims(facts: InsurerFacts | undefined): DimensionScore {
  if (facts === undefined) return neutralForMissingFacts('CLAIMS');
  return dimensionScore('CLAIMS', 50, [
    input(
      'average-claim-days',
      '平均理赔时效',
      `${formatDecimal(facts.averageClaimDays, 1)}天`,
      points(30 - 6 * facts.averageClaimDays, 25),
    ),
    input(
      'online-claim-rate',
      '线上理赔占比',
      formatPercent(facts.onlineClaimRate, 1),
      points((facts.onlineClaimRate * 100 - 50) / 2, 25),
    ),
  ]);
}

const RISK_RATING_POINTS: Readonly<Record<RiskRating, number>> = {
  AAA: 20,
  AA: 15,
  A: 10,
  BBB: 0,
  BB: -10,
  B: -20,
  C: -30,
  D: -40,
};

function scoreInsurer(facts: InsurerFacts | undefined): DimensionScore {
  if (facts === undefined) return neutralForMissingFacts('INSURER');
  const solvency = facts.solvencyRatio < 100 ? -20 : points((facts.solvencyRatio - 100) / 10, 20);
  const capital =
    facts.registeredCapitalYuan > 0
      ? points(Math.log2(facts.registeredCapitalYuan / MIN_REGISTERED_CAPITAL_YUAN) * 3, 10)
      : -10;
  return dimensionScore('INSURER', 40, [
    input('solvency-ratio', '综合偿付能力充足率', `${formatDecimal(facts.solvencyRatio, 1)}%`, solvency),
    input('risk-rating', '风险综合评级', facts.riskRating, RISK_RATING_POINTS[facts.riskRating]),
    input('registered-capital', '注册资本', formatYuanAmount(facts.registeredCapitalYuan), capital),
    input(
      'complaint-rate',
      '投诉率',
      formatPercent(facts.complaintRate, 3),
      points((MAX_COMPLAINT_RATE - facts.complaintRate) * 10_000, 10, -20),
    ),
  ]);
}

function neutralForMissingFacts(dimension: 'CLAIMS' | 'INSURER'): DimensionScore {
  const base = input('base', '基础分', '50', 50);
  const missing = input('insurer-facts', '保险公司信息', '未获取', 0);
  const { label, weight } = dimensionInfo(dimension);
  return {
    dimension,
    label,
    weight,
    score: 50,
    inputs: [base, missing],
    explanation: '暂未获取该保险公司的公开经营与理赔数据，本项按中性分计。基础分 50，合计 50 分。',
  };
}

// ---------------------------------------------------------------------------------------------
// Building blocks

function dimensionScore(dimension: ScoreDimension, base: number, contributions: ScoreInput[]): DimensionScore {
  const inputs = [input('base', '基础分', String(base), base), ...contributions];
  const raw = inputs.reduce((sum, item) => sum + item.contribution, 0);
  const score = Math.min(100, Math.max(0, raw));
  const { label, weight } = dimensionInfo(dimension);
  return { dimension, label, weight, score, inputs, explanation: explain(base, contributions, raw, score) };
}

function dimensionInfo(dimension: ScoreDimension): { dimension: ScoreDimension; label: string; weight: number } {
  const info = SCORE_DIMENSIONS.find((entry) => entry.dimension === dimension) as ScoreDimensionInfo;
  return { dimension, label: info.label, weight: info.weight };
}

function input(key: string, label: string, value: string, contribution: number): ScoreInput {
  return { key, label, value, contribution };
}

/** "加分项：参考保费 +13、每元保额 +5；扣分项：免赔额 -8。基础分 50，合计 60 分。" */
function explain(base: number, contributions: readonly ScoreInput[], raw: number, score: number): string {
  const byEffect = (sign: 1 | -1) =>
    contributions
      .filter((item) => Math.sign(item.contribution) === sign)
      .sort((a, b) => sign * (b.contribution - a.contribution))
      .map((item) => `${item.label} ${formatPoints(item.contribution)}`);
  const plus = byEffect(1);
  const minus = byEffect(-1);
  const effects = [plus.length ? `加分项：${plus.join('、')}` : '', minus.length ? `扣分项：${minus.join('、')}` : '']
    .filter(Boolean)
    .join('；');
  const summary = effects ? `${effects}。` : '各项均未加减分。';
  const total = raw === score ? `合计 ${score} 分` : `合计 ${raw} 分，按${raw > score ? '上限' : '下限'} ${score} 分计`;
  return `${summary}基础分 ${base}，${total}。`;
}

/**
 * A contribution in whole points, clamped to [min, max] (min defaults to -max). Rounded twice so
 * that floating-point noise (17.499999…) cannot move a half-point across the rounding edge.
 */
function points(value: number, max: number, min = -max): number {
  if (Number.isNaN(value)) return 0;
  const rounded = Math.round(Math.round(value * 1e6) / 1e6);
  const clamped = Math.min(max, Math.max(min, rounded));
  return clamped === 0 ? 0 : clamped; // no -0 in the output
}

/**
 * log2(value / median), with the edges made explicit: equal values (both 0 or both free) give 0,
 * a missing value or median gives 0 (no evidence either way), and 0 or Infinity on one side give
 * ±Infinity, which the caller's cap turns into the full bonus or penalty.
 */
function relativeLog(value: number | null, median: number | null): number {
  if (value === null || median === null || value === median) return 0;
  if (median === 0 || value === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (value === 0 || median === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  return Math.log2(value / median);
}

/** Median of the present values, or null when there are none. */
function median(values: readonly (number | null)[]): number | null {
  const present = values
    .filter((value): value is number => value !== null)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (present.length === 0) return null;
  const middle = Math.floor(present.length / 2);
  if (present.length % 2 === 1) return present[middle];
  const [low, high] = [present[middle - 1], present[middle]];
  return low === high ? low : (low + high) / 2;
}

function perYuanPhrase(fenPerYuan: number): string {
  return fenPerYuan === Number.POSITIVE_INFINITY
    ? '保费为 0'
    : `每元保费买 ${formatMoney(Math.round(fenPerYuan))} 保额`;
}

function perYuanMedianPhrase(fenPerYuan: number | null): string {
  if (fenPerYuan === null) return '—';
  return fenPerYuan === Number.POSITIVE_INFINITY ? '保费为 0' : formatMoney(Math.round(fenPerYuan));
}

/** "同类 5 款中位数 ¥300/年", or "同类仅此一款" when there is nothing to compare with. */
function peerMedian(peers: CategoryBenchmarks, medianText: string): string {
  return peers.size > 1 ? `同类 ${peers.size} 款中位数 ${medianText}` : '同类仅此一款';
}

function moneyOrDash(fen: number | null): string {
  return fen === null ? '—' : formatMoney(Math.round(fen));
}

function isAmount(fen: number): boolean {
  return Number.isFinite(fen) && fen >= 0;
}

/** Code-unit order, the same on every platform (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
