import { residentIdCheckCharacter } from '@family/domain';
import pg from 'pg';
import { type TestStack, codeOf, startStack } from './harness.js';

/** 我家保单 over HTTP: households, members, roles, personal data (F1, F6). */

interface Member {
  id: string;
  name: string;
  relationship: string;
  birthDate: string | null;
  birthYear: number;
  age: number;
  idNumber: string | null;
  isYou: boolean;
  canEdit: boolean;
  canRemove: boolean;
}
interface Household {
  id: string;
  name: string;
  role: string;
  isOwn: boolean;
  permissions: { addMember: boolean; revealIdNumbers: boolean };
  members: Member[];
}

const MEMBER_FIELDS = 'id name relationship birthDate birthYear age idNumber isYou canEdit canRemove';
const HOUSEHOLDS = `{ households { id name role isOwn permissions { addMember revealIdNumbers } members { ${MEMBER_FIELDS} } } }`;
const HOUSEHOLD = `query($id: ID!) { household(id: $id) { id role members { ${MEMBER_FIELDS} } } }`;
const ADD = `mutation($householdId: ID!, $input: FamilyMemberInput!) { addFamilyMember(householdId: $householdId, input: $input) { ${MEMBER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: FamilyMemberUpdateInput!) { updateFamilyMember(id: $id, input: $input) { ${MEMBER_FIELDS} } }`;
const REMOVE = 'mutation($id: ID!) { removeFamilyMember(id: $id) }';
const REVEAL = 'mutation($memberId: ID!) { revealIdNumber(memberId: $memberId) { memberId idType idNumber } }';

/** A valid resident ID for a birth date and gender. */
function residentId(birthDate: string, gender: 'MALE' | 'FEMALE', sequence = 0): string {
  const first17 = `110105${birthDate.replaceAll('-', '')}0${sequence}${gender === 'MALE' ? 1 : 2}`;
  return first17 + residentIdCheckCharacter(first17);
}

describe('households and their members', () => {
  let stack: TestStack;
  let owner: Record<string, string>;
  let stranger: Record<string, string>;
  let strangerAccountId: string;

  async function signIn(user: string): Promise<{ headers: Record<string, string>; accountId: string }> {
    const response = await fetch(`${stack.sandbox.url}/__platform/wechat/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    const { code } = (await response.json()) as { code: string };
    const login = await stack.gql<{ login: { accessToken: string; account: { id: string } } }>(
      'mutation($code: String!) { login(platform: WECHAT, code: $code) { accessToken account { id } } }',
      { code },
    );
    const session = login.body.data!.login;
    return { headers: { authorization: `Bearer ${session.accessToken}` }, accountId: session.account.id };
  }

  const householdsOf = async (headers: Record<string, string>): Promise<Household[]> =>
    (await stack.gql<{ households: Household[] }>(HOUSEHOLDS, {}, headers)).body.data!.households;

  beforeAll(async () => {
    stack = await startStack({ LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000' });
    owner = (await signIn('zhang-wei')).headers;
    ({ headers: stranger, accountId: strangerAccountId } = await signIn('stranger'));
  });
  afterAll(() => stack.close());

  it('gives every account one household of its own, made on first use, even when asked twice at once', async () => {
    const [first, second] = await Promise.all([householdsOf(owner), householdsOf(owner)]);
    expect(first).toHaveLength(1);
    expect(second.map((household) => household.id)).toEqual(first.map((household) => household.id));
    expect(first[0]).toMatchObject({
      name: '我的家庭',
      role: 'OWNER',
      isOwn: true,
      permissions: { addMember: true, revealIdNumbers: true },
      members: [],
    });
    expect((await householdsOf(stranger))[0].id).not.toBe(first[0].id);
  });

  it('adds members with personal data checked across fields, shows names in full and ID numbers masked', async () => {
    const [household] = await householdsOf(owner);
    const self = await stack.gql<{ addFamilyMember: Member }>(
      ADD,
      {
        householdId: household.id,
        input: {
          relationship: 'SELF',
          name: '张伟',
          gender: 'MALE',
          birthDate: '1988-05-20',
          socialInsurance: true,
          idNumber: residentId('1988-05-20', 'MALE'),
        },
      },
      owner,
    );
    expect(self.body.errors).toBeUndefined();
    expect(self.body.data!.addFamilyMember).toMatchObject({
      name: '张伟',
      relationship: 'SELF',
      birthDate: '1988-05-20',
      isYou: true,
      canEdit: true,
      idNumber: expect.stringMatching(/^1101\*{10}\d{3}[\dX]$/),
    });

    const bad = await stack.gql(
      ADD,
      {
        householdId: household.id,
        input: {
          relationship: 'SPOUSE',
          name: '',
          gender: 'FEMALE',
          birthDate: '1990-03-07',
          occupationClass: 9,
          idNumber: residentId('1991-01-01', 'FEMALE'),
        },
      },
      owner,
    );
    expect(codeOf(bad.body.errors)).toBe('BAD_USER_INPUT');
    const reasons = bad.body.errors![0].extensions!.reasons as { field: string; code: string }[];
    expect(reasons.map((reason) => reason.field)).toEqual(['input.name', 'input.occupationClass', 'input.birthDate']);

    const twice = await stack.gql(
      ADD,
      {
        householdId: household.id,
        input: { relationship: 'SELF', name: '张伟', gender: 'MALE', birthDate: '1988-05-20' },
      },
      owner,
    );
    expect(twice.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.relationship' });
    expect((await householdsOf(owner))[0].members).toHaveLength(1);
  });

  it('refuses the same ID number twice in one household', async () => {
    const [household] = await householdsOf(owner);
    const input = {
      relationship: 'CHILD',
      name: '张小雨',
      gender: 'FEMALE',
      birthDate: '2019-08-01',
      idNumber: residentId('2019-08-01', 'FEMALE'),
    };
    expect((await stack.gql(ADD, { householdId: household.id, input }, owner)).body.errors).toBeUndefined();
    const again = await stack.gql(ADD, { householdId: household.id, input: { ...input, name: '张小雪' } }, owner);
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
  });

  it('updates only what is given, and an empty ID number removes it', async () => {
    const [household] = await householdsOf(owner);
    const child = household.members.find((member) => member.relationship === 'CHILD')!;
    const renamed = await stack.gql<{ updateFamilyMember: Member }>(
      UPDATE,
      { id: child.id, input: { name: '张雨' } },
      owner,
    );
    expect(renamed.body.data!.updateFamilyMember).toMatchObject({ name: '张雨', birthDate: '2019-08-01' });
    expect(renamed.body.data!.updateFamilyMember.idNumber).toMatch(/\*/);
    const wrongBirth = await stack.gql(UPDATE, { id: child.id, input: { birthDate: '2019-08-02' } }, owner);
    expect(wrongBirth.body.errors![0].extensions).toMatchObject({ field: 'input.birthDate' });
    const cleared = await stack.gql<{ updateFamilyMember: Member }>(
      UPDATE,
      { id: child.id, input: { idNumber: '' } },
      owner,
    );
    expect(cleared.body.data!.updateFamilyMember.idNumber).toBeNull();
  });

  it('reveals an ID number in full to the owner only when asked, a limited number of times', async () => {
    const [household] = await householdsOf(owner);
    const self = household.members.find((member) => member.relationship === 'SELF')!;
    const revealed = await stack.gql<{ revealIdNumber: { idNumber: string; idType: string } }>(
      REVEAL,
      { memberId: self.id },
      owner,
    );
    expect(revealed.body.data!.revealIdNumber).toEqual({
      memberId: self.id,
      idType: 'RESIDENT_ID',
      idNumber: residentId('1988-05-20', 'MALE'),
    });
    const answers = [];
    for (let i = 0; i < 10; i += 1) answers.push(await stack.gql(REVEAL, { memberId: self.id }, owner));
    expect(codeOf(answers.at(-1)!.body.errors)).toBe('TOO_MANY_REQUESTS');
  });

  it('tells a stranger FORBIDDEN for another household and everything in it, and never shows data', async () => {
    const [household] = await householdsOf(owner);
    const member = household.members[0];
    const one = await stack.gql<{ familyMember: Member }>(
      `query($id: ID!) { familyMember(id: $id) { ${MEMBER_FIELDS} } }`,
      { id: member.id },
      owner,
    );
    expect(one.body.data!.familyMember.id).toBe(member.id);
    const attempts = [
      stack.gql(`query($id: ID!) { familyMember(id: $id) { id name } }`, { id: member.id }, stranger),
      stack.gql(HOUSEHOLD, { id: household.id }, stranger),
      stack.gql(
        ADD,
        {
          householdId: household.id,
          input: { relationship: 'OTHER', name: '王五', gender: 'MALE', birthDate: '1980-01-01' },
        },
        stranger,
      ),
      stack.gql(UPDATE, { id: member.id, input: { name: '王五' } }, stranger),
      stack.gql(REMOVE, { id: member.id }, stranger),
      stack.gql(REVEAL, { memberId: member.id }, stranger),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.body.data ?? null).toBeNull();
      expect(codeOf(answer.body.errors)).toBe('FORBIDDEN');
      expect(JSON.stringify(answer.body)).not.toContain('张');
    }
    expect(
      codeOf((await stack.gql(HOUSEHOLD, { id: '00000000-0000-4000-8000-000000000000' }, stranger)).body.errors),
    ).toBe('NOT_FOUND');
    expect(codeOf((await stack.gql(HOUSEHOLD, { id: 'not-an-id' }, stranger)).body.errors)).toBe('NOT_FOUND');
  });

  it('removes a member', async () => {
    const [household] = await householdsOf(owner);
    const child = household.members.find((member) => member.relationship === 'CHILD')!;
    expect((await stack.gql<{ removeFamilyMember: string }>(REMOVE, { id: child.id }, owner)).body.data).toEqual({
      removeFamilyMember: child.id,
    });
    expect((await householdsOf(owner))[0].members.map((member) => member.id)).not.toContain(child.id);
  });

  // Joining a household comes with invites; until then the roles are given in the database directly.
  const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;
  onPostgres('with roles given to the stranger (PostgreSQL)', () => {
    const grant = async (role: string): Promise<string> => {
      const [household] = await householdsOf(owner);
      const client = new pg.Client({ connectionString: stack.databaseUrl! });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO household_membership (household_id, account_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (household_id, account_id) DO UPDATE SET role = EXCLUDED.role`,
          [household.id, strangerAccountId, role],
        );
      } finally {
        await client.end();
      }
      return household.id;
    };

    it('stores names and ID numbers only encrypted', async () => {
      const client = new pg.Client({ connectionString: stack.databaseUrl! });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT * FROM family_member');
        expect(rows.length).toBeGreaterThan(0);
        const stored = JSON.stringify(rows);
        expect(stored).not.toContain('张伟');
        expect(stored).not.toContain(residentId('1988-05-20', 'MALE'));
      } finally {
        await client.end();
      }
    });

    it('shows a viewer masked names and no birth dates, and refuses a viewer’s writes', async () => {
      const householdId = await grant('VIEWER');
      const seen = (await stack.gql<{ household: Household }>(HOUSEHOLD, { id: householdId }, stranger)).body.data!
        .household;
      expect(seen.role).toBe('VIEWER');
      expect(
        seen.members.every((member) => /^\p{Script=Han}\*+$/u.test(member.name) && member.birthDate === null),
      ).toBe(true);
      const write = await stack.gql(UPDATE, { id: seen.members[0].id, input: { name: '王五' } }, stranger);
      expect(codeOf(write.body.errors)).toBe('FORBIDDEN');
      const add = await stack.gql(
        ADD,
        { householdId, input: { relationship: 'OTHER', name: '王五', gender: 'MALE', birthDate: '1980-01-01' } },
        stranger,
      );
      expect(codeOf(add.body.errors)).toBe('FORBIDDEN');
    });

    it('lets a member add and edit what they added, but not the owner’s members, nor reveal ID numbers', async () => {
      const householdId = await grant('MEMBER');
      const added = await stack.gql<{ addFamilyMember: Member }>(
        ADD,
        { householdId, input: { relationship: 'PARENT', name: '李秀英', gender: 'FEMALE', birthDate: '1960-02-29' } },
        stranger,
      );
      expect(added.body.data!.addFamilyMember).toMatchObject({ canEdit: true, canRemove: true });
      const own = added.body.data!.addFamilyMember.id;
      expect(
        (await stack.gql(UPDATE, { id: own, input: { socialInsurance: true } }, stranger)).body.errors,
      ).toBeUndefined();
      const seen = (await stack.gql<{ household: Household }>(HOUSEHOLD, { id: householdId }, stranger)).body.data!
        .household;
      const ownersMember = seen.members.find((member) => member.relationship === 'SELF')!;
      expect(ownersMember).toMatchObject({ name: '张伟', canEdit: false, canRemove: false });
      expect(
        codeOf((await stack.gql(UPDATE, { id: ownersMember.id, input: { name: '张三' } }, stranger)).body.errors),
      ).toBe('FORBIDDEN');
      expect(codeOf((await stack.gql(REVEAL, { memberId: ownersMember.id }, stranger)).body.errors)).toBe('FORBIDDEN');
      expect((await stack.gql(REMOVE, { id: own }, stranger)).body.errors).toBeUndefined();
    });
  });
});
