import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FamilyMemberFieldsFragment } from '../../../../graphql/generated/graphql';
import { memberPageUrl } from '../../routes';
import { formatIdType, memberCardLabel, memberSummary, spokenMaskedIdNumber } from '../../utils/member-display';
import type { MemberPolicySummary } from '../../utils/policy-display';
import './index.scss';

export interface MemberCardProps {
  member: FamilyMemberFieldsFragment;
  /** The policies insuring the member: how many, and a warning when one is in grace or lapsed. */
  policies: MemberPolicySummary;
}

/**
 * One member on the family screen: relationship, name, a 你 badge for the signed-in person, age,
 * gender, 社保, the masked ID number, how many policies insure them (and a warning when one is in its
 * grace period or lapsed). A tap opens the member's page.
 */
export default function MemberCard({ member, policies }: MemberCardProps) {
  const policyText = policies.text ?? '暂无保单';
  const open = (): void => {
    void Taro.navigateTo({ url: memberPageUrl(member.id) });
  };
  return (
    <View
      className="member-card"
      data-testid="member-card"
      data-member-id={member.id}
      role="button"
      aria-label={memberCardLabel(member, [policyText, policies.warning])}
      onClick={open}
    >
      <View className="member-card__main">
        <Text className="member-card__relationship" data-testid="member-relationship">
          {member.relationshipLabel}
        </Text>
        <Text className="member-card__name" data-testid="member-name">
          {member.name}
        </Text>
        {member.isYou ? (
          <Text className="member-card__you" data-testid="you-badge">
            你
          </Text>
        ) : null}
        <Text className="member-card__chevron" aria-hidden="true">
          ›
        </Text>
      </View>
      <Text className="member-card__summary" data-testid="member-summary">
        {memberSummary(member)}
      </Text>
      {member.idNumber ? (
        <Text
          className="member-card__id"
          data-testid="member-id-number"
          aria-label={`${formatIdType(member.idType)} ${spokenMaskedIdNumber(member.idNumber)}`}
        >
          {formatIdType(member.idType)} {member.idNumber}
        </Text>
      ) : null}
      <Text className="member-card__policies" data-testid="member-policy-count">
        {policyText}
      </Text>
      {policies.warning ? (
        <Text className="member-card__warning" data-testid="member-policy-warning">
          <Text aria-hidden="true">! </Text>
          {policies.warning}
        </Text>
      ) : null}
    </View>
  );
}
