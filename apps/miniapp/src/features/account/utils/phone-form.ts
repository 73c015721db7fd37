import { MAINLAND_MOBILE } from '@family/domain';
import type { GraphQLClientError } from '../../../graphql/errors';

/** The phone sign-in form (H5 sign-in, 绑定手机号): validation and where server errors go. */

export const PHONE_CODE_LENGTH = 6;

export type PhoneFormField = 'phone' | 'code' | 'form';

/** What a user typed as a number: spaces and dashes dropped, a +86 / 0086 prefix removed. */
export function normalizePhone(input: string): string {
  return input.replace(/[\s-]/g, '').replace(/^(?:\+86|0086)/, '');
}

export function validatePhone(phone: string): string | null {
  if (phone === '') return '请输入手机号';
  if (!MAINLAND_MOBILE.test(phone)) return '请输入正确的 11 位手机号';
  return null;
}

export function validateCode(code: string): string | null {
  if (code === '') return '请输入验证码';
  if (!new RegExp(`^\\d{${PHONE_CODE_LENGTH}}$`).test(code)) return `验证码为 ${PHONE_CODE_LENGTH} 位数字`;
  return null;
}

/**
 * Seconds to wait before asking for another code, from a `TOO_MANY_REQUESTS` answer (HTTP 429
 * `retry-after`, or `extensions.retryAfterSeconds`).
 */
export function retryAfterSecondsOf(error: GraphQLClientError): number | null {
  return error.code === 'TOO_MANY_REQUESTS' ? error.retryAfterSeconds : null;
}

/** Which part of the form a server error belongs to, and its message. */
export function phoneFormError(error: GraphQLClientError): { field: PhoneFormField; message: string } {
  if (error.code === 'BAD_USER_INPUT') {
    const field = typeof error.extensions.field === 'string' ? error.extensions.field : '';
    if (/(^|\.)phone$/.test(field)) return { field: 'phone', message: error.message };
    if (/(^|\.)code$/.test(field)) return { field: 'code', message: error.message };
  }
  if (error.code === 'UNAUTHENTICATED' && error.extensions.reason === 'LOGIN_CODE_INVALID') {
    return { field: 'code', message: '验证码错误或已过期，请重新获取' };
  }
  return { field: 'form', message: error.message };
}

/** The label of the send-code button. */
export function sendCodeLabel(secondsLeft: number, sentBefore: boolean): string {
  if (secondsLeft > 0) return `${secondsLeft} 秒后重新获取`;
  return sentBefore ? '重新获取' : '获取验证码';
}
