import { compareSections } from '../compare-table';

const comparison = {
  products: [
    { id: 'a', name: 'A', insurer: { id: 'x', name: 'X' } },
    { id: 'b', name: 'B', insurer: { id: 'y', name: 'Y' } },
  ],
  attributes: [
    { key: 'price-from', label: '起售价', values: ['¥39/年起', '¥100/年起'], differs: true, best: [0] },
    { key: 'deductible', label: '免赔额', values: ['无免赔额', '无免赔额'], differs: false, best: [] },
  ],
  coverage: [{ key: 'medical', label: '意外医疗', values: [null, '¥5万'], differs: true, best: [1] }],
};

describe('compareSections', () => {
  it('lists attributes then coverage, with the best cells marked and missing cover spelled out', () => {
    const sections = compareSections(comparison, false);
    expect(sections.map((s) => s.title)).toEqual(['基本信息', '保障责任']);
    expect(sections[0]!.rows[0]).toEqual({
      key: 'price-from',
      label: '起售价',
      differs: true,
      cells: [
        { text: '¥39/年起', best: true },
        { text: '¥100/年起', best: false },
      ],
    });
    expect(sections[1]!.rows[0]!.cells).toEqual([
      { text: '不保', best: false },
      { text: '¥5万', best: true },
    ]);
  });

  it('keeps only differing rows when asked', () => {
    const sections = compareSections(comparison, true);
    expect(sections[0]!.rows.map((r) => r.key)).toEqual(['price-from']);
    expect(sections[1]!.rows).toHaveLength(1);
  });
});
