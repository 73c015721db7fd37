import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PolicyFieldsFragment } from '../../../../graphql/generated/graphql';
import { policyPageUrl } from '../../routes';
import {
  formatAmount,
  formatNextPayment,
  formatPremium,
  policyWarning,
  STATUS_TONES,
} from '../../utils/policy-display';
import StatusBadge from '../status-badge';
import './index.scss';

export interface PolicyCardProps {
  policy: PolicyFieldsFragment;
}

/**
 * One policy in a member's list: product, insurer and category, its status in words, the sum insured
 * and premium, the next payment, and a warning when a premium is in grace or the policy lapsed. A tap
 * opens the policy's page.
 */
export default function PolicyCard({ policy }: PolicyCardProps) {
  const next = formatNextPayment(policy);
  const warning = policyWarning(policy);
  const premium = formatPremium(policy.premium, policy.frequency, policy.frequencyLabel);
  const label = [
    `${policy.productName}，${policy.insurerName}，${policy.categoryLabel}`,
    policy.statusLabel,
    `保额 ${formatAmount(policy.sumInsured)}`,
    `保费 ${premium}`,
    next,
    warning,
  ]
    .filter(Boolean)
    .join('，');
  return (
    <View
      className="policy-card"
      data-testid="policy-card"
      data-policy-id={policy.id}
      role="button"
      aria-label={`${label}。查看保单`}
      onClick={() => void Taro.navigateTo({ url: policyPageUrl(policy.id) })}
    >
      <View className="policy-card__main">
        <Text className="policy-card__name" data-testid="policy-name">
          {policy.productName}
        </Text>
        <StatusBadge tone={STATUS_TONES[policy.status]} text={policy.statusLabel} testId="policy-status" />
      </View>
      <Text className="policy-card__insurer">
        {policy.insurerName} · {policy.categoryLabel}
      </Text>
      <View className="policy-card__figures">
        <Text className="policy-card__figure" data-testid="policy-sum-insured">
          保额 {formatAmount(policy.sumInsured)}
        </Text>
        <Text className="policy-card__figure">{premium}</Text>
      </View>
      {next ? (
        <Text className="policy-card__next" data-testid="policy-next-payment">
          {next}
        </Text>
      ) : null}
      {warning ? (
        <Text className="policy-card__warning" data-testid="policy-warning">
          <Text aria-hidden="true">! </Text>
          {warning}
        </Text>
      ) : null}
    </View>
  );
}
