import { createGraphQLClient } from '../../graphql/client';
import type { Transport } from '../../graphql/transport';
import { PlatformError } from '../../platform/platform-error';
import { createSessionStore, type SessionTokens } from '../../platform/storage';
import { memoryStorage } from '../../platform/__tests__/memory-storage';
import { createSessionService } from '../session';

const later = '2099-01-01T00:00:00.000Z';
const issued = {
  accessToken: 'access-1',
  accessTokenExpiresAt: later,
  refreshToken: 'refresh-1',
  refreshTokenExpiresAt: later,
};

interface Call {
  operation: string;
  variables: Record<string, unknown>;
}

/** A BFF that answers every operation from `answers`, recording the calls. */
function fakeBff(answers: Record<string, unknown>) {
  const calls: Call[] = [];
  const transport: Transport = async (request) => {
    const body = JSON.parse(request.body) as { operationName: string; variables: Record<string, unknown> };
    calls.push({ operation: body.operationName, variables: body.variables });
    return { statusCode: 200, body: answers[body.operationName] ?? { data: null, errors: [{ message: 'no' }] } };
  };
  return { calls, transport };
}

const account = (consent: { version: string; current: boolean } | null) => ({
  data: {
    me: {
      id: 'acc-1',
      createdAt: later,
      identities: [],
      privacyConsent: consent && { ...consent, agreedAt: later },
    },
    privacyPolicy: { version: '2025-01' },
  },
});

function setup(
  options: {
    platform?: 'WECHAT' | 'ALIPAY' | 'H5';
    silent?: boolean;
    singlePage?: boolean;
    stored?: SessionTokens;
    getCode?: () => Promise<string>;
    answers?: Record<string, unknown>;
    localConsent?: string;
    inviteCode?: string | null;
  } = {},
) {
  const bff = fakeBff({
    Login: { data: { login: { ...issued, account: { id: 'acc-1' } } } },
    SessionPrivacyConsent: account(null),
    AgreePrivacyPolicy: { data: { agreePrivacyPolicy: account({ version: '2025-01', current: true }).data.me } },
    Logout: { data: { logout: true } },
    ...options.answers,
  });
  const store = createSessionStore(memoryStorage());
  if (options.stored) store.save(options.stored);
  const getCode = jest.fn(options.getCode ?? (async () => 'wx-code'));
  let consent: string | null = options.localConsent ?? null;
  const service = createSessionService({
    client: createGraphQLClient({ transport: bff.transport, session: { store } }),
    store,
    login: { platform: options.platform ?? 'WECHAT', silent: options.silent ?? true, getCode },
    isSinglePageMode: () => options.singlePage ?? false,
    consent: {
      load: () => (consent ? { version: consent, agreedAt: later } : null),
      save: (version) => void (consent = version),
    },
    inviteTouch: { code: () => options.inviteCode ?? null },
  });
  return { service, store, bff, getCode, localConsent: () => consent };
}

describe('silent sign-in on start', () => {
  it('signs in with the platform code when there is no session', async () => {
    const { service, store, bff, getCode } = setup();
    await expect(service.signInSilently()).resolves.toBe('signed-in');
    expect(getCode).toHaveBeenCalledTimes(1);
    expect(bff.calls[0]).toEqual({
      operation: 'Login',
      variables: { platform: 'WECHAT', code: 'wx-code', phone: null },
    });
    expect(store.load()).toEqual(issued);
  });

  it('keeps a usable session', async () => {
    const { service, getCode } = setup({ stored: issued });
    await expect(service.signInSilently()).resolves.toBe('already-signed-in');
    expect(getCode).not.toHaveBeenCalled();
  });

  it('signs in again when the stored refresh token has expired', async () => {
    const { service } = setup({ stored: { ...issued, refreshTokenExpiresAt: '2020-01-01T00:00:00.000Z' } });
    await expect(service.signInSilently()).resolves.toBe('signed-in');
  });

  it('never tries in WeChat Moments single-page mode, nor on H5', async () => {
    const moments = setup({ singlePage: true });
    await expect(moments.service.signInSilently()).resolves.toBe('skipped');
    expect(moments.getCode).not.toHaveBeenCalled();
    expect(moments.bff.calls).toEqual([]);

    const h5 = setup({ platform: 'H5', silent: false });
    await expect(h5.service.signInSilently()).resolves.toBe('skipped');
    expect(h5.bff.calls).toEqual([]);
  });

  it('fails quietly when the platform or the BFF refuses', async () => {
    const platform = setup({ getCode: () => Promise.reject(new PlatformError('微信登录失败，请稍后重试')) });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(platform.service.signInSilently()).resolves.toBe('failed');
    expect(platform.store.load()).toBeNull();

    const bff = setup({
      answers: {
        Login: {
          data: null,
          errors: [{ message: '当前账号存在安全风险', extensions: { code: 'UNAUTHENTICATED', reason: 'RISKY_USER' } }],
        },
      },
    });
    await expect(bff.service.signInSilently()).resolves.toBe('failed');
    expect(bff.store.load()).toBeNull();
    warn.mockRestore();
  });
});

describe('one-tap sign-in', () => {
  it('gives the platform failure to the page', async () => {
    const { service } = setup({ getCode: () => Promise.reject(new PlatformError('支付宝登录失败，请稍后重试')) });
    const error = await service.signInWithPlatform();
    expect(error?.code).toBe('PLATFORM');
    expect(error?.message).toBe('支付宝登录失败，请稍后重试');
  });
});

describe('privacy consent after sign-in', () => {
  it('records on the BFF a consent given on this device before signing in', async () => {
    const { service, bff } = setup({ platform: 'H5', silent: false, localConsent: '2025-01' });
    const changed = jest.fn();
    service.onAccountChanged(changed);
    await expect(service.signInWithPhone('13800138000', '123456')).resolves.toBeNull();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(bff.calls.map((call) => call.operation)).toEqual(['Login', 'SessionPrivacyConsent', 'AgreePrivacyPolicy']);
    expect(bff.calls[0]?.variables).toEqual({ platform: 'H5', code: '123456', phone: '13800138000' });
    expect(bff.calls[2]?.variables).toEqual({ version: '2025-01' });
  });

  it('remembers locally a consent the account gave elsewhere', async () => {
    const { service, bff, localConsent } = setup({
      answers: { SessionPrivacyConsent: account({ version: '2025-01', current: true }) },
    });
    await service.signInWithPlatform();
    expect(bff.calls.map((call) => call.operation)).toEqual(['Login', 'SessionPrivacyConsent']);
    expect(localConsent()).toBe('2025-01');
  });

  it('records nothing without any consent', async () => {
    const { service, bff } = setup();
    await service.signInWithPlatform();
    expect(bff.calls.map((call) => call.operation)).toEqual(['Login', 'SessionPrivacyConsent']);
  });
});

describe('sign-out', () => {
  it('ends the session on the BFF and forgets it, even when the BFF fails', async () => {
    const ok = setup({ stored: issued });
    await ok.service.signOut();
    expect(ok.bff.calls.map((call) => call.operation)).toEqual(['Logout']);
    expect(ok.store.load()).toBeNull();

    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = setup({ stored: issued, answers: { Logout: { data: null, errors: [{ message: 'boom' }] } } });
    await failing.service.signOut();
    expect(failing.store.load()).toBeNull();
    warn.mockRestore();
  });
});

describe('invite attribution', () => {
  const touched = 'AbCdEfGhIjKlMnOpQrStUv';

  it('sends the remembered invite with a sign-in', async () => {
    const { service, bff } = setup({ platform: 'H5', silent: false, inviteCode: touched });
    await service.signInWithPhone('13800138000', '123456');
    expect(bff.calls[0]).toEqual({
      operation: 'Login',
      variables: { platform: 'H5', code: '123456', phone: '13800138000', inviteCode: touched },
    });
  });

  it('sends the launch invite on a silent sign-in when none is remembered, the remembered one otherwise', async () => {
    const launched = setup();
    await launched.service.signInSilently('LaunchCode000000000000');
    expect(launched.bff.calls[0].variables).toEqual({
      platform: 'WECHAT',
      code: 'wx-code',
      phone: null,
      inviteCode: 'LaunchCode000000000000',
    });

    const remembered = setup({ inviteCode: touched });
    await remembered.service.signInSilently('LaunchCode000000000000');
    expect(remembered.bff.calls[0].variables.inviteCode).toBe(touched);
  });

  it('reports a quote only when signed in with a remembered invite', async () => {
    const answers = { RecordInviteQuote: { data: { recordInviteQuote: true } } };
    const signedOut = setup({ inviteCode: touched, answers });
    await signedOut.service.recordInviteQuote();
    expect(signedOut.bff.calls).toEqual([]);

    const untouched = setup({ stored: issued, answers });
    await untouched.service.recordInviteQuote();
    expect(untouched.bff.calls).toEqual([]);

    const touchedIn = setup({ stored: issued, inviteCode: touched, answers });
    await touchedIn.service.recordInviteQuote();
    expect(touchedIn.bff.calls.map((call) => call.operation)).toEqual(['RecordInviteQuote']);
  });

  it('never throws when reporting a quote fails', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { service } = setup({
      stored: issued,
      inviteCode: touched,
      answers: { RecordInviteQuote: { data: null, errors: [{ message: 'boom' }] } },
    });
    await expect(service.recordInviteQuote()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
