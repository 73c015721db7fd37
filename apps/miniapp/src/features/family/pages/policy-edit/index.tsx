import { CATEGORY_LABELS, chinaToday, PAYMENT_FREQUENCY_LABELS, PRODUCT_CATEGORIES } from '@family/domain';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import { inputErrorReasons, type GraphQLClientError } from '../../../../graphql/errors';
import { AddPolicyDocument, UpdatePolicyDocument } from '../../../../graphql/generated/graphql';
import { useSignedIn } from '../../../../session/useSignedIn';
import { ReminderPrompt } from '../../../reminders';
import { routeParam } from '../../../../utils/route-param';
import ProductPicker from '../../components/product-picker';
import SignInNeeded from '../../components/sign-in-needed';
import { findPolicy, type Household, type Policy } from '../../hooks/households-state';
import { useHouseholds } from '../../hooks/useHouseholds';
import { normaliseBirthDate as normaliseDate } from '../../utils/member-form';
import { sortMembers } from '../../utils/member-display';
import { leavePage } from '../../utils/navigation';
import { orderLabel } from '../../utils/policy-display';
import {
  applyProduct,
  beneficiaryTotals,
  coolingOffHint,
  emptyPolicyForm,
  fieldGroup,
  firstErrorField,
  FREQUENCIES,
  hasErrors,
  initialPolicyFormState,
  MAX_ORDER,
  moreHasErrors,
  policyFormFrom,
  policyFormReducer,
  serverReasonsToErrors,
  toAddInput,
  toUpdateInput,
  validatePolicyForm,
  type PolicyFormAction,
  type PolicyFormErrors,
  type PolicyFormValues,
} from '../../utils/policy-form';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';
const ORDER_OPTIONS = Array.from({ length: MAX_ORDER }, (_, index) => orderLabel(index + 1));

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/** The element id of a field (or of a beneficiary / coverage row), for scrolling to a message. */
function fieldId(field: string): string {
  const row = /^(beneficiaries|coverageItems)\[(\d+)\]/.exec(field);
  return row ? `policy-field-${row[1]}-${row[2]}` : `policy-field-${fieldGroup(field)}`;
}

/**
 * Add a policy to a household (`?householdId=`, optionally `&insuredMemberId=`) or edit one (`?id=`).
 * Checked with the domain's `checkPolicy` before sending; the BFF's reasons at their fields.
 */
export default function PolicyEditPage() {
  const params = useRouter().params;
  const policyId = routeParam(params.id);
  const householdId = routeParam(params.householdId);
  const signedIn = useSignedIn();

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: policyId ? '编辑保单' : '添加保单' });
  }, [policyId]);

  if (!signedIn) return <SignInNeeded />;
  if (!policyId && !householdId) return <StateView kind="empty" title="未找到这个家庭" />;
  return (
    <PolicyEditLoader
      policyId={policyId}
      householdId={householdId}
      insuredMemberId={routeParam(params.insuredMemberId)}
    />
  );
}

function PolicyEditLoader(props: { policyId: string; householdId: string; insuredMemberId: string }) {
  const { state, reload } = useHouseholds();
  if (state.households === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" />
    );
  }
  if (props.policyId) {
    const found = findPolicy(state.households, props.policyId);
    if (!found) return <StateView kind="empty" title="未找到这份保单" message="可能已被删除" />;
    if (!found.policy.canEdit) return <StateView kind="empty" title="你没有权限编辑这份保单" />;
    return <PolicyForm key={found.policy.id} household={found.household} original={found.policy} insured={null} />;
  }
  const household = state.households.find((candidate) => candidate.id === props.householdId);
  if (!household) return <StateView kind="empty" title="未找到这个家庭" />;
  if (!household.permissions.addPolicy) return <StateView kind="empty" title="你没有权限在这个家庭添加保单" />;
  if (household.members.length === 0) {
    return <StateView kind="empty" title="请先添加家庭成员" message="保单需要指定被保人，先在“我家”添加本人和家人。" />;
  }
  const insured = household.members.some((member) => member.id === props.insuredMemberId)
    ? props.insuredMemberId
    : household.members.length === 1
      ? household.members[0].id
      : null;
  return <PolicyForm household={household} original={null} insured={insured} />;
}

// ---------------------------------------------------------------------------------------------
// Building blocks.

function Chip(props: { active: boolean; onClick: () => void; testId?: string; children: ReactNode }) {
  return (
    <View
      className={`policy-form__chip${props.active ? ' policy-form__chip--active' : ''}`}
      data-testid={props.testId}
      role="radio"
      aria-checked={props.active ? 'true' : 'false'}
      onClick={props.onClick}
    >
      {props.children}
    </View>
  );
}

function Messages({ field, errors }: { field: string; errors: PolicyFormErrors }) {
  const messages = errors[field];
  if (!messages || messages.length === 0) return null;
  return (
    <View className="policy-form__errors" data-testid={`policy-error-${field}`} role="alert">
      {messages.map((message) => (
        <Text key={message} className="policy-form__error">
          {message}
        </Text>
      ))}
    </View>
  );
}

function Field(props: { field: string; label: string; hint?: string; errors: PolicyFormErrors; children: ReactNode }) {
  const invalid = (props.errors[props.field]?.length ?? 0) > 0;
  return (
    <View
      id={fieldId(props.field)}
      className={`policy-form__field${invalid ? ' policy-form__field--invalid' : ''}`}
      data-testid={`policy-field-${props.field}`}
    >
      <View className="policy-form__label-row">
        <Text className="policy-form__label">{props.label}</Text>
        {props.hint ? <Text className="policy-form__hint">{props.hint}</Text> : null}
      </View>
      {props.children}
      <Messages field={props.field} errors={props.errors} />
    </View>
  );
}

function TextInput(props: {
  value: string;
  onInput: (value: string) => void;
  testId: string;
  label: string;
  placeholder?: string;
  type?: 'text' | 'digit' | 'number';
  maxlength?: number;
  unit?: string;
  /** A visible label above the input, inside a row of several (限额, 免赔额…). */
  caption?: string;
}) {
  const input = (
    <Input
      className="policy-form__input"
      data-testid={props.testId}
      type={props.type ?? 'text'}
      maxlength={props.maxlength ?? 80}
      aria-label={props.label}
      placeholder={props.placeholder}
      value={props.value}
      onInput={(event) => props.onInput(event.detail.value)}
    />
  );
  const field = props.unit ? (
    <View className="policy-form__unit-row">
      {input}
      <Text className="policy-form__unit">{props.unit}</Text>
    </View>
  ) : (
    input
  );
  if (!props.caption) return field;
  return (
    <View className="policy-form__captioned">
      <Text className="policy-form__caption" aria-hidden="true">
        {props.caption}
      </Text>
      {field}
    </View>
  );
}

/** A date: typed on H5 (`2026-3-1` reads as 2026-03-01) with a picker beside it; the picker elsewhere. */
function DateInput(props: { value: string; onChange: (value: string) => void; testId: string; label: string }) {
  const picked = normaliseDate(props.value);
  const picker = (children: ReactNode) => (
    <Picker
      mode="date"
      value={/^\d{4}-\d{2}-\d{2}$/.test(picked) ? picked : chinaToday(Date.now())}
      start="1950-01-01"
      end="2150-12-31"
      onChange={(event) => props.onChange(String(event.detail.value))}
    >
      {children}
    </Picker>
  );
  if (!IS_H5) {
    return picker(
      <View className="policy-form__input policy-form__picker" data-testid={props.testId}>
        {props.value || <Text className="policy-form__placeholder">选择{props.label}</Text>}
      </View>,
    );
  }
  return (
    <View className="policy-form__date-row">
      <Input
        className="policy-form__input policy-form__date-input"
        data-testid={props.testId}
        type="text"
        maxlength={11}
        aria-label={`${props.label}，年-月-日`}
        placeholder="年-月-日"
        value={props.value}
        onInput={(event) => props.onChange(event.detail.value)}
        onBlur={() => {
          if (picked !== props.value) props.onChange(picked);
        }}
      />
      {picker(
        <View className="policy-form__date-button" role="button" aria-label={`用日期选择器选择${props.label}`}>
          选择
        </View>,
      )}
    </View>
  );
}

// ---------------------------------------------------------------------------------------------
// The form.

function PolicyForm(props: { household: Household; original: Policy | null; insured: string | null }) {
  const { household, original } = props;
  const members = sortMembers(household.members);
  const [state, dispatch] = useReducer(policyFormReducer, undefined, () =>
    initialPolicyFormState(original ? policyFormFrom(original) : emptyPolicyForm(props.insured)),
  );
  const [more, setMore] = useState(false);
  const [picking, setPicking] = useState(false);
  // Added: ask for reminders on a tap before going back (the platforms' dialogs need one).
  const [added, setAdded] = useState(false);
  const { values, errors, saving } = state;
  const set = (patch: Partial<PolicyFormValues>): void => dispatch({ type: 'set', patch });
  const moreOpen = more || moreHasErrors(errors);

  const show = (next: PolicyFormErrors): void => {
    if (moreHasErrors(next)) setMore(true);
    const first = firstErrorField(next);
    if (!first) return;
    const selector = first === 'form' ? '#policy-form-errors' : `#${fieldId(first)}`;
    // After the section opens and the messages render.
    setTimeout(() => void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined), 50);
  };

  const fail = (error: GraphQLClientError | null): void => {
    const reasons = error ? inputErrorReasons(error) : [];
    const next =
      reasons.length > 0 ? serverReasonsToErrors(reasons) : { form: [error?.message ?? '保存失败，请稍后重试'] };
    dispatch({ type: 'rejected', errors: next });
    show(next);
  };

  const save = async (): Promise<void> => {
    if (saving) return;
    const invalid = validatePolicyForm(values);
    if (hasErrors(invalid)) {
      dispatch({ type: 'invalid', errors: invalid });
      show(invalid);
      return;
    }
    if (original) {
      const input = toUpdateInput(values, original);
      if (Object.keys(input).length === 0) {
        toast('没有修改');
        leavePage();
        return;
      }
      dispatch({ type: 'save' });
      const { data, error } = await graphqlClient.execute(UpdatePolicyDocument, { id: original.id, input });
      if (!data || error) return fail(error);
      toast('已保存');
    } else {
      dispatch({ type: 'save' });
      const { data, error } = await graphqlClient.execute(AddPolicyDocument, {
        householdId: household.id,
        input: toAddInput(values),
      });
      if (!data || error) return fail(error);
      toast('已添加');
      setAdded(true);
      return;
    }
    leavePage();
  };

  if (added) {
    return (
      <View className="policy-form" data-testid="policy-added">
        <ReminderPrompt
          title="保单已添加，开启到期和缴费提醒？"
          onDone={leavePage}
          hideWhenCovered
          onCovered={leavePage}
        />
      </View>
    );
  }

  const single = values.frequency === 'SINGLE';
  const insuredMember = members.find((member) => member.id === values.insuredMemberId) ?? null;

  return (
    <View className="policy-form" data-testid="policy-form">
      <View className="policy-form__card">
        <Field field="insuredMemberId" label="被保人" errors={errors}>
          <View className="policy-form__chips" role="radiogroup" aria-label="被保人">
            {members.map((member) => (
              <Chip
                key={member.id}
                active={values.insuredMemberId === member.id}
                onClick={() => set({ insuredMemberId: member.id })}
                testId={`insured-${member.id}`}
              >
                {member.relationshipLabel} {member.name}
              </Chip>
            ))}
          </View>
        </Field>
      </View>

      <View className="policy-form__card">
        {original ? null : (
          <View className="policy-form__catalogue">
            {values.productId ? (
              <View className="policy-form__linked" data-testid="linked-product">
                <Text className="policy-form__linked-text">
                  已关联保险超市产品，保存时会按产品的投保年龄核对被保人。
                </Text>
                <Button
                  className="policy-form__link"
                  data-testid="unlink-product"
                  onClick={() => set({ productId: null })}
                >
                  取消关联
                </Button>
              </View>
            ) : null}
            <Button className="policy-form__pick" data-testid="pick-from-catalogue" onClick={() => setPicking(true)}>
              从保险超市选择
            </Button>
          </View>
        )}
        <Field field="insurerName" label="保险公司" errors={errors}>
          <TextInput
            testId="insurer-input"
            label="保险公司"
            placeholder="如 康宁人寿"
            maxlength={50}
            value={values.insurerName}
            onInput={(insurerName) => set({ insurerName })}
          />
        </Field>
        <Field field="productName" label="产品名称" errors={errors}>
          <TextInput
            testId="product-input"
            label="产品名称"
            placeholder="保单上的产品全称"
            maxlength={80}
            value={values.productName}
            onInput={(productName) => set({ productName })}
          />
        </Field>
        <Field field="category" label="险种" errors={errors}>
          <View className="policy-form__chips" role="radiogroup" aria-label="险种">
            {PRODUCT_CATEGORIES.map((category) => (
              <Chip
                key={category}
                active={values.category === category}
                onClick={() => set({ category })}
                testId={`category-${category}`}
              >
                {CATEGORY_LABELS[category]}
              </Chip>
            ))}
          </View>
        </Field>
      </View>

      <View className="policy-form__card">
        <Field field="sumInsured" label="保额" errors={errors}>
          <TextInput
            testId="sum-insured-input"
            label="保额，单位元"
            type="digit"
            maxlength={14}
            placeholder="如 500000"
            unit="元"
            value={values.sumInsured}
            onInput={(sumInsured) => set({ sumInsured })}
          />
        </Field>
        <Field field="frequency" label="缴费方式" errors={errors}>
          <View className="policy-form__chips" role="radiogroup" aria-label="缴费方式">
            {FREQUENCIES.map((frequency) => (
              <Chip
                key={frequency}
                active={values.frequency === frequency}
                onClick={() => set({ frequency })}
                testId={`frequency-${frequency}`}
              >
                {PAYMENT_FREQUENCY_LABELS[frequency]}
              </Chip>
            ))}
          </View>
        </Field>
        <Field field="premium" label={single ? '保费（一次交清）' : '每期保费'} errors={errors}>
          <TextInput
            testId="premium-input"
            label="每期保费，单位元"
            type="digit"
            maxlength={12}
            placeholder="如 3200"
            unit="元"
            value={values.premium}
            onInput={(premium) => set({ premium })}
          />
        </Field>
        {single ? null : (
          <Field field="paymentTermYears" label="交费年期" errors={errors}>
            <View className="policy-form__chips" role="radiogroup" aria-label="交费年期">
              <Chip
                active={values.paymentTermMode === 'years'}
                onClick={() => set({ paymentTermMode: 'years' })}
                testId="term-years"
              >
                按年数
              </Chip>
              <Chip
                active={values.paymentTermMode === 'whole'}
                onClick={() => set({ paymentTermMode: 'whole' })}
                testId="term-whole"
              >
                交至期满
              </Chip>
            </View>
            {values.paymentTermMode === 'years' ? (
              <TextInput
                testId="term-input"
                label="交费年数"
                type="number"
                maxlength={3}
                placeholder="如 20"
                unit="年"
                value={values.paymentTermYears}
                onInput={(paymentTermYears) => set({ paymentTermYears })}
              />
            ) : (
              <Text className="policy-form__note">
                每期按时交费，直到保障结束（一年期保险、每年续保的医疗险选这个）。
              </Text>
            )}
          </Field>
        )}
      </View>

      <View className="policy-form__card">
        <Field
          field="effectiveDate"
          label="生效日期"
          hint={IS_H5 ? '可直接输入，如 2026-03-01' : undefined}
          errors={errors}
        >
          <DateInput
            testId="effective-date-input"
            label="生效日期"
            value={values.effectiveDate}
            onChange={(effectiveDate) => set({ effectiveDate })}
          />
        </Field>
        <Field field="expiryDate" label="满期日期" errors={errors}>
          <View className="policy-form__chips" role="radiogroup" aria-label="保障期限">
            <Chip
              active={values.expiryMode === 'date'}
              onClick={() => set({ expiryMode: 'date' })}
              testId="expiry-date-mode"
            >
              指定日期
            </Chip>
            <Chip
              active={values.expiryMode === 'lifetime'}
              onClick={() => set({ expiryMode: 'lifetime' })}
              testId="expiry-lifetime"
            >
              终身
            </Chip>
          </View>
          {values.expiryMode === 'date' ? (
            <DateInput
              testId="expiry-date-input"
              label="满期日期"
              value={values.expiryDate}
              onChange={(expiryDate) => set({ expiryDate })}
            />
          ) : null}
        </Field>
      </View>

      <View className="policy-form__more-toggle">
        <Button
          className="policy-form__more-button"
          data-testid="toggle-more"
          aria-expanded={moreOpen ? 'true' : 'false'}
          onClick={() => setMore(!moreOpen)}
        >
          {moreOpen ? '收起更多信息' : '更多信息（保单号、投保人、犹豫期、受益人、保障责任…）'}
        </Button>
      </View>

      {moreOpen ? (
        <MoreFields household={household} values={values} errors={errors} original={original} dispatch={dispatch} />
      ) : null}

      <View id="policy-form-errors" className="policy-form__form-errors">
        <Messages field="form" errors={errors} />
      </View>

      <View className="policy-form__submit-row">
        <Button
          className="policy-form__submit"
          data-testid="policy-save"
          // No `loading`: Taro's H5 button inserts its spinner before the label, and changing the label
          // in the same render breaks it (insertBefore on a node that is gone); the label says it.
          disabled={saving || undefined}
          onClick={() => void save()}
        >
          {saving ? '保存中…' : '保存'}
        </Button>
        <Text className="policy-form__privacy">保单号加密保存，页面上只显示部分号码。</Text>
      </View>

      <ProductPicker
        visible={picking}
        category={values.category}
        insured={insuredMember ? { name: insuredMember.name, age: insuredMember.age } : null}
        onClose={() => setPicking(false)}
        onPick={(product) => {
          set(applyProduct(product));
          setPicking(false);
          toast('已填入产品信息');
        }}
      />
    </View>
  );
}

function MoreFields(props: {
  household: Household;
  values: PolicyFormValues;
  errors: PolicyFormErrors;
  original: Policy | null;
  dispatch: (action: PolicyFormAction) => void;
}) {
  const { household, values, errors, original, dispatch } = props;
  const members = sortMembers(household.members);
  const set = (patch: Partial<PolicyFormValues>): void => dispatch({ type: 'set', patch });
  const totals = beneficiaryTotals(values.beneficiaries);

  return (
    <View className="policy-form__card" data-testid="more-fields">
      {values.policyNumberMode === 'keep' && original?.policyNumber ? (
        <Field field="policyNumber" label="保单号" errors={errors}>
          <Text className="policy-form__stored" data-testid="stored-policy-number">
            {original.policyNumber}
          </Text>
          <View className="policy-form__actions-row">
            <Button
              className="policy-form__link"
              data-testid="change-policy-number"
              onClick={() => set({ policyNumberMode: 'change', policyNumber: '' })}
            >
              修改保单号
            </Button>
            <Button
              className="policy-form__link policy-form__link--danger"
              data-testid="remove-policy-number"
              onClick={() => set({ policyNumberMode: 'remove', policyNumber: '' })}
            >
              删除保单号
            </Button>
          </View>
        </Field>
      ) : values.policyNumberMode === 'remove' ? (
        <Field field="policyNumber" label="保单号" errors={errors}>
          <Text className="policy-form__removed">保存后将删除保单号</Text>
          <Button className="policy-form__link" onClick={() => set({ policyNumberMode: 'keep' })}>
            撤销
          </Button>
        </Field>
      ) : (
        <Field field="policyNumber" label={original?.policyNumber ? '新的保单号' : '保单号（选填）'} errors={errors}>
          <TextInput
            testId="policy-number-input"
            label="保单号"
            placeholder="4–40 位字母、数字或短横线"
            maxlength={40}
            value={values.policyNumber}
            onInput={(policyNumber) => set({ policyNumber })}
          />
          {original?.policyNumber ? (
            <Button className="policy-form__link" onClick={() => set({ policyNumberMode: 'keep', policyNumber: '' })}>
              取消修改
            </Button>
          ) : null}
        </Field>
      )}

      <Field field="applicantMemberId" label="投保人（选填）" hint="交保费的人" errors={errors}>
        <View className="policy-form__chips" role="radiogroup" aria-label="投保人">
          <Chip active={values.applicantMemberId === null} onClick={() => set({ applicantMemberId: null })}>
            不填写
          </Chip>
          {members.map((member) => (
            <Chip
              key={member.id}
              active={values.applicantMemberId === member.id}
              onClick={() => set({ applicantMemberId: member.id })}
            >
              {member.relationshipLabel} {member.name}
            </Chip>
          ))}
        </View>
      </Field>

      <Field field="coolingOffEndDate" label="犹豫期截止日（选填）" hint={coolingOffHint(values)} errors={errors}>
        <DateInput
          testId="cooling-off-input"
          label="犹豫期截止日"
          value={values.coolingOffEndDate}
          onChange={(coolingOffEndDate) => set({ coolingOffEndDate })}
        />
      </Field>

      <Field field="waitingPeriodDays" label="等待期（选填）" errors={errors}>
        <TextInput
          testId="waiting-input"
          label="等待期天数"
          type="number"
          maxlength={3}
          placeholder="如 90"
          unit="天"
          value={values.waitingPeriodDays}
          onInput={(waitingPeriodDays) => set({ waitingPeriodDays })}
        />
      </Field>

      <Field field="guaranteedRenewalYears" label="保证续保（选填）" errors={errors}>
        <TextInput
          testId="renewal-input"
          label="保证续保年数"
          type="number"
          maxlength={3}
          placeholder="如 6"
          unit="年"
          value={values.guaranteedRenewalYears}
          onInput={(guaranteedRenewalYears) => set({ guaranteedRenewalYears })}
        />
      </Field>

      <Field field="beneficiaries" label="身故受益人" errors={errors}>
        <View className="policy-form__chips" role="radiogroup" aria-label="身故受益人">
          <Chip
            active={values.statutoryBeneficiaries}
            onClick={() => set({ statutoryBeneficiaries: true })}
            testId="statutory-yes"
          >
            法定受益人
          </Chip>
          <Chip
            active={!values.statutoryBeneficiaries}
            onClick={() => {
              set({ statutoryBeneficiaries: false });
              if (values.beneficiaries.length === 0) dispatch({ type: 'addBeneficiary' });
            }}
            testId="statutory-no"
          >
            指定受益人
          </Chip>
        </View>
        {values.statutoryBeneficiaries ? (
          <Text className="policy-form__note">由法律规定的继承人（配偶、子女、父母）平分。</Text>
        ) : (
          <View className="policy-form__rows">
            {values.beneficiaries.map((row, index) => {
              const at = `beneficiaries[${index}]`;
              const setRow = (patch: Partial<typeof row>): void => dispatch({ type: 'setBeneficiary', index, patch });
              return (
                <View key={row.key} id={fieldId(at)} className="policy-form__row" data-testid="beneficiary-row">
                  <View className="policy-form__row-header">
                    <Text className="policy-form__row-title">受益人 {index + 1}</Text>
                    <Button
                      className="policy-form__link policy-form__link--danger"
                      aria-label={`删除受益人 ${index + 1}`}
                      onClick={() => dispatch({ type: 'removeBeneficiary', index })}
                    >
                      删除
                    </Button>
                  </View>
                  <View className="policy-form__chips" role="radiogroup" aria-label={`受益人 ${index + 1} 是谁`}>
                    {members.map((member) => (
                      <Chip
                        key={member.id}
                        active={row.memberId === member.id}
                        onClick={() => setRow({ memberId: member.id, name: '' })}
                      >
                        {member.relationshipLabel} {member.name}
                      </Chip>
                    ))}
                    <Chip active={row.memberId === null} onClick={() => setRow({ memberId: null })}>
                      其他人
                    </Chip>
                  </View>
                  {row.memberId === null ? (
                    <TextInput
                      testId="beneficiary-name"
                      caption="姓名"
                      label={`受益人 ${index + 1} 姓名`}
                      placeholder="受益人姓名"
                      maxlength={30}
                      value={row.name}
                      onInput={(name) => setRow({ name })}
                    />
                  ) : null}
                  <Messages field={`${at}.name`} errors={errors} />
                  <View className="policy-form__pair">
                    <Picker
                      mode="selector"
                      range={ORDER_OPTIONS}
                      value={Math.max(0, Number(row.order) - 1)}
                      onChange={(event) => setRow({ order: String(Number(event.detail.value) + 1) })}
                    >
                      <View
                        className="policy-form__input policy-form__picker policy-form__order"
                        data-testid="beneficiary-order"
                        role="button"
                        aria-label={`受益顺序：${orderLabel(Number(row.order) || 1)}，点击更改`}
                      >
                        {orderLabel(Number(row.order) || 1)}
                        <Text className="policy-form__caret" aria-hidden="true">
                          {' '}
                          ▾
                        </Text>
                      </View>
                    </Picker>
                    <View className="policy-form__share">
                      <Text className="policy-form__share-caption" aria-hidden="true">
                        比例
                      </Text>
                      <Input
                        className="policy-form__input"
                        data-testid="beneficiary-share"
                        type="digit"
                        maxlength={6}
                        aria-label={`受益人 ${index + 1} 受益比例，百分比`}
                        placeholder="比例"
                        value={row.share}
                        onInput={(event) => setRow({ share: event.detail.value })}
                      />
                      <Text className="policy-form__unit">%</Text>
                    </View>
                  </View>
                  <Messages field={`${at}.order`} errors={errors} />
                  <Messages field={`${at}.sharePercent`} errors={errors} />
                </View>
              );
            })}
            {totals.length > 0 ? (
              <View className="policy-form__totals" data-testid="beneficiary-totals" aria-live="polite">
                {totals.map((total) => (
                  <Text
                    key={total.order}
                    className={`policy-form__total${total.complete ? ' policy-form__total--complete' : ''}`}
                  >
                    <Text aria-hidden="true">{total.complete ? '✓ ' : '! '}</Text>
                    {total.text}
                  </Text>
                ))}
              </View>
            ) : null}
            <Button
              className="policy-form__add-row"
              data-testid="add-beneficiary"
              onClick={() => dispatch({ type: 'addBeneficiary' })}
            >
              添加受益人
            </Button>
          </View>
        )}
      </Field>

      <Field field="coverageItems" label="保障责任（选填）" hint="如 一般医疗、重大疾病" errors={errors}>
        <View className="policy-form__rows">
          {values.coverageItems.map((row, index) => {
            const at = `coverageItems[${index}]`;
            const setRow = (patch: Partial<typeof row>): void => dispatch({ type: 'setCoverageItem', index, patch });
            return (
              <View key={row.key} id={fieldId(at)} className="policy-form__row" data-testid="coverage-row">
                <View className="policy-form__row-header">
                  <Text className="policy-form__row-title">责任 {index + 1}</Text>
                  <Button
                    className="policy-form__link policy-form__link--danger"
                    aria-label={`删除保障责任 ${index + 1}`}
                    onClick={() => dispatch({ type: 'removeCoverageItem', index })}
                  >
                    删除
                  </Button>
                </View>
                <TextInput
                  testId="coverage-name"
                  caption="责任名称"
                  label={`保障责任 ${index + 1} 名称`}
                  placeholder="如 一般医疗"
                  maxlength={60}
                  value={row.name}
                  onInput={(name) => setRow({ name })}
                />
                <Messages field={`${at}.name`} errors={errors} />
                <TextInput
                  testId="coverage-limit"
                  caption="限额（选填）"
                  label={`保障责任 ${index + 1} 限额，单位元`}
                  type="digit"
                  maxlength={14}
                  placeholder="如 3000000"
                  unit="元"
                  value={row.limit}
                  onInput={(limit) => setRow({ limit })}
                />
                <Messages field={`${at}.limit`} errors={errors} />
                <TextInput
                  testId="coverage-deductible"
                  caption="免赔额（选填）"
                  label={`保障责任 ${index + 1} 免赔额，单位元`}
                  type="digit"
                  maxlength={12}
                  placeholder="如 10000"
                  unit="元"
                  value={row.deductible}
                  onInput={(deductible) => setRow({ deductible })}
                />
                <Messages field={`${at}.deductible`} errors={errors} />
                <TextInput
                  testId="coverage-ratio"
                  caption="赔付比例（选填）"
                  label={`保障责任 ${index + 1} 赔付比例，百分比`}
                  type="number"
                  maxlength={3}
                  placeholder="如 100"
                  unit="%"
                  value={row.ratio}
                  onInput={(ratio) => setRow({ ratio })}
                />
                <Messages field={`${at}.payoutRatioPercent`} errors={errors} />
              </View>
            );
          })}
          <Button
            className="policy-form__add-row"
            data-testid="add-coverage"
            onClick={() => dispatch({ type: 'addCoverageItem' })}
          >
            添加保障责任
          </Button>
        </View>
      </Field>

      <Field field="notes" label="备注（选填）" errors={errors}>
        <Textarea
          className="policy-form__input policy-form__textarea"
          data-testid="notes-input"
          aria-label="备注"
          maxlength={500}
          autoHeight
          placeholder="如 保单放在哪里、代理人联系方式"
          value={values.notes}
          onInput={(event) => set({ notes: event.detail.value })}
        />
      </Field>
    </View>
  );
}
