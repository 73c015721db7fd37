import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import PrivacySheet from '../../../../components/privacy-sheet';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import { AcceptInviteDocument, InviteLandingDocument } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { isSinglePageMode } from '../../../../platform/scene';
import { inviteCodeFrom, invitePath, useSharing, type ShareContent } from '../../../../platform/share';
import { inviteTouch } from '../../../../session/invite-touch';
import { usePrivacyConsent } from '../../../../session/usePrivacyConsent';
import { useSignedIn } from '../../../../session/useSignedIn';
import { SignIn } from '../../../account';
import { ProductCard, productPageUrl, quotePageUrl } from '../../../catalogue';
import LandingMessage from '../../components/landing-message';
import PolicySummary from '../../components/policy-summary';
import { FAMILY_TAB_PAGE, HOME_TAB_PAGE, MY_INVITES_PAGE } from '../../routes';
import { KIND_LABELS, offeredRoleText, STATUS_LABELS } from '../../utils/labels';
import { isTouch, landingView, refusalChangesState, type LandingView } from '../../utils/landing-view';
import './index.scss';

const goHome = (): void => void Taro.switchTab({ url: HOME_TAB_PAGE });
const goFamily = (): void => void Taro.switchTab({ url: FAMILY_TAB_PAGE });
const open = (url: string) => (): void => void Taro.navigateTo({ url });

/** The landing's code: the page query, and on Alipay also the launch query (a scanned QR code). */
function landingCode(params: Record<string, string | undefined>): string | null {
  const fromPage = inviteCodeFrom(params);
  if (fromPage || process.env.TARO_ENV !== 'alipay') return fromPage;
  try {
    const launch = Taro.getLaunchOptionsSync();
    return inviteCodeFrom((launch?.query ?? {}) as Record<string, string | undefined>);
  } catch {
    return null;
  }
}

/** The moments-mode notice: WeChat shows a 前往小程序 bar at the bottom of a page opened from Moments. */
function PreviewNotice({ what }: { what: string }) {
  return (
    <Text className="invite-landing__preview" data-testid="preview-notice">
      当前为朋友圈预览，请点击屏幕下方的“前往小程序”{what}。
    </Text>
  );
}

export interface InviteLandingScreenProps {
  /** The invite code; read from the page's parameters when not given. */
  code?: string | null;
}

/**
 * The landing of a shared invite (R1–R6): the first page a friend opens, from a share card, a
 * poster's code, an H5 link or WeChat Moments. Public: shows a product card, a family invite (join
 * after signing in) or a policy summary while the invite is active, and who shared it and why it
 * cannot be used otherwise. The body of the main-package page `pages/invite/index` (decision 009).
 */
export default function InviteLandingScreen({ code: given }: InviteLandingScreenProps) {
  const params = useRouter().params;
  const code = useMemo(() => (given !== undefined ? given : landingCode(params)), [given, params]);
  const signedIn = useSignedIn();
  const singlePage = isSinglePageMode();
  const { sheet, ensureConsent } = usePrivacyConsent();
  const { state, reload } = useQuery(InviteLandingDocument, { code: code ?? '' }, { skip: code === null });
  const view = landingView({ code, state, signedIn, singlePage });

  // Who is looking changed (signed in on this page, or out elsewhere): the answer depends on it.
  const viewer = useRef(signedIn);
  useEffect(() => {
    if (viewer.current === signedIn) return;
    viewer.current = signedIn;
    if (code !== null) void reload();
  }, [signedIn, code, reload]);

  // First touch: an active invite of someone else, remembered unless a fresher one is.
  const touched = isTouch(view);
  useEffect(() => {
    if (touched && code) inviteTouch.remember(code);
  }, [touched, code]);

  const kind = state.data?.invite.kind;
  useEffect(() => {
    if (kind) void Taro.setNavigationBarTitle({ title: KIND_LABELS[kind] }).catch(() => undefined);
  }, [kind]);

  // A product card may be forwarded (and posted to Moments) with the same code; family invites and
  // policy summaries are not forwarded from the landing.
  const content: ShareContent | null =
    view.type === 'product' && code
      ? { title: `${view.product.name}｜${view.product.insurer.name}`, path: invitePath(code), timeline: true }
      : null;
  useSharing(content);

  return (
    <View className="invite-landing" data-testid="invite-landing">
      <LandingBody view={view} code={code} reload={reload} ensureConsent={ensureConsent} />
      <PrivacySheet visible={sheet.visible} version={sheet.version} onAgree={sheet.agree} onDecline={sheet.decline} />
    </View>
  );
}

function LandingBody({
  view,
  code,
  reload,
  ensureConsent,
}: {
  view: LandingView;
  code: string | null;
  reload: () => Promise<void>;
  ensureConsent: () => Promise<boolean>;
}) {
  const toHome = { label: '去保险超市逛逛', onClick: goHome, testId: 'go-home' };
  switch (view.type) {
    case 'no-code':
      return (
        <LandingMessage
          testId="landing-no-code"
          title="链接不完整"
          message="没有找到邀请码，请向分享人重新索取链接或海报。"
          actions={[{ ...toHome, primary: true }]}
        />
      );
    case 'loading':
      return <StateView kind="loading" />;
    case 'not-found':
      return (
        <LandingMessage
          testId="landing-not-found"
          tone="warning"
          title="邀请不存在"
          message="邀请不存在或链接有误，请向分享人确认。"
          actions={[{ ...toHome, primary: true }]}
        />
      );
    case 'rate-limited':
      return (
        <LandingMessage
          testId="landing-rate-limited"
          tone="warning"
          title="访问过于频繁"
          message={view.message}
          actions={[{ label: '重试', onClick: () => void reload(), primary: true, testId: 'retry' }, toHome]}
        />
      );
    case 'error':
      return <StateView kind="error" message={view.message} onRetry={() => void reload()} />;
    case 'inactive':
      return (
        <LandingMessage
          testId="landing-inactive"
          tone="warning"
          title={`${view.kind === 'FAMILY_JOIN' ? '邀请' : '分享'}${STATUS_LABELS[view.status]}`}
          message={view.message}
          actions={[{ ...toHome, primary: true }]}
        />
      );
    case 'yours':
      return (
        <LandingMessage
          testId="landing-yours"
          title="这是你发出的邀请"
          message={`这份${KIND_LABELS[view.kind]}当前${STATUS_LABELS[view.status]}。在“我的邀请”里可以看到谁打开了它，也可以随时撤销。`}
          actions={[
            { label: '去我的邀请', onClick: open(MY_INVITES_PAGE), primary: true, testId: 'go-my-invites' },
            toHome,
          ]}
        />
      );
    case 'product':
      return (
        <View className="invite-landing__section" data-testid="landing-product">
          <Text className="invite-landing__from">{view.sharerName} 向你推荐了一款保险</Text>
          <ProductCard product={view.product} />
          {view.preview ? (
            <PreviewNotice what="查看详情和测算保费" />
          ) : (
            <View className="invite-landing__actions">
              <Button
                className="invite-landing__primary"
                data-testid="landing-open-product"
                onClick={open(productPageUrl(view.product.id))}
              >
                查看详情
              </Button>
              <Button
                className="invite-landing__secondary"
                data-testid="landing-open-quote"
                onClick={open(quotePageUrl(view.product.id))}
              >
                测算保费
              </Button>
            </View>
          )}
          <Text className="invite-landing__footnote">评分与测算仅供参考，以保险条款和投保页面为准。</Text>
        </View>
      );
    case 'policy':
      return (
        <View className="invite-landing__section" data-testid="landing-policy">
          <Text className="invite-landing__from">{view.sharerName} 分享了一份保单摘要</Text>
          <PolicySummary policy={view.policy} />
          {view.preview ? <PreviewNotice what="查看更多" /> : null}
          <View className="invite-landing__actions">
            {view.preview ? null : (
              <Button className="invite-landing__secondary" data-testid="go-home" onClick={goHome}>
                去保险超市看看
              </Button>
            )}
          </View>
        </View>
      );
    case 'family':
      return <FamilyInvite view={view} code={code ?? ''} reload={reload} ensureConsent={ensureConsent} />;
  }
}

function FamilyInvite({
  view,
  code,
  reload,
  ensureConsent,
}: {
  view: Extract<LandingView, { type: 'family' }>;
  code: string;
  reload: () => Promise<void>;
  ensureConsent: () => Promise<boolean>;
}) {
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const join = async (): Promise<void> => {
    if (joining) return;
    setJoining(true);
    setError(null);
    const { data, error: failure } = await graphqlClient.execute(AcceptInviteDocument, { code });
    setJoining(false);
    if (data && !failure) {
      await Taro.switchTab({ url: FAMILY_TAB_PAGE }).catch(() => undefined);
      void Taro.showToast({ title: '已加入', icon: 'success' });
      return;
    }
    setError(failure?.message ?? '加入失败，请稍后重试');
    // The invite was used, revoked or expired meanwhile: show its state.
    if (failure && refusalChangesState(failure)) void reload();
  };

  return (
    <View className="invite-landing__section" data-testid="landing-family">
      <View className="invite-landing__card">
        <Text className="invite-landing__family-title" data-testid="landing-family-title">
          {view.sharerName} 邀请你加入“{view.household.name}”
        </Text>
        <Text className="invite-landing__meta" data-testid="landing-member-count">
          {view.household.memberCount > 0 ? `家庭中已有 ${view.household.memberCount} 位成员` : '家庭中还没有成员'}
        </Text>
        <View className="invite-landing__role" data-testid="landing-role">
          <Text className="invite-landing__role-label">加入后你的身份</Text>
          <Text className="invite-landing__role-text">{offeredRoleText(view.role)}</Text>
        </View>
        <Text className="invite-landing__footnote">
          加入后可以查看家人的保单和保障情况；创建者可以随时调整你的身份或将你移出，你也可以随时退出。
        </Text>
      </View>

      {view.action === 'join' ? (
        <View className="invite-landing__actions">
          <Button
            className="invite-landing__primary"
            data-testid="accept-invite"
            loading={joining || undefined}
            disabled={joining || undefined}
            onClick={() => void join()}
          >
            {joining ? '正在加入…' : '加入家庭'}
          </Button>
          {error ? (
            <View role="alert" data-testid="accept-error">
              <Text className="invite-landing__error">{error}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {view.action === 'sign-in' ? (
        <View className="invite-landing__card" data-testid="landing-sign-in">
          <Text className="invite-landing__sign-in-title">登录后即可加入家庭</Text>
          <SignIn ensureConsent={ensureConsent} />
        </View>
      ) : null}
      {view.action === 'joined' ? (
        <LandingMessage
          testId="landing-joined"
          title="你已在这个家庭中"
          actions={[{ label: '去我家', onClick: goFamily, primary: true, testId: 'go-family' }]}
        />
      ) : null}
      {view.action === 'preview' ? <PreviewNotice what="登录并加入家庭" /> : null}
    </View>
  );
}
