import type { ComparedRowFieldsFragment, CompareProductsQuery } from '../../../graphql/generated/graphql';

type Comparison = CompareProductsQuery['compareProducts'];
type ComparedRow = ComparedRowFieldsFragment;

export interface CompareCell {
  text: string;
  best: boolean;
}

export interface CompareTableRow {
  key: string;
  label: string;
  differs: boolean;
  cells: CompareCell[];
}

export interface CompareSection {
  title: string;
  rows: CompareTableRow[];
}

/** Shown for a coverage item a product does not have (`values[i] === null`). */
export const NOT_COVERED = '不保';

function toRow(row: ComparedRow): CompareTableRow {
  return {
    key: row.key,
    label: row.label,
    differs: row.differs,
    cells: row.values.map((value, index) => ({ text: value ?? NOT_COVERED, best: row.best.includes(index) })),
  };
}

/** The table of the compare page: 基本信息 (attributes) then 保障责任 (coverage), optionally differences only. */
export function compareSections(comparison: Comparison, onlyDifferences: boolean): CompareSection[] {
  const keep = (row: ComparedRow): boolean => !onlyDifferences || row.differs;
  return [
    { title: '基本信息', rows: comparison.attributes.filter(keep).map(toRow) },
    { title: '保障责任', rows: comparison.coverage.filter(keep).map(toRow) },
  ];
}
