import { gapAmounts, gapTitle, groupGapsByMember, priorityLabel, topRecommendations, type Gap } from '../gaps';

const self = { id: 'm1', name: '张三', relationshipLabel: '本人', age: 36 };
const child = { id: 'm2', name: '张小贝', relationshipLabel: '子女', age: 8 };

function product(id: string): Gap['recommendations'][number] {
  return {
    id,
    name: `产品${id}`,
    category: 'CRITICAL_ILLNESS',
    categoryLabel: '重疾险',
    priceFrom: 12800,
    insurer: { id: 'i', name: '康宁人寿' },
    score: { composite: 88.9, goldPick: true },
  };
}

function gap(member: Gap['member'], overrides: Partial<Gap> = {}): Gap {
  return {
    member,
    category: 'MEDICAL',
    categoryLabel: '百万医疗',
    kind: 'MISSING',
    priority: 3,
    held: null,
    recommended: null,
    reason: '住院花费高',
    recommendations: [],
    ...overrides,
  };
}

describe('groupGapsByMember', () => {
  it('groups by member in the order of their most important gap', () => {
    const gaps = [
      gap(self),
      gap(child, { category: 'CRITICAL_ILLNESS', categoryLabel: '重疾险', priority: 2 }),
      gap(self, { category: 'ACCIDENT', categoryLabel: '意外险', priority: 2 }),
    ];
    const groups = groupGapsByMember(gaps);
    expect(groups.map((group) => group.member.name)).toEqual(['张三', '张小贝']);
    expect(groups[0].gaps.map((g) => g.categoryLabel)).toEqual(['百万医疗', '意外险']);
    expect(groupGapsByMember([])).toEqual([]);
  });
});

describe('gap texts', () => {
  it('names the gap and, when too low, the amounts', () => {
    expect(gapTitle({ kind: 'MISSING', categoryLabel: '重疾险' })).toBe('缺少重疾险');
    expect(gapTitle({ kind: 'TOO_LOW', categoryLabel: '重疾险' })).toBe('重疾险保额偏低');
    expect(gapAmounts({ kind: 'TOO_LOW', held: 50_000_000, recommended: 150_000_000 })).toBe(
      '已有 50万元，建议至少 150万元',
    );
    expect(gapAmounts({ kind: 'MISSING', held: null, recommended: null })).toBeNull();
    expect(priorityLabel(3)).toBe('必备');
    expect(priorityLabel(1)).toBe('建议');
    expect(priorityLabel(9)).toBe('建议');
  });

  it('keeps three recommendations at most', () => {
    const recommendations = ['a', 'b', 'c', 'd'].map(product);
    expect(topRecommendations({ recommendations }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});
