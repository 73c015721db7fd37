import { generateKeyPairSync } from 'node:crypto';
import { type GraphQLResponse, type TestStack, codeOf, reasonOf, startStack } from './harness.js';

/** P1 and P2 over HTTP: sign-in through the sandbox's WeChat, Alipay and SMS, sessions, linking, consent. */

interface SessionData {
  accessToken: string;
  refreshToken: string;
  account: { id: string; identities: { platform: string; maskedSubject: string }[] };
}

const SIGN_IN = `mutation($platform: Platform!, $code: String!, $phone: String) { login(platform: $platform, code: $code, phone: $phone) {
  accessToken refreshToken accessTokenExpiresAt account { id identities { platform maskedSubject } } } }`;
const REFRESH = `mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken account { id } } }`;
const ME = '{ me { id identities { platform maskedSubject } privacyConsent { version current } } }';
const LINK = `mutation($platform: Platform!, $code: String!) { linkPlatform(platform: $platform, code: $code) { id identities { platform maskedSubject } } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function platformCode(stack: TestStack, platform: 'wechat' | 'alipay', body: object = {}): Promise<string> {
  const path = platform === 'wechat' ? '/__platform/wechat/login' : '/__platform/alipay/auth-code';
  const response = await fetch(`${stack.sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { code: string }).code;
}

async function signIn(
  stack: TestStack,
  platform: 'WECHAT' | 'ALIPAY',
  user: string,
): Promise<GraphQLResponse<{ login: SessionData }>> {
  const code = await platformCode(stack, platform === 'WECHAT' ? 'wechat' : 'alipay', { user });
  return stack.gql<{ login: SessionData }>(SIGN_IN, { platform, code });
}

async function smsCode(stack: TestStack, phone: string): Promise<string> {
  const outbox = (await (await fetch(`${stack.sandbox.url}/__platform/sms/outbox?phone=${phone}`)).json()) as {
    messages: { text: string }[];
  };
  const last = outbox.messages.at(-1)?.text ?? '';
  return /(\d{6})/.exec(last)?.[1] ?? '';
}

describe('identity through the sandbox platforms', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // No reuse leeway: a spent refresh token presented again is always treated as stolen here.
    stack = await startStack({ LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000', REFRESH_REUSE_LEEWAY_SECONDS: '0' });
  });
  afterAll(() => stack.close());

  it('signs in on WeChat, creates the account once, and shows only a masked openid', async () => {
    const first = await signIn(stack, 'WECHAT', 'wang-fang');
    expect(first.status).toBe(200);
    const session = first.body.data!.login;
    expect(session.account.identities).toEqual([
      { platform: 'WECHAT', maskedSubject: expect.stringContaining('****') },
    ]);
    const again = (await signIn(stack, 'WECHAT', 'wang-fang')).body.data!.login;
    expect(again.account.id).toBe(session.account.id);
    const me = await stack.gql<{ me: { id: string } }>(ME, {}, bearer(session.accessToken));
    expect(me.body.data!.me.id).toBe(session.account.id);
  });

  it.each([
    ['an invalid code (40029)', async () => 'not-a-code', 'UNAUTHENTICATED', 'LOGIN_CODE_INVALID'],
    [
      'a used code (40029)',
      async (s: TestStack) => {
        const code = await platformCode(s, 'wechat', { user: 'used' });
        await s.gql(SIGN_IN, { platform: 'WECHAT', code });
        return code;
      },
      'UNAUTHENTICATED',
      'LOGIN_CODE_INVALID',
    ],
    [
      'a high-risk user (40226)',
      (s: TestStack) => platformCode(s, 'wechat', { outcome: 'risky' }),
      'UNAUTHENTICATED',
      'RISKY_USER',
    ],
  ])('refuses WeChat sign-in with %s as a clear error, never a 500', async (_label, makeCode, code, reason) => {
    const response = await stack.gql(SIGN_IN, { platform: 'WECHAT', code: await makeCode(stack) });
    expect(response.status).toBe(200);
    expect(codeOf(response.body.errors)).toBe(code);
    expect(reasonOf(response.body.errors)).toBe(reason);
  });

  it('answers TOO_MANY_REQUESTS when WeChat says a user signs in too often (45011)', async () => {
    const results: unknown[] = [];
    for (let i = 0; i < 6; i++) results.push(codeOf((await signIn(stack, 'WECHAT', 'hasty')).body.errors));
    expect(results.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(results[5]).toBe('TOO_MANY_REQUESTS');
  });

  it('signs in on Alipay with an RSA2-signed request, and refuses a used auth code', async () => {
    const code = await platformCode(stack, 'alipay', { user: 'zhao-lei' });
    const ok = await stack.gql<{ login: SessionData }>(SIGN_IN, { platform: 'ALIPAY', code });
    expect(ok.body.data!.login.account.identities[0]).toMatchObject({
      platform: 'ALIPAY',
      maskedSubject: expect.stringMatching(/^2088\*{4}\d{4}$/),
    });
    const reused = await stack.gql(SIGN_IN, { platform: 'ALIPAY', code });
    expect(reasonOf(reused.body.errors)).toBe('LOGIN_CODE_INVALID');
  });

  it('signs in on H5 with a texted code, refuses a wrong one, and answers alike for any number', async () => {
    const phone = '13912345678';
    const sent = await stack.gql<{ requestPhoneCode: { maskedPhone: string } }>(
      'mutation($phone: String!) { requestPhoneCode(phone: $phone) { maskedPhone expiresInSeconds retryAfterSeconds } }',
      { phone },
    );
    expect(sent.body.data!.requestPhoneCode.maskedPhone).toBe('139****5678');
    const code = await smsCode(stack, phone);
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await stack.gql(SIGN_IN, {
      platform: 'H5',
      phone,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(reasonOf(wrong.body.errors)).toBe('LOGIN_CODE_INVALID');
    const ok = await stack.gql<{ login: SessionData }>(SIGN_IN, { platform: 'H5', phone, code });
    expect(ok.body.data!.login.account.identities).toEqual([{ platform: 'H5', maskedSubject: '139****5678' }]);
    const replay = await stack.gql(SIGN_IN, { platform: 'H5', phone, code });
    expect(reasonOf(replay.body.errors)).toBe('LOGIN_CODE_INVALID');

    const again = await stack.gql('mutation($phone: String!) { requestPhoneCode(phone: $phone) { maskedPhone } }', {
      phone,
    });
    expect(codeOf(again.body.errors)).toBe('TOO_MANY_REQUESTS');
    const bad = await stack.gql('mutation { requestPhoneCode(phone: "12345") { maskedPhone } }');
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });

  it('locks a texted code after five tries sent at once, and refuses the right code after them', async () => {
    const phone = '13912340000';
    await stack.gql('mutation($phone: String!) { requestPhoneCode(phone: $phone) { maskedPhone } }', { phone });
    const code = await smsCode(stack, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () => stack.gql(SIGN_IN, { platform: 'H5', phone, code: wrong })),
    );
    expect(guesses.map((guess) => reasonOf(guess.body.errors))).toEqual(Array(12).fill('LOGIN_CODE_INVALID'));
    const right = await stack.gql(SIGN_IN, { platform: 'H5', phone, code });
    expect(reasonOf(right.body.errors)).toBe('LOGIN_CODE_INVALID');
  });

  it('rotates refresh tokens and revokes the session when an old one is presented again', async () => {
    const session = (await signIn(stack, 'WECHAT', 'rotator')).body.data!.login;
    const rotated = await stack.gql<{ refreshSession: SessionData }>(REFRESH, { token: session.refreshToken });
    const next = rotated.body.data!.refreshSession;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await stack.gql(ME, {}, bearer(next.accessToken))).body.errors).toBeUndefined();

    const reuse = await stack.gql(REFRESH, { token: session.refreshToken });
    expect(reasonOf(reuse.body.errors)).toBe('REFRESH_TOKEN_REUSED');
    // The whole session is gone: the newer tokens stop working too.
    expect(reasonOf((await stack.gql(ME, {}, bearer(next.accessToken))).body.errors)).toBe('SESSION_REVOKED');
    expect(reasonOf((await stack.gql(REFRESH, { token: next.refreshToken })).body.errors)).toBe(
      'REFRESH_TOKEN_INVALID',
    );
  });

  it('signs out: the access token stops working at once', async () => {
    const session = (await signIn(stack, 'WECHAT', 'leaver')).body.data!.login;
    const out = await stack.gql<{ logout: boolean }>('mutation { logout }', {}, bearer(session.accessToken));
    expect(out.body.data!.logout).toBe(true);
    expect(reasonOf((await stack.gql(ME, {}, bearer(session.accessToken))).body.errors)).toBe('SESSION_REVOKED');
  });

  it('refuses the account queries without a valid token', async () => {
    expect(reasonOf((await stack.gql(ME)).body.errors)).toBe('AUTH_REQUIRED');
    expect(reasonOf((await stack.gql(ME, {}, bearer('abc.def.ghi'))).body.errors)).toBe('TOKEN_INVALID');
  });

  it('links Alipay to a WeChat account, and refuses an identity that belongs to another account', async () => {
    const wechat = (await signIn(stack, 'WECHAT', 'liu-yang')).body.data!.login;
    const alipayCode = await platformCode(stack, 'alipay', { user: 'liu-yang-alipay' });
    const linked = await stack.gql<{ linkPlatform: { identities: { platform: string }[] } }>(
      LINK,
      { platform: 'ALIPAY', code: alipayCode },
      bearer(wechat.accessToken),
    );
    expect(linked.body.data!.linkPlatform.identities.map((identity) => identity.platform)).toEqual([
      'WECHAT',
      'ALIPAY',
    ]);
    // Signing in on Alipay now lands in the same account.
    expect((await signIn(stack, 'ALIPAY', 'liu-yang-alipay')).body.data!.login.account.id).toBe(wechat.account.id);

    const other = (await signIn(stack, 'ALIPAY', 'someone-else')).body.data!.login;
    const taken = await stack.gql(
      LINK,
      { platform: 'WECHAT', code: await platformCode(stack, 'wechat', { user: 'liu-yang' }) },
      bearer(other.accessToken),
    );
    expect(codeOf(taken.body.errors)).toBe('CONFLICT');
    const second = await stack.gql(
      LINK,
      { platform: 'ALIPAY', code: await platformCode(stack, 'alipay', { user: 'third' }) },
      bearer(wechat.accessToken),
    );
    expect(codeOf(second.body.errors)).toBe('CONFLICT');
  });

  it('records the privacy policy version agreed to, and refuses an outdated one', async () => {
    const session = (await signIn(stack, 'WECHAT', 'careful')).body.data!.login;
    const policy = await stack.gql<{ privacyPolicy: { version: string } }>('{ privacyPolicy { version } }');
    const version = policy.body.data!.privacyPolicy.version;
    expect(
      (await stack.gql<{ me: { privacyConsent: null } }>(ME, {}, bearer(session.accessToken))).body.data!.me
        .privacyConsent,
    ).toBeNull();
    const agreed = await stack.gql<{ agreePrivacyPolicy: { privacyConsent: { version: string; current: boolean } } }>(
      'mutation($v: String!) { agreePrivacyPolicy(version: $v) { privacyConsent { version current agreedAt } } }',
      { v: version },
      bearer(session.accessToken),
    );
    expect(agreed.body.data!.agreePrivacyPolicy.privacyConsent).toMatchObject({ version, current: true });
    const old = await stack.gql(
      'mutation { agreePrivacyPolicy(version: "2020-01-01") { id } }',
      {},
      bearer(session.accessToken),
    );
    expect(old.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
  });
});

describe('identity limits and failures', () => {
  let stack: TestStack;

  beforeAll(async () => {
    const wrongKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    stack = await startStack({
      LOGIN_LIMIT_PER_IP_PER_MINUTE: '4',
      ACCESS_TOKEN_TTL_SECONDS: '5',
      // An Alipay key the platform does not know: every Alipay call fails its signature check.
      ALIPAY_APP_PRIVATE_KEY: Buffer.from(wrongKey).toString('base64'),
    });
  });
  afterAll(() => stack.close());

  it('answers UPSTREAM_UNAVAILABLE, not a 500, when Alipay refuses the app’s signature', async () => {
    const response = await stack.gql(SIGN_IN, {
      platform: 'ALIPAY',
      code: await platformCode(stack, 'alipay'),
    });
    expect(response.status).toBe(200);
    expect(codeOf(response.body.errors)).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('expires access tokens (TOKEN_EXPIRED) and lets the refresh token renew them', async () => {
    const session = (await signIn(stack, 'WECHAT', 'patient')).body.data!.login;
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(reasonOf((await stack.gql(ME, {}, bearer(session.accessToken))).body.errors)).toBe('TOKEN_EXPIRED');
    const renewed = (await stack.gql<{ refreshSession: SessionData }>(REFRESH, { token: session.refreshToken })).body
      .data!.refreshSession;
    expect((await stack.gql(ME, {}, bearer(renewed.accessToken))).body.errors).toBeUndefined();
  }, 20_000);

  it('limits sign-in attempts per IP, with a retry delay', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(codeOf((await stack.gql(SIGN_IN, { platform: 'WECHAT', code: `bad-${i}` })).body.errors));
    expect(codes).toContain('TOO_MANY_REQUESTS');
    const limited = await stack.gql(SIGN_IN, { platform: 'WECHAT', code: 'bad' });
    expect(limited.body.errors?.[0].extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
    });
  });
});

describe('refresh retries within the leeway', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000', REFRESH_REUSE_LEEWAY_SECONDS: '2' });
  });
  afterAll(() => stack.close());

  it('leaves one live refresh token: a retry supersedes the answer it replaces, which later counts as reuse', async () => {
    const session = (await signIn(stack, 'WECHAT', 'two-tabs')).body.data!.login;
    const refresh = (token: string) => stack.gql<{ refreshSession: SessionData }>(REFRESH, { token });
    const first = (await refresh(session.refreshToken)).body.data!.refreshSession;
    // The answer to the first refresh was lost: the app retries with the same token, twice.
    const second = (await refresh(session.refreshToken)).body.data!.refreshSession;
    const third = (await refresh(session.refreshToken)).body.data!.refreshSession;
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // Only the newest token still works…
    const fourth = await refresh(third.refreshToken);
    expect(fourth.body.errors).toBeUndefined();
    // …and an answer that was superseded, presented now, is a copied token: the session ends.
    expect(reasonOf((await refresh(first.refreshToken)).body.errors)).toBe('REFRESH_TOKEN_REUSED');
    expect(reasonOf((await refresh(second.refreshToken)).body.errors)).toBe('REFRESH_TOKEN_INVALID');
    expect(reasonOf((await refresh(fourth.body.data!.refreshSession.refreshToken)).body.errors)).toBe(
      'REFRESH_TOKEN_INVALID',
    );
  });

  it('answers retries sent at once, and still leaves a single live token', async () => {
    const session = (await signIn(stack, 'WECHAT', 'many-tabs')).body.data!.login;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        stack.gql<{ refreshSession: SessionData }>(REFRESH, { token: session.refreshToken }),
      ),
    );
    expect(answers.every((answer) => answer.body.data?.refreshSession.refreshToken)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const outcomes: unknown[] = [];
    for (const answer of answers) {
      const result = await stack.gql(REFRESH, { token: answer.body.data!.refreshSession.refreshToken });
      outcomes.push(result.body.errors ? reasonOf(result.body.errors) : 'OK');
    }
    // Two live tokens would let two of these through; a superseded one revokes the session.
    expect(outcomes.filter((outcome) => outcome === 'OK').length).toBeLessThanOrEqual(1);
    expect(outcomes).toContain('REFRESH_TOKEN_REUSED');
  });
});
