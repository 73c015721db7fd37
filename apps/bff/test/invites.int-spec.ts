import pg from 'pg';
import { type GraphQLResponse, type TestStack, codeOf, reasonOf, startStack } from './harness.js';

/** Share-to-friend over HTTP (R1–R6, F6 joining): invites, the public landing, joining, attribution. */

interface Invite {
  id: string;
  kind: string;
  title: string;
  code: string;
  path: string;
  url: string;
  status: string;
  role: string | null;
  expiresAt: string | null;
  funnel: { opened: number; signedUp: number; converted: number; bought: number };
  friends: { name: string; stage: string; conversion: string | null }[];
}

const INVITE_FIELDS =
  'id kind title code path url status role expiresAt funnel { opened signedUp converted bought } friends { name stage conversion }';
const CREATE = `mutation($input: CreateInviteInput!) { createInvite(input: $input) { ${INVITE_FIELDS} } }`;
const LANDING = `query($code: String!) { invite(code: $code) {
  kind status sharerName expiresAt isYours alreadyJoined role
  product { id name }
  household { name memberCount }
  policy { productName insurerName categoryLabel insuredName insuredRelationshipLabel sumInsured annualPremium
           effectiveDate expiryDate status coverageItems { name limit } }
} }`;
const ACCEPT = 'mutation($code: String!) { acceptInvite(code: $code) { id name role isOwn } }';
const REVOKE = `mutation($id: ID!) { revokeInvite(id: $id) { ${INVITE_FIELDS} } }`;
const MINE = `{ myInvites { ${INVITE_FIELDS} } myInviteFunnel { opened signedUp converted bought } }`;
const PEOPLE =
  'query($id: ID!) { household(id: $id) { id role people { id name role isYou canRemove } members { name } } }';

describe('share-to-friend invites', () => {
  let stack: TestStack;
  let owner: Record<string, string>;
  let ownerAccountId: string;
  let householdId: string;
  let policyId: string;
  let productId: string;
  let address = 0;

  /** Each test speaks from its own client address (TRUST_PROXY), so per-address limits stay its own. */
  const from = (headers: Record<string, string> = {}) => ({ ...headers, 'x-forwarded-for': `203.0.113.${address}` });

  async function signIn(
    user: string,
    platform: 'WECHAT' | 'ALIPAY' = 'WECHAT',
    inviteCode?: string,
  ): Promise<{ headers: Record<string, string>; accountId: string }> {
    const control = platform === 'WECHAT' ? '/__platform/wechat/login' : '/__platform/alipay/auth-code';
    const response = await fetch(`${stack.sandbox.url}${control}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    const { code } = (await response.json()) as { code: string };
    const login = await stack.gql<{ login: { accessToken: string; account: { id: string } } }>(
      `mutation($code: String!, $platform: Platform!, $inviteCode: String) {
        login(platform: $platform, code: $code, inviteCode: $inviteCode) { accessToken account { id } } }`,
      { code, platform, inviteCode: inviteCode ?? null },
    );
    if (!login.body.data) throw new Error(JSON.stringify(login.body.errors));
    const session = login.body.data.login;
    return { headers: { authorization: `Bearer ${session.accessToken}` }, accountId: session.account.id };
  }

  const create = (input: Record<string, unknown>, headers = owner) =>
    stack.gql<{ createInvite: Invite }>(CREATE, { input }, from(headers));
  const land = (code: string, headers: Record<string, string> = {}) =>
    stack.gql<{ invite: Record<string, unknown> }>(LANDING, { code }, from(headers));
  const accept = (code: string, headers: Record<string, string>) =>
    stack.gql<{ acceptInvite: { id: string; role: string; isOwn: boolean } }>(ACCEPT, { code }, from(headers));
  const familyInvite = async (role = 'MEMBER', headers = owner): Promise<Invite> => {
    const { body } = await create({ kind: 'FAMILY_JOIN', householdId, role }, headers);
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.createInvite;
  };

  beforeAll(async () => {
    stack = await startStack({
      LOGIN_LIMIT_PER_IP_PER_MINUTE: '10000',
      INVITE_ACCEPTS_PER_IP_PER_MINUTE: '1000',
      INVITE_MISSES_PER_IP_PER_HOUR: '8',
      TRUST_PROXY: 'true',
      PUBLIC_APP_URL: 'https://jiabao.example.com',
    });
    ({ headers: owner, accountId: ownerAccountId } = await signIn('wang-jun'));
    const households = await stack.gql<{ households: { id: string }[] }>('{ households { id } }', {}, owner);
    householdId = households.body.data!.households[0].id;
    const self = await stack.gql<{ addFamilyMember: { id: string } }>(
      'mutation($h: ID!, $input: FamilyMemberInput!) { addFamilyMember(householdId: $h, input: $input) { id } }',
      {
        h: householdId,
        input: { relationship: 'SELF', name: '王军', gender: 'MALE', birthDate: '1985-03-02', idNumber: null },
      },
      owner,
    );
    const policy = await stack.gql<{ addPolicy: { id: string } }>(
      'mutation($h: ID!, $input: PolicyInput!) { addPolicy(householdId: $h, input: $input) { id } }',
      {
        h: householdId,
        input: {
          insuredMemberId: self.body.data!.addFamilyMember.id,
          insurerName: '康宁人寿',
          productName: '康宁福 重大疾病保险',
          category: 'CRITICAL_ILLNESS',
          sumInsured: 50_000_000,
          premium: 680_000,
          frequency: 'ANNUAL',
          paymentTermYears: 20,
          effectiveDate: '2024-01-15',
          expiryDate: null,
          policyNumber: 'KN2024-00098765',
          statutoryBeneficiaries: false,
          beneficiaries: [{ name: '王小军', order: 1, sharePercent: 100 }],
          coverageItems: [{ name: '重大疾病保险金', limit: 50_000_000 }],
        },
      },
      owner,
    );
    if (!policy.body.data) throw new Error(JSON.stringify(policy.body.errors));
    policyId = policy.body.data.addPolicy.id;
    const products = await stack.gql<{ products: { edges: { node: { id: string } }[] } }>(
      '{ products(first: 1) { edges { node { id } } } }',
    );
    productId = products.body.data!.products.edges[0].node.id;
  }, 60_000);
  afterAll(() => stack.close());
  beforeEach(() => {
    address += 1;
  });

  it('makes a family invite with a 22-character code; the link and path carry only that code', async () => {
    const invite = await familyInvite();
    expect(invite).toMatchObject({ kind: 'FAMILY_JOIN', title: '我的家庭', status: 'ACTIVE', role: 'MEMBER' });
    expect(invite.code).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(invite.path).toBe(`/pages/invite/index?code=${invite.code}`);
    expect(invite.url).toBe(`https://jiabao.example.com/#/pages/invite/index?code=${invite.code}`);
    // 72 hours by default.
    const hours = (Date.parse(invite.expiresAt!) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
  });

  it('keeps the code hashed: the table holds no code in the clear (PostgreSQL)', async () => {
    if (!stack.databaseUrl) return; // PGlite lives inside the BFF process; the same code runs on PostgreSQL in CI.
    const invite = await familyInvite();
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<Record<string, unknown>>('SELECT * FROM invite WHERE id = $1', [invite.id]);
      expect(JSON.stringify(rows[0])).not.toContain(invite.code);
      expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await client.end();
    }
  });

  it('shows a signed-out friend the family card and the sharer masked, and nothing private', async () => {
    const invite = await familyInvite();
    const { body } = await land(invite.code);
    expect(body.errors).toBeUndefined();
    expect(body.data!.invite).toMatchObject({
      kind: 'FAMILY_JOIN',
      status: 'ACTIVE',
      sharerName: '王*',
      isYours: false,
      alreadyJoined: false,
      role: 'MEMBER',
      household: { name: '我的家庭', memberCount: 1 },
      product: null,
      policy: null,
    });
    expect(JSON.stringify(body)).not.toMatch(/王军|1985|KN2024/);
    // A session that is not valid (expired, forged) is served as anonymous, not refused.
    const forged = await land(invite.code, { authorization: 'Bearer not.a.token' });
    expect(forged.body.data!.invite).toMatchObject({ status: 'ACTIVE', isYours: false });
  });

  it('lets a friend on the other platform join with the chosen role, once, and shows them to the owner', async () => {
    const invite = await familyInvite('VIEWER');
    const friend = await signIn('li-na', 'ALIPAY');
    const joined = await accept(invite.code, friend.headers);
    expect(joined.body.errors).toBeUndefined();
    expect(joined.body.data!.acceptInvite).toEqual({ id: householdId, name: '我的家庭', role: 'VIEWER', isOwn: false });

    // Again by the same friend: the same household, nothing new.
    const again = await accept(invite.code, friend.headers);
    expect(again.body.data!.acceptInvite).toMatchObject({ id: householdId, role: 'VIEWER' });

    const seen = await stack.gql<{ household: { people: { name: string; role: string; isYou: boolean }[] } }>(
      PEOPLE,
      { id: householdId },
      owner,
    );
    const people = seen.body.data!.household.people;
    expect(people[0]).toMatchObject({ name: '王*', role: 'OWNER', isYou: true });
    expect(people.filter((person) => person.role === 'VIEWER')).toEqual([
      expect.objectContaining({ name: expect.stringMatching(/^支付宝用户 .*\*{4}/), isYou: false }),
    ]);

    // The viewer reads the family, names masked.
    const asViewer = await stack.gql<{ household: { role: string; members: { name: string }[] } }>(
      PEOPLE,
      { id: householdId },
      friend.headers,
    );
    expect(asViewer.body.data!.household).toMatchObject({ role: 'VIEWER', members: [{ name: '王*' }] });

    // Used: the next friend is refused with its own reason, and the landing says so without the card.
    const late = await signIn('late-friend');
    const refused = await accept(invite.code, late.headers);
    expect([codeOf(refused.body.errors), reasonOf(refused.body.errors)]).toEqual(['CONFLICT', 'INVITE_USED']);
    const landing = await land(invite.code, late.headers);
    expect(landing.body.data!.invite).toMatchObject({ status: 'USED', household: null });
  });

  it('refuses the sharer’s own invite, a product card to join, and a used, revoked or expired one, each by its reason', async () => {
    const own = await familyInvite();
    const mine = await accept(own.code, owner);
    expect([codeOf(mine.body.errors), reasonOf(mine.body.errors)]).toEqual(['FORBIDDEN', 'INVITE_OWN']);

    const friend = await signIn('zhao-lei');
    const card = (await create({ kind: 'PRODUCT', productId })).body.data!.createInvite;
    const notJoinable = await accept(card.code, friend.headers);
    expect([codeOf(notJoinable.body.errors), reasonOf(notJoinable.body.errors)]).toEqual([
      'BAD_USER_INPUT',
      'INVITE_NOT_JOINABLE',
    ]);

    const revoked = await familyInvite();
    const revoke = await stack.gql<{ revokeInvite: Invite }>(REVOKE, { id: revoked.id }, owner);
    expect(revoke.body.data!.revokeInvite.status).toBe('REVOKED');
    // Twice is harmless.
    expect(
      (await stack.gql<{ revokeInvite: Invite }>(REVOKE, { id: revoked.id }, owner)).body.data!.revokeInvite.status,
    ).toBe('REVOKED');
    const afterRevoke = await accept(revoked.code, friend.headers);
    expect([codeOf(afterRevoke.body.errors), reasonOf(afterRevoke.body.errors)]).toEqual([
      'CONFLICT',
      'INVITE_REVOKED',
    ]);
    expect((await land(revoked.code)).body.data!.invite).toMatchObject({ status: 'REVOKED', household: null });

    if (stack.databaseUrl) {
      const expired = await familyInvite();
      const client = new pg.Client({ connectionString: stack.databaseUrl });
      await client.connect();
      try {
        await client.query("UPDATE invite SET expires_at = now() - interval '1 second' WHERE id = $1", [expired.id]);
      } finally {
        await client.end();
      }
      const late = await accept(expired.code, friend.headers);
      expect([codeOf(late.body.errors), reasonOf(late.body.errors)]).toEqual(['CONFLICT', 'INVITE_EXPIRED']);
      expect((await land(expired.code)).body.data!.invite).toMatchObject({ status: 'EXPIRED', household: null });
    }
    // The friend joined nothing.
    const households = await stack.gql<{ households: { id: string }[] }>('{ households { id } }', {}, friend.headers);
    expect(households.body.data!.households.map((household) => household.id)).not.toContain(householdId);
  });

  it('answers an unknown code and a malformed one alike, and stops an address that keeps guessing', async () => {
    const unknown = await land('A'.repeat(22));
    const malformed = await land('not a code!');
    expect(unknown.status).toBe(malformed.status);
    const strip = (body: GraphQLResponse<unknown>['body']) =>
      JSON.stringify(body.errors?.map(({ message, extensions }) => ({ message, extensions })));
    expect(strip(unknown.body)).toBe(strip(malformed.body));
    expect([codeOf(unknown.body.errors), reasonOf(unknown.body.errors)]).toEqual(['NOT_FOUND', 'INVITE_NOT_FOUND']);

    // 8 misses an hour from one address: then even a real code is refused there, and only there.
    const real = await familyInvite();
    for (let miss = 2; miss < 8; miss += 1) await land(`${'B'.repeat(21)}${miss}`);
    const blocked = await land(real.code);
    expect(codeOf(blocked.body.errors)).toBe('TOO_MANY_REQUESTS');
    address += 1;
    expect((await land(real.code)).body.data!.invite).toMatchObject({ status: 'ACTIVE' });
  });

  it('lets exactly one of 100 friends accepting at once join a single-use invite', async () => {
    const invite = await familyInvite();
    const before = await stack.gql<{ household: { people: unknown[] } }>(PEOPLE, { id: householdId }, owner);
    const friends = [];
    for (let i = 0; i < 100; i += 1) friends.push(await signIn(`rush-${i}`, i % 2 === 0 ? 'WECHAT' : 'ALIPAY'));
    const answers = await Promise.all(friends.map((friend) => accept(invite.code, friend.headers)));
    const joined = answers.filter((answer) => answer.body.data?.acceptInvite);
    const refused = answers.filter((answer) => answer.body.errors);
    expect(joined).toHaveLength(1);
    expect(refused).toHaveLength(99);
    for (const answer of refused) expect(reasonOf(answer.body.errors)).toBe('INVITE_USED');
    const after = await stack.gql<{ household: { people: unknown[] } }>(PEOPLE, { id: householdId }, owner);
    expect(after.body.data!.household.people).toHaveLength(before.body.data!.household.people.length + 1);
  }, 120_000);

  it('shares a policy as a masked summary: cover, sums and dates, never its number, ID or beneficiaries', async () => {
    const created = await create({ kind: 'POLICY_SUMMARY', policyId });
    expect(created.body.errors).toBeUndefined();
    const invite = created.body.data!.createInvite;
    expect(invite).toMatchObject({ kind: 'POLICY_SUMMARY', title: '康宁福 重大疾病保险', role: null });
    const { body } = await land(invite.code);
    expect(body.data!.invite).toMatchObject({
      kind: 'POLICY_SUMMARY',
      status: 'ACTIVE',
      household: null,
      policy: {
        productName: '康宁福 重大疾病保险',
        insurerName: '康宁人寿',
        categoryLabel: '重疾险',
        insuredName: '王*',
        insuredRelationshipLabel: '本人',
        sumInsured: 50_000_000,
        annualPremium: 680_000,
        effectiveDate: '2024-01-15',
        coverageItems: [{ name: '重大疾病保险金', limit: 50_000_000 }],
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/KN2024|98765|王小军|王军|1985/);
  });

  it('lets only those allowed make invites, and names each wrong field', async () => {
    const member = await signIn('member-friend');
    const invite = await familyInvite('MEMBER');
    await accept(invite.code, member.headers);
    // A member may not invite to the family nor share a policy they did not add.
    const memberInvite = await create({ kind: 'FAMILY_JOIN', householdId, role: 'VIEWER' }, member.headers);
    expect(codeOf(memberInvite.body.errors)).toBe('FORBIDDEN');
    const memberShare = await create({ kind: 'POLICY_SUMMARY', policyId }, member.headers);
    expect(codeOf(memberShare.body.errors)).toBe('FORBIDDEN');
    // A stranger may not revoke the owner's invite: it is "not found" to them.
    const revoke = await stack.gql(REVOKE, { id: invite.id }, member.headers);
    expect(reasonOf(revoke.body.errors)).toBe('INVITE_NOT_FOUND');

    const fields = async (input: Record<string, unknown>) => {
      const { body } = await create(input);
      expect(codeOf(body.errors)).toBe('BAD_USER_INPUT');
      return (body.errors![0].extensions!.reasons as { field: string }[]).map((reason) => reason.field);
    };
    expect(await fields({ kind: 'FAMILY_JOIN', householdId })).toEqual(['input.role']);
    expect(await fields({ kind: 'FAMILY_JOIN', householdId, role: 'OWNER' })).toEqual(['input.role']);
    expect(await fields({ kind: 'FAMILY_JOIN', householdId, role: 'MEMBER', expiresInHours: 169 })).toEqual([
      'input.expiresInHours',
    ]);
    expect(await fields({ kind: 'PRODUCT', householdId })).toEqual(['input.productId', 'input.householdId']);
    expect(await fields({ kind: 'POLICY_SUMMARY' })).toEqual(['input.policyId']);
  });

  it('attributes friends to the first invite that touched them, and shows the sharer a funnel with friends masked', async () => {
    const sharer = await signIn('sharer-sun');
    const card = (await create({ kind: 'PRODUCT', productId }, sharer.headers)).body.data!.createInvite;
    const landing = await land(card.code);
    expect(landing.body.data!.invite).toMatchObject({ kind: 'PRODUCT', status: 'ACTIVE', product: { id: productId } });
    // A new friend signs up from the landing (the landing of a signed-out visitor counts once, the sign-in
    // does not count again), then gets a quote.
    const friend = await signIn('new-friend-qian', 'ALIPAY', card.code);
    await land(card.code, friend.headers);
    const quoted = await stack.gql<{ recordInviteQuote: boolean }>(
      'mutation { recordInviteQuote }',
      {},
      friend.headers,
    );
    expect(quoted.body.data!.recordInviteQuote).toBe(true);
    // Another invite touching the same friend within 7 days does not take them over.
    const other = (await create({ kind: 'PRODUCT', productId }, owner)).body.data!.createInvite;
    await land(other.code, friend.headers);
    // An existing account that opens the card counts as opened, not as signed up.
    await land(card.code, owner);

    const mine = await stack.gql<{ myInvites: Invite[]; myInviteFunnel: Invite['funnel'] }>(MINE, {}, sharer.headers);
    const listed = mine.body.data!.myInvites.find((invite) => invite.id === card.id)!;
    expect(listed.funnel).toEqual({ opened: 3, signedUp: 1, converted: 1, bought: 0 });
    expect(listed.friends).toEqual(
      expect.arrayContaining([
        { name: expect.stringMatching(/^支付宝用户 .*\*{4}/), stage: 'CONVERTED', conversion: 'QUOTED' },
        { name: '王*', stage: 'OPENED', conversion: null },
      ]),
    );
    expect(mine.body.data!.myInviteFunnel).toEqual({ opened: 3, signedUp: 1, converted: 1, bought: 0 });
    const others = await stack.gql<{ myInvites: Invite[] }>(MINE, {}, owner);
    expect(others.body.data!.myInvites.find((invite) => invite.id === other.id)!.friends).toEqual([]);
    // The sharer's own landing is not counted.
    await land(card.code, sharer.headers);
    const again = await stack.gql<{ myInviteFunnel: Invite['funnel'] }>(MINE, {}, sharer.headers);
    expect(again.body.data!.myInviteFunnel.opened).toBe(3);
  });

  it('lets the owner remove someone who joined, and someone who joined leave', async () => {
    const stayer = await signIn('leaver');
    const remover = await signIn('removed');
    await accept((await familyInvite()).code, stayer.headers);
    await accept((await familyInvite()).code, remover.headers);
    const removed = await stack.gql(
      'mutation($h: ID!, $a: ID!) { removeFromHousehold(householdId: $h, accountId: $a) { id } }',
      { h: householdId, a: remover.accountId },
      owner,
    );
    expect(removed.body.errors).toBeUndefined();
    expect(codeOf((await stack.gql(PEOPLE, { id: householdId }, remover.headers)).body.errors)).toBe('FORBIDDEN');
    const left = await stack.gql(
      'mutation($h: ID!) { leaveHousehold(householdId: $h) }',
      { h: householdId },
      stayer.headers,
    );
    expect(left.body.errors).toBeUndefined();
    expect(codeOf((await stack.gql(PEOPLE, { id: householdId }, stayer.headers)).body.errors)).toBe('FORBIDDEN');
    // The owner stays.
    const ownerLeaves = await stack.gql(
      'mutation($h: ID!) { leaveHousehold(householdId: $h) }',
      { h: householdId },
      owner,
    );
    expect(codeOf(ownerLeaves.body.errors)).toBe('FORBIDDEN');
    expect(ownerAccountId).toBeTruthy();
  });

  it('draws a poster’s code for the sharer only: a WeChat 小程序码, an Alipay QR code or an H5 one, each fetched once', async () => {
    const invite = await familyInvite();
    const image = (platform: string, headers: Record<string, string> = owner) =>
      fetch(`${stack.url}/invites/${invite.id}/code.png?platform=${platform}`, { headers: from(headers) });
    const stats = async () =>
      ((await (await fetch(`${stack.sandbox.url}/__platform/stats`)).json()) as { calls: Record<string, number> })
        .calls;
    const before = await stats();
    for (const platform of ['WECHAT', 'ALIPAY', 'H5']) {
      const response = await image(platform);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    }
    // Cached: asking again reaches neither platform.
    expect((await image('WECHAT')).status).toBe(200);
    expect((await image('ALIPAY')).status).toBe(200);
    const after = await stats();
    expect(after['wechat.getwxacodeunlimit'] - (before['wechat.getwxacodeunlimit'] ?? 0)).toBe(1);
    expect(after['alipay.qrcode.create'] - (before['alipay.qrcode.create'] ?? 0)).toBe(1);

    // Signed out, someone else, a wrong platform, a revoked invite: refused with a status and a code.
    const signedOut = await fetch(`${stack.url}/invites/${invite.id}/code.png?platform=H5`);
    expect(signedOut.status).toBe(401);
    const stranger = await signIn('poster-stranger');
    const theirs = await image('H5', stranger.headers);
    expect(theirs.status).toBe(404);
    expect(((await theirs.json()) as { error: { reason: string } }).error.reason).toBe('INVITE_NOT_FOUND');
    expect((await image('DOUYIN')).status).toBe(400);
    await stack.gql(REVOKE, { id: invite.id }, owner);
    expect((await image('H5')).status).toBe(404);
  });
});
