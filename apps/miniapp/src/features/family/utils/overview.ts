import type { FamilyOverviewQuery, InstallmentState } from '../../../graphql/generated/graphql';
import { formatWan, spokenWan } from './money-input';

/**
 * The family overview (F3) as the page lays it out. The matrix is drawn with categories down the side
 * and members across the top: a family has a few members and six or more categories, so on a phone's
 * width each member gets a column wide enough for "600万" at a large font. Every cell says in words
 * what its colour shows.
 */

export type Overview = FamilyOverviewQuery['household']['overview'];

/** covered: held, no gap; low: held but less than the gap rules want; gap: wanted, not held; none. */
export type CellKind = 'covered' | 'low' | 'gap' | 'none';

export interface MatrixCell {
  key: string;
  kind: CellKind;
  /** What the cell shows: "600万", "缺口", "600万" + "偏低", "—". */
  text: string;
  /** A second line for a low cover: "偏低". */
  note: string | null;
  /** What a screen reader says: "张三，百万医疗：已保障，保额600万元，1 份保单". */
  label: string;
}

export interface MatrixRow {
  category: string;
  label: string;
  cells: MatrixCell[];
}

export interface MatrixColumn {
  memberId: string;
  /** "本人", "子女". */
  relationshipLabel: string;
  name: string;
}

export interface MatrixLayout {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** How many cells are gaps (missing or too low). */
  gapCount: number;
}

function cellOf(
  member: Overview['rows'][number]['member'],
  categoryLabel: string,
  cell: Overview['rows'][number]['cells'][number],
): MatrixCell {
  const who = `${member.name}，${categoryLabel}`;
  const policies = `${cell.policyCount} 份保单`;
  const key = `${member.id}:${cell.category}`;
  if (cell.covered && cell.gap) {
    return {
      key,
      kind: 'low',
      text: formatWan(cell.sumInsured),
      note: '偏低',
      label: `${who}：保额${spokenWan(cell.sumInsured)}，低于建议，${policies}`,
    };
  }
  if (cell.covered) {
    return {
      key,
      kind: 'covered',
      text: formatWan(cell.sumInsured),
      note: null,
      label: `${who}：已保障，保额${spokenWan(cell.sumInsured)}，${policies}`,
    };
  }
  if (cell.gap) return { key, kind: 'gap', text: '缺口', note: null, label: `${who}：缺口，未投保` };
  return { key, kind: 'none', text: '—', note: null, label: `${who}：未投保` };
}

/** The member × category matrix turned for a phone: a row per category, a column per member. */
export function matrixLayout(overview: Pick<Overview, 'columns' | 'rows'>): MatrixLayout {
  const columns = overview.rows.map(({ member }) => ({
    memberId: member.id,
    relationshipLabel: member.relationshipLabel,
    name: member.name,
  }));
  let gapCount = 0;
  const rows = overview.columns.map((column) => ({
    category: column.category,
    label: column.label,
    cells: overview.rows.map(({ member, cells }) => {
      const found = cells.find((cell) => cell.category === column.category);
      const cell = cellOf(
        member,
        column.label,
        found ?? { category: column.category, covered: false, sumInsured: 0, policyCount: 0, gap: false },
      );
      if (cell.kind === 'gap' || cell.kind === 'low') gapCount += 1;
      return cell;
    }),
  }));
  return { columns, rows, gapCount };
}

/** The legend under the matrix: each kind's mark and words. */
export const CELL_LEGEND: readonly { kind: CellKind; sample: string; text: string }[] = [
  { kind: 'covered', sample: '50万', text: '已保障（保额）' },
  { kind: 'low', sample: '偏低', text: '已投保，保额低于建议' },
  { kind: 'gap', sample: '缺口', text: '建议配置，尚未投保' },
  { kind: 'none', sample: '—', text: '未投保' },
];

/** "还剩 12 天", "今天", "明天". */
export function formatDaysLeft(days: number): string {
  if (days <= 0) return '今天';
  if (days === 1) return '明天';
  return `还剩 ${days} 天`;
}

export const DUE_STATE_LABELS: Readonly<Partial<Record<InstallmentState, string>>> = {
  DUE: '30天内到期',
  UPCOMING: '待缴',
  IN_GRACE: '宽限期中',
};
