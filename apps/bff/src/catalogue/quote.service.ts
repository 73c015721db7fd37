import { Inject, Injectable } from '@nestjs/common';
import { DateInputError, type PaymentFrequency, type Product, ageOn, chinaToday, quote } from '@family/domain';
import { CLOCK, type Clock } from '../common/clock.js';
import { NotEligibleError, QuoteAgeInputError, QuoteBirthDateInputError } from './catalogue.errors.js';
import { type CatalogueSnapshot, CatalogueSnapshotService, findProduct } from './catalogue-snapshot.service.js';

const MAX_AGE = 120;

export interface QuoteInput {
  readonly productId: string;
  readonly age?: number | null;
  /** YYYY-MM-DD; used when `age` is not given, counted on today's date in China. */
  readonly birthDate?: string | null;
  readonly socialInsurance: boolean;
  readonly plan: string;
  readonly frequency: PaymentFrequency;
  readonly occupationClass?: number | null;
}

export interface QuoteOutcome {
  readonly product: Product;
  readonly age: number;
  readonly plan: string;
  readonly frequency: PaymentFrequency;
  readonly perPayment: number;
  readonly paymentsPerYear: number;
  readonly yearlyTotal: number;
  readonly snapshot: CatalogueSnapshot;
}

/** Premiums for a concrete person (C6). */
@Injectable()
export class QuoteService {
  constructor(
    private readonly snapshots: CatalogueSnapshotService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async quote(input: QuoteInput): Promise<QuoteOutcome> {
    const age = this.quoteAge(input);
    const snapshot = await this.snapshots.snapshot();
    const product = findProduct(snapshot, input.productId);
    const result = quote(product, {
      age,
      socialInsurance: input.socialInsurance,
      plan: input.plan,
      frequency: input.frequency,
      occupationClass: input.occupationClass ?? undefined,
    });
    if (!result.ok) throw new NotEligibleError(result.reasons);
    return {
      product,
      age,
      plan: input.plan,
      frequency: result.frequency,
      perPayment: result.perPayment,
      paymentsPerYear: result.paymentsPerYear,
      yearlyTotal: result.yearlyTotal,
      snapshot,
    };
  }

  private quoteAge(input: QuoteInput): number {
    if (input.age !== null && input.age !== undefined) {
      if (!Number.isInteger(input.age) || input.age < 0 || input.age > MAX_AGE)
        throw new QuoteAgeInputError('年龄须为 0 到 120 之间的整数');
      return input.age;
    }
    if (!input.birthDate) throw new QuoteAgeInputError('请填写被保人年龄或出生日期');
    try {
      return ageOn(input.birthDate, chinaToday(this.clock.now()));
    } catch (error) {
      if (error instanceof DateInputError) throw new QuoteBirthDateInputError(error.message);
      throw error;
    }
  }
}
