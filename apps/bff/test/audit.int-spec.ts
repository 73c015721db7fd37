import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { residentIdCheckCharacter } from '@family/domain';
import { type RunningSandbox, startSandbox } from '@family/sandbox';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { AuditTrail } from '../src/audit/audit-trail.service.js';
import { loadConfig } from '../src/config/config.js';
import { Database, Transactional } from '../src/database/database.js';
import { openDataSource } from '../src/database/data-source.js';
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
 * The personal-data audit trail over HTTP: reads and writes of a household recorded with the request
 * id and no personal data, a failed write leaving nothing, the owner's log (谁看过我家) closed to
 * everyone else, and the `audit-purge` job keeping 180 days. The test reads and writes the table
 * directly: on PostgreSQL through its own connection, on PGlite (one process) by stopping the BFF,
 * opening its data folder, and starting it again.
 */

const OPS_SECRET = 'ops-secret-for-audit-tests-0123456789';
const DAY_MS = 86_400_000;

const OWNER_NAME = '欧阳明华';
const CHILD_NAME = '欧阳小雨';
const PHONE = '13912345678';
const POLICY_NUMBER = 'AUD2026-99887766';

interface AuditRow {
  id: string;
  account_id: string;
  household_id: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  request_id: string | null;
  platform: string | null;
  at: Date | string;
}

interface LogEntry {
  id: string;
  who: string;
  isYou: boolean;
  action: string;
  actionLabel: string;
  subject: string;
  at: string;
}
interface LogPage {
  edges: { cursor: string; node: LogEntry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const LOG = `query($id: ID!, $first: Int, $after: String, $othersOnly: Boolean) {
  householdAccessLog(householdId: $id, first: $first, after: $after, othersOnly: $othersOnly) {
  edges { cursor node { id who isYou action actionLabel subject at } } pageInfo { hasNextPage endCursor } totalCount } }`;

function residentId(birthDate: string, sequence = 0): string {
  const first17 = `110105${birthDate.replaceAll('-', '')}0${sequence}1`;
  return first17 + residentIdCheckCharacter(first17);
}

describe('personal-data audit trail', () => {
  let sandbox: RunningSandbox;
  let drop: () => Promise<void>;
  let databaseUrl: string | null;
  let dataDir: string | null = null;
  let env: Record<string, string>;
  let bff: BffProcess;

  let owner: Record<string, string>;
  let ownerId: string;
  let member: Record<string, string>;
  let memberId: string;
  let householdId: string;
  let selfId: string;
  let childId: string;
  let policyId: string;
  const ownerIdNumber = residentId('1985-04-12');

  beforeAll(async () => {
    sandbox = await startSandbox(0, '127.0.0.1', false, { alipayAppPublicKey: alipayKeyPair().publicKeyPem });
    const database = await freshDatabase();
    drop = database.drop;
    databaseUrl = database.env.DATABASE_URL || null;
    if (!databaseUrl) dataDir = mkdtempSync(join(tmpdir(), 'pglite-audit-'));
    env = {
      ...sandboxedBffEnv(sandbox.url),
      LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000',
      JOBS_DAILY_AT: 'off',
      OPS_SECRET,
      ...database.env,
      ...(dataDir ? { PGLITE_DATA_DIR: dataDir } : {}),
      ...redisEnv(`test-audit-${randomBytes(4).toString('hex')}:`),
    };
    bff = await startBff(env);
  });
  afterAll(async () => {
    await bff?.stop();
    await sandbox?.close();
    await drop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const gql = async <T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
    requestId?: string,
  ): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${bff.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(requestId ? { 'x-request-id': requestId } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as GraphQLResponse<T>['body'],
    };
  };

  async function signIn(
    platform: 'WECHAT' | 'H5',
    user: string,
  ): Promise<{ headers: Record<string, string>; id: string }> {
    let code: string;
    if (platform === 'H5') {
      await gql('mutation($phone: String!) { requestPhoneCode(phone: $phone) { maskedPhone } }', { phone: user }, {});
      const texts = (await (await fetch(`${sandbox.url}/__platform/sms/outbox?phone=${user}`)).json()) as {
        messages: { text: string }[];
      };
      code = /(\d{6})/.exec(texts.messages.at(-1)?.text ?? '')?.[1] ?? '';
    } else {
      const response = await fetch(`${sandbox.url}/__platform/wechat/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user }),
      });
      code = ((await response.json()) as { code: string }).code;
    }
    const login = await gql<{ login: { accessToken: string; account: { id: string } } }>(
      'mutation($platform: Platform!, $code: String!, $phone: String) { login(platform: $platform, code: $code, phone: $phone) { accessToken account { id } } }',
      { platform, code, phone: platform === 'H5' ? user : null },
      {},
    );
    const session = login.body.data!.login;
    return { headers: { authorization: `Bearer ${session.accessToken}` }, id: session.account.id };
  }

  /**
   * Runs `work` with SQL on the suite's database. On PGlite the BFF is stopped for it (one process
   * holds the folder) and started again after, at a new address; sessions live in the database.
   */
  async function withDatabase<T>(
    work: (sql: (text: string, params?: unknown[]) => Promise<AuditRow[]>) => Promise<T>,
  ): Promise<T> {
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return await work(async (text, params) => (await client.query(text, params)).rows as AuditRow[]);
      } finally {
        await client.end();
      }
    }
    await bff.stop();
    const db = await PGlite.create({ dataDir: dataDir!, extensions: { uuid_ossp } });
    try {
      return await work(async (text, params) => (await db.query<AuditRow>(text, params)).rows);
    } finally {
      await db.close();
      bff = await startBff(env, 60_000);
    }
  }

  const runPurge = async (): Promise<{ state: string; result: { deleted: number; cutoff: string } | null }> => {
    const response = await fetch(`${bff.url}/ops/jobs/audit-purge`, {
      method: 'POST',
      headers: { 'x-ops-secret': OPS_SECRET },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { state: string; result: { deleted: number; cutoff: string } | null };
  };

  it('records writes with the request id and platform, in the transaction of the write', async () => {
    ({ headers: owner, id: ownerId } = await signIn('H5', PHONE));
    ({ headers: member, id: memberId } = await signIn('WECHAT', 'audit-member'));
    const households = await gql<{ households: { id: string }[] }>('{ households { id } }', {}, owner);
    householdId = households.body.data!.households[0].id;

    const added = await gql<{ addFamilyMember: { id: string } }>(
      'mutation($h: ID!, $input: FamilyMemberInput!) { addFamilyMember(householdId: $h, input: $input) { id } }',
      {
        h: householdId,
        input: {
          relationship: 'SELF',
          name: OWNER_NAME,
          gender: 'MALE',
          birthDate: '1985-04-12',
          idType: 'RESIDENT_ID',
          idNumber: ownerIdNumber,
        },
      },
      owner,
      'req-audit-add-self',
    );
    expect(added.body.errors).toBeUndefined();
    selfId = added.body.data!.addFamilyMember.id;
    const child = await gql<{ addFamilyMember: { id: string } }>(
      'mutation($h: ID!, $input: FamilyMemberInput!) { addFamilyMember(householdId: $h, input: $input) { id } }',
      { h: householdId, input: { relationship: 'CHILD', name: CHILD_NAME, gender: 'FEMALE', birthDate: '2015-09-01' } },
      owner,
    );
    childId = child.body.data!.addFamilyMember.id;
    const policy = await gql<{ addPolicy: { id: string } }>(
      'mutation($h: ID!, $input: PolicyInput!) { addPolicy(householdId: $h, input: $input) { id } }',
      {
        h: householdId,
        input: {
          insuredMemberId: childId,
          insurerName: '康宁人寿',
          productName: '康宁福 重大疾病保险',
          category: 'CRITICAL_ILLNESS',
          sumInsured: 30_000_000,
          premium: 600_000,
          frequency: 'ANNUAL',
          paymentTermYears: 20,
          effectiveDate: '2024-03-01',
          expiryDate: null,
          policyNumber: POLICY_NUMBER,
        },
      },
      owner,
      'req-audit-add-policy',
    );
    expect(policy.body.errors).toBeUndefined();
    policyId = policy.body.data!.addPolicy.id;
    const updated = await gql(
      'mutation($id: ID!, $input: FamilyMemberUpdateInput!) { updateFamilyMember(id: $id, input: $input) { id } }',
      { id: childId, input: { occupationClass: 1 } },
      owner,
      'req-audit-update-child',
    );
    expect(updated.body.errors).toBeUndefined();
    const revealed = await gql<{ revealIdNumber: { idNumber: string } }>(
      'mutation($id: ID!) { revealIdNumber(memberId: $id) { idNumber } }',
      { id: selfId },
      owner,
      'req-audit-reveal',
    );
    expect(revealed.body.data!.revealIdNumber.idNumber).toBe(ownerIdNumber);

    // The member joins through an invite (create and accept are recorded too).
    const invite = await gql<{ createInvite: { id: string; code: string } }>(
      'mutation($input: CreateInviteInput!) { createInvite(input: $input) { id code } }',
      { input: { kind: 'FAMILY_JOIN', householdId, role: 'MEMBER' } },
      owner,
      'req-audit-invite',
    );
    expect(invite.body.errors).toBeUndefined();
    const accepted = await gql(
      'mutation($code: String!) { acceptInvite(code: $code) { id } }',
      { code: invite.body.data!.createInvite.code },
      member,
      'req-audit-accept',
    );
    expect(accepted.body.errors).toBeUndefined();
  });

  it('records reads once per request, household and kind', async () => {
    const PAGE = `query($id: ID!) { household(id: $id) { members { id name } policies { id insuredMember { name } }
      overview { totalAnnualPremium } gaps { category } } }`;
    const first = await gql(PAGE, { id: householdId }, member, 'req-audit-member-reads');
    expect(first.body.errors).toBeUndefined();
    const one = await gql('query($id: ID!) { policy(id: $id) { id } }', { id: policyId }, member, 'req-audit-policy');
    expect(one.body.errors).toBeUndefined();
  });

  it('leaves no entry when a write fails', async () => {
    // A second 本人 breaks the table's rule: the insert fails, and its audit entry with it.
    const refused = await gql(
      'mutation($h: ID!, $input: FamilyMemberInput!) { addFamilyMember(householdId: $h, input: $input) { id } }',
      { h: householdId, input: { relationship: 'SELF', name: '另一个本人', gender: 'MALE', birthDate: '1980-01-01' } },
      owner,
      'req-audit-failed-write',
    );
    expect(refused.body.errors).toBeDefined();
    // A member removing someone else's member record: refused before anything is written.
    const forbidden = await gql(
      'mutation($id: ID!) { removeFamilyMember(id: $id) }',
      { id: childId },
      member,
      'req-audit-forbidden',
    );
    expect(codeOf(forbidden.body.errors)).toBe('FORBIDDEN');
  });

  it('lets only the owner read the log, with who (你 for the owner), what and when, page by page', async () => {
    const denied = await gql(LOG, { id: householdId }, member);
    expect(codeOf(denied.body.errors)).toBe('FORBIDDEN');
    const stranger = await signIn('WECHAT', 'audit-stranger');
    expect(codeOf((await gql(LOG, { id: householdId }, stranger.headers)).body.errors)).toBe('FORBIDDEN');
    expect(codeOf((await gql(LOG, { id: householdId }, {})).body.errors)).toBe('UNAUTHENTICATED');

    const page = await gql<{ householdAccessLog: LogPage }>(LOG, { id: householdId, first: 50 }, owner);
    expect(page.body.errors).toBeUndefined();
    const log = page.body.data!.householdAccessLog;
    const entries = log.edges.map((edge) => edge.node);
    expect(entries.find((entry) => entry.action === 'ID_NUMBER_REVEAL')).toMatchObject({
      who: '你',
      isYou: true,
      actionLabel: '查看了完整证件号',
      subject: 'MEMBER',
    });
    const byMember = entries.filter((entry) => !entry.isYou);
    expect(byMember.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['INVITE_ACCEPT', 'HOUSEHOLD_READ', 'MEMBER_READ', 'POLICY_READ']),
    );
    // The member as the household shows them: a masked WeChat label, never "你".
    for (const entry of byMember) expect(entry.who).toMatch(/^微信用户/);
    // Newest first.
    const times = entries.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // Pages of 3 walk the same entries, without gaps or repeats.
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const next: GraphQLResponse<{ householdAccessLog: LogPage }> = await gql(
        LOG,
        { id: householdId, first: 3, after },
        owner,
      );
      const connection = next.body.data!.householdAccessLog;
      expect(connection.totalCount).toBeGreaterThanOrEqual(log.totalCount);
      walked.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    // The owner's own reads of the log add entries (households) as it is walked; the first page's are all there.
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(expect.arrayContaining(entries.map((entry) => entry.id)));

    // 只看家人: the owner's own entries left out, the others' all there, counted alike (the first page held them all).
    expect(log.pageInfo.hasNextPage).toBe(false);
    const others = await gql<{ householdAccessLog: LogPage }>(
      LOG,
      { id: householdId, first: 50, othersOnly: true },
      owner,
    );
    expect(others.body.errors).toBeUndefined();
    const othersLog = others.body.data!.householdAccessLog;
    expect(othersLog.edges.length).toBeGreaterThan(0);
    expect(othersLog.edges.every((edge) => !edge.node.isYou)).toBe(true);
    expect(othersLog.edges.map((edge) => edge.node.id)).toEqual(byMember.map((entry) => entry.id));
    expect(othersLog.totalCount).toBe(byMember.length);

    const tooMany = await gql(LOG, { id: householdId, first: 51 }, owner);
    expect(codeOf(tooMany.body.errors)).toBe('BAD_USER_INPUT');
    const badCursor = await gql(LOG, { id: householdId, after: 'nonsense' }, owner);
    expect(codeOf(badCursor.body.errors)).toBe('BAD_USER_INPUT');
  });

  it('stores the right rows, with ids and request ids only, and purges what is past 180 days', async () => {
    const old = {
      days179: randomUUID(),
      days180: randomUUID(),
      days181: randomUUID(),
      days400: randomUUID(),
    };
    const rows = await withDatabase(async (sql) => {
      const all = await sql('SELECT * FROM audit_event ORDER BY at, id');
      const now = Date.now();
      for (const [key, days] of [
        ['days179', 179],
        ['days180', 180],
        ['days181', 181],
        ['days400', 400],
      ] as const) {
        await sql(
          `INSERT INTO audit_event (id, account_id, household_id, action, subject_type, request_id, platform, at)
           VALUES ($1, $2, $3, 'HOUSEHOLD_READ', 'HOUSEHOLD', 'req-old', 'H5', $4)`,
          [old[key], ownerId, householdId, new Date(now - days * DAY_MS)],
        );
      }
      return all;
    });

    // No personal data in any column of any row.
    const text = JSON.stringify(rows);
    for (const secret of [OWNER_NAME, CHILD_NAME, '欧阳', ownerIdNumber, PHONE, POLICY_NUMBER, '5678', '康宁'])
      expect(text).not.toContain(secret);
    expect(Object.keys(rows[0]).sort()).toEqual(
      [
        'account_id',
        'action',
        'at',
        'household_id',
        'id',
        'platform',
        'request_id',
        'subject_id',
        'subject_type',
      ].sort(),
    );

    const byRequest = (requestId: string) => rows.filter((row) => row.request_id === requestId);
    expect(byRequest('req-audit-add-self')).toEqual([
      expect.objectContaining({
        account_id: ownerId,
        household_id: householdId,
        action: 'MEMBER_CREATE',
        subject_type: 'MEMBER',
        subject_id: selfId,
        platform: 'H5',
      }),
    ]);
    expect(byRequest('req-audit-add-policy')).toEqual([
      expect.objectContaining({ action: 'POLICY_CREATE', subject_type: 'POLICY', subject_id: policyId }),
    ]);
    expect(byRequest('req-audit-update-child')).toEqual([
      expect.objectContaining({ action: 'MEMBER_UPDATE', subject_id: childId }),
    ]);
    expect(byRequest('req-audit-reveal')).toEqual([
      expect.objectContaining({ action: 'ID_NUMBER_REVEAL', subject_type: 'MEMBER', subject_id: selfId }),
    ]);
    expect(byRequest('req-audit-invite')).toEqual([
      expect.objectContaining({ action: 'INVITE_CREATE', subject_type: 'INVITE', account_id: ownerId }),
    ]);
    expect(byRequest('req-audit-accept')).toEqual([
      expect.objectContaining({ action: 'INVITE_ACCEPT', account_id: memberId, platform: 'WECHAT' }),
    ]);
    // A page of members, policies, overview and gaps: one entry per kind, not one per member or policy.
    const reads = byRequest('req-audit-member-reads');
    expect(reads.map((row) => row.action).sort()).toEqual(['HOUSEHOLD_READ', 'MEMBER_READ', 'POLICY_READ']);
    expect(reads.every((row) => row.account_id === memberId && row.household_id === householdId)).toBe(true);
    expect(reads.find((row) => row.action === 'MEMBER_READ')!.subject_id).toBeNull();
    expect(byRequest('req-audit-policy')).toEqual([
      expect.objectContaining({ action: 'POLICY_READ', subject_id: policyId }),
    ]);
    // Failed and refused writes left nothing.
    expect(byRequest('req-audit-failed-write')).toEqual([]);
    expect(byRequest('req-audit-forbidden')).toEqual([]);

    // The purge, twice: the second finds nothing more; 179 and 180 days stay.
    const first = await runPurge();
    expect(first.state).toBe('completed');
    expect(first.result!.deleted).toBe(2);
    const second = await runPurge();
    expect(second).toMatchObject({ state: 'completed', result: { deleted: 0 } });
    const left = await withDatabase((sql) => sql('SELECT id FROM audit_event'));
    const ids = new Set(left.map((row) => row.id));
    expect(ids.has(old.days179)).toBe(true);
    expect(ids.has(old.days180)).toBe(true);
    expect(ids.has(old.days181)).toBe(false);
    expect(ids.has(old.days400)).toBe(false);
    // Everything recent stays.
    expect(left.length).toBe(rows.length + 2);
    // On PGlite the BFF restarts twice for the direct reads and writes: more time than one request.
  }, 180_000);

  it('runs the purge through scripts/job.mjs', async () => {
    const script = fileURLToPath(new URL('../../../scripts/job.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script, 'audit-purge'], {
      env: { PATH: process.env.PATH ?? '', BFF_URL: bff.url, OPS_SECRET },
    });
    expect(stdout).toMatch(/^Job audit-purge \((bullmq|in-process) runner\): completed after 1 attempt\(s\)/);
    expect(stdout).toMatch(/deleted 0 audit entries made before \S+ \(retention 180 days\)/);
  });
});

/** A write as the family services make them: the change, then its entry, in one unit of work. */
class WriteWithEntry {
  constructor(
    readonly database: Database,
    readonly audit: AuditTrail,
  ) {}

  @Transactional()
  async rename(householdId: string, accountId: string, name: string, failAfter: boolean): Promise<void> {
    await this.database.manager.query('UPDATE household SET name = $1 WHERE id = $2', [name, householdId]);
    await this.audit.recordWrite({ accountId, householdId, action: 'MEMBER_UPDATE', subjectType: 'HOUSEHOLD' });
    if (failAfter) throw new Error('the write fails after its entry');
  }
}

describe(`audit entries and their write on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let dataSource: DataSource;
  let database: Database;
  let drop: () => Promise<void>;
  let accountId: string;
  let householdId: string;

  const entries = async (): Promise<number> =>
    Number(((await dataSource.query('SELECT count(*) AS n FROM audit_event')) as { n: string }[])[0].n);

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    dataSource = await openDataSource(loadConfig({ ...fresh.env, LOG_LEVEL: 'silent' }).database);
    database = new Database(dataSource);
    [{ id: accountId }] = (await dataSource.query('INSERT INTO account DEFAULT VALUES RETURNING id')) as {
      id: string;
    }[];
    [{ id: householdId }] = (await dataSource.query(
      "INSERT INTO household (name, owner_account_id) VALUES ('我的家庭', $1) RETURNING id",
      [accountId],
    )) as { id: string }[];
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  it('rolls the entry back with a write that fails after it, and keeps both when it succeeds', async () => {
    const service = new WriteWithEntry(database, new AuditTrail(new AuditRepository(database), database));
    await expect(service.rename(householdId, accountId, '改名失败', true)).rejects.toThrow('fails after its entry');
    expect(await entries()).toBe(0);
    await service.rename(householdId, accountId, '新名字', false);
    expect(await entries()).toBe(1);
  });

  it('purges in batches on the real engine, counting what each batch deleted', async () => {
    const repository = new AuditRepository(database);
    const old = new Date(Date.now() - 400 * 86_400_000);
    for (let index = 0; index < 5; index += 1)
      await dataSource.query(
        "INSERT INTO audit_event (account_id, household_id, action, subject_type, at) VALUES ($1, $2, 'HOUSEHOLD_READ', 'HOUSEHOLD', $3)",
        [accountId, householdId, old],
      );
    const cutoff = new Date(Date.now() - 180 * 86_400_000);
    expect(await repository.purgeBatch(cutoff, 2)).toBe(2);
    expect(await repository.purgeBatch(cutoff, 2)).toBe(2);
    expect(await repository.purgeBatch(cutoff, 2)).toBe(1);
    expect(await repository.purgeBatch(cutoff, 2)).toBe(0);
    // The entry of the first test is recent: kept.
    expect(await entries()).toBe(1);
  });
});
