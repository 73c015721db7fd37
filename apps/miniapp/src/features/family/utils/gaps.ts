import type { CoverageGapsQuery } from '../../../graphql/generated/graphql';
import { spokenWan } from './money-input';

/**
 * Coverage gaps (F4) as the page shows them: grouped by member (in the order the BFF ranks them,
 * most important first), each with its reason, the amounts when too low, and at most three products.
 */

export type Gap = CoverageGapsQuery['household']['gaps'][number];
export type GapMember = Gap['member'];

export const MAX_RECOMMENDATIONS = 3;

export const PRIORITY_LABELS: Readonly<Record<number, string>> = { 3: '必备', 2: '重要', 1: '建议' };

export function priorityLabel(priority: number): string {
  return PRIORITY_LABELS[priority] ?? '建议';
}

export interface GapGroup {
  member: GapMember;
  gaps: Gap[];
}

/** Gaps grouped by member: members in the order of their most important gap, gaps in the BFF's order. */
export function groupGapsByMember(gaps: readonly Gap[]): GapGroup[] {
  const groups: GapGroup[] = [];
  for (const gap of gaps) {
    const group = groups.find((candidate) => candidate.member.id === gap.member.id);
    if (group) group.gaps.push(gap);
    else groups.push({ member: gap.member, gaps: [gap] });
  }
  return groups;
}

/** "缺少重疾险" or "重疾险保额偏低". */
export function gapTitle(gap: Pick<Gap, 'kind' | 'categoryLabel'>): string {
  return gap.kind === 'MISSING' ? `缺少${gap.categoryLabel}` : `${gap.categoryLabel}保额偏低`;
}

/** For cover held but too low: "已有 50万元，建议至少 150万元"; null otherwise. */
export function gapAmounts(gap: Pick<Gap, 'kind' | 'held' | 'recommended'>): string | null {
  if (gap.kind !== 'TOO_LOW' || gap.held === null || gap.recommended === null) return null;
  return `已有 ${spokenWan(gap.held)}，建议至少 ${spokenWan(gap.recommended)}`;
}

export function topRecommendations(gap: Pick<Gap, 'recommendations'>): Gap['recommendations'] {
  return gap.recommendations.slice(0, MAX_RECOMMENDATIONS);
}
