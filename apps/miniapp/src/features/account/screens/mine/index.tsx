import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import PrivacySheet from '../../../../components/privacy-sheet';
import StateView from '../../../../components/state-view';
import type { GraphQLClientError } from '../../../../graphql/errors';
import { MeDocument, type MeQuery } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { LOGIN_PLATFORM } from '../../../../platform/login';
import { sessionService } from '../../../../session/session';
import { MY_INVITES_PAGE } from '../../../invites';
import { RemindersSection } from '../../../reminders';
import { usePrivacyConsent } from '../../../../session/usePrivacyConsent';
import { useSignedIn } from '../../../../session/useSignedIn';
import PhoneForm from '../../components/phone-form';
import SignIn from '../../components/sign-in';
import { formatDate } from '../../../../utils/date';
import { PLATFORM_LABELS, PLATFORM_ORDER, shortAccountId } from '../../utils/account';
import './index.scss';

type EnsureConsent = (options?: { force?: boolean }) => Promise<boolean>;

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/**
 * 我的: sign in, the account's linked platforms, reminders (到期和缴费提醒), privacy consent, sign out. The body of the tab
 * page `pages/mine/index`, which stays in the main package.
 */
export default function MineScreen() {
  const signedIn = useSignedIn();
  const { sheet, ensureConsent } = usePrivacyConsent();
  return (
    <View className="mine">
      {signedIn ? <SignedIn ensureConsent={ensureConsent} /> : <SignedOut ensureConsent={ensureConsent} />}
      <PrivacySheet visible={sheet.visible} version={sheet.version} onAgree={sheet.agree} onDecline={sheet.decline} />
    </View>
  );
}

function SignedOut({ ensureConsent }: { ensureConsent: EnsureConsent }) {
  return (
    <View className="mine__card mine__signed-out" data-testid="signed-out">
      <Text className="mine__title">登录家保</Text>
      <Text className="mine__subtitle">登录后可查看家庭保单、保障缺口和续保提醒；不登录也可以浏览保险超市。</Text>
      <SignIn ensureConsent={ensureConsent} />
    </View>
  );
}

function SignedIn({ ensureConsent }: { ensureConsent: EnsureConsent }) {
  const { state, reload } = useQuery(MeDocument, {});
  useEffect(() => sessionService.onAccountChanged(() => void reload()), [reload]);
  if (state.data === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" />
    );
  }
  return <Account data={state.data} reload={reload} ensureConsent={ensureConsent} />;
}

function Account({
  data,
  reload,
  ensureConsent,
}: {
  data: MeQuery;
  reload: () => Promise<void>;
  ensureConsent: EnsureConsent;
}) {
  const { me, privacyPolicy } = data;
  const [linkingPhone, setLinkingPhone] = useState(false);
  const [busy, setBusy] = useState<'link' | 'logout' | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);

  const identities = [...me.identities].sort(
    (a, b) => PLATFORM_ORDER.indexOf(a.platform) - PLATFORM_ORDER.indexOf(b.platform),
  );
  const linked = new Set(identities.map((identity) => identity.platform));
  const currentPlatformUnlinked = LOGIN_PLATFORM !== null && LOGIN_PLATFORM !== 'H5' && !linked.has(LOGIN_PLATFORM);
  const consent = me.privacyConsent;

  const linkPhone = async (phone: string, code: string): Promise<GraphQLClientError | null> => {
    const { error } = await sessionService.linkPhone(phone, code);
    if (error) return error;
    setLinkingPhone(false);
    toast('手机号已绑定');
    await reload();
    return null;
  };

  const linkCurrentPlatform = async (): Promise<void> => {
    setBusy('link');
    setLinkError(null);
    const { error } = await sessionService.linkCurrentPlatform();
    setBusy(null);
    if (error) {
      setLinkError(error.message);
      return;
    }
    toast('绑定成功');
    await reload();
  };

  const agree = async (): Promise<void> => {
    if (await ensureConsent({ force: true })) await reload();
  };

  const signOut = async (): Promise<void> => {
    setBusy('logout');
    await sessionService.signOut();
    toast('已退出登录');
  };

  return (
    <View className="mine__signed-in" data-testid="signed-in">
      <View className="mine__card">
        <Text className="mine__title">我的账户</Text>
        <View className="mine__row">
          <Text className="mine__label">账户 ID</Text>
          <Text className="mine__value" data-testid="account-id">
            {shortAccountId(me.id)}
          </Text>
        </View>
        <View className="mine__row">
          <Text className="mine__label">注册时间</Text>
          <Text className="mine__value">{formatDate(me.createdAt)}</Text>
        </View>
      </View>

      <View className="mine__card">
        <Text className="mine__title">已绑定账号</Text>
        {identities.length === 0 ? (
          <Text className="mine__notice">暂无绑定账号</Text>
        ) : (
          identities.map((identity) => (
            <View key={identity.platform} className="mine__row" data-testid="identity">
              <Text className="mine__label">{PLATFORM_LABELS[identity.platform]}</Text>
              <View className="mine__identity">
                <Text className="mine__value" data-testid="identity-subject">
                  {identity.maskedSubject}
                </Text>
                <Text className="mine__meta">绑定于 {formatDate(identity.linkedAt)}</Text>
              </View>
            </View>
          ))
        )}
        {currentPlatformUnlinked && LOGIN_PLATFORM ? (
          <View className="mine__action-row">
            <Button
              className="mine__secondary"
              size="mini"
              loading={busy === 'link' || undefined}
              disabled={busy !== null || undefined}
              onClick={() => void linkCurrentPlatform()}
            >
              绑定{PLATFORM_LABELS[LOGIN_PLATFORM]}
            </Button>
            {linkError ? <Text className="mine__error">{linkError}</Text> : null}
          </View>
        ) : null}
        {!linked.has('H5') ? (
          linkingPhone ? (
            <View className="mine__link-phone">
              <PhoneForm submitLabel="绑定" onSubmit={linkPhone} ensureConsent={ensureConsent} />
              <Button className="mine__text-button" size="mini" onClick={() => setLinkingPhone(false)}>
                取消
              </Button>
            </View>
          ) : (
            <View className="mine__action-row">
              <Button
                className="mine__secondary"
                data-testid="link-phone"
                size="mini"
                onClick={() => setLinkingPhone(true)}
              >
                绑定手机号
              </Button>
            </View>
          )
        ) : null}
      </View>

      <RemindersSection />

      <View
        className="mine__card mine__entry"
        data-testid="open-my-invites"
        role="button"
        aria-label="我的邀请：查看分享效果、撤销邀请"
        onClick={() => void Taro.navigateTo({ url: MY_INVITES_PAGE })}
      >
        <View className="mine__entry-main">
          <Text className="mine__title mine__entry-title">我的邀请</Text>
          <Text className="mine__notice">分享给好友的产品、家庭邀请和保单摘要，以及好友的查看和加入情况</Text>
        </View>
        <Text className="mine__entry-arrow" aria-hidden>
          ›
        </Text>
      </View>

      <View className="mine__card" data-testid="privacy-consent">
        <Text className="mine__title">隐私政策</Text>
        {consent?.current ? (
          <Text className="mine__value">
            已同意（版本 {consent.version}，{formatDate(consent.agreedAt)}）
          </Text>
        ) : (
          <View className="mine__consent-missing">
            <Text className="mine__notice">
              {consent
                ? `隐私政策已更新到版本 ${privacyPolicy.version}，请阅读并重新同意`
                : `你尚未同意隐私政策（版本 ${privacyPolicy.version}）`}
            </Text>
            <Button className="mine__secondary" size="mini" onClick={() => void agree()}>
              查看并同意
            </Button>
          </View>
        )}
      </View>

      <View className="mine__logout-row">
        <Button
          className="mine__logout"
          data-testid="sign-out"
          loading={busy === 'logout' || undefined}
          disabled={busy !== null || undefined}
          onClick={() => void signOut()}
        >
          退出登录
        </Button>
      </View>
    </View>
  );
}
