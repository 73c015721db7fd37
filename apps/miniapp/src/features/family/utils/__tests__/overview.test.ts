import { CELL_LEGEND, DUE_STATE_LABELS, formatDaysLeft, matrixLayout, type Overview } from '../overview';

const self = { id: 'm1', name: '张三', relationshipLabel: '本人' };
const child = { id: 'm2', name: '张小贝', relationshipLabel: '子女' };

const overview: Pick<Overview, 'columns' | 'rows'> = {
  columns: [
    { category: 'MEDICAL', label: '百万医疗' },
    { category: 'CRITICAL_ILLNESS', label: '重疾险' },
    { category: 'TERM_LIFE', label: '定期寿险' },
  ],
  rows: [
    {
      member: self,
      cells: [
        { category: 'MEDICAL', covered: true, sumInsured: 600_000_000, policyCount: 1, gap: false },
        { category: 'CRITICAL_ILLNESS', covered: true, sumInsured: 50_000_000, policyCount: 2, gap: true },
        { category: 'TERM_LIFE', covered: false, sumInsured: 0, policyCount: 0, gap: true },
      ],
    },
    {
      member: child,
      cells: [
        { category: 'MEDICAL', covered: false, sumInsured: 0, policyCount: 0, gap: true },
        { category: 'CRITICAL_ILLNESS', covered: false, sumInsured: 0, policyCount: 0, gap: true },
        { category: 'TERM_LIFE', covered: false, sumInsured: 0, policyCount: 0, gap: false },
      ],
    },
  ],
};

describe('matrixLayout', () => {
  const layout = matrixLayout(overview);

  it('puts members across and categories down', () => {
    expect(layout.columns).toEqual([
      { memberId: 'm1', relationshipLabel: '本人', name: '张三' },
      { memberId: 'm2', relationshipLabel: '子女', name: '张小贝' },
    ]);
    expect(layout.rows.map((row) => row.label)).toEqual(['百万医疗', '重疾险', '定期寿险']);
    expect(layout.rows.map((row) => row.cells.map((cell) => cell.kind))).toEqual([
      ['covered', 'gap'],
      ['low', 'gap'],
      ['gap', 'none'],
    ]);
    expect(layout.gapCount).toBe(4);
  });

  it('writes each cell in words, for the eye and for a screen reader', () => {
    const [medical, critical, life] = layout.rows;
    expect(medical.cells[0]).toMatchObject({
      text: '600万',
      note: null,
      label: '张三，百万医疗：已保障，保额600万元，1 份保单',
    });
    expect(critical.cells[0]).toMatchObject({
      text: '50万',
      note: '偏低',
      label: '张三，重疾险：保额50万元，低于建议，2 份保单',
    });
    expect(medical.cells[1]).toMatchObject({ text: '缺口', label: '张小贝，百万医疗：缺口，未投保' });
    expect(life.cells[1]).toMatchObject({ text: '—', label: '张小贝，定期寿险：未投保' });
    expect(new Set(layout.rows.flatMap((row) => row.cells.map((cell) => cell.key))).size).toBe(6);
  });

  it('treats a category missing from a row as not held', () => {
    const sparse = matrixLayout({ columns: overview.columns, rows: [{ member: self, cells: [] }] });
    expect(sparse.rows.map((row) => row.cells[0].kind)).toEqual(['none', 'none', 'none']);
  });

  it('has a legend for every kind of cell', () => {
    expect(CELL_LEGEND.map((entry) => entry.kind)).toEqual(['covered', 'low', 'gap', 'none']);
  });
});

describe('formatDaysLeft and due states', () => {
  it('says how long is left', () => {
    expect(formatDaysLeft(0)).toBe('今天');
    expect(formatDaysLeft(1)).toBe('明天');
    expect(formatDaysLeft(30)).toBe('还剩 30 天');
    expect(DUE_STATE_LABELS.IN_GRACE).toBe('宽限期中');
  });
});
