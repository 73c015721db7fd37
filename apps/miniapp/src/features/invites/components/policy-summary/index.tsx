import { formatGuaranteedRenewal, formatMoney, POLICY_STATUS_LABELS } from '@family/domain';
import { Text, View } from '@tarojs/components';
import type { InviteLandingQuery } from '../../../../graphql/generated/graphql';
import './index.scss';

export type SharedPolicy = NonNullable<InviteLandingQuery['invite']['policy']>;

/** A shared policy summary, read-only: what it covers, for whom (masked), sums and dates. */
export default function PolicySummary({ policy }: { policy: SharedPolicy }) {
  const rows: { label: string; value: string }[] = [
    { label: '被保人', value: `${policy.insuredName}（${policy.insuredRelationshipLabel}）` },
    { label: '保额', value: formatMoney(policy.sumInsured) },
    { label: '年缴保费', value: policy.annualPremium > 0 ? formatMoney(policy.annualPremium) : '趸交' },
    { label: '生效日期', value: policy.effectiveDate },
    { label: '满期日期', value: policy.expiryDate ?? '终身' },
  ];
  if (policy.waitingPeriodEndDate) rows.push({ label: '等待期至', value: policy.waitingPeriodEndDate });
  if (policy.guaranteedRenewalYears !== null && policy.guaranteedRenewalYears !== undefined) {
    rows.push({ label: '保证续保', value: formatGuaranteedRenewal(policy.guaranteedRenewalYears) });
  }
  return (
    <View className="policy-summary" data-testid="policy-summary">
      <View className="policy-summary__head">
        <Text className="policy-summary__name">{policy.productName}</Text>
        <Text
          className={`policy-summary__status policy-summary__status--${policy.status === 'ACTIVE' ? 'active' : 'ended'}`}
        >
          {POLICY_STATUS_LABELS[policy.status]}
        </Text>
      </View>
      <Text className="policy-summary__meta">
        {policy.insurerName} · {policy.categoryLabel}
      </Text>
      {rows.map((row) => (
        <View key={row.label} className="policy-summary__row">
          <Text className="policy-summary__label">{row.label}</Text>
          <Text className="policy-summary__value">{row.value}</Text>
        </View>
      ))}
      <Text className="policy-summary__section">保障责任</Text>
      {policy.coverageItems.length === 0 ? (
        <Text className="policy-summary__muted">以保险合同为准</Text>
      ) : (
        policy.coverageItems.map((item) => (
          <View key={item.name} className="policy-summary__row">
            <Text className="policy-summary__label">{item.name}</Text>
            <Text className="policy-summary__value">
              {item.limit !== null && item.limit > 0 ? formatMoney(item.limit) : '不单独设限'}
            </Text>
          </View>
        ))
      )}
      <Text className="policy-summary__note">
        保单号、证件号码和被保人的完整姓名等个人信息已隐去，仅供了解保障内容。
      </Text>
    </View>
  );
}
