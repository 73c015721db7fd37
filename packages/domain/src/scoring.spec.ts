import type { InsurerFacts, Product } from './product.js';
import {
  DuplicateProductIdError,
  GOLD_PICK_DIMENSION_FLOOR,
  GOLD_PICK_MIN_COMPOSITE,
  qualifiesForGoldPick,
  referencePremium,
  SCORE_DIMENSIONS,
  scoreCatalogue,
  type DimensionScore,
  type ProductScore,
  type ScoreDimension,
} from './scoring.js';
import { makeInsurerFacts, makeProduct } from './testing.js';

const base = makeProduct();

/** A medical product of insurer `a`…`e` whose whole premium table is `factor` times the default one. */
function priced(id: string, factor: number, overrides: Partial<Product> = {}): Product {
  const premiums = base.premiums.map((rate) => ({
    ...rate,
    annual: Math.round(rate.annual * factor),
    monthly: rate.monthly === null ? null : Math.round(rate.monthly * factor),
  }));
  return makeProduct({ id, insurerId: id.split(':')[0], premiums, ...overrides });
}

const peers = (): Product[] => [priced('a:1', 0.8), priced('b:1', 1), priced('c:1', 1.2), priced('d:1', 1.5)];

function factsFor(products: readonly Product[], overrides: Partial<InsurerFacts> = {}): Map<string, InsurerFacts> {
  return new Map(
    products.map((product) => [product.insurerId, makeInsurerFacts({ id: product.insurerId, ...overrides })]),
  );
}

function scoreOf(products: readonly Product[], id: string, insurers = factsFor(products)): ProductScore {
  const score = scoreCatalogue(products, insurers).get(id);
  if (!score) throw new Error(`no score for ${id}`);
  return score;
}

function dimension(score: ProductScore, name: ScoreDimension): DimensionScore {
  return score.dimensions.find((entry) => entry.dimension === name) as DimensionScore;
}

function contribution(score: DimensionScore, key: string): number | undefined {
  return score.inputs.find((input) => input.key === key)?.contribution;
}

/** Scores of the product `id` as one input of the catalogue varies, in the order given. */
function scoresWhile<T>(
  values: readonly T[],
  build: (value: T) => Product[],
  id: string,
  name: ScoreDimension,
): number[] {
  return values.map((value) => {
    const products = build(value);
    return dimension(scoreOf(products, id), name).score;
  });
}

const nonDecreasing = (values: readonly number[]): boolean =>
  values.every((value, i) => i === 0 || value >= values[i - 1]);

describe('SCORE_DIMENSIONS', () => {
  it('lists the five dimensions in order, with Chinese labels and weights summing to 1', () => {
    expect(SCORE_DIMENSIONS.map((entry) => `${entry.dimension}:${entry.label}`)).toEqual([
      'VALUE:性价比',
      'ELIGIBILITY:投保门槛',
      'COVERAGE:保障范围',
      'CLAIMS:服务理赔',
      'INSURER:公司经营',
    ]);
    expect(SCORE_DIMENSIONS.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 10);
  });
});

describe('scoreCatalogue', () => {
  const variedCatalogue = (): Product[] => [
    ...peers(),
    priced('a:2', 0, { category: 'ACCIDENT', deductible: 0, waitingPeriodDays: 0, healthQuestions: [] }),
    priced('b:2', 2, { category: 'ACCIDENT', coverage: [], minAge: 18, maxAge: 18, maxOccupationClass: 1 }),
    priced('c:2', 1, { category: 'CRITICAL_ILLNESS', guaranteedRenewalYears: 99, deductible: 50_000_000 }),
  ];
  const variedInsurers = (): Map<string, InsurerFacts> =>
    new Map([
      [
        'a',
        makeInsurerFacts({ id: 'a', solvencyRatio: 400, riskRating: 'AAA', averageClaimDays: 0, onlineClaimRate: 1 }),
      ],
      [
        'b',
        makeInsurerFacts({
          id: 'b',
          solvencyRatio: 80,
          riskRating: 'D',
          complaintRate: 0.01,
          registeredCapitalYuan: 0,
        }),
      ],
      ['c', makeInsurerFacts({ id: 'c', averageClaimDays: 30, onlineClaimRate: 0 })],
    ]);

  it('gives every product the five dimensions, in order, with integer scores from 0 to 100', () => {
    for (const score of scoreCatalogue(variedCatalogue(), variedInsurers()).values()) {
      expect(score.dimensions.map((entry) => entry.dimension)).toEqual(
        SCORE_DIMENSIONS.map((entry) => entry.dimension),
      );
      for (const entry of score.dimensions) {
        expect(Number.isInteger(entry.score)).toBe(true);
        expect(entry.score).toBeGreaterThanOrEqual(0);
        expect(entry.score).toBeLessThanOrEqual(100);
        expect(entry.explanation).toMatch(/基础分 \d+，合计 -?\d+ 分/);
      }
    }
  });

  it('keeps only the composite and 金选 per product; the dimensions, made again when read, are equal every time', () => {
    const products = variedCatalogue();
    const insurers = variedInsurers();
    for (const [id, score] of scoreCatalogue(products, insurers)) {
      expect(Object.keys(score).sort()).toEqual(['composite', 'goldPick']);
      const first = score.dimensions;
      const again = score.dimensions;
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
      const product = products.find((candidate) => candidate.id === id)!;
      expect(qualifiesForGoldPick(score.composite, again, insurers.get(product.insurerId))).toBe(score.goldPick);
    }
  });

  it('makes every score the sum of its inputs, base included, clamped to 0–100', () => {
    for (const score of scoreCatalogue(variedCatalogue(), variedInsurers()).values()) {
      for (const entry of score.dimensions) {
        expect(entry.inputs[0]).toMatchObject({ key: 'base', label: '基础分' });
        const raw = entry.inputs.reduce((sum, input) => sum + input.contribution, 0);
        expect(entry.inputs.every((input) => Number.isInteger(input.contribution))).toBe(true);
        expect(entry.score).toBe(Math.min(100, Math.max(0, raw)));
      }
    }
  });

  it('makes the composite the weighted sum of the dimensions, to one decimal', () => {
    for (const score of scoreCatalogue(variedCatalogue(), variedInsurers()).values()) {
      const weighted = score.dimensions.reduce((sum, entry) => sum + entry.score * entry.weight, 0);
      expect(Math.abs(score.composite - weighted)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.round(score.composite * 10)).toBeCloseTo(score.composite * 10, 9);
    }
  });

  it('says in the explanation when a score was capped', () => {
    const best = dimension(scoreOf(variedCatalogue(), 'a:1', variedInsurers()), 'INSURER');
    const worst = dimension(scoreOf(variedCatalogue(), 'b:1', variedInsurers()), 'INSURER');
    expect(worst.score).toBe(0);
    expect(worst.explanation).toMatch(/按下限 0 分计/);
    expect(best.explanation).toContain('加分项：');
    expect(worst.explanation).toContain('扣分项：');
  });

  it('gives the same scores whatever the order of the catalogue, keyed in id order', () => {
    const catalogue = variedCatalogue();
    const forward = scoreCatalogue(catalogue, variedInsurers());
    const backward = scoreCatalogue([...catalogue].reverse(), variedInsurers());
    const shuffled = scoreCatalogue(
      [catalogue[3], catalogue[0], catalogue[6], catalogue[1], catalogue[5], catalogue[2], catalogue[4]],
      variedInsurers(),
    );
    expect([...backward.entries()]).toEqual([...forward.entries()]);
    expect([...shuffled.entries()]).toEqual([...forward.entries()]);
    expect([...forward.keys()]).toEqual([...forward.keys()].sort());
  });

  it('does not depend on the order of a premium table', () => {
    const reversedTable = priced('b:1', 1, { premiums: [...priced('b:1', 1).premiums].reverse() });
    const original = scoreOf(peers(), 'b:1');
    const reordered = scoreOf([...peers().filter((product) => product.id !== 'b:1'), reversedTable], 'b:1');
    expect(reordered).toEqual(original);
  });

  it('refuses a catalogue with two products of the same id', () => {
    expect(() => scoreCatalogue([priced('a:1', 1), priced('a:1', 2)], factsFor([priced('a:1', 1)]))).toThrow(
      DuplicateProductIdError,
    );
  });

  it('answers an empty map for an empty catalogue', () => {
    expect(scoreCatalogue([], new Map()).size).toBe(0);
  });
});

describe('性价比 (VALUE)', () => {
  it('compares a product only with its own category', () => {
    const expensiveAccident = priced('e:1', 10, { category: 'ACCIDENT' });
    const alone = dimension(scoreOf([...peers(), expensiveAccident], 'e:1'), 'VALUE');
    expect(alone.score).toBe(50);
    expect(alone.inputs[1].value).toContain('同类仅此一款');
  });

  it('is neutral (50) for a product alone in its category', () => {
    const value = dimension(scoreOf([priced('a:1', 1)], 'a:1'), 'VALUE');
    expect(value.score).toBe(50);
    expect(value.inputs.map((input) => input.contribution)).toEqual([50, 0, 0]);
  });

  it('is neutral for every product when all peers are equal', () => {
    const equal = [priced('a:1', 1), priced('b:1', 1), priced('c:1', 1)];
    for (const id of ['a:1', 'b:1', 'c:1']) expect(dimension(scoreOf(equal, id), 'VALUE').score).toBe(50);
  });

  it('rewards a cheaper product and penalises a dearer one, symmetrically around the median', () => {
    const catalogue = [priced('a:1', 0.5), priced('b:1', 1), priced('c:1', 2)];
    const [cheap, median, dear] = ['a:1', 'b:1', 'c:1'].map((id) => dimension(scoreOf(catalogue, id), 'VALUE'));
    expect(median.score).toBe(50);
    expect(contribution(cheap, 'reference-premium')).toBe(25);
    expect(contribution(dear, 'reference-premium')).toBe(-25);
    expect(contribution(cheap, 'sum-insured-per-yuan')).toBe(10);
    expect(contribution(dear, 'sum-insured-per-yuan')).toBe(-10);
    expect(cheap.score).toBe(85);
    expect(dear.score).toBe(15);
  });

  it('never falls as the product gets cheaper, the peers unchanged', () => {
    const factors = [3, 2, 1.5, 1.2, 1, 0.9, 0.7, 0.5, 0.2, 0.01, 0];
    const scores = scoresWhile(factors, (factor) => [...peers().slice(1), priced('a:1', factor)], 'a:1', 'VALUE');
    expect(nonDecreasing(scores)).toBe(true);
    expect(scores[0]).toBeLessThan(scores[scores.length - 1]);
  });

  it('gives a free product the full bonus without NaN', () => {
    const value = dimension(scoreOf([...peers().slice(1), priced('a:1', 0)], 'a:1'), 'VALUE');
    expect(value.score).toBe(100);
    expect(value.inputs[1].value).toMatch(/^¥0\/年/);
    expect(value.inputs[2].value).toContain('保费为 0');
  });

  it('is neutral when every product of the category is free', () => {
    const free = [priced('a:1', 0), priced('b:1', 0)];
    expect(dimension(scoreOf(free, 'a:1'), 'VALUE').score).toBe(50);
  });

  it('shows the reference premium and the category median in the input', () => {
    const value = dimension(scoreOf([priced('a:1', 0.5), priced('b:1', 1), priced('c:1', 2)], 'a:1'), 'VALUE');
    expect(value.inputs[1]).toEqual({
      key: 'reference-premium',
      label: '参考保费',
      value: '¥109/年（30岁有社保基础版），同类 3 款中位数 ¥218/年',
      contribution: 25,
    });
  });
});

describe('referencePremium', () => {
  it('prices a 30-year-old with social insurance on the cheapest plan', () => {
    const plus = { plan: 'plus', socialInsurance: true, minAge: 0, maxAge: 60, annual: 15000, monthly: null };
    const product = makeProduct({
      plans: [...base.plans, { key: 'plus', name: '升级版' }],
      premiums: [...base.premiums, plus],
    });
    expect(referencePremium(product)).toEqual({ annual: 15000, basis: '30岁有社保升级版' });
  });

  it('falls back to the nearest insurable age', () => {
    expect(referencePremium(makeProduct({ minAge: 0, maxAge: 17 }))).toEqual({
      annual: 13600,
      basis: '17岁有社保基础版',
    });
    expect(referencePremium(makeProduct({ minAge: 41, maxAge: 60 }))).toEqual({
      annual: 52000,
      basis: '41岁有社保基础版',
    });
  });

  it('falls back to the no-social-insurance rate, then to priceFrom', () => {
    const noSocial = makeProduct({ premiums: base.premiums.filter((rate) => !rate.socialInsurance) });
    expect(referencePremium(noSocial)).toEqual({ annual: 46800, basis: '30岁无社保基础版' });
    expect(referencePremium(makeProduct({ premiums: [], priceFrom: 9900 }))).toEqual({ annual: 9900, basis: '起售价' });
    expect(referencePremium(makeProduct({ premiums: [], priceFrom: Number.NaN }))).toBeNull();
  });
});

describe('投保门槛 (ELIGIBILITY)', () => {
  const questions = (count: number): string[] => Array.from({ length: count }, (_, i) => `问题 ${i + 1}`);

  it('never falls as health questions are removed', () => {
    const counts = [12, 8, 6, 5, 4, 3, 2, 1, 0];
    const scores = scoresWhile(
      counts,
      (count) => [priced('a:1', 1, { healthQuestions: questions(count) })],
      'a:1',
      'ELIGIBILITY',
    );
    expect(nonDecreasing(scores)).toBe(true);
    expect(scores[0]).toBeLessThan(scores[scores.length - 1]);
  });

  it('never falls as the age range widens or more occupations are accepted', () => {
    const ages = scoresWhile([60, 40, 18, 0], (minAge) => [priced('a:1', 1, { minAge })], 'a:1', 'ELIGIBILITY');
    const classes = scoresWhile(
      [1, 2, 3, 4, 5, 6],
      (maxOccupationClass) => [priced('a:1', 1, { maxOccupationClass })],
      'a:1',
      'ELIGIBILITY',
    );
    expect(nonDecreasing(ages)).toBe(true);
    expect(nonDecreasing(classes)).toBe(true);
  });

  it('scores the default product from its inputs', () => {
    const eligibility = dimension(scoreOf([base], base.id, factsFor([base])), 'ELIGIBILITY');
    expect(eligibility.inputs.map((input) => [input.key, input.value, input.contribution])).toEqual([
      ['base', '40', 40],
      ['age-range', '0–60周岁', 18],
      ['health-questions', '2 项', 15],
      ['max-occupation-class', '1–4类', 9],
      ['social-insurance', '可投保', 0],
    ]);
    expect(eligibility.score).toBe(82);
    expect(eligibility.explanation).toBe('加分项：投保年龄 +18、健康告知 +15、可投保职业 +9。基础分 40，合计 82 分。');
  });

  it('takes points off a product that insures only people with social insurance', () => {
    const socialOnly = priced('a:1', 1, { premiums: base.premiums.filter((rate) => rate.socialInsurance) });
    const eligibility = dimension(scoreOf([socialOnly], 'a:1'), 'ELIGIBILITY');
    expect(contribution(eligibility, 'social-insurance')).toBe(-10);
  });
});

describe('保障范围 (COVERAGE)', () => {
  it('never falls as the sum insured grows, the peers unchanged', () => {
    const sums = [0, 50_000_000, 300_000_000, 600_000_000, 2_000_000_000];
    const scores = scoresWhile(
      sums,
      (sumInsured) => [
        ...peers().slice(1),
        priced('a:1', 1, { coverage: [{ key: 'general-medical', name: '一般医疗', sumInsured }] }),
      ],
      'a:1',
      'COVERAGE',
    );
    expect(nonDecreasing(scores)).toBe(true);
    expect(scores[0]).toBeLessThan(scores[scores.length - 1]);
  });

  it('never falls with a lower deductible, a shorter waiting period or longer guaranteed renewal', () => {
    const build = (overrides: Partial<Product>) => [...peers().slice(1), priced('a:1', 1, overrides)];
    const deductibles = scoresWhile(
      [5_000_000, 2_000_000, 1_000_000, 500_000, 0],
      (deductible) => build({ deductible }),
      'a:1',
      'COVERAGE',
    );
    const waits = scoresWhile(
      [365, 180, 90, 30, 0],
      (waitingPeriodDays) => build({ waitingPeriodDays }),
      'a:1',
      'COVERAGE',
    );
    const renewals = scoresWhile(
      [0, 1, 6, 20, 99],
      (guaranteedRenewalYears) => build({ guaranteedRenewalYears }),
      'a:1',
      'COVERAGE',
    );
    for (const scores of [deductibles, waits, renewals]) {
      expect(nonDecreasing(scores)).toBe(true);
      expect(scores[0]).toBeLessThan(scores[scores.length - 1]);
    }
  });

  it('rewards more coverage items than the category median', () => {
    const extra = [...base.coverage, { key: 'outpatient', name: '门诊', sumInsured: 1_000_000 }];
    const coverage = dimension(
      scoreOf([...peers().slice(1), priced('a:1', 1, { coverage: extra })], 'a:1'),
      'COVERAGE',
    );
    expect(contribution(coverage, 'coverage-items')).toBe(4);
  });
});

describe('服务理赔 (CLAIMS) and 公司经营 (INSURER)', () => {
  const withFacts = (overrides: Partial<InsurerFacts>) => scoreOf([base], base.id, factsFor([base], overrides));

  it('never falls as claims are paid faster or more of them online', () => {
    const days = [20, 10, 5, 3.5, 2, 1, 0].map(
      (averageClaimDays) => dimension(withFacts({ averageClaimDays }), 'CLAIMS').score,
    );
    const online = [0, 0.3, 0.5, 0.85, 1].map(
      (onlineClaimRate) => dimension(withFacts({ onlineClaimRate }), 'CLAIMS').score,
    );
    expect(nonDecreasing(days)).toBe(true);
    expect(nonDecreasing(online)).toBe(true);
    expect(days[0]).toBeLessThan(days[days.length - 1]);
  });

  it('never falls with better solvency, rating, capital or complaint rate', () => {
    const solvency = [50, 99, 100, 150, 220, 300, 500].map(
      (solvencyRatio) => dimension(withFacts({ solvencyRatio }), 'INSURER').score,
    );
    const ratings = (['D', 'C', 'B', 'BB', 'BBB', 'A', 'AA', 'AAA'] as const).map(
      (riskRating) => dimension(withFacts({ riskRating }), 'INSURER').score,
    );
    const capital = [0, 5e8, 1e9, 5e9, 1e10, 1e11].map(
      (registeredCapitalYuan) => dimension(withFacts({ registeredCapitalYuan }), 'INSURER').score,
    );
    const complaints = [0.01, 0.003, 0.0015, 0.001, 0.0005, 0].map(
      (complaintRate) => dimension(withFacts({ complaintRate }), 'INSURER').score,
    );
    for (const scores of [solvency, ratings, capital, complaints]) {
      expect(nonDecreasing(scores)).toBe(true);
      expect(scores[0]).toBeLessThan(scores[scores.length - 1]);
    }
  });

  it('treats a solvency ratio below 100% (the regulatory minimum) as the full penalty', () => {
    expect(contribution(dimension(withFacts({ solvencyRatio: 99 }), 'INSURER'), 'solvency-ratio')).toBe(-20);
    expect(contribution(dimension(withFacts({ solvencyRatio: 100 }), 'INSURER'), 'solvency-ratio')).toBe(0);
  });

  it('scores an insurer without facts at a neutral 50, says so, and never picks it', () => {
    const score = scoreOf([base], base.id, new Map());
    for (const name of ['CLAIMS', 'INSURER'] as const) {
      const entry = dimension(score, name);
      expect(entry.score).toBe(50);
      expect(entry.inputs).toContainEqual({
        key: 'insurer-facts',
        label: '保险公司信息',
        value: '未获取',
        contribution: 0,
      });
      expect(entry.explanation).toContain('按中性分计');
    }
    expect(score.goldPick).toBe(false);
  });
});

describe('金选 (gold pick)', () => {
  const strongInsurer = {
    solvencyRatio: 260,
    riskRating: 'AAA',
    averageClaimDays: 1.5,
    onlineClaimRate: 0.96,
  } as const;
  const star = (): Product =>
    priced('a:1', 0.6, {
      guaranteedRenewalYears: 20,
      waitingPeriodDays: 0,
      coverage: [...base.coverage, { key: 'special-drugs', name: '特药', sumInsured: 300_000_000 }],
    });

  it('picks a product that is strong everywhere', () => {
    const score = scoreOf([star(), ...peers().slice(1)], 'a:1', factsFor(peers(), strongInsurer));
    expect(score.composite).toBeGreaterThanOrEqual(GOLD_PICK_MIN_COMPOSITE);
    expect(score.goldPick).toBe(true);
  });

  it('does not pick an ordinary product', () => {
    const score = scoreOf(peers(), 'b:1');
    expect(score.composite).toBeLessThan(GOLD_PICK_MIN_COMPOSITE);
    expect(score.goldPick).toBe(false);
  });

  it('does not pick the same product from an insurer rated below A', () => {
    const score = scoreOf(
      [star(), ...peers().slice(1)],
      'a:1',
      factsFor(peers(), { ...strongInsurer, riskRating: 'BBB' }),
    );
    expect(score.goldPick).toBe(false);
  });

  it('does not pick the same product from an insurer that fails the qualification gate', () => {
    const facts = factsFor(peers(), { ...strongInsurer, registeredCapitalYuan: 999_999_999 });
    expect(scoreOf([star(), ...peers().slice(1)], 'a:1', facts).goldPick).toBe(false);
  });

  describe('qualifiesForGoldPick at its boundaries', () => {
    const dimensions = (scores: readonly number[]): DimensionScore[] =>
      SCORE_DIMENSIONS.map((info, i) => ({ ...info, score: scores[i], inputs: [], explanation: '' }));
    const facts = makeInsurerFacts({ riskRating: 'A' });
    const floor = GOLD_PICK_DIMENSION_FLOOR;

    it('accepts the threshold composite, the floor score and rating A exactly', () => {
      expect(qualifiesForGoldPick(GOLD_PICK_MIN_COMPOSITE, dimensions([floor, 90, 90, 90, 90]), facts)).toBe(true);
    });

    it('refuses just below the threshold, one point below the floor, or a rating of BBB', () => {
      expect(qualifiesForGoldPick(GOLD_PICK_MIN_COMPOSITE - 0.1, dimensions([90, 90, 90, 90, 90]), facts)).toBe(false);
      expect(qualifiesForGoldPick(90, dimensions([90, 90, 90, 90, floor - 1]), facts)).toBe(false);
      expect(qualifiesForGoldPick(90, dimensions([90, 90, 90, 90, 90]), makeInsurerFacts({ riskRating: 'BBB' }))).toBe(
        false,
      );
      expect(qualifiesForGoldPick(90, dimensions([90, 90, 90, 90, 90]), undefined)).toBe(false);
    });
  });
});
