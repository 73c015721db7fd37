import { MAX_PAGE_SIZE } from '@family/domain';
import { InvalidInputError } from '../common/app-error.js';
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

/** What users read when an insurer's products are missing from an answer. */
export function upstreamErrorMessage(insurerName: string, code: UpstreamErrorCode): string {
  switch (code) {
    case 'TIMEOUT':
      return `${insurerName}响应超时，其产品暂未显示`;
    case 'CIRCUIT_OPEN':
      return `${insurerName}暂时不可用，稍后自动重试`;
    case 'BAD_RESPONSE':
      return `${insurerName}返回的数据有误，其产品暂未显示`;
    case 'UNAVAILABLE':
      return `${insurerName}暂时无法连接，其产品暂未显示`;
  }
}
