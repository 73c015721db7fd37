import { parseCalendarDate } from '@family/domain';
import type { TerminationReason } from '../../../graphql/generated/graphql';

/** Ending a policy before its term (终止保单): the reason and the date, checked before sending. */

export interface EndPolicyValues {
  reason: TerminationReason | null;
  /** YYYY-MM-DD. */
  date: string;
}

export type EndPolicyErrors = Partial<Record<'reason' | 'date' | 'form', string>>;

/** The same checks as the BFF: a reason, and a date between the start of the policy and today. */
export function validateEndPolicy(values: EndPolicyValues, effectiveDate: string, today: string): EndPolicyErrors {
  const errors: EndPolicyErrors = {};
  if (values.reason === null) errors.reason = '请选择终止原因';
  if (values.date === '') errors.date = '请选择终止日期';
  else if (!parseCalendarDate(values.date)) errors.date = '终止日期须为有效日期';
  else if (values.date > today) errors.date = '终止日期不能晚于今天';
  else if (values.date < effectiveDate) errors.date = '终止日期不能早于生效日期';
  return errors;
}

/** The BFF's reasons for endPolicy (`date`), or a message for the whole sheet. */
export function endPolicyServerErrors(reasons: readonly { field: string | null; message: string }[]): EndPolicyErrors {
  const errors: EndPolicyErrors = {};
  for (const reason of reasons) {
    const field = reason.field === 'date' || reason.field === 'reason' ? reason.field : 'form';
    errors[field] = errors[field] ? `${errors[field]}；${reason.message}` : reason.message;
  }
  return errors;
}
