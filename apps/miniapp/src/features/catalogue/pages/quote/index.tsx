import { formatAgeRange, formatMoney, formatOccupationClasses } from '@family/domain';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useReducer, useState, type ReactNode } from 'react';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import { inputErrorReasons } from '../../../../graphql/errors';
import { QuoteDocument, QuoteProductDocument, type QuoteProductQuery } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { sessionService } from '../../../../session/session';
import { routeParam } from '../../../../utils/route-param';
import {
  ageFromParam,
  hasErrors,
  initialQuoteFormValues,
  initialQuoteSubmitState,
  OCCUPATION_CLASSES,
  quoteSubmitReducer,
  serverReasonsToErrors,
  toQuoteInput,
  todayString,
  validateQuoteForm,
  type QuoteFormField,
  type QuoteFormValues,
} from '../../utils/quote-form';
import './index.scss';

type QuoteProduct = QuoteProductQuery['product'];

const OCCUPATION_OPTIONS = ['不填写', ...OCCUPATION_CLASSES.map((value) => `${value}类`)];

/** Quote form (C6): loads the product, then asks for the insured person and shows the premium. */
export default function QuotePage() {
  const params = useRouter().params;
  const id = routeParam(params.id);
  // `?age=` from the family's coverage gaps: the insured member's age, filled in.
  const age = ageFromParam(routeParam(params.age));
  const { state, reload } = useQuery(QuoteProductDocument, { id }, { skip: id === '' });

  if (id === '') return <StateView kind="empty" title="未找到该产品" />;
  if (state.status === 'error') {
    return <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />;
  }
  const product = state.data?.product;
  if (!product) return <StateView kind="loading" />;
  return <QuoteForm key={product.id} product={product} age={age} />;
}

function Chip(props: { active: boolean; onClick: () => void; testId?: string; children: ReactNode }) {
  return (
    <View
      className={`quote-form__chip${props.active ? ' quote-form__chip--active' : ''}`}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </View>
  );
}

function FieldErrors({ field, messages }: { field: QuoteFormField | 'form'; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <View className="quote-form__errors" data-testid={`quote-error-${field}`}>
      {messages.map((message) => (
        <Text key={message} className="quote-form__error">
          {message}
        </Text>
      ))}
    </View>
  );
}

function QuoteForm({ product, age }: { product: QuoteProduct; age: string }) {
  const [values, setValues] = useState<QuoteFormValues>(() => initialQuoteFormValues(product, { age }));
  const [submit, dispatch] = useReducer(quoteSubmitReducer, initialQuoteSubmitState);
  const [today] = useState(todayString);
  const { errors, result } = submit;

  const set = <K extends keyof QuoteFormValues>(field: K, value: QuoteFormValues[K]): void => {
    setValues((current) => ({ ...current, [field]: value }));
    dispatch({ type: 'edit', field });
  };

  const send = async (): Promise<void> => {
    if (submit.status === 'submitting') return;
    const invalid = validateQuoteForm(values, product, today);
    if (hasErrors(invalid)) {
      dispatch({ type: 'invalid', errors: invalid });
      return;
    }
    dispatch({ type: 'submit' });
    const answer = await graphqlClient.execute(QuoteDocument, { input: toQuoteInput(values, product.id) });
    if (answer.data && !answer.error) {
      dispatch({ type: 'quoted', result: answer.data.quote });
      // Share-to-friend: a quote counts for the invite that brought this person (fire and forget).
      void sessionService.recordInviteQuote();
      return;
    }
    const error = answer.error;
    const reasons = error ? inputErrorReasons(error) : [];
    if (reasons.length > 0) dispatch({ type: 'rejected', errors: serverReasonsToErrors(reasons, values.ageMode) });
    else dispatch({ type: 'failed', message: error?.message ?? '测算失败，请稍后重试' });
  };

  const planName = (key: string): string => product.plans.find((plan) => plan.key === key)?.name ?? key;

  return (
    <View className="quote-form">
      <View className="quote-form__product">
        <Text className="quote-form__product-name">{product.name}</Text>
        <Text className="quote-form__product-insurer">{product.insurer.name}</Text>
      </View>

      <View className="quote-form__card">
        <View className="quote-form__field quote-form__field--plan">
          <Text className="quote-form__label">投保方案</Text>
          <View className="quote-form__chips">
            {product.plans.map((plan) => (
              <Chip key={plan.key} active={values.plan === plan.key} onClick={() => set('plan', plan.key)}>
                {plan.name}
              </Chip>
            ))}
          </View>
          <FieldErrors field="plan" messages={errors.plan} />
        </View>

        <View className="quote-form__field quote-form__field--age">
          <View className="quote-form__label-row">
            <Text className="quote-form__label">被保人</Text>
            <Text className="quote-form__hint">可投保 {formatAgeRange(product.minAge, product.maxAge)}</Text>
          </View>
          <View className="quote-form__chips">
            <Chip active={values.ageMode === 'age'} onClick={() => set('ageMode', 'age')} testId="age-mode-age">
              填写年龄
            </Chip>
            <Chip
              active={values.ageMode === 'birthDate'}
              onClick={() => set('ageMode', 'birthDate')}
              testId="age-mode-birth-date"
            >
              选择出生日期
            </Chip>
          </View>
          {values.ageMode === 'age' ? (
            <View className="quote-form__input-row">
              <Input
                className="quote-form__input quote-form__age-input"
                data-testid="quote-age-input"
                aria-label="被保人周岁年龄"
                type="number"
                maxlength={3}
                placeholder="被保人周岁年龄"
                value={values.age}
                onInput={(event) => set('age', event.detail.value)}
              />
              <Text className="quote-form__unit">周岁</Text>
            </View>
          ) : (
            <Picker
              mode="date"
              value={values.birthDate || '1990-01-01'}
              start="1900-01-01"
              end={today}
              onChange={(event) => set('birthDate', String(event.detail.value))}
            >
              <View className="quote-form__input quote-form__birth-date">
                {values.birthDate || <Text className="quote-form__placeholder">选择出生日期</Text>}
              </View>
            </Picker>
          )}
          <FieldErrors field="age" messages={errors.age} />
          <FieldErrors field="birthDate" messages={errors.birthDate} />
        </View>

        <View className="quote-form__field quote-form__field--social">
          <Text className="quote-form__label">有无社保</Text>
          <View className="quote-form__chips">
            <Chip
              active={values.socialInsurance === true}
              onClick={() => set('socialInsurance', true)}
              testId="social-yes"
            >
              有社保
            </Chip>
            <Chip
              active={values.socialInsurance === false}
              onClick={() => set('socialInsurance', false)}
              testId="social-no"
            >
              无社保
            </Chip>
          </View>
          <FieldErrors field="socialInsurance" messages={errors.socialInsurance} />
        </View>

        <View className="quote-form__field quote-form__field--frequency">
          <Text className="quote-form__label">缴费方式</Text>
          <View className="quote-form__chips">
            <Chip active={values.frequency === 'ANNUAL'} onClick={() => set('frequency', 'ANNUAL')}>
              年缴
            </Chip>
            {product.monthlyPayment ? (
              <Chip
                active={values.frequency === 'MONTHLY'}
                onClick={() => set('frequency', 'MONTHLY')}
                testId="frequency-monthly"
              >
                月缴
              </Chip>
            ) : (
              <Text className="quote-form__hint">本产品仅支持年缴</Text>
            )}
          </View>
          <FieldErrors field="frequency" messages={errors.frequency} />
        </View>

        <View className="quote-form__field quote-form__field--occupation">
          <View className="quote-form__label-row">
            <Text className="quote-form__label">职业类别（选填）</Text>
            <Text className="quote-form__hint">承保 {formatOccupationClasses(product.maxOccupationClass)}</Text>
          </View>
          <Picker
            mode="selector"
            range={OCCUPATION_OPTIONS}
            value={values.occupationClass ?? 0}
            onChange={(event) => {
              const index = Number(event.detail.value);
              set('occupationClass', index > 0 ? (OCCUPATION_CLASSES[index - 1] ?? null) : null);
            }}
          >
            <View className="quote-form__input">{OCCUPATION_OPTIONS[values.occupationClass ?? 0]} ▾</View>
          </Picker>
          <FieldErrors field="occupationClass" messages={errors.occupationClass} />
        </View>

        <FieldErrors field="form" messages={errors.form} />
      </View>

      <View className="quote-form__submit-row">
        <Button
          className="quote-form__submit"
          data-testid="quote-submit"
          // Taro's H5 button styles any `loading` attribute, even "false": leave it out unless loading.
          loading={submit.status === 'submitting' ? true : undefined}
          onClick={() => void send()}
        >
          测算保费
        </Button>
      </View>

      {submit.status === 'failed' ? (
        <StateView kind="error" title="测算失败" message={submit.failure ?? undefined} onRetry={() => void send()} />
      ) : null}

      {result ? (
        <View className="quote-form__card quote-result" data-testid="quote-result">
          <Text className="quote-result__title">
            {planName(result.plan)} · {result.age}周岁 · {result.frequency === 'MONTHLY' ? '月缴' : '年缴'}
          </Text>
          <View className="quote-result__row">
            <Text className="quote-result__label">{result.frequency === 'MONTHLY' ? '每月保费' : '每年保费'}</Text>
            <Text className="quote-result__value quote-result__per-payment">{formatMoney(result.perPayment)}</Text>
          </View>
          <View className="quote-result__row">
            <Text className="quote-result__label">每年缴费次数</Text>
            <Text className="quote-result__value">{result.paymentsPerYear} 次</Text>
          </View>
          <View className="quote-result__row">
            <Text className="quote-result__label">全年合计</Text>
            <Text className="quote-result__value quote-result__yearly">{formatMoney(result.yearlyTotal)}</Text>
          </View>
          <Text className="quote-result__note">测算结果仅供参考，实际保费以投保页面为准。</Text>
        </View>
      ) : null}
    </View>
  );
}
