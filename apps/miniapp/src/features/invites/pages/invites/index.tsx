import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import PrivacySheet from '../../../../components/privacy-sheet';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import {
  MyInvitesDocument,
  RevokeInviteDocument,
  type InviteFieldsFragment,
  type InviteFunnelFieldsFragment,
} from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { usePrivacyConsent } from '../../../../session/usePrivacyConsent';
import { useSignedIn } from '../../../../session/useSignedIn';
import { formatDate } from '../../../../utils/date';
import { SignIn } from '../../../account';
import { HOME_TAB_PAGE, reshareInviteUrl } from '../../routes';
import { funnelBars } from '../../utils/funnel';
import { KIND_LABELS, stageLabel, STATUS_LABELS, validityText } from '../../utils/labels';
import './index.scss';

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/** 我的邀请 (R5, R6): the funnel over every invite, then each invite with its friends; 撤销, 再次分享. */
export default function MyInvitesPage() {
  const signedIn = useSignedIn();
  const { sheet, ensureConsent } = usePrivacyConsent();
  return (
    <View className="my-invites">
      {signedIn ? (
        <Invites />
      ) : (
        <View className="my-invites__card" data-testid="my-invites-signed-out">
          <Text className="my-invites__title">登录后查看我的邀请</Text>
          <SignIn ensureConsent={ensureConsent} />
        </View>
      )}
      <PrivacySheet visible={sheet.visible} version={sheet.version} onAgree={sheet.agree} onDecline={sheet.decline} />
    </View>
  );
}

function Invites() {
  const { state, reload } = useQuery(MyInvitesDocument, {});
  // Revoked here: shown in place until the next load.
  const [changed, setChanged] = useState<Record<string, InviteFieldsFragment>>({});

  const loaded = state.data !== null;
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  // Back from the share page (revoked or shared again there): load again.
  useDidShow(() => {
    if (loadedRef.current) void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  useEffect(() => setChanged({}), [state.data]);

  if (state.data === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" />
    );
  }
  const invites = state.data.myInvites.map((invite) => changed[invite.id] ?? invite);
  if (invites.length === 0) {
    return (
      <View className="my-invites__card my-invites__empty" data-testid="my-invites-empty">
        <Text className="my-invites__title">还没有分享过</Text>
        <Text className="my-invites__text">
          在产品详情页点“分享给好友”，或在我家点“邀请家人”，好友打开后这里会显示效果。
        </Text>
        <Button className="my-invites__primary" onClick={() => void Taro.switchTab({ url: HOME_TAB_PAGE })}>
          去保险超市
        </Button>
      </View>
    );
  }
  return (
    <View data-testid="my-invites">
      <Funnel funnel={state.data.myInviteFunnel} />
      {invites.map((invite) => (
        <InviteCard
          key={invite.id}
          invite={invite}
          onRevoked={(revoked) => setChanged((current) => ({ ...current, [revoked.id]: revoked }))}
        />
      ))}
    </View>
  );
}

function Funnel({ funnel }: { funnel: InviteFunnelFieldsFragment }) {
  const bars = funnelBars(funnel);
  return (
    <View className="my-invites__card" data-testid="funnel">
      <Text className="my-invites__title">分享效果</Text>
      <Text className="my-invites__text">所有邀请合计，好友在 7 天内的注册、加入或测算计入。</Text>
      <View className="my-invites__bars" role="list">
        {bars.map((bar) => (
          <View
            key={bar.key}
            className="my-invites__bar-row"
            role="listitem"
            aria-label={bar.spoken}
            data-testid={`funnel-${bar.key}`}
          >
            <Text className="my-invites__bar-label">{bar.label}</Text>
            <View className="my-invites__bar-track" aria-hidden>
              <View className="my-invites__bar" style={{ width: `${bar.percent}%` }} />
            </View>
            <Text className="my-invites__bar-count">
              {bar.count} {bar.unit}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function InviteCard({
  invite,
  onRevoked,
}: {
  invite: InviteFieldsFragment;
  onRevoked: (invite: InviteFieldsFragment) => void;
}) {
  const [revoking, setRevoking] = useState(false);
  const active = invite.status === 'ACTIVE';
  const { funnel } = invite;

  const revoke = async (): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: '撤销邀请',
      content: `撤销“${invite.title}”后，已发出的链接、卡片和海报都会立即失效。`,
      confirmText: '撤销',
      cancelText: '取消',
    });
    if (!confirm) return;
    setRevoking(true);
    const { data, error } = await graphqlClient.execute(RevokeInviteDocument, { id: invite.id });
    setRevoking(false);
    if (data && !error) {
      onRevoked(data.revokeInvite);
      toast('已撤销');
    } else toast(error?.message ?? '撤销失败，请稍后重试');
  };

  return (
    <View className="my-invites__card" data-testid="invite-card" data-invite-id={invite.id}>
      <View className="my-invites__head">
        <Text className="my-invites__kind">{KIND_LABELS[invite.kind]}</Text>
        <Text
          className={`my-invites__status my-invites__status--${active ? 'active' : 'inactive'}`}
          data-testid="invite-status"
        >
          {STATUS_LABELS[invite.status]}
        </Text>
      </View>
      <Text className="my-invites__invite-title" data-testid="invite-title">
        {invite.title}
      </Text>
      <Text className="my-invites__meta">
        {formatDate(invite.createdAt)} 发出 · {active ? validityText(invite, Date.now()) : STATUS_LABELS[invite.status]}
      </Text>
      <Text className="my-invites__numbers" data-testid="invite-funnel">
        查看 {funnel.opened} · 注册 {funnel.signedUp} · 加入/测算 {funnel.converted} · 投保 {funnel.bought}
      </Text>
      {invite.friends.length > 0 ? (
        <View className="my-invites__friends">
          {invite.friends.map((friend, index) => (
            <View key={`${friend.name}-${index}`} className="my-invites__friend" data-testid="invite-friend">
              <Text className="my-invites__friend-name">{friend.name}</Text>
              <Text className="my-invites__friend-stage">{stageLabel(friend.stage, friend.conversion)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {active ? (
        <View className="my-invites__actions">
          <Button
            className="my-invites__action"
            data-testid="invite-reshare"
            onClick={() => void Taro.navigateTo({ url: reshareInviteUrl(invite.id) })}
          >
            再次分享
          </Button>
          <Button
            className="my-invites__action my-invites__action--danger"
            data-testid="invite-revoke"
            loading={revoking || undefined}
            disabled={revoking || undefined}
            onClick={() => void revoke()}
          >
            撤销
          </Button>
        </View>
      ) : null}
    </View>
  );
}
