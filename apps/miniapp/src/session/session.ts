import { graphqlClient, type GraphQLClient } from '../graphql/client';
import { GraphQLClientError, messages } from '../graphql/errors';
import {
  AgreePrivacyPolicyDocument,
  LinkPlatformDocument,
  LoginDocument,
  LogoutDocument,
  RecordInviteQuoteDocument,
  RequestPhoneCodeDocument,
  SessionPrivacyConsentDocument,
  type AccountFieldsFragment,
  type Platform,
  type RequestPhoneCodeMutation,
} from '../graphql/generated/graphql';
import { getLoginCode, LOGIN_PLATFORM, SILENT_LOGIN } from '../platform/login';
import { PlatformError } from '../platform/platform-error';
import { isSinglePageMode } from '../platform/scene';
import {
  isSessionUsable,
  loadPrivacyConsent,
  savePrivacyConsent,
  sessionStore,
  type LocalPrivacyConsent,
  type SessionStore,
} from '../platform/storage';
import { inviteTouch as appInviteTouch } from './invite-touch';

/**
 * Signing in and out, linking platforms and recording consent: the page-facing side of identity.
 * Pages call these and show the `GraphQLClientError` they return (null = done).
 */

export interface SessionServiceDependencies {
  client: GraphQLClient;
  store: SessionStore;
  login: { platform: Platform | null; silent: boolean; getCode: () => Promise<string> };
  isSinglePageMode: () => boolean;
  consent: { load: () => LocalPrivacyConsent | null; save: (version: string) => void };
  /**
   * The invite this device first landed on within 7 days (src/session/invite-touch.ts): sent with
   * every sign-in for attribution. None when absent.
   */
  inviteTouch?: { code: () => string | null };
}

export type SilentSignInOutcome = 'signed-in' | 'already-signed-in' | 'skipped' | 'failed';

export type PhoneCodeResult =
  { sent: RequestPhoneCodeMutation['requestPhoneCode']; error: null } | { sent: null; error: GraphQLClientError };

export type AccountResult =
  { account: AccountFieldsFragment; error: null } | { account: null; error: GraphQLClientError };

function fromPlatformFailure(error: unknown): GraphQLClientError {
  if (error instanceof PlatformError)
    return new GraphQLClientError('PLATFORM', error.message, { detail: error.detail });
  return new GraphQLClientError('PLATFORM', messages.DEFAULT, { detail: String(error) });
}

function missingData(): GraphQLClientError {
  return new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE);
}

export function createSessionService(dependencies: SessionServiceDependencies) {
  const { client, store, login, consent } = dependencies;
  const rememberedInviteCode = (): string | null => dependencies.inviteTouch?.code() ?? null;
  const accountListeners = new Set<() => void>();

  /** Pages showing the account reload it when it changed behind them (consent recorded after sign-in). */
  function onAccountChanged(listener: () => void): () => void {
    accountListeners.add(listener);
    return () => accountListeners.delete(listener);
  }

  /**
   * After sign-in, the account and the device agree on consent: the account's current consent is
   * remembered locally, and a consent given on this device before signing in is recorded on the BFF.
   */
  async function syncPrivacyConsent(): Promise<void> {
    const { data } = await client.execute(SessionPrivacyConsentDocument, {});
    if (!data) return;
    const recorded = data.me.privacyConsent;
    const local = consent.load();
    if (recorded?.current) {
      if (local?.version !== recorded.version) consent.save(recorded.version);
    } else if (local?.version === data.privacyPolicy.version) {
      const { error } = await client.execute(AgreePrivacyPolicyDocument, { version: local.version });
      if (!error) accountListeners.forEach((listener) => listener());
    }
  }

  async function startSession(
    platform: Platform,
    code: string,
    phone: string | null,
    launchInviteCode: string | null = null,
  ): Promise<GraphQLClientError | null> {
    // The remembered first touch wins; else the invite the app was launched with (a silent sign-in
    // on launch runs before the landing has remembered it). The BFF ignores unknown or inactive codes.
    const inviteCode = rememberedInviteCode() ?? launchInviteCode;
    const variables = inviteCode ? { platform, code, phone, inviteCode } : { platform, code, phone };
    const { data, error } = await client.execute(LoginDocument, variables);
    if (error) return error;
    if (!data) return missingData();
    const { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt } = data.login;
    store.save({ accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt });
    await syncPrivacyConsent();
    return null;
  }

  /**
   * The mini-program's one-tap sign-in (一键登录). `launchInviteCode`: the invite code of the page the
   * app was launched on, if any (attribution when nothing is remembered yet).
   */
  async function signInWithPlatform(launchInviteCode: string | null = null): Promise<GraphQLClientError | null> {
    if (!login.platform || login.platform === 'H5') return new GraphQLClientError('PLATFORM', '请使用手机号登录');
    if (dependencies.isSinglePageMode()) return new GraphQLClientError('PLATFORM', '请前往小程序后再登录');
    let code: string;
    try {
      code = await login.getCode();
    } catch (error) {
      return fromPlatformFailure(error);
    }
    return startSession(login.platform, code, null, launchInviteCode);
  }

  /**
   * On start (mini-programs): signs in without asking when there is no usable session, except in
   * WeChat's single-page mode. Never throws: the catalogue is public, a failure only leaves the
   * user signed out. `launchInviteCode`: the invite code the app was launched with, if any.
   */
  async function signInSilently(launchInviteCode: string | null = null): Promise<SilentSignInOutcome> {
    if (isSessionUsable(store.load())) return 'already-signed-in';
    if (!login.silent || dependencies.isSinglePageMode()) return 'skipped';
    const error = await signInWithPlatform(launchInviteCode);
    if (error) {
      console.warn('silent sign-in failed:', error.code, error.detail ?? error.message);
      return 'failed';
    }
    return 'signed-in';
  }

  async function requestPhoneCode(phone: string): Promise<PhoneCodeResult> {
    const { data, error } = await client.execute(RequestPhoneCodeDocument, { phone });
    if (error) return { sent: null, error };
    if (!data) return { sent: null, error: missingData() };
    return { sent: data.requestPhoneCode, error: null };
  }

  function signInWithPhone(phone: string, code: string): Promise<GraphQLClientError | null> {
    return startSession('H5', code, phone);
  }

  async function link(platform: Platform, code: string, phone: string | null): Promise<AccountResult> {
    const { data, error } = await client.execute(LinkPlatformDocument, { platform, code, phone });
    if (error) return { account: null, error };
    if (!data) return { account: null, error: missingData() };
    return { account: data.linkPlatform, error: null };
  }

  /** Adds this mini-program's identity (微信 / 支付宝) to the signed-in account. */
  async function linkCurrentPlatform(): Promise<AccountResult> {
    if (!login.platform || login.platform === 'H5') {
      return { account: null, error: new GraphQLClientError('PLATFORM', '当前平台无法绑定') };
    }
    let code: string;
    try {
      code = await login.getCode();
    } catch (error) {
      return { account: null, error: fromPlatformFailure(error) };
    }
    return link(login.platform, code, null);
  }

  function linkPhone(phone: string, code: string): Promise<AccountResult> {
    return link('H5', code, phone);
  }

  /** Remembers consent on the device and, when signed in, records it on the BFF. */
  async function agreePrivacyPolicy(version: string): Promise<GraphQLClientError | null> {
    consent.save(version);
    if (!isSessionUsable(store.load())) return null;
    const { error } = await client.execute(AgreePrivacyPolicyDocument, { version });
    return error;
  }

  /**
   * After a quote: when signed in and this device remembers an invite from the last 7 days, tells
   * the BFF (it counts the quote for the invite that brought the account, if any). Fire and
   * forget: never throws, failures are logged.
   */
  async function recordInviteQuote(): Promise<void> {
    if (!isSessionUsable(store.load()) || rememberedInviteCode() === null) return;
    const { error } = await client.execute(RecordInviteQuoteDocument, {});
    if (error) console.warn('recordInviteQuote failed:', error.code, error.detail ?? error.message);
  }

  /** Ends the session on the BFF and forgets it here, whatever the BFF answers. */
  async function signOut(): Promise<void> {
    if (store.load()) {
      const { error } = await client.execute(LogoutDocument, {});
      if (error) console.warn('logout failed:', error.code, error.detail ?? error.message);
    }
    store.clear();
  }

  return {
    signInSilently,
    signInWithPlatform,
    requestPhoneCode,
    signInWithPhone,
    linkCurrentPlatform,
    linkPhone,
    agreePrivacyPolicy,
    recordInviteQuote,
    signOut,
    onAccountChanged,
  };
}

export type SessionService = ReturnType<typeof createSessionService>;

/** The app's session service: Taro storage, the platform's login, the app-wide client. */
export const sessionService: SessionService = createSessionService({
  client: graphqlClient,
  store: sessionStore,
  login: { platform: LOGIN_PLATFORM, silent: SILENT_LOGIN, getCode: getLoginCode },
  isSinglePageMode,
  consent: { load: () => loadPrivacyConsent(), save: (version) => void savePrivacyConsent(version) },
  inviteTouch: appInviteTouch,
});
