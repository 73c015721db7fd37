import { chinaToday, ID_TYPE_LABELS, ID_TYPES, RELATIONSHIP_LABELS, type Relationship } from '@family/domain';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import { inputErrorReasons, type GraphQLClientError } from '../../../../graphql/errors';
import { AddFamilyMemberDocument, UpdateFamilyMemberDocument } from '../../../../graphql/generated/graphql';
import { useSignedIn } from '../../../../session/useSignedIn';
import { routeParam } from '../../../../utils/route-param';
import SignInNeeded from '../../components/sign-in-needed';
import { findMember, type Household } from '../../hooks/households-state';
import { useHouseholds } from '../../hooks/useHouseholds';
import {
  emptyMemberForm,
  fillFromResidentId,
  hasErrors,
  initialMemberFormState,
  memberFormFrom,
  memberFormReducer,
  normaliseBirthDate,
  OCCUPATION_CLASSES,
  relationshipOptions,
  residentIdHint,
  serverReasonsToErrors,
  toAddInput,
  toUpdateInput,
  validateMemberForm,
  type EditedMember,
  type MemberFormErrors,
  type MemberFormField,
  type MemberFormValues,
} from '../../utils/member-form';
import { formatIdType } from '../../utils/member-display';
import { leavePage } from '../../utils/navigation';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';
const OCCUPATION_OPTIONS = ['不填写', ...OCCUPATION_CLASSES.map((value) => `${value} 类`)];
const ID_TYPE_OPTIONS = ID_TYPES.map((idType) => ID_TYPE_LABELS[idType]);
/** Fields in the order of the page: the first with a message is scrolled to. */
const FIELD_ORDER: readonly (MemberFormField | 'form')[] = [
  'relationship',
  'name',
  'gender',
  'birthDate',
  'socialInsurance',
  'occupationClass',
  'annualIncome',
  'idType',
  'idNumber',
  'form',
];

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/** After a refused save, brings the first field with a message into view (every field has its id). */
function scrollToFirstError(errors: MemberFormErrors): void {
  const first = FIELD_ORDER.find((field) => (errors[field]?.length ?? 0) > 0);
  if (!first) return;
  const selector = first === 'form' ? '#member-form-errors' : `#member-field-${first}`;
  void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined);
}

/**
 * Add a member to a household (`?householdId=`, optionally `&relationship=SELF`) or edit one
 * (`?id=`). Checked with the domain's rules before sending; the BFF's reasons at their fields.
 */
export default function MemberEditPage() {
  const params = useRouter().params;
  const memberId = routeParam(params.id);
  const householdId = routeParam(params.householdId);
  const signedIn = useSignedIn();

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: memberId ? '编辑家庭成员' : '添加家庭成员' });
  }, [memberId]);

  if (!signedIn) return <SignInNeeded />;
  if (!memberId && !householdId) return <StateView kind="empty" title="未找到这个家庭" />;
  return <MemberEditLoader memberId={memberId} householdId={householdId} preset={routeParam(params.relationship)} />;
}

function MemberEditLoader(props: { memberId: string; householdId: string; preset: string }) {
  const { state, reload } = useHouseholds();
  if (state.households === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" />
    );
  }
  if (props.memberId) {
    const found = findMember(state.households, props.memberId);
    if (!found) return <StateView kind="empty" title="未找到这位家庭成员" message="可能已被移除" />;
    if (!found.member.canEdit) return <StateView kind="empty" title="你没有权限编辑这位家庭成员" />;
    return <MemberForm key={found.member.id} household={found.household} original={found.member} preset={null} />;
  }
  const household = state.households.find((candidate) => candidate.id === props.householdId);
  if (!household) return <StateView kind="empty" title="未找到这个家庭" />;
  if (!household.permissions.addMember) return <StateView kind="empty" title="你没有权限在这个家庭添加成员" />;
  return <MemberForm household={household} original={null} preset={props.preset} />;
}

function Chip(props: { active: boolean; onClick: () => void; testId?: string; children: ReactNode }) {
  return (
    <View
      className={`member-form__chip${props.active ? ' member-form__chip--active' : ''}`}
      data-testid={props.testId}
      role="radio"
      aria-checked={props.active ? 'true' : 'false'}
      onClick={props.onClick}
    >
      {props.children}
    </View>
  );
}

function FieldErrors({ field, errors }: { field: MemberFormField | 'form'; errors: MemberFormErrors }) {
  const messages = errors[field];
  if (!messages || messages.length === 0) return null;
  return (
    <View className="member-form__errors" data-testid={`member-error-${field}`} role="alert">
      {messages.map((message) => (
        <Text key={message} className="member-form__error">
          {message}
        </Text>
      ))}
    </View>
  );
}

function Field(props: {
  field: MemberFormField;
  label: string;
  hint?: string;
  errors: MemberFormErrors;
  children: ReactNode;
}) {
  const invalid = (props.errors[props.field]?.length ?? 0) > 0;
  return (
    <View
      id={`member-field-${props.field}`}
      className={`member-form__field${invalid ? ' member-form__field--invalid' : ''}`}
      data-testid={`member-field-${props.field}`}
    >
      <View className="member-form__label-row">
        <Text className="member-form__label">{props.label}</Text>
        {props.hint ? <Text className="member-form__hint">{props.hint}</Text> : null}
      </View>
      {props.children}
      <FieldErrors field={props.field} errors={props.errors} />
    </View>
  );
}

function initialValues(original: EditedMember | null, preset: Relationship | null): MemberFormValues {
  if (original) return memberFormFrom(original);
  return { ...emptyMemberForm(), relationship: preset };
}

function MemberForm(props: { household: Household; original: EditedMember | null; preset: string | null }) {
  const { household, original } = props;
  const relationships = relationshipOptions(household.members, original?.id ?? null);
  const preset = relationships.find((relationship) => relationship === props.preset) ?? null;
  const [state, dispatch] = useReducer(memberFormReducer, undefined, () =>
    initialMemberFormState(initialValues(original, preset)),
  );
  const [today] = useState(() => chinaToday(Date.now()));
  const { values, errors, saving } = state;
  const set = (patch: Partial<MemberFormValues>): void => dispatch({ type: 'set', patch });
  const hint = residentIdHint(values);

  const fail = (error: GraphQLClientError | null): void => {
    const reasons = error ? inputErrorReasons(error) : [];
    dispatch({
      type: 'rejected',
      errors:
        reasons.length > 0 ? serverReasonsToErrors(reasons) : { form: [error?.message ?? '保存失败，请稍后重试'] },
    });
  };

  const save = async (): Promise<void> => {
    if (saving) return;
    const invalid = validateMemberForm(values, { today, relationships, original });
    if (hasErrors(invalid)) {
      dispatch({ type: 'invalid', errors: invalid });
      scrollToFirstError(invalid);
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
      const { data, error } = await graphqlClient.execute(UpdateFamilyMemberDocument, { id: original.id, input });
      if (!data || error) {
        fail(error);
        return;
      }
      toast('已保存');
    } else {
      dispatch({ type: 'save' });
      const { data, error } = await graphqlClient.execute(AddFamilyMemberDocument, {
        householdId: household.id,
        input: toAddInput(values),
      });
      if (!data || error) {
        fail(error);
        return;
      }
      toast('已添加');
    }
    leavePage();
  };

  const birthDateIndex = values.birthDate ? normaliseBirthDate(values.birthDate) : '1990-01-01';

  return (
    <View className="member-form">
      <View className="member-form__card">
        <Field field="relationship" label="与本人的关系" errors={errors}>
          <View className="member-form__chips" role="radiogroup" aria-label="与本人的关系">
            {relationships.map((relationship) => (
              <Chip
                key={relationship}
                active={values.relationship === relationship}
                onClick={() => set({ relationship })}
                testId={`relationship-${relationship}`}
              >
                {RELATIONSHIP_LABELS[relationship]}
              </Chip>
            ))}
          </View>
        </Field>

        <Field field="name" label="姓名" errors={errors}>
          <Input
            className="member-form__input"
            data-testid="name-input"
            type="text"
            maxlength={30}
            placeholder="请输入姓名"
            value={values.name}
            onInput={(event) => set({ name: event.detail.value })}
          />
        </Field>

        <Field field="gender" label="性别" errors={errors}>
          <View className="member-form__chips" role="radiogroup" aria-label="性别">
            <Chip active={values.gender === 'MALE'} onClick={() => set({ gender: 'MALE' })} testId="gender-MALE">
              男
            </Chip>
            <Chip active={values.gender === 'FEMALE'} onClick={() => set({ gender: 'FEMALE' })} testId="gender-FEMALE">
              女
            </Chip>
          </View>
        </Field>

        <Field
          field="birthDate"
          label="出生日期"
          hint={IS_H5 ? '可直接输入，如 1990-03-07' : undefined}
          errors={errors}
        >
          {IS_H5 ? (
            <View className="member-form__date-row">
              <Input
                className="member-form__input member-form__date-input"
                data-testid="birth-date-input"
                type="text"
                maxlength={11}
                placeholder="年-月-日"
                value={values.birthDate}
                onInput={(event) => set({ birthDate: event.detail.value })}
                onBlur={() => {
                  const normalised = normaliseBirthDate(values.birthDate);
                  if (normalised !== values.birthDate) set({ birthDate: normalised });
                }}
              />
              <Picker
                mode="date"
                value={birthDateIndex}
                start="1900-01-01"
                end={today}
                onChange={(event) => set({ birthDate: String(event.detail.value) })}
              >
                <View className="member-form__date-button" role="button" aria-label="用日期选择器选择出生日期">
                  选择
                </View>
              </Picker>
            </View>
          ) : (
            <Picker
              mode="date"
              value={birthDateIndex}
              start="1900-01-01"
              end={today}
              onChange={(event) => set({ birthDate: String(event.detail.value) })}
            >
              <View className="member-form__input member-form__picker" data-testid="birth-date-picker">
                {values.birthDate || <Text className="member-form__placeholder">选择出生日期</Text>}
              </View>
            </Picker>
          )}
        </Field>

        <Field field="socialInsurance" label="社保（选填）" hint="有无社会医疗保险" errors={errors}>
          <View className="member-form__chips" role="radiogroup" aria-label="有无社保">
            <Chip
              active={values.socialInsurance === true}
              onClick={() => set({ socialInsurance: values.socialInsurance === true ? null : true })}
              testId="social-yes"
            >
              有社保
            </Chip>
            <Chip
              active={values.socialInsurance === false}
              onClick={() => set({ socialInsurance: values.socialInsurance === false ? null : false })}
              testId="social-no"
            >
              无社保
            </Chip>
          </View>
        </Field>

        <Field field="occupationClass" label="职业类别（选填）" hint="1 类风险最低，6 类最高" errors={errors}>
          <Picker
            mode="selector"
            range={OCCUPATION_OPTIONS}
            value={values.occupationClass ?? 0}
            onChange={(event) => {
              const index = Number(event.detail.value);
              set({ occupationClass: index > 0 ? (OCCUPATION_CLASSES[index - 1] ?? null) : null });
            }}
          >
            <View className="member-form__input member-form__picker" data-testid="occupation-picker">
              {OCCUPATION_OPTIONS[values.occupationClass ?? 0]}
              <Text className="member-form__caret" aria-hidden="true">
                {' '}
                ▾
              </Text>
            </View>
          </Picker>
        </Field>

        <Field field="annualIncome" label="年收入（选填）" hint="用于估算重疾险、寿险的建议保额" errors={errors}>
          <View className="member-form__amount-row">
            <Input
              className="member-form__input member-form__amount-input"
              data-testid="income-input"
              type="digit"
              maxlength={12}
              aria-label="年收入，单位元"
              placeholder="税前年收入，如 200000"
              value={values.annualIncome}
              onInput={(event) => set({ annualIncome: event.detail.value })}
            />
            <Text className="member-form__unit">元</Text>
          </View>
        </Field>

        <IdNumberFields
          values={values}
          original={original}
          errors={errors}
          set={set}
          onFill={() => set(fillFromResidentId(values))}
          hint={hint}
        />
      </View>

      <View id="member-form-errors" className="member-form__form-errors">
        <FieldErrors field="form" errors={errors} />
      </View>

      <View className="member-form__submit-row">
        <Button
          className="member-form__submit"
          data-testid="member-save"
          // No `loading`: Taro's H5 button inserts its spinner before the label, and changing the label
          // in the same render breaks it (insertBefore on a node that is gone); the label says it.
          disabled={saving || undefined}
          onClick={() => void save()}
        >
          {saving ? '保存中…' : '保存'}
        </Button>
        <Text className="member-form__privacy">
          证件号码加密保存，页面上只显示部分号码；家庭创建者查看完整号码时，每次都会被记录。
        </Text>
      </View>
    </View>
  );
}

function IdNumberFields(props: {
  values: MemberFormValues;
  original: EditedMember | null;
  errors: MemberFormErrors;
  set: (patch: Partial<MemberFormValues>) => void;
  onFill: () => void;
  hint: ReturnType<typeof residentIdHint>;
}) {
  const { values, original, errors, set, onFill, hint } = props;

  if (values.idNumberMode === 'keep' && original?.idNumber) {
    return (
      <Field field="idNumber" label="证件号码" errors={errors}>
        <View className="member-form__stored-id" data-testid="stored-id-number">
          <Text className="member-form__stored-id-type">{formatIdType(original.idType)}</Text>
          <Text className="member-form__stored-id-number">{original.idNumber}</Text>
        </View>
        <View className="member-form__id-actions">
          <Button
            className="member-form__link"
            data-testid="change-id-number"
            onClick={() => set({ idNumberMode: 'change', idNumber: '' })}
          >
            修改证件号码
          </Button>
          <Button
            className="member-form__link member-form__link--danger"
            data-testid="remove-id-number"
            onClick={() => set({ idNumberMode: 'remove', idNumber: '' })}
          >
            删除证件号码
          </Button>
        </View>
      </Field>
    );
  }

  if (values.idNumberMode === 'remove') {
    return (
      <Field field="idNumber" label="证件号码" errors={errors}>
        <Text className="member-form__removed" data-testid="id-number-removed">
          保存后将删除证件号码
        </Text>
        <View className="member-form__id-actions">
          <Button
            className="member-form__link"
            data-testid="undo-remove-id-number"
            onClick={() => set({ idNumberMode: 'keep', idType: original?.idType ?? 'RESIDENT_ID' })}
          >
            撤销
          </Button>
        </View>
      </Field>
    );
  }

  return (
    <>
      <Field field="idType" label="证件类型（选填）" errors={errors}>
        <Picker
          mode="selector"
          range={ID_TYPE_OPTIONS}
          value={Math.max(0, ID_TYPES.indexOf(values.idType))}
          onChange={(event) => set({ idType: ID_TYPES[Number(event.detail.value)] ?? 'RESIDENT_ID' })}
        >
          <View className="member-form__input member-form__picker" data-testid="id-type-picker">
            {ID_TYPE_LABELS[values.idType]}
            <Text className="member-form__caret" aria-hidden="true">
              {' '}
              ▾
            </Text>
          </View>
        </Picker>
      </Field>
      <Field
        field="idNumber"
        label={original?.idNumber ? '新的证件号码' : '证件号码（选填）'}
        hint={values.idType === 'RESIDENT_ID' ? '可自动填入出生日期和性别' : undefined}
        errors={errors}
      >
        <Input
          className="member-form__input"
          data-testid="id-number-input"
          type="idcard"
          maxlength={30}
          placeholder={values.idType === 'RESIDENT_ID' ? '18 位身份证号码' : '请输入证件号码'}
          value={values.idNumber}
          onInput={(event) => set({ idNumber: event.detail.value })}
        />
        {hint && hint.status !== 'matches' ? (
          <View className="member-form__id-hint" data-testid="id-hint">
            <Text className="member-form__id-hint-text">
              {hint.status === 'fill' ? `证件号码显示${hint.text}` : `证件号码显示${hint.text}，与上面填写的不一致`}
            </Text>
            <Button className="member-form__link" data-testid="fill-from-id" onClick={onFill}>
              {hint.status === 'fill' ? '填入出生日期和性别' : '按证件号码更正'}
            </Button>
          </View>
        ) : null}
        {hint?.status === 'matches' ? (
          <Text className="member-form__id-ok" data-testid="id-matches">
            与出生日期、性别一致
          </Text>
        ) : null}
        {original?.idNumber ? (
          <View className="member-form__id-actions">
            <Button
              className="member-form__link"
              data-testid="cancel-change-id-number"
              onClick={() => set({ idNumberMode: 'keep', idNumber: '', idType: original.idType ?? 'RESIDENT_ID' })}
            >
              取消修改
            </Button>
          </View>
        ) : null}
      </Field>
    </>
  );
}
