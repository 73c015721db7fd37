import { formatPercent, formatYuanAmount } from './display.js';
import type { InsurerFacts } from './product.js';

/** C7 qualification gate (seed 001): partner insurers need registered capital of at least 1 bn CNY… */
export const MIN_REGISTERED_CAPITAL_YUAN = 1_000_000_000;
/** …and a complaint rate of at most 0.15% (complaints per policy). Both limits are inclusive. */
export const MAX_COMPLAINT_RATE = 0.0015;

export interface InsurerAssessment {
  readonly qualified: boolean;
  /** One Chinese sentence per failed criterion, naming the criterion, the value and the limit. */
  readonly reasons: string[];
}

/**
 * Whether an insurer passes the qualification gate; products of insurers that fail are not listed.
 * A missing or non-numeric fact fails its criterion: we list nobody on facts we could not check.
 */
export function assessInsurer(facts: InsurerFacts): InsurerAssessment {
  const reasons: string[] = [];
  const capital = facts.registeredCapitalYuan;
  if (!Number.isFinite(capital)) {
    reasons.push(`注册资本未披露，无法确认是否达到 ${formatYuanAmount(MIN_REGISTERED_CAPITAL_YUAN)} 的准入要求`);
  } else if (capital < MIN_REGISTERED_CAPITAL_YUAN) {
    reasons.push(
      `注册资本 ${formatYuanAmount(capital)}，低于准入要求 ${formatYuanAmount(MIN_REGISTERED_CAPITAL_YUAN)}`,
    );
  }
  const complaints = facts.complaintRate;
  if (!Number.isFinite(complaints)) {
    reasons.push(`投诉率未披露，无法确认是否不高于 ${formatPercent(MAX_COMPLAINT_RATE)} 的准入上限`);
  } else if (complaints > MAX_COMPLAINT_RATE) {
    reasons.push(`投诉率 ${formatPercent(complaints, 4)}，高于准入上限 ${formatPercent(MAX_COMPLAINT_RATE)}`);
  }
  return { qualified: reasons.length === 0, reasons };
}
