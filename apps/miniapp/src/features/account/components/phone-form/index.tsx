import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { GraphQLClientError } from '../../../../graphql/errors';
import { sessionService } from '../../../../session/session';
import {
  normalizePhone,
  PHONE_CODE_LENGTH,
  phoneFormError,
  retryAfterSecondsOf,
  sendCodeLabel,
  validateCode,
  validatePhone,
  type PhoneFormField,
} from '../../utils/phone-form';
import './index.scss';

export interface PhoneFormProps {
  /** The submit button's label: 登录 or 绑定. */
  submitLabel: '登录' | '绑定';
  /** Signs in or links with the number and code; resolves the error to show, or null when done. */
  onSubmit: (phone: string, code: string) => Promise<GraphQLClientError | null>;
  /** Resolves true once the user agreed to the privacy policy (asked before the number is sent). */
  ensureConsent: () => Promise<boolean>;
}

type FormErrors = Partial<Record<PhoneFormField, string>>;

/**
 * Phone number → 获取验证码 (with a countdown) → code → submit.
 *
 * Boolean button props are passed as `true` or left out (`flag || undefined`): on H5, React sets
 * them as attributes of Taro's web components, and `disabled="false"` still matches `[disabled]`.
 */
export default function PhoneForm({ submitLabel, onSubmit, ensureConsent }: PhoneFormProps) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  const secondsLeft = Math.max(0, Math.ceil((resendAt - now) / 1000));
  useEffect(() => {
    if (resendAt <= Date.now()) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [resendAt]);

  const waitBeforeResend = (seconds: number): void => {
    const start = Date.now();
    setNow(start);
    setResendAt(start + seconds * 1000);
  };

  const showServerError = (error: GraphQLClientError): void => {
    const { field, message } = phoneFormError(error);
    setErrors({ [field]: message });
    const retryAfter = retryAfterSecondsOf(error);
    if (retryAfter !== null) waitBeforeResend(retryAfter);
  };

  const sendCode = async (): Promise<void> => {
    const number = normalizePhone(phone);
    const phoneError = validatePhone(number);
    if (phoneError) {
      setErrors({ phone: phoneError });
      return;
    }
    if (sending || secondsLeft > 0) return;
    setErrors({});
    if (!(await ensureConsent())) {
      setErrors({ form: '同意隐私政策后才能使用手机号登录' });
      return;
    }
    setSending(true);
    const { sent, error } = await sessionService.requestPhoneCode(number);
    setSending(false);
    if (error) {
      showServerError(error);
      return;
    }
    setSentTo(sent.maskedPhone);
    waitBeforeResend(sent.retryAfterSeconds);
  };

  const submit = async (): Promise<void> => {
    const number = normalizePhone(phone);
    const next: FormErrors = {};
    const phoneError = validatePhone(number);
    const codeError = validateCode(code.trim());
    if (phoneError) next.phone = phoneError;
    if (codeError) next.code = codeError;
    if (!phoneError && !codeError && sentTo === null) next.code = '请先获取验证码';
    setErrors(next);
    if (Object.keys(next).length > 0 || submitting) return;
    setSubmitting(true);
    const error = await onSubmit(number, code.trim());
    setSubmitting(false);
    if (error) showServerError(error);
  };

  return (
    <View className="phone-form" data-testid="phone-form">
      <View className="phone-form__row">
        <Input
          className="phone-form__input phone-form__phone"
          data-testid="phone-input"
          type="number"
          maxlength={13}
          placeholder="请输入手机号"
          value={phone}
          onInput={(event) => setPhone(event.detail.value)}
        />
        <Button
          className="phone-form__send"
          data-testid="send-code"
          size="mini"
          disabled={sending || secondsLeft > 0 || undefined}
          loading={sending || undefined}
          onClick={() => void sendCode()}
        >
          {sendCodeLabel(secondsLeft, sentTo !== null)}
        </Button>
      </View>
      {errors.phone ? <Text className="phone-form__error">{errors.phone}</Text> : null}

      <View className="phone-form__row">
        <Input
          className="phone-form__input phone-form__code"
          data-testid="code-input"
          type="number"
          maxlength={PHONE_CODE_LENGTH}
          placeholder={`请输入 ${PHONE_CODE_LENGTH} 位验证码`}
          value={code}
          onInput={(event) => setCode(event.detail.value)}
          onConfirm={() => void submit()}
        />
      </View>
      {errors.code ? <Text className="phone-form__error">{errors.code}</Text> : null}
      {sentTo ? <Text className="phone-form__hint">验证码已发送至 {sentTo}</Text> : null}
      {errors.form ? <Text className="phone-form__error">{errors.form}</Text> : null}

      <Button
        className="phone-form__submit"
        data-testid="phone-submit"
        loading={submitting || undefined}
        disabled={submitting || undefined}
        onClick={() => void submit()}
      >
        {submitLabel}
      </Button>
    </View>
  );
}
