import { Inject, Injectable } from '@nestjs/common';
import {
  type CoverageGap,
  type EndingKind,
  type FamilyOverview,
  type ProductCategory,
  chinaToday,
  coverageGaps,
  familyOverview,
} from '@family/domain';
import { CLOCK, type Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import { ProductListingService, type ProductModel, mapProduct } from '../catalogue/index.js';
import type { FamilyMemberView } from './family.service.js';
import type { PolicyView } from './policy.service.js';

/** How many catalogue products each gap recommends. */
const RECOMMENDATIONS_PER_GAP = 3;

export const ENDING_LABELS: Readonly<Record<EndingKind, string>> = {
  EXPIRING: '即将到期',
  LAPSING: '宽限期即将结束，逾期未交将失效',
  COOLING_OFF_ENDING: '犹豫期即将结束',
  WAITING_PERIOD_ENDING: '等待期即将结束',
};

export interface OverviewResult {
  readonly overview: FamilyOverview;
  /** Member and category pairs the gap rules flag, as `memberId:category`. */
  readonly gapCells: ReadonlySet<string>;
}

export interface GapWithProducts {
  readonly gap: CoverageGap;
  readonly member: FamilyMemberView;
  readonly recommendations: readonly ProductModel[];
}

/** The family overview (F3) and coverage gaps (F4), from members and policies already loaded. */
@Injectable()
export class FamilyOverviewService {
  constructor(
    private readonly catalogue: ProductListingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  overview(members: readonly FamilyMemberView[], policies: readonly PolicyView[]): OverviewResult {
    const overview = familyOverview(
      members.map((member) => member.id),
      policies.map((policy) => ({
        id: policy.id,
        insuredMemberId: policy.insuredMemberId,
        category: policy.category,
        productName: policy.productName,
        sumInsured: policy.sumInsured,
        annualPremium: policy.annualPremium,
        status: policy.status,
        schedule: policy.schedule,
        expiryDate: policy.expiryDate,
        coolingOffEndDate: policy.coolingOffEndDate,
        waitingPeriodEndDate: policy.waitingPeriodEndDate,
      })),
      chinaToday(this.clock.now()),
    );
    const gapCells = new Set(
      this.gapsOf(members, policies).flatMap((gap) => gap.closedBy.map((category) => `${gap.memberId}:${category}`)),
    );
    return { overview, gapCells };
  }

  /** Every member's gaps, most important first, each with products that fit the member. */
  async gaps(members: readonly FamilyMemberView[], policies: readonly PolicyView[]): Promise<GapWithProducts[]> {
    const byId = new Map(members.map((member) => [member.id, member]));
    const found = this.gapsOf(members, policies);
    const lookups = new Map<string, Promise<ProductModel[]>>();
    const recommend = (category: ProductCategory, age: number): Promise<ProductModel[]> => {
      const key = `${category}:${age}`;
      if (!lookups.has(key)) lookups.set(key, this.recommend(category, age));
      return lookups.get(key)!;
    };
    return Promise.all(
      found.map(async (gap) => {
        const member = byId.get(gap.memberId)!;
        return { gap, member, recommendations: await recommend(gap.category, member.age) };
      }),
    );
  }

  private gapsOf(members: readonly FamilyMemberView[], policies: readonly PolicyView[]): CoverageGap[] {
    const active = policies.filter((policy) => policy.status === 'ACTIVE');
    return members.flatMap((member) => {
      const sumInsured: Partial<Record<ProductCategory, number>> = {};
      for (const policy of active.filter((candidate) => candidate.insuredMemberId === member.id)) {
        sumInsured[policy.category] = (sumInsured[policy.category] ?? 0) + policy.sumInsured;
      }
      return coverageGaps({
        memberId: member.id,
        relationship: member.relationship,
        age: member.age,
        annualIncome: member.annualIncome,
        sumInsured,
      });
    });
  }

  /** The best-scored products of a category that accept the age; none when the catalogue cannot answer. */
  private async recommend(category: ProductCategory, age: number): Promise<ProductModel[]> {
    try {
      const { page, snapshot } = await this.catalogue.listProducts(
        { category, age },
        'SCORE',
        RECOMMENDATIONS_PER_GAP,
        null,
      );
      return page.items.map((item) => mapProduct(item.node, snapshot));
    } catch (error) {
      logger.warn({ category, detail: (error as Error).message }, 'gap recommendations unavailable');
      return [];
    }
  }
}
