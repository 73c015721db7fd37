import { addDays, addMonths, chinaToday } from '@family/domain';
import pg from 'pg';
import { type GraphQLErrors, type TestStack, codeOf, startStack } from './harness.js';

/** A household's policies, the family overview and coverage gaps over HTTP (F2–F4). */

const fieldsOf = (errors: GraphQLErrors): string[] =>
  ((errors?.[0]?.extensions?.reasons as { field: string }[] | undefined) ?? []).map((reason) => reason.field);

const today = chinaToday(Date.now());
const daysFromToday = (days: number): string => addDays(today, days);
const yearsAgo = (years: number): string => addMonths(today, -12 * years);
const yearsAhead = (years: number): string => addMonths(today, 12 * years);

const POLICY_FIELDS = `id productName productId category policyNumber sumInsured premium frequency annualPremium status statusLabel
  effectiveDate expiryDate coolingOffEndDate inCoolingOff terminationReason terminationDate canEdit
  insuredMember { id name } beneficiaries { name order sharePercent } coverageItems { name limit payoutRatioPercent }
  schedule { number dueDate state } nextPayment { dueDate state amount } paymentInGrace { dueDate }
  paidInstallmentCount installmentCount`;
const ADD_POLICY = `mutation($householdId: ID!, $input: PolicyInput!) { addPolicy(householdId: $householdId, input: $input) { ${POLICY_FIELDS} } }`;
const UPDATE_POLICY = `mutation($id: ID!, $input: PolicyUpdateInput!) { updatePolicy(id: $id, input: $input) { ${POLICY_FIELDS} } }`;
const END_POLICY = `mutation($id: ID!, $reason: TerminationReason!, $date: String!) { endPolicy(id: $id, reason: $reason, date: $date) { id status terminationDate } }`;
const ADD_MEMBER = `mutation($householdId: ID!, $input: FamilyMemberInput!) { addFamilyMember(householdId: $householdId, input: $input) { id relationship age } }`;
const HOUSEHOLD = `query($id: ID!) { household(id: $id) {
  policies { id productName status insuredMember { name } }
  overview {
    columns { category label }
    rows { member { id relationship } cells { category covered sumInsured policyCount gap } }
    activePolicyCount totalAnnualPremium
    paymentsDue { policyId memberName productName dueDate amount state }
    endingSoon { policyId kind label date daysLeft }
  }
  gaps { member { id relationship } category kind priority held recommended reason recommendations { id name minAge maxAge category } }
} }`;

interface Policy {
  id: string;
  productId: string | null;
  policyNumber: string | null;
  status: string;
  annualPremium: number;
  inCoolingOff: boolean;
  coolingOffEndDate: string | null;
  insuredMember: { id: string; name: string };
  beneficiaries: { name: string; order: number; sharePercent: number }[];
  schedule: { number: number; dueDate: string; state: string }[];
  nextPayment: { dueDate: string; state: string; amount: number } | null;
  paymentInGrace: { dueDate: string } | null;
  paidInstallmentCount: number;
  installmentCount: number;
}

describe('policies, overview and gaps', () => {
  let stack: TestStack;
  let owner: Record<string, string>;
  let stranger: Record<string, string>;
  let householdId: string;
  const member: Record<string, string> = {};

  async function signIn(user: string): Promise<Record<string, string>> {
    const response = await fetch(`${stack.sandbox.url}/__platform/wechat/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    const { code } = (await response.json()) as { code: string };
    const login = await stack.gql<{ login: { accessToken: string } }>(
      'mutation($code: String!) { login(platform: WECHAT, code: $code) { accessToken } }',
      { code },
    );
    return { authorization: `Bearer ${login.body.data!.login.accessToken}` };
  }

  const policyInput = (overrides: Record<string, unknown> = {}) => ({
    insuredMemberId: member.self,
    insurerName: '康宁人寿',
    productName: '康宁福 重大疾病保险',
    category: 'CRITICAL_ILLNESS',
    sumInsured: 30_000_000,
    premium: 600_000,
    frequency: 'ANNUAL',
    paymentTermYears: 20,
    effectiveDate: yearsAgo(2),
    expiryDate: null,
    policyNumber: 'KN2024-00012345',
    ...overrides,
  });

  const household = async () =>
    (await stack.gql<{ household: Record<string, unknown> }>(HOUSEHOLD, { id: householdId }, owner)).body;

  beforeAll(async () => {
    stack = await startStack({ LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000' });
    owner = await signIn('li-ming');
    stranger = await signIn('outsider');
    const households = await stack.gql<{ households: { id: string }[] }>('{ households { id } }', {}, owner);
    householdId = households.body.data!.households[0].id;
    const people = [
      [
        'self',
        { relationship: 'SELF', name: '李明', gender: 'MALE', birthDate: yearsAgo(35), annualIncome: 20_000_000 },
      ],
      ['spouse', { relationship: 'SPOUSE', name: '王芳', gender: 'FEMALE', birthDate: yearsAgo(33) }],
      ['child', { relationship: 'CHILD', name: '李小乐', gender: 'MALE', birthDate: yearsAgo(5) }],
      ['parent', { relationship: 'PARENT', name: '李建国', gender: 'MALE', birthDate: yearsAgo(66) }],
    ] as const;
    for (const [key, input] of people) {
      const added = await stack.gql<{ addFamilyMember: { id: string } }>(ADD_MEMBER, { householdId, input }, owner);
      member[key] = added.body.data!.addFamilyMember.id;
    }
  });
  afterAll(() => stack.close());

  it('adds a policy by hand: number masked, payments so far counted as paid, the next one scheduled', async () => {
    const { body } = await stack.gql<{ addPolicy: Policy }>(ADD_POLICY, { householdId, input: policyInput() }, owner);
    expect(body.errors).toBeUndefined();
    const policy = body.data!.addPolicy;
    expect(policy).toMatchObject({
      status: 'ACTIVE',
      policyNumber: 'KN20****2345',
      annualPremium: 600_000,
      inCoolingOff: false,
      insuredMember: { id: member.self, name: '李明' },
      beneficiaries: [],
    });
    expect(policy.schedule).toHaveLength(20);
    expect(policy).toMatchObject({ paidInstallmentCount: 3, installmentCount: 20, paymentInGrace: null });
    expect(policy.schedule.filter((installment) => installment.state === 'PAID')).toHaveLength(3);
    expect(policy.nextPayment).toMatchObject({
      dueDate: addMonths(yearsAgo(2), 36),
      amount: 600_000,
    });
    expect(policy.coolingOffEndDate).toBe(addDays(yearsAgo(2), 15));
  });

  it('names every field at fault across the input, and writes nothing', async () => {
    const before = ((await household()).data!.household.policies as unknown[]).length;
    const { body } = await stack.gql(
      ADD_POLICY,
      {
        householdId,
        input: policyInput({
          insuredMemberId: '00000000-0000-4000-8000-000000000000',
          expiryDate: yearsAgo(3),
          statutoryBeneficiaries: false,
          beneficiaries: [
            { memberId: member.spouse, order: 1, sharePercent: 33.33 },
            { memberId: member.child, order: 1, sharePercent: 33.33 },
            { name: '李秀兰', order: 1, sharePercent: 33.33 },
          ],
        }),
      },
      owner,
    );
    expect(codeOf(body.errors)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(body.errors)).toEqual([
      'input.expiryDate',
      'input.beneficiaries[2].sharePercent',
      'input.insuredMemberId',
    ]);
    expect(((await household()).data!.household.policies as unknown[]).length).toBe(before);
  });

  it('keeps named beneficiaries with shares to the hundredth of a percent', async () => {
    const { body } = await stack.gql<{ addPolicy: Policy }>(
      ADD_POLICY,
      {
        householdId,
        input: policyInput({
          category: 'TERM_LIFE',
          productName: '瑞丰定期寿险',
          sumInsured: 50_000_000,
          premium: 150_000,
          expiryDate: yearsAhead(25),
          effectiveDate: daysFromToday(-5),
          policyNumber: null,
          statutoryBeneficiaries: false,
          beneficiaries: [
            { memberId: member.spouse, order: 1, sharePercent: 33.33 },
            { memberId: member.child, order: 1, sharePercent: 33.33 },
            { name: '李秀兰', order: 1, sharePercent: 33.34 },
            { memberId: member.parent, order: 2, sharePercent: 100 },
          ],
        }),
      },
      owner,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.addPolicy.beneficiaries).toEqual([
      { name: '王芳', order: 1, sharePercent: 33.33 },
      { name: '李小乐', order: 1, sharePercent: 33.33 },
      { name: '李秀兰', order: 1, sharePercent: 33.34 },
      { name: '李建国', order: 2, sharePercent: 100 },
    ]);
    expect(body.data!.addPolicy).toMatchObject({ policyNumber: null, inCoolingOff: true });
  });

  it('checks a catalogue product’s age limits against the insured member, and links the product', async () => {
    const products = await stack.gql<{ products: { edges: { node: { id: string; name: string; maxAge: number } }[] } }>(
      '{ products(first: 50, filter: { category: MEDICAL }) { edges { node { id name maxAge insurer { name } } } } }',
    );
    const young = products.body.data!.products.edges.map((edge) => edge.node).find((product) => product.maxAge < 66)!;
    const refused = await stack.gql(
      ADD_POLICY,
      {
        householdId,
        input: policyInput({
          insuredMemberId: member.parent,
          productId: young.id,
          productName: young.name,
          category: 'MEDICAL',
          frequency: 'MONTHLY',
          paymentTermYears: null,
          premium: 3000,
          expiryDate: daysFromToday(300),
          effectiveDate: daysFromToday(-20),
        }),
      },
      owner,
    );
    expect(refused.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.insuredMemberId',
    });
    const linked = await stack.gql<{ addPolicy: Policy }>(
      ADD_POLICY,
      {
        householdId,
        input: policyInput({
          insuredMemberId: member.spouse,
          productId: young.id,
          productName: young.name,
          category: 'MEDICAL',
          frequency: 'MONTHLY',
          paymentTermYears: null,
          premium: 3000,
          sumInsured: 600_000_000,
          expiryDate: daysFromToday(345),
          effectiveDate: daysFromToday(-20),
          policyNumber: null,
        }),
      },
      owner,
    );
    expect(linked.body.errors).toBeUndefined();
    expect(linked.body.data!.addPolicy).toMatchObject({ productId: young.id, annualPremium: 36_000 });
    expect(linked.body.data!.addPolicy.nextPayment?.state).toBe('DUE');
  });

  it('shows the family overview: who is covered for what, the yearly cost, what is due and what ends soon', async () => {
    const { data, errors } = await household();
    expect(errors).toBeUndefined();
    const overview = data!.household.overview as {
      rows: {
        member: { id: string };
        cells: { category: string; covered: boolean; sumInsured: number; gap: boolean }[];
      }[];
      activePolicyCount: number;
      totalAnnualPremium: number;
      paymentsDue: { memberName: string; state: string }[];
      endingSoon: { kind: string; daysLeft: number }[];
    };
    expect(overview.activePolicyCount).toBe(3);
    expect(overview.totalAnnualPremium).toBe(600_000 + 150_000 + 36_000);
    const cell = (memberId: string, category: string) =>
      overview.rows.find((row) => row.member.id === memberId)!.cells.find((entry) => entry.category === category)!;
    // 30万 of critical illness for an income of 20万 a year: covered, and still a gap (below three years' income).
    expect(cell(member.self, 'CRITICAL_ILLNESS')).toMatchObject({ covered: true, sumInsured: 30_000_000, gap: true });
    expect(cell(member.spouse, 'MEDICAL')).toMatchObject({ covered: true, gap: false });
    expect(cell(member.child, 'MEDICAL')).toMatchObject({ covered: false, gap: true });
    // The monthly medical premium: next month's is DUE, the two after it UPCOMING within 90 days.
    expect(overview.paymentsDue.map((due) => [due.memberName, due.state])).toEqual([
      ['王芳', 'DUE'],
      ['王芳', 'UPCOMING'],
      ['王芳', 'UPCOMING'],
    ]);
    expect(overview.endingSoon).toEqual([expect.objectContaining({ kind: 'COOLING_OFF_ENDING', daysLeft: 10 })]);
  });

  it('finds the gaps, explains each, and recommends catalogue products that accept the member’s age', async () => {
    const gaps = (await household()).data!.household.gaps as {
      member: { id: string };
      category: string;
      kind: string;
      held: number | null;
      recommended: number | null;
      reason: string;
      recommendations: { minAge: number; maxAge: number; category: string }[];
    }[];
    const selfCriticalIllness = gaps.find(
      (gap) => gap.member.id === member.self && gap.category === 'CRITICAL_ILLNESS',
    );
    expect(selfCriticalIllness).toMatchObject({ kind: 'TOO_LOW', held: 30_000_000, recommended: 60_000_000 });
    const childMedical = gaps.find((gap) => gap.member.id === member.child && gap.category === 'MEDICAL')!;
    expect(childMedical.kind).toBe('MISSING');
    expect(childMedical.recommendations.length).toBeGreaterThan(0);
    expect(childMedical.recommendations.every((product) => product.category === 'MEDICAL' && product.minAge <= 5)).toBe(
      true,
    );
    const senior = gaps.find((gap) => gap.member.id === member.parent && gap.category === 'HUIMINBAO')!;
    expect(senior.reason).toContain('66 岁');
    expect(senior.recommendations.every((product) => product.maxAge >= 66)).toBe(true);
  });

  it('updates only what is given, records an ending, and refuses one dated in the future', async () => {
    const { body } = await stack.gql<{ addPolicy: Policy }>(
      ADD_POLICY,
      {
        householdId,
        input: policyInput({
          category: 'ACCIDENT',
          productName: '意外险',
          premium: 20_000,
          paymentTermYears: null,
          expiryDate: daysFromToday(200),
          effectiveDate: daysFromToday(-165),
        }),
      },
      owner,
    );
    const id = body.data!.addPolicy.id;
    const updated = await stack.gql<{ updatePolicy: Policy & { premium: number; productName: string } }>(
      UPDATE_POLICY,
      { id, input: { premium: 25_000 } },
      owner,
    );
    expect(updated.body.data!.updatePolicy).toMatchObject({
      premium: 25_000,
      productName: '意外险',
      policyNumber: 'KN20****2345',
    });
    const future = await stack.gql(END_POLICY, { id, reason: 'SURRENDERED', date: daysFromToday(1) }, owner);
    expect(future.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const ended = await stack.gql<{ endPolicy: { status: string } }>(
      END_POLICY,
      { id, reason: 'SURRENDERED', date: today },
      owner,
    );
    expect(ended.body.data!.endPolicy.status).toBe('SURRENDERED');
    // Read back on its own: no payment is asked of a policy that ended.
    const read = await stack.gql<{ policy: Policy }>(
      `query($id: ID!) { policy(id: $id) { ${POLICY_FIELDS} } }`,
      { id },
      owner,
    );
    expect(read.body.data!.policy).toMatchObject({ status: 'SURRENDERED', nextPayment: null });
    const outsider = await stack.gql('query($id: ID!) { policy(id: $id) { id } }', { id }, stranger);
    expect(codeOf(outsider.body.errors)).toBe('FORBIDDEN');
  });

  it('keeps a stranger out of the household’s policies, and a member insured by a policy in the household', async () => {
    const policies = (await household()).data!.household.policies as { id: string }[];
    const attempts = await Promise.all([
      stack.gql(ADD_POLICY, { householdId, input: policyInput() }, stranger),
      stack.gql(UPDATE_POLICY, { id: policies[0].id, input: { premium: 1 } }, stranger),
      stack.gql(END_POLICY, { id: policies[0].id, reason: 'CLAIMED', date: today }, stranger),
      stack.gql('mutation($id: ID!) { removePolicy(id: $id) }', { id: policies[0].id }, stranger),
    ]);
    expect(attempts.map((attempt) => codeOf(attempt.body.errors))).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    const remove = await stack.gql('mutation($id: ID!) { removeFamilyMember(id: $id) }', { id: member.self }, owner);
    expect(codeOf(remove.body.errors)).toBe('CONFLICT');
  });

  it('reads a household of 2 members and one of 12 with 36 policies in the same number of SQL statements', async () => {
    const OVERVIEW = `query($id: ID!) { household(id: $id) {
      members { id name } policies { id insuredMember { name } beneficiaries { name } schedule { state } }
      overview { rows { cells { sumInsured gap } } totalAnnualPremium paymentsDue { dueDate } endingSoon { kind } }
      upcomingReminders(days: 90) { key memberName delivered muted }
    } }`;
    const statements = async (headers: Record<string, string>, id: string): Promise<number> => {
      const answer = await stack.gql(OVERVIEW, { id }, headers);
      expect(answer.body.errors).toBeUndefined();
      return Number(answer.headers.get('x-db-statements'));
    };
    const small = await signIn('small-family');
    const large = await signIn('large-family');
    const households: Record<string, string> = {};
    for (const [name, headers, size] of [
      ['small', small, 2],
      ['large', large, 12],
    ] as const) {
      const listed = await stack.gql<{ households: { id: string }[] }>('{ households { id } }', {}, headers);
      const id = listed.body.data!.households[0].id;
      households[name] = id;
      for (let index = 0; index < size; index += 1) {
        const added = await stack.gql<{ addFamilyMember: { id: string } }>(
          ADD_MEMBER,
          {
            householdId: id,
            input: {
              relationship: index === 0 ? 'SELF' : 'CHILD',
              name: `成员${'甲乙丙丁戊己庚辛壬癸子丑'[index]}`,
              gender: 'FEMALE',
              birthDate: yearsAgo(index + 1),
            },
          },
          headers,
        );
        const insuredMemberId = added.body.data!.addFamilyMember.id;
        for (let policy = 0; policy < (name === 'small' ? 1 : 3); policy += 1) {
          const created = await stack.gql(
            ADD_POLICY,
            {
              householdId: id,
              // Ending within 90 days: every policy has upcoming reminders.
              input: policyInput({
                insuredMemberId,
                policyNumber: null,
                category: 'ACCIDENT',
                paymentTermYears: 1,
                expiryDate: addDays(today, 20 + policy),
              }),
            },
            headers,
          );
          expect(created.body.errors).toBeUndefined();
        }
      }
    }
    const smallCount = await statements(small, households.small);
    const largeCount = await statements(large, households.large);
    const reminders = await stack.gql<{ household: { upcomingReminders: unknown[] } }>(
      `query($id: ID!) { household(id: $id) { upcomingReminders(days: 90) { key } } }`,
      { id: households.large },
      large,
    );
    expect(reminders.body.data!.household.upcomingReminders).toHaveLength(36 * 2);
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
  });

  // Joining a household comes with invites; until then the roles are given in the database directly.
  const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;
  onPostgres('as a member and as a viewer of the household (PostgreSQL)', () => {
    let guest: Record<string, string>;
    let guestAccountId: string;

    const grant = async (role: string): Promise<void> => {
      const client = new pg.Client({ connectionString: stack.databaseUrl! });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO household_membership (household_id, account_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (household_id, account_id) DO UPDATE SET role = EXCLUDED.role`,
          [householdId, guestAccountId, role],
        );
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      guest = await signIn('guest');
      const me = await stack.gql<{ me: { id: string } }>('{ me { id } }', {}, guest);
      guestAccountId = me.body.data!.me.id;
    });

    it('shows a viewer the policies with beneficiaries masked and no notes, and refuses every write', async () => {
      await grant('VIEWER');
      const seen = await stack.gql<{
        household: { policies: { id: string; beneficiaries: { name: string }[]; notes: string | null }[] };
      }>(
        'query($id: ID!) { household(id: $id) { policies { id notes beneficiaries { name } } overview { totalAnnualPremium } } }',
        { id: householdId },
        guest,
      );
      expect(seen.body.errors).toBeUndefined();
      const names = seen.body.data!.household.policies.flatMap((policy) =>
        policy.beneficiaries.map((entry) => entry.name),
      );
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((name) => /^\p{Script=Han}\*+$/u.test(name))).toBe(true);
      const id = seen.body.data!.household.policies[0].id;
      const writes = await Promise.all([
        stack.gql(ADD_POLICY, { householdId, input: policyInput() }, guest),
        stack.gql(UPDATE_POLICY, { id, input: { premium: 1 } }, guest),
        stack.gql(END_POLICY, { id, reason: 'CLAIMED', date: today }, guest),
      ]);
      expect(writes.map((write) => codeOf(write.body.errors))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    });

    it('lets a member add policies and change their own, not the owner’s', async () => {
      await grant('MEMBER');
      const added = await stack.gql<{ addPolicy: Policy & { canEdit: boolean } }>(
        ADD_POLICY,
        {
          householdId,
          input: policyInput({
            insuredMemberId: member.spouse,
            category: 'ACCIDENT',
            policyNumber: null,
            paymentTermYears: 1,
          }),
        },
        guest,
      );
      expect(added.body.data!.addPolicy.canEdit).toBe(true);
      const own = added.body.data!.addPolicy.id;
      expect(
        (await stack.gql(UPDATE_POLICY, { id: own, input: { premium: 19_900 } }, guest)).body.errors,
      ).toBeUndefined();
      const owners = (await household()).data!.household.policies as { id: string }[];
      const ownersFirst = owners.find((policy) => policy.id !== own)!;
      expect(
        codeOf((await stack.gql(UPDATE_POLICY, { id: ownersFirst.id, input: { premium: 1 } }, guest)).body.errors),
      ).toBe('FORBIDDEN');
      expect(
        (await stack.gql('mutation($id: ID!) { removePolicy(id: $id) }', { id: own }, guest)).body.errors,
      ).toBeUndefined();
    });
  });
});
