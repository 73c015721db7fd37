import { GraphQLClientError } from '../../../../graphql/errors';
import {
  normalizePhone,
  phoneFormError,
  retryAfterSecondsOf,
  sendCodeLabel,
  validateCode,
  validatePhone,
} from '../phone-form';

function serverError(code: string, extensions: Record<string, unknown>, message = '出错了'): GraphQLClientError {
  return new GraphQLClientError(code, message, { graphQLErrors: [{ message, extensions: { code, ...extensions } }] });
}

describe('phone form', () => {
  it('normalises what users type', () => {
    expect(normalizePhone(' 138 0013-8000 ')).toBe('13800138000');
    expect(normalizePhone('+86 13800138000')).toBe('13800138000');
    expect(normalizePhone('008613800138000')).toBe('13800138000');
  });

  it('validates mainland mobile numbers', () => {
    expect(validatePhone('')).toBe('请输入手机号');
    expect(validatePhone('13800138000')).toBeNull();
    expect(validatePhone('19912345678')).toBeNull();
    for (const bad of ['1380013800', '138001380001', '12800138000', '23800138000', '1380013800a']) {
      expect(validatePhone(bad)).toBe('请输入正确的 11 位手机号');
    }
  });

  it('validates six-digit codes', () => {
    expect(validateCode('')).toBe('请输入验证码');
    expect(validateCode('123456')).toBeNull();
    expect(validateCode('12345')).toBe('验证码为 6 位数字');
    expect(validateCode('1234567')).toBe('验证码为 6 位数字');
    expect(validateCode('12345a')).toBe('验证码为 6 位数字');
  });

  it('puts server errors at their field', () => {
    expect(phoneFormError(serverError('BAD_USER_INPUT', { field: 'phone' }, '请输入正确的 11 位手机号'))).toEqual({
      field: 'phone',
      message: '请输入正确的 11 位手机号',
    });
    expect(phoneFormError(serverError('BAD_USER_INPUT', { field: 'input.phone' }, '需要手机号')).field).toBe('phone');
    expect(phoneFormError(serverError('UNAUTHENTICATED', { reason: 'LOGIN_CODE_INVALID' }))).toEqual({
      field: 'code',
      message: '验证码错误或已过期，请重新获取',
    });
    expect(phoneFormError(serverError('CONFLICT', {}, '该手机号账号已绑定其他账户，无法重复绑定'))).toEqual({
      field: 'form',
      message: '该手机号账号已绑定其他账户，无法重复绑定',
    });
    expect(phoneFormError(new GraphQLClientError('NETWORK', '网络连接失败')).field).toBe('form');
  });

  it('reads how long to wait from TOO_MANY_REQUESTS', () => {
    expect(retryAfterSecondsOf(serverError('TOO_MANY_REQUESTS', { retryAfterSeconds: 42 }))).toBe(42);
    expect(retryAfterSecondsOf(serverError('TOO_MANY_REQUESTS', { retryAfterSeconds: 'soon' }))).toBeNull();
    expect(retryAfterSecondsOf(serverError('BAD_USER_INPUT', { retryAfterSeconds: 42 }))).toBeNull();
    // An HTTP 429 with retry-after (the client reads the header into the error).
    expect(
      retryAfterSecondsOf(new GraphQLClientError('TOO_MANY_REQUESTS', '操作过于频繁', { retryAfterSeconds: 30 })),
    ).toBe(30);
  });

  it('labels the send button with the countdown', () => {
    expect(sendCodeLabel(0, false)).toBe('获取验证码');
    expect(sendCodeLabel(59, true)).toBe('59 秒后重新获取');
    expect(sendCodeLabel(0, true)).toBe('重新获取');
  });
});
