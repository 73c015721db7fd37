import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import PrivacySheet from '../../../../components/privacy-sheet';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import { GraphQLClientError, messages } from '../../../../graphql/errors';
import {
  CreateInviteDocument,
  MyInvitesDocument,
  RevokeInviteDocument,
  ShareHouseholdDocument,
  SharePolicyDocument,
  ShareProductDocument,
  type CreateInviteInput,
  type InviteFieldsFragment,
} from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import {
  inviteCodeFrom,
  openSharePanel,
  SHARE_BUTTON_LABEL,
  SHARE_BUTTON_OPEN_TYPE,
  useSharing,
  type ShareContent,
} from '../../../../platform/share';
import { usePrivacyConsent } from '../../../../session/usePrivacyConsent';
import { useSignedIn } from '../../../../session/useSignedIn';
import { routeParam } from '../../../../utils/route-param';
import { SignIn } from '../../../account';
import { formatPriceFrom, formatScore } from '../../../catalogue';
import CodePoster from '../../components/code-poster';
import LandingMessage from '../../components/landing-message';
import { MY_INVITES_PAGE, shareRequestOf, type ShareRequest, type ShareTarget } from '../../routes';
import InviteLandingScreen from '../../screens/landing';
import {
  KIND_LABELS,
  OFFERED_ROLE_EXPLANATIONS,
  OFFERED_ROLE_LABELS,
  OFFERED_ROLES,
  offeredRoleText,
  STATUS_LABELS,
  validityText,
  type OfferedRole,
} from '../../utils/labels';
import './index.scss';

type EnsureConsent = () => Promise<boolean>;

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/**
 * Share (R1–R3): makes an invite (a product card, a family invite with the role chosen first, a
 * policy summary) or shows one from 我的邀请, then shares it: WeChat's share sheet, Alipay's share
 * panel, the link on H5; a poster with the invite's code; 撤销邀请. Opened from WeChat Moments
 * (`?code=`), it is the landing.
 */
export default function SharePage() {
  const params = useRouter().params;
  const request = useMemo(() => {
    const decoded: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) decoded[key] = routeParam(value);
    return shareRequestOf(decoded, inviteCodeFrom(params));
  }, [params]);
  if (request?.kind === 'LANDING') return <InviteLandingScreen code={request.code} />;
  return <ShareScreen request={request} />;
}

function ShareScreen({ request }: { request: Exclude<ShareRequest, { kind: 'LANDING' }> | null }) {
  const signedIn = useSignedIn();
  const { sheet, ensureConsent } = usePrivacyConsent();
  let body;
  if (!request) {
    body = (
      <LandingMessage
        testId="share-bad-request"
        title="无法分享"
        message="页面参数有误，请返回后重试。"
        actions={[{ label: '返回', onClick: () => void Taro.navigateBack(), primary: true }]}
      />
    );
  } else if (!signedIn) {
    body = (
      <View className="share__card" data-testid="share-signed-out">
        <Text className="share__title">登录后分享</Text>
        <Text className="share__text">分享前需要登录，好友打开后你可以在“我的邀请”中看到效果。</Text>
        <SignIn ensureConsent={ensureConsent} />
      </View>
    );
  } else {
    body = <ShareFlow request={request} ensureConsent={ensureConsent} />;
  }
  return (
    <View className="share">
      {body}
      <PrivacySheet visible={sheet.visible} version={sheet.version} onAgree={sheet.agree} onDecline={sheet.decline} />
    </View>
  );
}

type Creation =
  | { status: 'idle' }
  | { status: 'creating' }
  | { status: 'failed'; error: GraphQLClientError }
  | { status: 'ready'; invite: InviteFieldsFragment };

function targetOfInvite(invite: InviteFieldsFragment): ShareTarget | null {
  if (invite.kind === 'PRODUCT' && invite.productId) return { kind: 'PRODUCT', productId: invite.productId };
  if (invite.kind === 'FAMILY_JOIN' && invite.householdId)
    return { kind: 'FAMILY_JOIN', householdId: invite.householdId };
  if (invite.kind === 'POLICY_SUMMARY' && invite.policyId) return { kind: 'POLICY_SUMMARY', policyId: invite.policyId };
  return null;
}

function ShareFlow({
  request,
  ensureConsent,
}: {
  request: Exclude<ShareRequest, { kind: 'LANDING' }>;
  ensureConsent: EnsureConsent;
}) {
  const existing = request.kind === 'EXISTING' ? request.inviteId : null;
  const mine = useQuery(MyInvitesDocument, {}, { skip: existing === null });
  const found = existing ? (mine.state.data?.myInvites.find((invite) => invite.id === existing) ?? null) : null;

  const [creation, setCreation] = useState<Creation>({ status: 'idle' });
  const [role, setRole] = useState<OfferedRole>('MEMBER');
  const invite = creation.status === 'ready' ? creation.invite : found;
  const target: ShareTarget | null = request.kind === 'EXISTING' ? (found ? targetOfInvite(found) : null) : request;

  // What is shared, for the page, the card title and the poster.
  const household = useQuery(
    ShareHouseholdDocument,
    { id: target?.kind === 'FAMILY_JOIN' ? target.householdId : '' },
    { skip: target?.kind !== 'FAMILY_JOIN' },
  );
  const product = useQuery(
    ShareProductDocument,
    { id: target?.kind === 'PRODUCT' ? target.productId : '' },
    { skip: target?.kind !== 'PRODUCT' },
  );
  const policy = useQuery(
    SharePolicyDocument,
    { id: target?.kind === 'POLICY_SUMMARY' ? target.policyId : '' },
    { skip: target?.kind !== 'POLICY_SUMMARY' },
  );

  const create = async (input: CreateInviteInput): Promise<void> => {
    setCreation({ status: 'creating' });
    const { data, error } = await graphqlClient.execute(CreateInviteDocument, { input });
    if (data && !error) setCreation({ status: 'ready', invite: data.createInvite });
    else
      setCreation({ status: 'failed', error: error ?? new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE) });
  };
  const inputOf = (chosen: OfferedRole): CreateInviteInput | null => {
    switch (request.kind) {
      case 'PRODUCT':
        return { kind: 'PRODUCT', productId: request.productId };
      case 'POLICY_SUMMARY':
        return { kind: 'POLICY_SUMMARY', policyId: request.policyId };
      case 'FAMILY_JOIN':
        return { kind: 'FAMILY_JOIN', householdId: request.householdId, role: chosen };
      default:
        return null;
    }
  };

  // A product card and a policy summary are made at once; a family invite after the role is chosen.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || (request.kind !== 'PRODUCT' && request.kind !== 'POLICY_SUMMARY')) return;
    started.current = true;
    const input = inputOf('MEMBER');
    if (input) void create(input);
    // Once per page: `request` comes from the page's parameters.
  }, []);

  const sharerName = household.state.data?.household.people.find((person) => person.isYou)?.name ?? null;
  const householdName = household.state.data?.household.name ?? null;
  const content: ShareContent | null =
    invite && invite.status === 'ACTIVE'
      ? {
          title: shareTitle(invite, sharerName, householdName),
          path: invite.path,
          url: invite.url,
          desc: validityText(invite, Date.now()),
          timeline: invite.kind === 'PRODUCT',
        }
      : null;
  useSharing(content);

  // An existing invite from 我的邀请.
  if (existing) {
    if (mine.state.status === 'error') {
      return <StateView kind="error" message={mine.state.error?.message} onRetry={() => void mine.reload()} />;
    }
    if (!mine.state.data) return <StateView kind="loading" />;
    if (!invite) {
      return (
        <LandingMessage
          testId="share-missing"
          title="未找到这个邀请"
          message="它可能已被删除，或不是你发出的。"
          actions={[
            { label: '去我的邀请', onClick: () => void Taro.redirectTo({ url: MY_INVITES_PAGE }), primary: true },
          ]}
        />
      );
    }
  }

  if (!invite) {
    if (creation.status === 'failed') {
      const input = inputOf(role);
      return (
        <StateView
          kind="error"
          title="生成邀请失败"
          message={creation.error.message}
          onRetry={input ? () => void create(input) : undefined}
        />
      );
    }
    if (request.kind === 'FAMILY_JOIN' && creation.status === 'idle') {
      return (
        <RoleChoice
          householdName={householdName}
          mayInvite={household.state.data?.household.permissions.invite ?? null}
          loadError={household.state.status === 'error' ? (household.state.error?.message ?? '加载失败') : null}
          reload={() => void household.reload()}
          role={role}
          onRole={setRole}
          onCreate={() => {
            const input = inputOf(role);
            if (input) void create(input);
          }}
        />
      );
    }
    return <StateView kind="loading" title="正在生成邀请…" />;
  }

  return (
    <Shared
      invite={invite}
      content={content}
      sharerName={sharerName}
      householdName={householdName}
      product={product.state.data?.product ?? null}
      policyLine={
        policy.state.data ? `${policy.state.data.policy.insurerName} · ${policy.state.data.policy.categoryLabel}` : null
      }
      onChanged={(changed) => setCreation({ status: 'ready', invite: changed })}
      ensureConsent={ensureConsent}
    />
  );
}

function shareTitle(invite: InviteFieldsFragment, sharerName: string | null, householdName: string | null): string {
  switch (invite.kind) {
    case 'FAMILY_JOIN':
      return sharerName ? `${sharerName} 邀请你加入家庭` : `邀请你加入“${householdName ?? invite.title}”`;
    case 'PRODUCT':
      return invite.title;
    case 'POLICY_SUMMARY':
      return `保单摘要：${invite.title}`;
  }
}

function RoleChoice(props: {
  householdName: string | null;
  mayInvite: boolean | null;
  loadError: string | null;
  reload: () => void;
  role: OfferedRole;
  onRole: (role: OfferedRole) => void;
  onCreate: () => void;
}) {
  if (props.loadError) return <StateView kind="error" message={props.loadError} onRetry={props.reload} />;
  if (props.mayInvite === null) return <StateView kind="loading" />;
  if (!props.mayInvite) {
    return (
      <LandingMessage
        testId="share-not-allowed"
        title="只有家庭创建者可以邀请家人"
        message="如需邀请其他人加入，请联系这个家庭的创建者。"
        actions={[{ label: '返回', onClick: () => void Taro.navigateBack(), primary: true }]}
      />
    );
  }
  return (
    <View className="share__card" data-testid="role-choice">
      <Text className="share__title">邀请家人加入“{props.householdName}”</Text>
      <Text className="share__text">先选择对方加入后的身份，之后可以在我家的“家庭账号”中调整或移除。</Text>
      <View className="share__roles" role="radiogroup" aria-label="加入后的身份">
        {OFFERED_ROLES.map((role) => {
          const active = props.role === role;
          return (
            <View
              key={role}
              className={`share__role${active ? ' share__role--active' : ''}`}
              role="radio"
              aria-checked={active}
              data-testid={`role-${role}`}
              onClick={() => props.onRole(role)}
            >
              <Text className="share__role-mark" aria-hidden>
                {active ? '●' : '○'}
              </Text>
              <View className="share__role-body">
                <Text className="share__role-name">{OFFERED_ROLE_LABELS[role]}</Text>
                <Text className="share__role-text">{OFFERED_ROLE_EXPLANATIONS[role]}</Text>
              </View>
            </View>
          );
        })}
      </View>
      <Text className="share__text">邀请 72 小时内有效，仅可使用一次。</Text>
      <Button className="share__primary" data-testid="create-invite" onClick={props.onCreate}>
        生成邀请
      </Button>
    </View>
  );
}

type SharedProduct = {
  name: string;
  categoryLabel: string;
  priceFrom: number;
  insurer: { name: string };
  score: { composite: number } | null;
};

function Shared({
  invite,
  content,
  sharerName,
  householdName,
  product,
  policyLine,
  onChanged,
  ensureConsent,
}: {
  invite: InviteFieldsFragment;
  content: ShareContent | null;
  sharerName: string | null;
  householdName: string | null;
  product: SharedProduct | null;
  policyLine: string | null;
  onChanged: (invite: InviteFieldsFragment) => void;
  ensureConsent: EnsureConsent;
}) {
  const [poster, setPoster] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const active = invite.status === 'ACTIVE';
  const validity = validityText(invite, Date.now());

  const detail =
    invite.kind === 'FAMILY_JOIN'
      ? `加入身份 ${offeredRoleText(invite.role)}`
      : invite.kind === 'PRODUCT'
        ? product
          ? `${product.insurer.name} · ${formatPriceFrom(product.priceFrom)}`
          : null
        : (policyLine ?? null);

  const revoke = async (): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: '撤销邀请',
      content: '撤销后，已发出的链接、卡片和海报都会立即失效，且不能恢复。',
      confirmText: '撤销',
      cancelText: '取消',
    });
    if (!confirm) return;
    setRevoking(true);
    const { data, error } = await graphqlClient.execute(RevokeInviteDocument, { id: invite.id });
    setRevoking(false);
    if (data && !error) {
      onChanged(data.revokeInvite);
      setPoster(false);
      toast('已撤销');
    } else toast(error?.message ?? '撤销失败，请稍后重试');
  };

  const posterKind = invite.kind === 'PRODUCT' || invite.kind === 'FAMILY_JOIN' ? invite.kind : null;
  const posterTitle = invite.kind === 'FAMILY_JOIN' ? `邀请你加入“${householdName ?? invite.title}”` : invite.title;
  const posterLines =
    invite.kind === 'FAMILY_JOIN'
      ? [
          `${sharerName ?? '家人'} 邀请你成为家庭${OFFERED_ROLE_LABELS[invite.role === 'VIEWER' ? 'VIEWER' : 'MEMBER']}`,
          validity,
        ]
      : product
        ? [
            `${product.insurer.name} · ${product.categoryLabel}`,
            formatPriceFrom(product.priceFrom),
            ...(product.score ? [`综合评分 ${formatScore(product.score.composite)} 分`] : []),
          ]
        : [];
  const posterFooter = invite.kind === 'FAMILY_JOIN' ? '扫码加入家庭，一起管理保单' : '扫码查看产品详情、测算保费';

  return (
    <View className="share__shared" data-testid="share-ready">
      <View className="share__card">
        <View className="share__head">
          <Text className="share__kind">{KIND_LABELS[invite.kind]}</Text>
          <Text className={`share__status share__status--${active ? 'active' : 'inactive'}`} data-testid="share-status">
            {STATUS_LABELS[invite.status]}
          </Text>
        </View>
        <Text className="share__title" data-testid="share-title">
          {invite.kind === 'FAMILY_JOIN' ? `邀请家人加入“${householdName ?? invite.title}”` : invite.title}
        </Text>
        {detail ? <Text className="share__text">{detail}</Text> : null}
        <Text className="share__validity" data-testid="share-validity">
          {validity}
        </Text>
        {invite.kind === 'POLICY_SUMMARY' ? (
          <Text className="share__note">好友只能看到保障内容；保单号、证件号码和被保人完整姓名不会分享。</Text>
        ) : null}
      </View>

      {active ? (
        <View className="share__actions">
          {SHARE_BUTTON_OPEN_TYPE ? (
            <Button className="share__primary" openType={SHARE_BUTTON_OPEN_TYPE} data-testid="share-button">
              {SHARE_BUTTON_LABEL}
            </Button>
          ) : (
            <Button className="share__primary" data-testid="share-button" onClick={() => void openSharePanel(content)}>
              {SHARE_BUTTON_LABEL}
            </Button>
          )}
          {process.env.TARO_ENV === 'h5' ? (
            <View className="share__link">
              <Text className="share__link-label">分享链接（可长按或选中复制）</Text>
              <Text className="share__link-text" selectable userSelect data-testid="share-link">
                {invite.url}
              </Text>
            </View>
          ) : null}
          {posterKind ? (
            <Button className="share__secondary" data-testid="make-poster" onClick={() => setPoster(!poster)}>
              {poster ? '收起海报' : '生成海报'}
            </Button>
          ) : null}
          {poster && posterKind ? (
            <CodePoster
              inviteId={invite.id}
              kind={posterKind}
              title={posterTitle}
              lines={posterLines}
              footer={posterFooter}
              ensureConsent={ensureConsent}
            />
          ) : null}
          <Button
            className="share__danger"
            data-testid="revoke-invite"
            loading={revoking || undefined}
            disabled={revoking || undefined}
            onClick={() => void revoke()}
          >
            撤销邀请
          </Button>
        </View>
      ) : (
        <Text className="share__text share__inactive" data-testid="share-inactive">
          这个{invite.kind === 'FAMILY_JOIN' ? '邀请' : '分享'}已{STATUS_LABELS[invite.status].replace(/^已/, '')}
          ，不能再分享。需要时请重新生成。
        </Text>
      )}
      <Button
        className="share__link-button"
        data-testid="open-my-invites"
        onClick={() => void Taro.navigateTo({ url: MY_INVITES_PAGE })}
      >
        查看我的邀请
      </Button>
    </View>
  );
}
