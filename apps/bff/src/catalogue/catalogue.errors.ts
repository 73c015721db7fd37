import { type IneligibilityReason, MAX_COMPARED_PRODUCTS, MAX_PAGE_SIZE, MIN_COMPARED_PRODUCTS } from '@family/domain';
import { AppError, InputProblemsError, InvalidInputError } from '../common/app-error.js';
import type { UpstreamErrorCode } from './insurers/insurer.port.js';

export class InvalidPageSizeError extends InvalidInputError {
  constructor() {
    super('first', `每页数量须在 1 到 ${MAX_PAGE_SIZE} 之间`);
  }
}

export class InvalidCursorInputError extends InvalidInputError {
  constructor() {
    super('after', '分页游标无效，请刷新后重试');
  }
}

export class SearchTextTooLongError extends InvalidInputError {
  constructor(maxLength: number) {
    super('filter.text', `搜索词不能超过 ${maxLength} 个字`);
  }
}

export class InvalidAgeFilterError extends InvalidInputError {
  constructor(field: string) {
    super(field, '年龄须在 0 到 120 周岁之间');
  }
}

export class InvalidBudgetError extends InvalidInputError {
  constructor() {
    super('filter.budget', '预算须为不小于 0 的金额');
  }
}

export class ProductNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', '未找到该产品，可能已下架');
  }
}

/** The product's insurer cannot be reached and nothing is cached for it. */
export class InsurerUnavailableError extends AppError {
  constructor(insurerName: string, code: UpstreamErrorCode) {
    super('UPSTREAM_UNAVAILABLE', `${upstreamProblem(insurerName, code)}，请稍后再试`);
  }
}

export class ComparisonSizeInputError extends InvalidInputError {
  constructor() {
    super('ids', `请选择 ${MIN_COMPARED_PRODUCTS}–${MAX_COMPARED_PRODUCTS} 款不同的产品进行对比`);
  }
}

export class QuoteAgeInputError extends InvalidInputError {
  constructor(message: string) {
    super('input.age', message);
  }
}

export class QuoteBirthDateInputError extends InvalidInputError {
  constructor(message: string) {
    super('input.birthDate', message);
  }
}

/** The person cannot be insured as asked; every reason, each naming the input field it is about. */
export class NotEligibleError extends InputProblemsError {
  constructor(reasons: readonly IneligibilityReason[]) {
    super(reasons.map((reason) => ({ code: reason.code, field: `input.${reason.field}`, message: reason.message })));
  }
}

/** What went wrong with an insurer, in words for users. */
function upstreamProblem(insurerName: string, code: UpstreamErrorCode): string {
  switch (code) {
    case 'TIMEOUT':
      return `${insurerName}响应超时`;
    case 'CIRCUIT_OPEN':
      return `${insurerName}暂时不可用，稍后自动重试`;
    case 'BAD_RESPONSE':
      return `${insurerName}返回的数据有误`;
    case 'UNAVAILABLE':
      return `${insurerName}暂时无法连接`;
  }
}

/** What users read when an insurer's products are missing from an answer. */
export function upstreamErrorMessage(insurerName: string, code: UpstreamErrorCode): string {
  return `${upstreamProblem(insurerName, code)}，其产品暂未显示`;
}
