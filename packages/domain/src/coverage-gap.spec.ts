import { coverageGaps, lifeStageOf, type MemberCover } from './coverage-gap.js';

const member = (overrides: Partial<MemberCover>): MemberCover => ({
  memberId: 'm',
  relationship: 'SELF',
  age: 35,
  annualIncome: null,
  sumInsured: {},
  ...overrides,
});
const missing = (cover: MemberCover) =>
  coverageGaps(cover)
    .filter((gap) => gap.kind === 'MISSING')
    .map((gap) => gap.category);

describe('coverage gaps', () => {
  it('draws the stages at 18 and 60', () => {
    expect([lifeStageOf(17), lifeStageOf(18), lifeStageOf(59), lifeStageOf(60)]).toEqual([
      'CHILD',
      'WORKING_AGE',
      'WORKING_AGE',
      'SENIOR',
    ]);
  });

  it('finds a breadwinner without critical illness or life cover, most important first', () => {
    const gaps = coverageGaps(member({ sumInsured: { MEDICAL: 600_000_000 } }));
    expect(gaps.map((gap) => [gap.category, gap.priority])).toEqual([
      ['CRITICAL_ILLNESS', 3],
      ['TERM_LIFE', 3],
      ['ACCIDENT', 2],
    ]);
    expect(gaps[0].reason).toContain('重疾');
  });

  it('does not take a grown-up sibling or parent of working age for a breadwinner', () => {
    expect(missing(member({ relationship: 'SIBLING' }))).toEqual(['MEDICAL', 'ACCIDENT']);
  });

  it('finds cover too low for the income given, with what is held and what is recommended', () => {
    const gaps = coverageGaps(
      member({
        annualIncome: 20_000_000,
        sumInsured: { MEDICAL: 1, CRITICAL_ILLNESS: 40_000_000, TERM_LIFE: 100_000_000, ACCIDENT: 1 },
      }),
    );
    expect(gaps).toEqual([
      expect.objectContaining({
        category: 'CRITICAL_ILLNESS',
        kind: 'TOO_LOW',
        held: 40_000_000,
        recommended: 60_000_000,
      }),
    ]);
    expect(gaps[0].reason).toBe('重疾险保额 40 万元 偏低：建议至少为年收入的 3 倍（60 万元）');
  });

  it('wants medical, critical illness and accident cover for a child', () => {
    expect(missing(member({ relationship: 'CHILD', age: 5 }))).toEqual(['MEDICAL', 'CRITICAL_ILLNESS', 'ACCIDENT']);
  });

  it('wants 惠民保 or 防癌险 for a parent of 60 or more, either one closing the gap', () => {
    expect(missing(member({ relationship: 'PARENT', age: 60 }))).toEqual(['MEDICAL', 'HUIMINBAO', 'ACCIDENT']);
    expect(missing(member({ relationship: 'PARENT', age: 66, sumInsured: { CANCER: 10_000_000 } }))).toEqual([
      'ACCIDENT',
    ]);
    expect(missing(member({ relationship: 'PARENT', age: 59 }))).not.toContain('HUIMINBAO');
  });

  it('finds nothing for a member who holds what their stage needs', () => {
    const covered = { MEDICAL: 1, CRITICAL_ILLNESS: 1, TERM_LIFE: 1, ACCIDENT: 1 };
    expect(coverageGaps(member({ sumInsured: covered }))).toEqual([]);
  });
});
