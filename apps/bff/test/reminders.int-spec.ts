import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { addDays, addMonths, chinaToday } from '@family/domain';
import pg from 'pg';
import { type RunningSandbox, SANDBOX_ALIPAY_TEMPLATES, SANDBOX_WECHAT_TEMPLATES, startSandbox } from '@family/sandbox';
import {
  type BffProcess,
  type GraphQLResponse,
  alipayKeyPair,
  codeOf,
  freshDatabase,
  sandboxedBffEnv,
  redisEnv,
  startBff,
} from './harness.js';

/**
 * Reminders and their job over HTTP (F5): consent per template, exactly one message per event and
 * person whatever instances and retries do, none without consent, 43101, retries and the dead-letter
 * view. On PostgreSQL two BFF processes share the database (and Redis, when REDIS_URL is set).
 */

const OPS_SECRET = 'ops-secret-for-tests-0123456789';
const ATTEMPTS = 3;
const [PAY_DUE] = Object.keys(SANDBOX_WECHAT_TEMPLATES);
const [ALIPAY_PAY_DUE] = Object.keys(SANDBOX_ALIPAY_TEMPLATES);
const today = chinaToday(Date.now());

interface JobOutcome {
  runner: string;
  state: 'completed' | 'failed';
  attemptsMade: number;
  result: Record<string, number | string> | null;
  error: string | null;
}

describe('reminders', () => {
  let sandbox: RunningSandbox;
  let drop: () => Promise<void>;
  let first: BffProcess;
  let second: BffProcess | null = null;
  let postgres = false;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox(0, '127.0.0.1', false, { alipayAppPublicKey: alipayKeyPair().publicKeyPem });
    const database = await freshDatabase();
    drop = database.drop;
    postgres = Boolean(database.env.DATABASE_URL);
    env = {
      ...sandboxedBffEnv(sandbox.url),
      LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000',
      OPS_SECRET,
      JOB_ATTEMPTS: String(ATTEMPTS),
      JOB_BACKOFF_MS: '100',
      ...database.env,
      ...redisEnv(`test-reminders-${randomBytes(4).toString('hex')}:`),
    };
    first = await startBff(env);
    // PGlite lives in one process: a second instance needs PostgreSQL.
    if (postgres) second = await startBff(env);
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await sandbox?.close();
    await drop?.();
  });

  const gql = async <T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await fetch(`${first.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>['body'];
  };
  const control = (path: string, body: unknown) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const runJob = async (bff: BffProcess = first, secret = OPS_SECRET): Promise<JobOutcome> => {
    const response = await fetch(`${bff.url}/ops/jobs/reminders`, {
      method: 'POST',
      headers: { 'x-ops-secret': secret },
    });
    if (response.status !== 200) throw new Error(`ops route answered ${response.status}`);
    return (await response.json()) as JobOutcome;
  };
  const outbox = async (user: string): Promise<{ templateId: string; page: string; data: Record<string, string> }[]> =>
    ((await (await fetch(`${sandbox.url}/__platform/wechat/messages?user=${user}`)).json()) as { messages: [] })
      .messages;

  /** Signs in: a WeChat or Alipay sandbox user, or an H5 phone number with its texted code. */
  async function signIn(platform: 'WECHAT' | 'ALIPAY' | 'H5', user: string): Promise<string> {
    let code: string;
    if (platform === 'H5') {
      await gql('mutation($phone: String!) { requestPhoneCode(phone: $phone) { maskedPhone } }', { phone: user }, {});
      const texts = (await (await fetch(`${sandbox.url}/__platform/sms/outbox?phone=${user}`)).json()) as {
        messages: { text: string }[];
      };
      code = /(\d{6})/.exec(texts.messages.at(-1)?.text ?? '')?.[1] ?? '';
    } else {
      const path = platform === 'WECHAT' ? '/__platform/wechat/login' : '/__platform/alipay/auth-code';
      code = ((await (await control(path, { user })).json()) as { code: string }).code;
    }
    const login = await gql<{ login: { accessToken: string } }>(
      'mutation($platform: Platform!, $code: String!, $phone: String) { login(platform: $platform, code: $code, phone: $phone) { accessToken } }',
      { platform, code, phone: platform === 'H5' ? user : null },
      {},
    );
    if (!login.data) throw new Error(JSON.stringify(login.errors));
    return login.data.login.accessToken;
  }

  /** A person with a household holding one annual policy whose next premium is due in 7 days. */
  async function personWithPaymentIn7Days(
    user: string,
    productName = '康宁福 重大疾病保险',
    platform: 'WECHAT' | 'ALIPAY' | 'H5' = 'WECHAT',
  ) {
    const token = await signIn(platform, user);
    const headers = { authorization: `Bearer ${token}` };
    const households = await gql<{ households: { id: string }[] }>('{ households { id } }', {}, headers);
    const householdId = households.data!.households[0].id;
    const member = await gql<{ addFamilyMember: { id: string } }>(
      'mutation($h: ID!, $input: FamilyMemberInput!) { addFamilyMember(householdId: $h, input: $input) { id } }',
      {
        h: householdId,
        input: { relationship: 'SELF', name: '李明', gender: 'MALE', birthDate: addMonths(today, -420) },
      },
      headers,
    );
    const policy = await gql<{ addPolicy: { id: string } }>(
      'mutation($h: ID!, $input: PolicyInput!) { addPolicy(householdId: $h, input: $input) { id } }',
      {
        h: householdId,
        input: {
          insuredMemberId: member.data!.addFamilyMember.id,
          insurerName: '康宁人寿',
          productName,
          category: 'CRITICAL_ILLNESS',
          sumInsured: 30_000_000,
          premium: 600_000,
          frequency: 'ANNUAL',
          paymentTermYears: 20,
          effectiveDate: addMonths(addDays(today, 7), -24),
          expiryDate: null,
        },
      },
      headers,
    );
    if (!policy.data) throw new Error(JSON.stringify(policy.errors));
    return { headers, policyId: policy.data.addPolicy.id };
  }

  const consent = (headers: Record<string, string>, templateIds: string[]) =>
    gql<{ recordReminderConsent: { id: string; remaining: number }[] }>(
      'mutation($ids: [ID!]!) { recordReminderConsent(templateIds: $ids) { id kind title remaining } }',
      { ids: templateIds },
      headers,
    );
  const remainingOf = async (headers: Record<string, string>, templateId = PAY_DUE): Promise<number> => {
    const body = await gql<{ reminderTemplates: { id: string; remaining: number }[] }>(
      '{ reminderTemplates { id remaining } }',
      {},
      headers,
    );
    return body.data!.reminderTemplates.find((template) => template.id === templateId)!.remaining;
  };

  it('lists the templates of the caller’s platform, and counts each consent given', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-templates');
    const templates = await gql<{
      reminderTemplates: { id: string; platform: string; kind: string; remaining: number }[];
    }>('{ reminderTemplates { id platform kind title remaining } }', {}, headers);
    expect(
      templates.data!.reminderTemplates.map((template) => [template.kind, template.platform, template.remaining]),
    ).toEqual([
      ['PAYMENT_DUE', 'WECHAT', 0],
      ['EXPIRY', 'WECHAT', 0],
      ['COOLING_OFF_END', 'WECHAT', 0],
      ['WAITING_PERIOD_END', 'WECHAT', 0],
    ]);
    expect(templates.data!.reminderTemplates[0].id).toBe(PAY_DUE);
    await consent(headers, [PAY_DUE]);
    const again = await consent(headers, Object.keys(SANDBOX_WECHAT_TEMPLATES));
    expect(again.data!.recordReminderConsent.map((template) => template.remaining)).toEqual([2, 1, 1, 1]);
  });

  it('refuses template ids not of the caller’s platform, repeated, or more than one dialog holds', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-invalid');
    for (const ids of [['no-such-template'], [PAY_DUE, PAY_DUE], [], ['a1f0c3e2b4d5469788a9b0c1d2e3f401']]) {
      const body = await consent(headers, ids);
      expect(codeOf(body.errors)).toBe('BAD_USER_INPUT');
      expect(body.errors![0].extensions!.field).toBe('templateIds');
    }
    expect(await remainingOf(headers)).toBe(0);
  });

  it('sends nothing without consent', async () => {
    await personWithPaymentIn7Days('rem-no-consent');
    // The platform would take it, but the person never allowed it in the app.
    await control('/__platform/wechat/subscriptions', { user: 'rem-no-consent', templateId: PAY_DUE, count: 1 });
    const outcome = await runJob();
    expect(outcome).toMatchObject({ state: 'completed', attemptsMade: 1 });
    expect(outcome.result!.skippedWithoutConsent).toBeGreaterThanOrEqual(1);
    expect(await outbox('rem-no-consent')).toEqual([]);
  });

  it('sends one reminder per event and person, whatever instances run the job at once', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-once', '安心保 终身重疾险');
    await consent(headers, [PAY_DUE]);
    await consent(headers, [PAY_DUE]);
    await control('/__platform/wechat/subscriptions', { user: 'rem-once', templateId: PAY_DUE, count: 5 });
    const instances = second ? [first, second, first, second] : [first, first, first, first];
    const outcomes = await Promise.all(instances.map((bff) => runJob(bff)));
    expect(outcomes.every((outcome) => outcome.state === 'completed')).toBe(true);
    expect(outcomes.reduce((sum, outcome) => sum + Number(outcome.result!.sent), 0)).toBe(1);
    const messages = await outbox('rem-once');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      templateId: PAY_DUE,
      page: 'pages/family/index?from=reminder',
      data: {
        thing1: '安心保 终身重疾险',
        amount2: '¥6000',
        date3: addDays(today, 7),
        thing4: '7天后交费，请按时交费',
      },
    });
    // One consent spent, one left for the next event.
    expect(await remainingOf(headers)).toBe(1);
    // A later run, the next day's say, finds it sent.
    expect((await runJob()).result!.alreadySent).toBeGreaterThanOrEqual(1);
    expect(await outbox('rem-once')).toHaveLength(1);
  });

  it('marks the consent used up when WeChat answers 43101, and sends nothing', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-refused');
    await consent(headers, [PAY_DUE]);
    await consent(headers, [PAY_DUE]);
    // No subscription granted on the platform's side (the person turned it off there).
    const outcome = await runJob();
    expect(outcome.state).toBe('completed');
    expect(await outbox('rem-refused')).toEqual([]);
    expect(await remainingOf(headers)).toBe(0);
    // Allowed again later, the same event is sent (the refusal claimed nothing).
    await consent(headers, [PAY_DUE]);
    await control('/__platform/wechat/subscriptions', { user: 'rem-refused', templateId: PAY_DUE, count: 1 });
    await runJob();
    expect(await outbox('rem-refused')).toHaveLength(1);
  });

  it('sends nothing to a person who switched reminders off', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-off');
    await consent(headers, [PAY_DUE]);
    await control('/__platform/wechat/subscriptions', { user: 'rem-off', templateId: PAY_DUE, count: 1 });
    const off = await gql<{ setRemindersEnabled: { enabled: boolean } }>(
      'mutation { setRemindersEnabled(enabled: false) { enabled templates { id remaining } } }',
      {},
      headers,
    );
    expect(off.data!.setRemindersEnabled.enabled).toBe(false);
    expect((await runJob()).result!.skippedSwitchedOff).toBeGreaterThanOrEqual(1);
    expect(await outbox('rem-off')).toEqual([]);
    expect(await remainingOf(headers)).toBe(1);
  });

  const UPCOMING = `query($id: ID!, $days: Int) { household(id: $id) {
    upcomingReminders(days: $days) { key policyId kind label date daysUntil remindOn productName memberName amount delivered muted }
  } }`;
  interface Upcoming {
    key: string;
    kind: string;
    daysUntil: number;
    remindOn: string;
    memberName: string;
    amount: number | null;
    delivered: boolean;
    muted: boolean;
  }
  const upcomingOf = async (headers: Record<string, string>, days?: number) => {
    const households = await gql<{ households: { id: string }[] }>('{ households { id } }', {}, headers);
    const body = await gql<{ household: { upcomingReminders: Upcoming[] } }>(
      UPCOMING,
      { id: households.data!.households[0].id, days },
      headers,
    );
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.household.upcomingReminders;
  };

  it('lists the household’s upcoming reminders, marked 已提醒 once delivered to the caller', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-upcoming', '安心保 两全险');
    const before = await upcomingOf(headers);
    expect(before.map((event) => [event.kind, event.daysUntil, event.remindOn, event.delivered, event.muted])).toEqual([
      ['PAYMENT_DUE_7D', 7, today, false, false],
      ['PAYMENT_DUE_1D', 7, addDays(today, 6), false, false],
    ]);
    expect(before[0]).toMatchObject({ memberName: '李明', amount: 600_000 });
    expect(await upcomingOf(headers, 3)).toHaveLength(1);
    await consent(headers, [PAY_DUE]);
    await control('/__platform/wechat/subscriptions', { user: 'rem-upcoming', templateId: PAY_DUE, count: 1 });
    await runJob();
    const after = await upcomingOf(headers);
    expect(after.map((event) => event.delivered)).toEqual([true, false]);
    const households = await gql<{ households: { id: string }[] }>('{ households { id } }', {}, headers);
    const tooFar = await gql(UPCOMING, { id: households.data!.households[0].id, days: 91 }, headers);
    expect(codeOf(tooFar.errors)).toBe('BAD_USER_INPUT');
  });

  it('mutes one policy for one person: nothing sent about it, the consent kept, until turned back on', async () => {
    const { headers, policyId } = await personWithPaymentIn7Days('rem-mute', '安心保 意外险');
    await consent(headers, [PAY_DUE]);
    await control('/__platform/wechat/subscriptions', { user: 'rem-mute', templateId: PAY_DUE, count: 1 });
    const POLICY = 'query($id: ID!) { policy(id: $id) { id remindersEnabled } }';
    const SET = 'mutation($id: ID!, $on: Boolean!) { setPolicyRemindersEnabled(policyId: $id, enabled: $on) }';
    expect(
      (await gql<{ policy: { remindersEnabled: boolean } }>(POLICY, { id: policyId }, headers)).data!.policy,
    ).toMatchObject({ remindersEnabled: true });
    // Twice: muting a muted policy is no error.
    for (let time = 0; time < 2; time += 1) {
      const off = await gql<{ setPolicyRemindersEnabled: boolean }>(SET, { id: policyId, on: false }, headers);
      expect(off.errors).toBeUndefined();
      expect(off.data!.setPolicyRemindersEnabled).toBe(false);
    }
    expect(
      (await gql<{ policy: { remindersEnabled: boolean } }>(POLICY, { id: policyId }, headers)).data!.policy
        .remindersEnabled,
    ).toBe(false);
    expect((await upcomingOf(headers))[0]).toMatchObject({ muted: true, delivered: false });
    expect((await runJob()).result!.skippedSwitchedOff).toBeGreaterThanOrEqual(1);
    expect(await outbox('rem-mute')).toEqual([]);
    expect(await remainingOf(headers)).toBe(1);

    // Someone outside the household cannot touch it.
    const stranger = { authorization: `Bearer ${await signIn('WECHAT', 'rem-mute-stranger')}` };
    expect(codeOf((await gql(SET, { id: policyId, on: false }, stranger)).errors)).toBe('NOT_FOUND');

    await gql(SET, { id: policyId, on: true }, headers);
    await gql(SET, { id: policyId, on: true }, headers);
    await runJob();
    expect(await outbox('rem-mute')).toHaveLength(1);
    expect((await upcomingOf(headers))[0]).toMatchObject({ muted: false, delivered: true });
  });

  // Roles other than owner are given in the database directly (joining comes with invites).
  const onPostgresDb = process.env.DATABASE_URL ? it : it.skip;
  onPostgresDb('lets a member mute a policy, not a viewer, who has no upcoming reminders', async () => {
    const { headers, policyId } = await personWithPaymentIn7Days('rem-household-owner');
    const households = await gql<{ households: { id: string }[] }>('{ households { id } }', {}, headers);
    const householdId = households.data!.households[0].id;
    const guest = { authorization: `Bearer ${await signIn('WECHAT', 'rem-household-guest')}` };
    const me = await gql<{ me: { id: string } }>('{ me { id } }', {}, guest);
    const grant = async (role: string): Promise<void> => {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO household_membership (household_id, account_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (household_id, account_id) DO UPDATE SET role = EXCLUDED.role`,
          [householdId, me.data!.me.id, role],
        );
      } finally {
        await client.end();
      }
    };
    const SET = 'mutation($id: ID!, $on: Boolean!) { setPolicyRemindersEnabled(policyId: $id, enabled: $on) }';
    const upcoming = () =>
      gql<{ household: { upcomingReminders: { kind: string }[] } }>(
        'query($id: ID!) { household(id: $id) { upcomingReminders { kind } } }',
        { id: householdId },
        guest,
      );
    await grant('VIEWER');
    expect(codeOf((await gql(SET, { id: policyId, on: false }, guest)).errors)).toBe('FORBIDDEN');
    expect((await upcoming()).data!.household.upcomingReminders).toEqual([]);
    await grant('MEMBER');
    expect((await gql<{ setPolicyRemindersEnabled: boolean }>(SET, { id: policyId, on: false }, guest)).data).toEqual({
      setPolicyRemindersEnabled: false,
    });
    expect((await upcoming()).data!.household.upcomingReminders.map((event) => event.kind)).toEqual([
      'PAYMENT_DUE_7D',
      'PAYMENT_DUE_1D',
    ]);
  });

  it('retries a failing send with backoff, then succeeds without sending twice', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-retry');
    await consent(headers, [PAY_DUE]);
    await control('/__platform/wechat/subscriptions', { user: 'rem-retry', templateId: PAY_DUE, count: 3 });
    await control('/__platform/messages/fail', { platform: 'wechat', times: 1 });
    const outcome = await runJob();
    expect(outcome).toMatchObject({ state: 'completed', attemptsMade: 2 });
    expect(await outbox('rem-retry')).toHaveLength(1);
    expect(await remainingOf(headers)).toBe(0);
  });

  it('ends a send that keeps failing in the dead-letter view, its consent kept for later', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-dead');
    await consent(headers, [PAY_DUE]);
    await control('/__platform/wechat/subscriptions', { user: 'rem-dead', templateId: PAY_DUE, count: 1 });
    await control('/__platform/messages/fail', { platform: 'wechat', times: 1000 });
    const outcome = await runJob();
    expect(outcome).toMatchObject({ state: 'failed', attemptsMade: ATTEMPTS });
    expect(outcome.error).toMatch(/could not be sent now/);
    const view = await fetch(`${first.url}/ops/jobs/failed`, { headers: { 'x-ops-secret': OPS_SECRET } });
    const { runner, failed } = (await view.json()) as {
      runner: string;
      failed: { name: string; attemptsMade: number }[];
    };
    expect(runner).toBe(process.env.REDIS_URL ? 'bullmq' : 'in-process');
    expect(failed[0]).toMatchObject({ name: 'reminders', attemptsMade: ATTEMPTS });
    expect(await outbox('rem-dead')).toEqual([]);
    expect(await remainingOf(headers)).toBe(1);
    await control('/__platform/messages/fail', { platform: 'wechat', times: 0 });
    expect((await runJob()).state).toBe('completed');
    expect(await outbox('rem-dead')).toHaveLength(1);
  });

  it('hides the operators’ routes without the secret', async () => {
    expect((await fetch(`${first.url}/ops/jobs/reminders`, { method: 'POST' })).status).toBe(404);
    expect(
      (
        await fetch(`${first.url}/ops/jobs/reminders`, {
          method: 'POST',
          headers: { 'x-ops-secret': 'wrong-secret-000000000' },
        })
      ).status,
    ).toBe(404);
    expect((await fetch(`${first.url}/ops/jobs/failed`)).status).toBe(404);
    const unknown = await fetch(`${first.url}/ops/jobs/nothing`, {
      method: 'POST',
      headers: { 'x-ops-secret': OPS_SECRET },
    });
    expect(unknown.status).toBe(404);
  });

  it('runs through `pnpm job` (scripts/job.mjs) against the running BFF, and shows the dead letters', async () => {
    await personWithPaymentIn7Days('rem-cli');
    const script = fileURLToPath(new URL('../../../scripts/job.mjs', import.meta.url));
    const env = { PATH: process.env.PATH ?? '', BFF_URL: first.url, OPS_SECRET };
    const run = await promisify(execFile)(process.execPath, [script, 'reminders'], { env });
    expect(run.stdout).toMatch(/^Job reminders \((bullmq|in-process) runner\): completed after 1 attempt\(s\)/);
    expect(run.stdout).toMatch(/skipped without consent \d+, switched off \d+/);
    const failed = await promisify(execFile)(process.execPath, [script, '--failed'], { env });
    expect(failed.stdout).toMatch(/^Failed jobs \((bullmq|in-process) runner\): [1-9]/);
    await expect(
      promisify(execFile)(process.execPath, [script, 'reminders'], {
        env: { ...env, OPS_SECRET: 'wrong-secret-0000000000' },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('refused') });
  });

  // PGlite serves one process: without a BFF, a job runs only on a PostgreSQL server.
  const onPostgres = process.env.DATABASE_URL ? it : it.skip;
  onPostgres('runs `pnpm job` without a BFF when DATABASE_URL names a PostgreSQL server', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-standalone', '安心保 定期寿险');
    await consent(headers, [PAY_DUE]);
    await control('/__platform/wechat/subscriptions', { user: 'rem-standalone', templateId: PAY_DUE, count: 1 });
    const script = fileURLToPath(new URL('../../../scripts/job.mjs', import.meta.url));
    // Nothing listens on port 9; the settings are this suite's BFF's, in-process runner (no Redis).
    const without = (settings: Record<string, string>, ...names: string[]) =>
      Object.fromEntries(Object.entries(settings).filter(([name]) => !names.includes(name)));
    const withoutRedis = without(env, 'REDIS_URL', 'REDIS_KEY_PREFIX');
    const run = await promisify(execFile)(process.execPath, [script, 'reminders'], {
      env: { ...withoutRedis, PATH: process.env.PATH ?? '', BFF_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' },
    });
    expect(run.stdout).toMatch(/^No BFF answers at http:\/\/127\.0\.0\.1:9: running the job here/);
    expect(run.stdout).toMatch(/Job reminders \(in-process runner\): completed after 1 attempt\(s\)/);
    expect(run.stdout).toMatch(/sent [1-9]/);
    expect((await outbox('rem-standalone')).map((message) => message.data.thing1)).toEqual(['安心保 定期寿险']);
    // Without DATABASE_URL it says how to run it instead.
    const withoutDatabase = without(withoutRedis, 'DATABASE_URL');
    await expect(
      promisify(execFile)(process.execPath, [script, 'reminders'], {
        env: { ...withoutDatabase, PATH: process.env.PATH ?? '', BFF_URL: 'http://127.0.0.1:9' },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('with DATABASE_URL (a PostgreSQL server)') });
  });

  it('reminds an Alipay user through templatemessage.send within their subscriptions', async () => {
    const { headers } = await personWithPaymentIn7Days('rem-alipay', '安心保 终身重疾险', 'ALIPAY');
    const templates = await gql<{ reminderTemplates: { id: string; platform: string }[] }>(
      '{ reminderTemplates { id platform } }',
      {},
      headers,
    );
    expect(templates.data!.reminderTemplates.map((template) => template.platform)).toEqual(Array(4).fill('ALIPAY'));
    expect(templates.data!.reminderTemplates[0].id).toBe(ALIPAY_PAY_DUE);
    // Alipay's dialog takes 3 templates at most.
    expect(
      codeOf(
        (
          await consent(
            headers,
            templates.data!.reminderTemplates.map((template) => template.id),
          )
        ).errors,
      ),
    ).toBe('BAD_USER_INPUT');
    await consent(headers, [ALIPAY_PAY_DUE]);
    await control('/__platform/alipay/subscriptions', { user: 'rem-alipay', templateId: ALIPAY_PAY_DUE, count: 1 });
    await runJob();
    const messages = (
      (await (await fetch(`${sandbox.url}/__platform/alipay/messages?user=rem-alipay`)).json()) as {
        messages: { templateId: string; data: Record<string, string> }[];
      }
    ).messages;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      templateId: ALIPAY_PAY_DUE,
      data: { keyword1: '安心保 终身重疾险', keyword2: '¥6000', keyword3: addDays(today, 7) },
    });
    expect(await remainingOf(headers, ALIPAY_PAY_DUE)).toBe(0);
  });

  it('texts an H5 user once, who has no templates to subscribe to', async () => {
    const phone = '13922223333';
    const { headers } = await personWithPaymentIn7Days(phone, '安康 定期寿险', 'H5');
    const templates = await gql<{ reminderTemplates: unknown[] }>('{ reminderTemplates { id } }', {}, headers);
    expect(templates.data!.reminderTemplates).toEqual([]);
    const refused = await consent(headers, [PAY_DUE]);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SUBSCRIPTION_MESSAGES' });
    await runJob();
    await runJob();
    const texts = (
      (await (await fetch(`${sandbox.url}/__platform/sms/outbox?phone=${phone}`)).json()) as {
        messages: { text: string }[];
      }
    ).messages.filter((message) => message.text.includes('安康 定期寿险'));
    expect(texts.map((message) => message.text)).toEqual([
      `【家庭保险】您家的「安康 定期寿险」7天后（${addDays(today, 7)}）需交保费¥6000，请按时交费。`,
    ]);
  });

  it('runs on two instances only with PostgreSQL', () => {
    expect(second !== null).toBe(postgres);
  });
});
