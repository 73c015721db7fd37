import type { Relationship } from './family-member.js';
import { CATEGORY_LABELS, type Fen, type ProductCategory } from './product.js';

/**
 * Coverage gaps (保障缺口, F4): for each member, by stage of life, the cover they lack or hold too
 * little of, each with its reason in plain Chinese. The method is in docs/coverage-gaps.md; the rules
 * are this table, so a change of method is a change of data, reviewed with its tests.
 */

export type LifeStage = 'CHILD' | 'WORKING_AGE' | 'SENIOR';

export interface MemberCover {
  readonly memberId: string;
  readonly relationship: Relationship;
  readonly age: number;
  /** Yearly income the person gave, in fen; null when not given. */
  readonly annualIncome: Fen | null;
  /** Sum insured per category, over the member's policies in force. */
  readonly sumInsured: Readonly<Partial<Record<ProductCategory, Fen>>>;
}

export type GapKind = 'MISSING' | 'TOO_LOW';

export interface CoverageGap {
  readonly memberId: string;
  /** The category that closes the gap (for alternatives, the first). */
  readonly category: ProductCategory;
  /** Any of these closes a MISSING gap (惠民保 or 防癌险 for a senior). */
  readonly closedBy: readonly ProductCategory[];
  readonly kind: GapKind;
  /** Higher first: 3 essential, 2 important, 1 worth having. */
  readonly priority: 1 | 2 | 3;
  /** For TOO_LOW: what the member holds and what the rule asks for. */
  readonly held: Fen | null;
  readonly recommended: Fen | null;
  readonly reason: string;
}

export function lifeStageOf(age: number): LifeStage {
  if (age < 18) return 'CHILD';
  return age >= 60 ? 'SENIOR' : 'WORKING_AGE';
}

/** Who earns for the household, by relationship to its owner: the owner and their spouse, of working age. */
function isBreadwinner(cover: MemberCover): boolean {
  return lifeStageOf(cover.age) === 'WORKING_AGE' && (cover.relationship === 'SELF' || cover.relationship === 'SPOUSE');
}

interface NeedRule {
  readonly applies: (cover: MemberCover) => boolean;
  readonly closedBy: readonly ProductCategory[];
  readonly priority: 1 | 2 | 3;
  readonly reason: (cover: MemberCover) => string;
  /** The least sum insured, from income, when the member gave one. */
  readonly incomeMultiple?: number;
}

/** Critical illness at least three years of income, life cover at least five: the usual planners' rule. */
export const CRITICAL_ILLNESS_INCOME_MULTIPLE = 3;
export const LIFE_INCOME_MULTIPLE = 5;

const RULES: readonly NeedRule[] = [
  {
    applies: (cover) => cover.age < 65,
    closedBy: ['MEDICAL'],
    priority: 3,
    reason: () => '住院和大额医疗费用没有保障：百万医疗险可报销社保外的大额医疗费用',
  },
  {
    applies: (cover) => isBreadwinner(cover),
    closedBy: ['CRITICAL_ILLNESS'],
    priority: 3,
    incomeMultiple: CRITICAL_ILLNESS_INCOME_MULTIPLE,
    reason: () => '家庭经济支柱没有重疾险：确诊重疾后一次性赔付，弥补治疗期间的收入损失',
  },
  {
    applies: (cover) => isBreadwinner(cover),
    closedBy: ['TERM_LIFE'],
    priority: 3,
    incomeMultiple: LIFE_INCOME_MULTIPLE,
    reason: () => '家庭经济支柱没有寿险：万一身故，定期寿险能为家人留下还贷和生活的钱',
  },
  {
    applies: (cover) => lifeStageOf(cover.age) === 'CHILD',
    closedBy: ['CRITICAL_ILLNESS'],
    priority: 2,
    reason: () => '孩子没有重疾险：少儿重疾保费低，越早投保越划算',
  },
  {
    applies: (cover) => lifeStageOf(cover.age) === 'SENIOR',
    closedBy: ['HUIMINBAO', 'CANCER'],
    priority: 3,
    reason: (cover) => `${cover.age} 岁的长辈没有惠民保或防癌险：这两类产品对年龄和健康要求宽松，适合老人`,
  },
  {
    applies: () => true,
    closedBy: ['ACCIDENT'],
    priority: 2,
    reason: (cover) =>
      lifeStageOf(cover.age) === 'WORKING_AGE'
        ? '没有意外险：意外身故、伤残和医疗都有保障，保费很低'
        : `${lifeStageOf(cover.age) === 'CHILD' ? '孩子' : '长辈'}没有意外险：磕碰摔伤最常见，意外医疗能报销门诊费用`,
  },
];

const formatWan = (fen: Fen): string => `${Math.round(fen / 1_000_000)} 万元`;

/** The gaps of one member, most important first. */
export function coverageGaps(cover: MemberCover): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const rule of RULES) {
    if (!rule.applies(cover)) continue;
    const held = Math.max(0, ...rule.closedBy.map((category) => cover.sumInsured[category] ?? 0));
    const category = rule.closedBy[0];
    if (held === 0) {
      gaps.push({
        memberId: cover.memberId,
        category,
        closedBy: rule.closedBy,
        kind: 'MISSING',
        priority: rule.priority,
        held: null,
        recommended: rule.incomeMultiple && cover.annualIncome ? cover.annualIncome * rule.incomeMultiple : null,
        reason: rule.reason(cover),
      });
      continue;
    }
    if (rule.incomeMultiple && cover.annualIncome) {
      const recommended = cover.annualIncome * rule.incomeMultiple;
      if (held < recommended) {
        gaps.push({
          memberId: cover.memberId,
          category,
          closedBy: rule.closedBy,
          kind: 'TOO_LOW',
          priority: rule.priority,
          held,
          recommended,
          reason: `${CATEGORY_LABELS[category]}保额 ${formatWan(held)} 偏低：建议至少为年收入的 ${rule.incomeMultiple} 倍（${formatWan(recommended)}）`,
        });
      }
    }
  }
  return gaps.sort((a, b) => b.priority - a.priority);
}
