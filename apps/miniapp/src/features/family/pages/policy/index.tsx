import { chinaToday } from '@family/domain';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import { inputErrorReasons } from '../../../../graphql/errors';
import { EndPolicyDocument, RemovePolicyDocument, type TerminationReason } from '../../../../graphql/generated/graphql';
import { useSignedIn } from '../../../../session/useSignedIn';
import { routeParam } from '../../../../utils/route-param';
import SignInNeeded from '../../components/sign-in-needed';
import StatusBadge from '../../components/status-badge';
import { findPolicy, type Household, type Policy } from '../../hooks/households-state';
import { useHouseholds } from '../../hooks/useHouseholds';
import { editPolicyUrl } from '../../routes';
import { endPolicyServerErrors, validateEndPolicy, type EndPolicyErrors } from '../../utils/end-policy';
import { normaliseBirthDate as normaliseDate } from '../../utils/member-form';
import { formatYuanExact } from '../../utils/money-input';
import { shareInviteUrl } from '../../../invites';
import { leavePage } from '../../utils/navigation';
import {
  beneficiaryGroups,
  formatAmount,
  formatCoveragePeriod,
  formatCoverageTerms,
  formatPaymentTerm,
  formatPremium,
  installmentLabel,
  INSTALLMENT_LABELS,
  INSTALLMENT_MARKS,
  INSTALLMENT_TONES,
  policyWarning,
  hasEnded,
  scheduleRows,
  scheduleSummary,
  scheduleToShow,
  STATUS_TONES,
  TERMINATION_LABELS,
  TERMINATION_REASONS,
} from '../../utils/policy-display';
import { PolicyReminderSwitch } from '../../../reminders';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';
const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/** A policy's page (`?id=`): its terms, payment schedule, beneficiaries, coverage and notes; edit, end, remove. */
export default function PolicyPage() {
  const id = routeParam(useRouter().params.id);
  const signedIn = useSignedIn();
  if (!signedIn) return <SignInNeeded />;
  if (!id) return <StateView kind="empty" title="未找到这份保单" />;
  return <PolicyLoader id={id} />;
}

function PolicyLoader({ id }: { id: string }) {
  const { state, reload, refresh } = useHouseholds();
  const loaded = useRef(false);
  loaded.current = state.households !== null;
  // Back from the edit form: show what was saved.
  useDidShow(() => {
    if (loaded.current) {
      void refresh().then((error) => {
        if (error) toast(error.message);
      });
    }
  });

  if (state.households === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" />
    );
  }
  const found = findPolicy(state.households, id);
  if (!found) return <StateView kind="empty" title="未找到这份保单" message="可能已被删除" />;
  return (
    <PolicyDetail
      key={found.policy.id}
      household={found.household}
      policy={found.policy}
      onChanged={() => void refresh()}
    />
  );
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="policy__row">
      <Text className="policy__label">{label}</Text>
      <Text className="policy__value" data-testid={testId}>
        {value}
      </Text>
    </View>
  );
}

function memberName(household: Household, memberId: string | null): string {
  if (!memberId) return '未填写';
  const member = household.members.find((candidate) => candidate.id === memberId);
  return member ? `${member.name}（${member.relationshipLabel}）` : '已移除的成员';
}

function PolicyDetail(props: { household: Household; policy: Policy; onChanged: () => void }) {
  const { household, policy } = props;
  const [ending, setEnding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [allPayments, setAllPayments] = useState(false);
  const warning = policyWarning(policy);
  const shown = scheduleToShow(policy);
  const schedule = scheduleRows(shown, allPayments ? shown.length : 12);
  const paid = scheduleSummary(policy);
  const mayEnd = policy.canEdit && (policy.status === 'ACTIVE' || policy.status === 'LAPSED');

  const remove = async (): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: '删除保单',
      content: `确定删除“${policy.productName}”吗？删除后不能恢复。保单已退保或理赔终止时，请用“终止保单”记录。`,
      confirmText: '删除',
      confirmColor: '#cb2634',
      cancelText: '取消',
    });
    if (!confirm) return;
    setRemoving(true);
    const { data, error } = await graphqlClient.execute(RemovePolicyDocument, { id: policy.id });
    setRemoving(false);
    if (!data || error) {
      toast(error?.message ?? '删除失败，请稍后重试');
      return;
    }
    toast('已删除');
    leavePage();
  };

  return (
    <View className="policy" data-testid="policy-detail">
      <View className="policy__card policy__header">
        <View className="policy__title-row">
          <Text className="policy__name" data-testid="policy-detail-name">
            {policy.productName}
          </Text>
          <StatusBadge tone={STATUS_TONES[policy.status]} text={policy.statusLabel} testId="policy-detail-status" />
        </View>
        <Text className="policy__insurer">
          {policy.insurerName} · {policy.categoryLabel}
        </Text>
        <Text className="policy__insured">被保人 {memberName(household, policy.insuredMemberId)}</Text>
        {policy.terminationReason && policy.terminationDate ? (
          <Text className="policy__ended" data-testid="policy-termination">
            已于 {policy.terminationDate} {TERMINATION_LABELS[policy.terminationReason]}
          </Text>
        ) : null}
        {warning ? (
          <Text className="policy__warning" data-testid="policy-detail-warning">
            <Text aria-hidden="true">! </Text>
            {warning}
          </Text>
        ) : null}
        {policy.inCoolingOff && policy.coolingOffEndDate ? (
          <Text className="policy__info">犹豫期内：{policy.coolingOffEndDate} 前退保可退还全部保费</Text>
        ) : null}
      </View>

      <View className="policy__card">
        <Text className="policy__section-title">保障信息</Text>
        <Row label="被保人" value={memberName(household, policy.insuredMemberId)} />
        <Row label="投保人" value={memberName(household, policy.applicantMemberId)} />
        <Row label="保单号" value={policy.policyNumber ?? '未填写'} testId="policy-number" />
        <Row label="保额" value={formatAmount(policy.sumInsured)} testId="policy-detail-sum-insured" />
        <Row label="保费" value={formatPremium(policy.premium, policy.frequency, policy.frequencyLabel)} />
        <Row
          label="每年保费"
          value={policy.frequency === 'SINGLE' ? '趸交，无每年保费' : formatYuanExact(policy.annualPremium)}
        />
        <Row label="交费期" value={formatPaymentTerm(policy.paymentTermYears, policy.frequency)} />
        <Row label="保险期间" value={formatCoveragePeriod(policy.effectiveDate, policy.expiryDate)} />
        <Row label="犹豫期至" value={policy.coolingOffEndDate ?? '无'} />
        <Row
          label="等待期"
          value={
            policy.waitingPeriodDays
              ? `${policy.waitingPeriodDays} 天${policy.waitingPeriodEndDate ? `（至 ${policy.waitingPeriodEndDate}）` : ''}`
              : '无或未填写'
          }
        />
        <Row
          label="保证续保"
          value={policy.guaranteedRenewalYears ? `${policy.guaranteedRenewalYears} 年` : '未填写'}
        />
        <Row label="宽限期" value={`${policy.gracePeriodDays} 天`} />
      </View>

      <View className="policy__card" data-testid="policy-schedule">
        <View className="policy__section-header">
          <Text className="policy__section-title">缴费计划</Text>
          <Text className="policy__section-note">{paid.text}</Text>
        </View>
        {schedule.rows.map((installment) => (
          <View
            key={installment.number}
            className="policy__installment"
            data-testid="installment"
            data-state={installment.state}
            aria-label={installmentLabel(installment)}
          >
            <View className="policy__installment-main">
              <Text className="policy__installment-number">第 {installment.number} 期</Text>
              <Text className="policy__installment-date">{installment.dueDate}</Text>
              {installment.state === 'IN_GRACE' ? (
                <Text className="policy__installment-grace">宽限期至 {installment.graceEndDate}</Text>
              ) : null}
            </View>
            <Text className="policy__installment-amount">{formatYuanExact(installment.amount)}</Text>
            <StatusBadge
              tone={INSTALLMENT_TONES[installment.state]}
              text={INSTALLMENT_LABELS[installment.state]}
              mark={INSTALLMENT_MARKS[installment.state]}
            />
          </View>
        ))}
        {schedule.hidden > 0 || allPayments ? (
          <Button className="policy__link" onClick={() => setAllPayments(!allPayments)}>
            {allPayments ? '收起' : `查看全部 ${shown.length} 期`}
          </Button>
        ) : null}
        {hasEnded(policy) ? <Text className="policy__text">保单已结束，之后的保费无需再缴。</Text> : null}
      </View>

      <View className="policy__card" data-testid="policy-beneficiaries">
        <Text className="policy__section-title">身故受益人</Text>
        {policy.statutoryBeneficiaries ? (
          <Text className="policy__text">法定受益人（按法律规定的继承顺序）</Text>
        ) : (
          beneficiaryGroups(policy.beneficiaries).map((group) => (
            <View key={group.order} className="policy__row">
              <Text className="policy__label">{group.label}</Text>
              <Text className="policy__value">
                {group.people.map((person) => `${person.name} ${person.share}`).join('、')}
              </Text>
            </View>
          ))
        )}
      </View>

      <View className="policy__card" data-testid="policy-coverage">
        <Text className="policy__section-title">保障责任</Text>
        {policy.coverageItems.length === 0 ? (
          <Text className="policy__text">未填写。可在编辑时添加保障责任、限额、免赔额和赔付比例。</Text>
        ) : (
          policy.coverageItems.map((item, index) => (
            <View key={`${item.name}-${index}`} className="policy__row">
              <Text className="policy__label">{item.name}</Text>
              <Text className="policy__value">{formatCoverageTerms(item)}</Text>
            </View>
          ))
        )}
      </View>

      {policy.notes ? (
        <View className="policy__card">
          <Text className="policy__section-title">备注</Text>
          <Text className="policy__text policy__notes">{policy.notes}</Text>
        </View>
      ) : null}

      {ending ? (
        <EndPolicySheet
          policy={policy}
          onCancel={() => setEnding(false)}
          onEnded={() => {
            setEnding(false);
            props.onChanged();
          }}
        />
      ) : null}

      {household.role !== 'VIEWER' ? (
        <View className="policy__card">
          <PolicyReminderSwitch policyId={policy.id} />
        </View>
      ) : null}

      <View className="policy__actions">
        {policy.canEdit ? (
          <Button
            className="policy__edit"
            data-testid="policy-edit"
            onClick={() => void Taro.navigateTo({ url: editPolicyUrl(policy.id) })}
          >
            编辑
          </Button>
        ) : null}
        {policy.canEdit ? (
          <Button
            className="policy__share"
            data-testid="policy-share"
            onClick={() =>
              void Taro.navigateTo({ url: shareInviteUrl({ kind: 'POLICY_SUMMARY', policyId: policy.id }) })
            }
          >
            分享保单摘要
          </Button>
        ) : null}
        {mayEnd && !ending ? (
          <Button className="policy__end" data-testid="policy-end" onClick={() => setEnding(true)}>
            终止保单
          </Button>
        ) : null}
        {policy.canRemove ? (
          <Button
            className="policy__remove"
            data-testid="policy-remove"
            loading={removing || undefined}
            disabled={removing || undefined}
            onClick={() => void remove()}
          >
            删除
          </Button>
        ) : null}
        {!policy.canEdit && !policy.canRemove ? (
          <Text className="policy__note">你可以查看这份保单，但不能修改或删除。</Text>
        ) : null}
      </View>
    </View>
  );
}

function Alert({ message, testId }: { message: string | undefined; testId: string }) {
  if (!message) return null;
  return (
    <View role="alert" data-testid={testId}>
      <Text className="policy__error">{message}</Text>
    </View>
  );
}

/** 终止保单: why (退保, 理赔终止, 失效) and when (not after today), recorded with endPolicy. */
function EndPolicySheet(props: { policy: Policy; onCancel: () => void; onEnded: () => void }) {
  const { policy } = props;
  const [today] = useState(() => chinaToday(Date.now()));
  const [reason, setReason] = useState<TerminationReason | null>(null);
  const [date, setDate] = useState(today);
  const [errors, setErrors] = useState<EndPolicyErrors>({});
  const [saving, setSaving] = useState(false);

  const submit = async (): Promise<void> => {
    if (saving) return;
    const values = { reason, date: normaliseDate(date) };
    const invalid = validateEndPolicy(values, policy.effectiveDate, today);
    if (Object.keys(invalid).length > 0 || values.reason === null) {
      setErrors(invalid);
      return;
    }
    setSaving(true);
    const { data, error } = await graphqlClient.execute(EndPolicyDocument, {
      id: policy.id,
      reason: values.reason,
      date: values.date,
    });
    setSaving(false);
    if (!data || error) {
      const reasons = error ? inputErrorReasons(error) : [];
      setErrors(
        reasons.length > 0 ? endPolicyServerErrors(reasons) : { form: error?.message ?? '操作失败，请稍后重试' },
      );
      return;
    }
    toast(`已记录${TERMINATION_LABELS[values.reason]}`);
    props.onEnded();
  };

  return (
    <View className="policy__card policy__end-sheet" data-testid="end-policy-sheet">
      <Text className="policy__section-title">终止保单</Text>
      <Text className="policy__text">记录保单在满期前结束的原因和日期；终止后不再计入保障和缴费提醒。</Text>
      <Text className="policy__field-label">终止原因</Text>
      <View className="policy__chips" role="radiogroup" aria-label="终止原因">
        {TERMINATION_REASONS.map((value) => (
          <View
            key={value}
            className={`policy__chip${reason === value ? ' policy__chip--active' : ''}`}
            data-testid={`end-reason-${value}`}
            role="radio"
            aria-checked={reason === value ? 'true' : 'false'}
            onClick={() => {
              setReason(value);
              setErrors({ ...errors, reason: undefined, form: undefined });
            }}
          >
            {TERMINATION_LABELS[value]}
          </View>
        ))}
      </View>
      <Alert message={errors.reason} testId="end-error-reason" />
      <Text className="policy__field-label">终止日期（不能晚于今天 {today}）</Text>
      <View className="policy__date-row">
        {IS_H5 ? (
          <Input
            className="policy__input"
            data-testid="end-date-input"
            type="text"
            maxlength={11}
            aria-label="终止日期，年-月-日"
            placeholder="年-月-日"
            value={date}
            onInput={(event) => {
              setDate(event.detail.value);
              setErrors({ ...errors, date: undefined, form: undefined });
            }}
          />
        ) : null}
        <Picker
          mode="date"
          value={normaliseDate(date) || today}
          start={policy.effectiveDate}
          end={today}
          onChange={(event) => {
            setDate(String(event.detail.value));
            setErrors({ ...errors, date: undefined, form: undefined });
          }}
        >
          {IS_H5 ? (
            <View className="policy__date-button" role="button" aria-label="用日期选择器选择终止日期">
              选择
            </View>
          ) : (
            <View className="policy__input" data-testid="end-date-picker">
              {date}
            </View>
          )}
        </Picker>
      </View>
      <Alert message={errors.date} testId="end-error-date" />
      <Alert message={errors.form} testId="end-error-form" />
      <View className="policy__sheet-actions">
        <Button className="policy__cancel" onClick={props.onCancel}>
          取消
        </Button>
        <Button
          className="policy__confirm-end"
          data-testid="end-confirm"
          loading={saving || undefined}
          disabled={saving || undefined}
          onClick={() => void submit()}
        >
          确认终止
        </Button>
      </View>
    </View>
  );
}
