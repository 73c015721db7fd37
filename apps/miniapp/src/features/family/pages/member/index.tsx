import { GENDER_LABELS } from '@family/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useReducer, useRef, useState } from 'react';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import { RemoveFamilyMemberDocument, RevealIdNumberDocument } from '../../../../graphql/generated/graphql';
import { useSignedIn } from '../../../../session/useSignedIn';
import { formatDate } from '../../../../utils/date';
import { routeParam } from '../../../../utils/route-param';
import PolicyCard from '../../components/policy-card';
import SignInNeeded from '../../components/sign-in-needed';
import { findMember, type Household } from '../../hooks/households-state';
import { useHouseholds } from '../../hooks/useHouseholds';
import { addPolicyUrl, editMemberUrl } from '../../routes';
import {
  formatAge,
  formatBirthDate,
  formatIdType,
  formatOccupationClass,
  formatSocialInsurance,
  spokenMaskedIdNumber,
} from '../../utils/member-display';
import { formatYuanExact } from '../../utils/money-input';
import { leavePage } from '../../utils/navigation';
import { sortPolicies } from '../../utils/policy-display';
import {
  groupIdNumber,
  initialRevealState,
  REVEAL_SECONDS,
  revealReducer,
  secondsUntilHidden,
} from '../../utils/reveal';
import './index.scss';

type Member = Household['members'][number];

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/** A member's page (`?id=`): everything about them, and what the signed-in person may do. */
export default function MemberPage() {
  const id = routeParam(useRouter().params.id);
  const signedIn = useSignedIn();
  if (!signedIn) return <SignInNeeded />;
  if (!id) return <StateView kind="empty" title="未找到这位家庭成员" />;
  return <MemberLoader id={id} />;
}

function MemberLoader({ id }: { id: string }) {
  const { state, reload, refresh } = useHouseholds();
  const loaded = useRef(false);
  loaded.current = state.households !== null;
  // Back from the edit page: show what was saved.
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
  const found = findMember(state.households, id);
  if (!found) return <StateView kind="empty" title="未找到这位家庭成员" message="可能已被移除" />;
  return <MemberDetail key={found.member.id} household={found.household} member={found.member} />;
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="member__row">
      <Text className="member__label">{label}</Text>
      <Text className="member__value" data-testid={testId}>
        {value}
      </Text>
    </View>
  );
}

function MemberDetail({ household, member }: { household: Household; member: Member }) {
  const [removing, setRemoving] = useState(false);
  const mayReveal = household.permissions.revealIdNumbers && member.idNumber !== null;

  const remove = async (): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: '删除家庭成员',
      content: `确定删除“${member.name}”吗？删除后不能恢复。`,
      confirmText: '删除',
      confirmColor: '#cb2634',
      cancelText: '取消',
    });
    if (!confirm) return;
    setRemoving(true);
    const { data, error } = await graphqlClient.execute(RemoveFamilyMemberDocument, { id: member.id });
    setRemoving(false);
    if (error?.code === 'CONFLICT') {
      // Insured by policies: the BFF says how many and what to do; a toast would cut it short.
      void Taro.showModal({ title: '暂时不能删除', content: error.message, showCancel: false, confirmText: '知道了' });
      return;
    }
    if (!data || error) {
      toast(error?.message ?? '删除失败，请稍后重试');
      return;
    }
    toast('已删除');
    leavePage();
  };

  return (
    <View className="member" data-testid="member-detail">
      <View className="member__card member__header">
        <View className="member__title-row">
          <Text className="member__relationship">{member.relationshipLabel}</Text>
          <Text className="member__name" data-testid="member-detail-name">
            {member.name}
          </Text>
          {member.isYou ? (
            <Text className="member__you" data-testid="you-badge">
              你
            </Text>
          ) : null}
        </View>
        <Text className="member__summary">
          {formatAge(member.age)} · {GENDER_LABELS[member.gender]}
        </Text>
      </View>

      <MemberPolicies household={household} member={member} />

      <View className="member__card">
        <Row label="与本人的关系" value={member.relationshipLabel} />
        <Row label="姓名" value={member.name} />
        <Row label="性别" value={GENDER_LABELS[member.gender]} />
        <Row label={member.birthDate ? '出生日期' : '出生年份'} value={formatBirthDate(member)} />
        <Row label="年龄" value={formatAge(member.age)} />
        <Row label="社保" value={formatSocialInsurance(member.socialInsurance)} />
        <Row label="职业类别" value={formatOccupationClass(member.occupationClass)} />
        {member.annualIncome !== null || member.canEdit ? (
          <Row
            label="年收入"
            value={member.annualIncome !== null ? formatYuanExact(member.annualIncome) : '未填写'}
            testId="member-income"
          />
        ) : null}
        <Row label="证件类型" value={formatIdType(member.idType)} />
        {mayReveal ? (
          <IdNumberReveal member={member} />
        ) : (
          <View className="member__row">
            <Text className="member__label">证件号码</Text>
            <Text
              className="member__value member__id-number"
              data-testid="member-id-number"
              aria-label={member.idNumber ? spokenMaskedIdNumber(member.idNumber) : undefined}
            >
              {member.idNumber ?? '未填写'}
            </Text>
          </View>
        )}
        <Row label="添加时间" value={formatDate(member.createdAt)} />
      </View>

      <View className="member__actions">
        {member.canEdit ? (
          <Button
            className="member__edit"
            data-testid="member-edit"
            onClick={() => void Taro.navigateTo({ url: editMemberUrl(member.id) })}
          >
            编辑
          </Button>
        ) : null}
        {member.canRemove ? (
          <Button
            className="member__remove"
            data-testid="member-remove"
            loading={removing || undefined}
            disabled={removing || undefined}
            onClick={() => void remove()}
          >
            删除
          </Button>
        ) : null}
        {!member.canEdit && !member.canRemove ? (
          <Text className="member__note">你可以查看这位家庭成员的信息，但不能修改或删除。</Text>
        ) : null}
      </View>
    </View>
  );
}

/** The policies insuring the member, in force first, and 添加保单 when the household allows it. */
function MemberPolicies({ household, member }: { household: Household; member: Member }) {
  const policies = sortPolicies(household.policies.filter((policy) => policy.insuredMemberId === member.id));
  return (
    <View className="member__card member__policies" data-testid="member-policies">
      <View className="member__section-header">
        <Text className="member__section-title">保单</Text>
        <Text className="member__section-count">{policies.length > 0 ? `${policies.length} 份` : ''}</Text>
      </View>
      {policies.length === 0 ? (
        <Text className="member__empty" data-testid="member-policies-empty">
          还没有保单。添加{member.name}已有的保单，家庭保障总览和保障缺口会据此计算。
        </Text>
      ) : (
        policies.map((policy) => <PolicyCard key={policy.id} policy={policy} />)
      )}
      {household.permissions.addPolicy ? (
        <Button
          className="member__add-policy"
          data-testid="member-add-policy"
          onClick={() => void Taro.navigateTo({ url: addPolicyUrl(household.id, member.id) })}
        >
          添加保单
        </Button>
      ) : null}
    </View>
  );
}

/**
 * The ID number row for an owner: masked, with 查看完整证件号码, which asks the BFF (recorded, limited
 * per hour), shows the number for REVEAL_SECONDS and hides it again, also when the page is left.
 */
function IdNumberReveal({ member }: { member: Member }) {
  const [state, dispatch] = useReducer(revealReducer, initialRevealState);
  const [now, setNow] = useState(() => Date.now());
  const secondsLeft = secondsUntilHidden(state, now);

  useEffect(() => {
    if (state.status !== 'shown') return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state.status]);

  useEffect(() => {
    if (state.status === 'shown' && secondsLeft === 0) dispatch({ type: 'hide' });
  }, [state.status, secondsLeft]);

  useDidHide(() => dispatch({ type: 'hide' }));

  const reveal = async (): Promise<void> => {
    dispatch({ type: 'request' });
    const { data, error } = await graphqlClient.execute(RevealIdNumberDocument, { memberId: member.id });
    if (!data || error) {
      dispatch({ type: 'failed', message: error?.message ?? '暂时无法查看，请稍后重试' });
      return;
    }
    const at = Date.now();
    setNow(at);
    dispatch({ type: 'revealed', idNumber: data.revealIdNumber.idNumber, now: at });
  };

  const masked = member.idNumber ?? '';
  return (
    <View className="member__reveal" data-testid="id-number-reveal">
      <View className="member__row member__row--plain">
        <Text className="member__label">证件号码</Text>
        {state.status === 'shown' ? (
          <Text className="member__value member__id-number member__id-number--full" data-testid="revealed-id-number">
            {groupIdNumber(state.idNumber, member.idType ?? '')}
          </Text>
        ) : (
          <Text
            className="member__value member__id-number"
            data-testid="member-id-number"
            aria-label={spokenMaskedIdNumber(masked)}
          >
            {masked}
          </Text>
        )}
      </View>
      {state.status === 'shown' ? (
        <View className="member__reveal-actions">
          <Text className="member__countdown" data-testid="reveal-countdown" aria-live="polite">
            {secondsLeft} 秒后自动隐藏
          </Text>
          <Button className="member__link" data-testid="hide-id-number" onClick={() => dispatch({ type: 'hide' })}>
            立即隐藏
          </Button>
        </View>
      ) : (
        <View className="member__reveal-actions">
          <Button
            className="member__link"
            data-testid="reveal-id-number"
            loading={state.status === 'revealing' || undefined}
            disabled={state.status === 'revealing' || undefined}
            onClick={() => void reveal()}
          >
            查看完整证件号码
          </Button>
        </View>
      )}
      {state.status === 'hidden' && state.error ? (
        <View role="alert">
          <Text className="member__error" data-testid="reveal-error">
            {state.error}
          </Text>
        </View>
      ) : null}
      <Text className="member__reveal-note">
        查看完整号码会被记录（谁在何时查看了哪位成员），每小时最多 10 次；号码显示 {REVEAL_SECONDS} 秒后自动隐藏。
      </Text>
    </View>
  );
}
