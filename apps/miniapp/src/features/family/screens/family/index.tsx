import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import PrivacySheet from '../../../../components/privacy-sheet';
import StateView from '../../../../components/state-view';
import { sessionService } from '../../../../session/session';
import { usePrivacyConsent } from '../../../../session/usePrivacyConsent';
import { useSignedIn } from '../../../../session/useSignedIn';
import { SignIn } from '../../../account';
import { shareInviteUrl } from '../../../invites';
import { ReminderPrompt } from '../../../reminders';
import HouseholdPeople from '../../components/household-people';
import MemberCard from '../../components/member-card';
import type { Household } from '../../hooks/households-state';
import { useHouseholds } from '../../hooks/useHouseholds';
import { accessLogUrl, addMemberUrl, addPolicyUrl, gapsUrl, overviewUrl } from '../../routes';
import { ROLE_LABELS, roleNotice, sortMembers } from '../../utils/member-display';
import { memberPolicySummary } from '../../utils/policy-display';
import './index.scss';

type Refresh = () => Promise<void>;

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/**
 * 我家 (F1–F4): the signed-in person's households, their members with the policies insuring them, and
 * the ways to the family overview and the coverage gaps. The body of the tab page
 * `pages/family/index`, which stays in the main package. Signed out, it explains what the tab is for
 * and offers the platform's sign-in (none in WeChat's Moments single-page mode).
 */
export default function FamilyScreen() {
  const signedIn = useSignedIn();
  const { sheet, ensureConsent } = usePrivacyConsent();
  // The pull-down refresh of the page: the signed-in view puts its refresh here.
  const refreshRef = useRef<Refresh | null>(null);

  usePullDownRefresh(() => {
    const refresh = refreshRef.current;
    if (!refresh) {
      Taro.stopPullDownRefresh();
      return;
    }
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="family">
      {signedIn ? (
        <Households refreshRef={refreshRef} />
      ) : (
        <View className="family__card family__signed-out" data-testid="family-signed-out">
          <Text className="family__title">登录后管理家庭成员</Text>
          <Text className="family__subtitle">
            添加本人和家人的出生日期、社保和证件信息，之后测算保费、整理保单时不必重复填写。证件号码加密保存，页面上只显示部分号码。
          </Text>
          <SignIn ensureConsent={ensureConsent} />
        </View>
      )}
      <PrivacySheet visible={sheet.visible} version={sheet.version} onAgree={sheet.agree} onDecline={sheet.decline} />
    </View>
  );
}

function Households({ refreshRef }: { refreshRef: { current: Refresh | null } }) {
  const { state, reload, refresh } = useHouseholds();
  const loaded = state.households !== null;

  useEffect(() => {
    refreshRef.current = async () => {
      const error = await refresh();
      if (error) toast(error.message);
    };
    return () => {
      refreshRef.current = null;
    };
  }, [refresh, refreshRef]);

  // Back from adding, editing or removing a member (or another tab): show what changed.
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  useDidShow(() => {
    if (loadedRef.current) void refreshRef.current?.();
  });
  useEffect(() => sessionService.onAccountChanged(() => void reload()), [reload]);

  if (state.households === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" />
    );
  }
  if (state.households.length === 0) {
    // The BFF makes the person's own household on first use, so this is not expected.
    return <StateView kind="empty" title="暂无家庭" onRetry={() => void reload()} />;
  }
  return (
    <View className="family__households" data-testid="households">
      <FromReminder />
      {state.households.map((household) => (
        <HouseholdSection key={household.id} household={household} onChanged={() => void refreshRef.current?.()} />
      ))}
    </View>
  );
}

/**
 * Opened from a reminder's message (`?from=reminder`, the page the BFF's reminders open): each
 * one-time subscription allowed that one message, so offer, on a tap, to keep receiving them.
 */
function FromReminder() {
  const fromReminder = useRouter().params.from === 'reminder';
  const [dismissed, setDismissed] = useState(false);
  if (!fromReminder || dismissed) return null;
  return (
    <ReminderPrompt title="已为你发送保单提醒，继续接收后续提醒？" onDone={() => setDismissed(true)} hideWhenCovered />
  );
}

/** One of a household's entries (总览, 缺口, 谁看过我家): a title, a line under it, a page it opens. */
function FamilyEntry(props: { testId: string; label: string; title: string; text: string; onClick: () => void }) {
  return (
    <View
      className="family__entry"
      data-testid={props.testId}
      role="button"
      aria-label={props.label}
      onClick={props.onClick}
    >
      <Text className="family__entry-title">{props.title}</Text>
      <Text className="family__entry-text">{props.text}</Text>
    </View>
  );
}

function HouseholdSection({ household, onChanged }: { household: Household; onChanged: () => void }) {
  const members = sortMembers(household.members);
  const notice = roleNotice(household.role);
  // In their own household, the person starts with themself.
  const startWithSelf = household.isOwn && !members.some((member) => member.relationship === 'SELF');
  const add = (): void => {
    void Taro.navigateTo({ url: addMemberUrl(household.id, startWithSelf ? 'SELF' : null) });
  };
  const go = (url: string) => (): void => void Taro.navigateTo({ url });
  const inForce = household.policies.filter((policy) => policy.status === 'ACTIVE').length;

  return (
    <View className="family__household" data-testid="household" data-household-id={household.id}>
      <View className="family__household-header">
        <Text className="family__household-name" data-testid="household-name">
          {household.name}
        </Text>
        {household.role !== 'OWNER' ? (
          <Text className="family__role" data-testid="household-role">
            {ROLE_LABELS[household.role]}
          </Text>
        ) : null}
        <Text className="family__count">{members.length > 0 ? `${members.length} 位成员` : ''}</Text>
      </View>
      {notice ? <Text className="family__notice">{notice}</Text> : null}

      {members.length > 0 || household.permissions.viewAccessLog ? (
        <View className="family__entries">
          {members.length > 0 ? (
            <>
              <FamilyEntry
                testId="open-overview"
                label={`家庭保障总览，${inForce} 份保单保障中`}
                title="家庭保障总览"
                text={inForce > 0 ? `${inForce} 份保单保障中` : '还没有保单'}
                onClick={go(overviewUrl(household.id))}
              />
              <FamilyEntry
                testId="open-gaps"
                label="保障缺口：看看每位家人还缺哪些保障"
                title="保障缺口"
                text="按年龄和收入建议"
                onClick={go(gapsUrl(household.id))}
              />
            </>
          ) : null}
          {household.permissions.viewAccessLog ? (
            <FamilyEntry
              testId="open-access-log"
              label="谁看过我家：家人查看和修改家庭信息的记录，仅你可见"
              title="谁看过我家"
              text="查看和修改记录，仅你可见"
              onClick={go(accessLogUrl(household.id))}
            />
          ) : null}
        </View>
      ) : null}

      {members.length === 0 ? (
        <StateView
          kind="empty"
          title={
            startWithSelf && household.permissions.addMember ? '还没有家庭成员，先添加本人吧' : '这个家庭还没有成员'
          }
          message={
            startWithSelf && household.permissions.addMember
              ? '先填写你自己的信息，再添加配偶、子女和父母。'
              : undefined
          }
        />
      ) : (
        members.map((member) => (
          <MemberCard key={member.id} member={member} policies={memberPolicySummary(household.policies, member.id)} />
        ))
      )}

      {household.permissions.addMember ||
      household.permissions.invite ||
      (household.permissions.addPolicy && members.length > 0) ? (
        <View className="family__add-row">
          {household.permissions.addMember ? (
            <Button className="family__add" data-testid="add-member" onClick={add}>
              添加家庭成员
            </Button>
          ) : null}
          {household.permissions.addPolicy && members.length > 0 ? (
            <Button className="family__add-policy" data-testid="add-policy" onClick={go(addPolicyUrl(household.id))}>
              添加保单
            </Button>
          ) : null}
          {household.permissions.invite ? (
            <Button
              className="family__invite"
              data-testid="invite-family"
              onClick={go(shareInviteUrl({ kind: 'FAMILY_JOIN', householdId: household.id }))}
            >
              邀请家人
            </Button>
          ) : null}
        </View>
      ) : null}

      <HouseholdPeople
        householdId={household.id}
        householdName={household.name}
        joined={!household.isOwn}
        people={household.people}
        onChanged={onChanged}
        onLeft={onChanged}
      />
    </View>
  );
}
