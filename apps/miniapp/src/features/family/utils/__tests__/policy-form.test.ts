import {
  applyProduct,
  beneficiaryTotals,
  coolingOffHint,
  emptyBeneficiary,
  emptyCoverageItem,
  emptyPolicyForm,
  firstErrorField,
  hasErrors,
  initialPolicyFormState,
  moreHasErrors,
  policyFormFrom,
  policyFormReducer,
  serverReasonsToErrors,
  toAddInput,
  toUpdateInput,
  validatePolicyForm,
  type BeneficiaryRow,
  type PolicyFormValues,
} from '../policy-form';
import { policy } from './policy-fixtures';

/** A form a person filled in by hand: a yearly critical-illness policy for 本人. */
function filled(overrides: Partial<PolicyFormValues> = {}): PolicyFormValues {
  return {
    ...emptyPolicyForm('m1'),
    insurerName: '康宁人寿',
    productName: '康宁重疾',
    category: 'CRITICAL_ILLNESS',
    sumInsured: '50万',
    premium: '3200.5',
    paymentTermYears: '20',
    effectiveDate: '2024-3-1',
    expiryMode: 'lifetime',
    ...overrides,
  };
}

function row(order: string, share: string, patch: Partial<BeneficiaryRow> = {}): BeneficiaryRow {
  return { ...emptyBeneficiary(), order, share, name: '王五', ...patch };
}

describe('validatePolicyForm', () => {
  it('accepts a complete form', () => {
    expect(validatePolicyForm(filled())).toEqual({});
  });

  it('names each missing field once, in Chinese', () => {
    const errors = validatePolicyForm(emptyPolicyForm());
    expect(errors).toMatchObject({
      insuredMemberId: ['请选择被保人'],
      insurerName: ['请填写 1–50 个字的保险公司名称'],
      productName: ['请填写 1–80 个字的产品名称'],
      category: ['请选择险种'],
      sumInsured: ['请填写保额'],
      premium: ['请填写每期保费'],
      paymentTermYears: ['请填写交费年期，或选择“交至期满”'],
      effectiveDate: ['请填写生效日期'],
      expiryDate: ['请填写满期日期，或选择“终身”'],
    });
  });

  it('refuses amounts that are not amounts, without a second message from the domain', () => {
    const errors = validatePolicyForm(filled({ sumInsured: '五十万', premium: '12.345' }));
    expect(errors.sumInsured).toEqual(['请输入金额（元），最多两位小数，如 3000']);
    expect(errors.premium).toEqual(['请输入金额（元），最多两位小数，如 3000']);
  });

  it('runs the domain checks across fields', () => {
    const errors = validatePolicyForm(
      filled({ expiryMode: 'date', expiryDate: '2024-01-01', policyNumber: 'no!', sumInsured: '0' }),
    );
    expect(errors.expiryDate).toEqual(['满期日期须晚于生效日期']);
    expect(errors.policyNumber).toEqual(['保单号须为 4–40 位字母、数字或短横线']);
    expect(errors.sumInsured).toEqual(['保额须为大于 0 的金额']);
  });

  it('needs no payment term for a single premium or 交至期满', () => {
    expect(validatePolicyForm(filled({ frequency: 'SINGLE', paymentTermYears: '' }))).toEqual({});
    expect(validatePolicyForm(filled({ paymentTermMode: 'whole', paymentTermYears: '' }))).toEqual({});
    expect(validatePolicyForm(filled({ paymentTermYears: '3.5' })).paymentTermYears).toEqual(['交费年期须为整数年']);
  });

  it('checks named beneficiaries: a name, and shares adding up to 100% per order to 0.01%', () => {
    const thirds = filled({
      statutoryBeneficiaries: false,
      beneficiaries: [row('1', '33.33'), row('1', '33.33'), row('1', '33.34'), row('2', '100')],
    });
    expect(validatePolicyForm(thirds)).toEqual({});

    const short = filled({
      statutoryBeneficiaries: false,
      beneficiaries: [row('1', '33.33'), row('1', '33.33', { name: '' })],
    });
    expect(validatePolicyForm(short)).toEqual({
      'beneficiaries[1].name': ['请选择家庭成员或填写受益人姓名'],
      'beneficiaries[1].sharePercent': ['第1顺位受益人的受益比例合计须为 100%（现为 66.66%）'],
    });
    const unreadable = filled({ statutoryBeneficiaries: false, beneficiaries: [row('1', '50.001'), row('1', '')] });
    expect(validatePolicyForm(unreadable)).toMatchObject({
      'beneficiaries[0].sharePercent': ['受益比例须为 0.01–100 的数，最多两位小数'],
      'beneficiaries[1].sharePercent': ['请填写受益比例'],
    });
    expect(validatePolicyForm(filled({ statutoryBeneficiaries: false })).beneficiaries).toEqual([
      '请至少指定一位受益人，或选择法定受益人',
    ]);
  });

  it('ignores the named beneficiaries left in the form when the statutory heirs are chosen', () => {
    expect(validatePolicyForm(filled({ statutoryBeneficiaries: true, beneficiaries: [row('1', '10')] }))).toEqual({});
  });

  it('checks coverage items', () => {
    const items = [
      { ...emptyCoverageItem(), name: '一般医疗', limit: '300万', deductible: '1万', ratio: '100' },
      { ...emptyCoverageItem(), name: '', limit: 'lots', ratio: '120' },
    ];
    expect(validatePolicyForm(filled({ coverageItems: items }))).toEqual({
      'coverageItems[1].name': ['请填写 1–60 个字的责任名称'],
      'coverageItems[1].limit': ['请输入金额（元），最多两位小数，如 3000'],
      'coverageItems[1].payoutRatioPercent': ['赔付比例须为 0–100 的整数'],
    });
  });
});

describe('beneficiaryTotals', () => {
  it('adds up each order exactly and says what is left', () => {
    expect(beneficiaryTotals([row('1', '33.33'), row('1', '33.33'), row('2', '100')])).toEqual([
      { order: 1, basisPoints: 6666, text: '第一顺位合计 66.66%，还差 33.34%', complete: false },
      { order: 2, basisPoints: 10000, text: '第二顺位合计 100%', complete: true },
    ]);
    expect(beneficiaryTotals([row('1', '33.33'), row('1', '33.33'), row('1', '33.34')])[0].complete).toBe(true);
    expect(beneficiaryTotals([row('1', '0.1'), row('1', '0.2'), row('1', '99.7')])[0].complete).toBe(true);
    expect(beneficiaryTotals([row('1', '60'), row('1', '50')])[0].text).toBe('第一顺位合计 110%，超出 10%');
  });

  it('counts what does not read as a share as nothing', () => {
    expect(beneficiaryTotals([row('1', ''), row('1', 'abc'), row('1', '40')])[0].basisPoints).toBe(4000);
    expect(beneficiaryTotals([])).toEqual([]);
  });
});

describe('toAddInput', () => {
  it('sends fen, dates as YYYY-MM-DD, and only what was given', () => {
    expect(toAddInput(filled())).toEqual({
      insuredMemberId: 'm1',
      insurerName: '康宁人寿',
      productName: '康宁重疾',
      category: 'CRITICAL_ILLNESS',
      sumInsured: 50_000_000,
      premium: 320050,
      frequency: 'ANNUAL',
      paymentTermYears: 20,
      effectiveDate: '2024-03-01',
      expiryDate: null,
      statutoryBeneficiaries: true,
    });
  });

  it('sends the catalogue product, the optional fields, beneficiaries and coverage items', () => {
    const input = toAddInput(
      filled({
        ...applyProduct({
          id: 'kangning:KN-CI-1',
          name: '康宁安心重疾',
          category: 'CRITICAL_ILLNESS',
          insurer: { name: '康宁人寿' },
        }),
        applicantMemberId: 'm2',
        policyNumber: ' P-2024-0001 ',
        frequency: 'MONTHLY',
        paymentTermMode: 'whole',
        expiryMode: 'date',
        expiryDate: '2025-02-28',
        coolingOffEndDate: '2024-03-16',
        waitingPeriodDays: '90',
        guaranteedRenewalYears: '6',
        statutoryBeneficiaries: false,
        beneficiaries: [row('1', '100', { memberId: 'm2', name: '' })],
        coverageItems: [{ ...emptyCoverageItem(), name: ' 重疾 ', limit: '50万', deductible: '', ratio: '' }],
        notes: ' 单位团险 ',
      }),
    );
    expect(input).toEqual({
      insuredMemberId: 'm1',
      applicantMemberId: 'm2',
      insurerName: '康宁人寿',
      productName: '康宁安心重疾',
      productId: 'kangning:KN-CI-1',
      category: 'CRITICAL_ILLNESS',
      policyNumber: 'P-2024-0001',
      sumInsured: 50_000_000,
      premium: 320050,
      frequency: 'MONTHLY',
      paymentTermYears: null,
      effectiveDate: '2024-03-01',
      expiryDate: '2025-02-28',
      coolingOffEndDate: '2024-03-16',
      waitingPeriodDays: 90,
      guaranteedRenewalYears: 6,
      statutoryBeneficiaries: false,
      beneficiaries: [{ memberId: 'm2', order: 1, sharePercent: 100 }],
      coverageItems: [{ name: '重疾', limit: 50_000_000, deductible: null, payoutRatioPercent: null }],
      notes: '单位团险',
    });
  });

  it('sends no payment term for a single premium', () => {
    expect(toAddInput(filled({ frequency: 'SINGLE', paymentTermYears: '20' })).paymentTermYears).toBeNull();
  });
});

describe('editing: policyFormFrom and toUpdateInput', () => {
  const stored = policy({
    statutoryBeneficiaries: false,
    beneficiaries: [
      { memberId: 'm2', name: '李四', order: 1, sharePercent: 66.67 },
      { memberId: null, name: '王五', order: 1, sharePercent: 33.33 },
    ],
    coverageItems: [{ name: '重疾', limit: 50_000_000, deductible: null, payoutRatioPercent: 100 }],
    notes: '放在书房抽屉',
  });

  it('prefills the form, amounts in yuan, the number kept masked', () => {
    const values = policyFormFrom(stored);
    expect(values).toMatchObject({
      insuredMemberId: 'm1',
      sumInsured: '500000',
      premium: '3200',
      paymentTermMode: 'years',
      paymentTermYears: '20',
      expiryMode: 'lifetime',
      policyNumberMode: 'keep',
      policyNumber: '',
      waitingPeriodDays: '90',
      statutoryBeneficiaries: false,
      notes: '放在书房抽屉',
    });
    expect(values.beneficiaries.map(({ memberId, name, order, share }) => ({ memberId, name, order, share }))).toEqual([
      { memberId: 'm2', name: '', order: '1', share: '66.67' },
      { memberId: null, name: '王五', order: '1', share: '33.33' },
    ]);
    expect(values.coverageItems[0]).toMatchObject({ name: '重疾', limit: '500000', deductible: '', ratio: '100' });
  });

  it('sends nothing when nothing changed', () => {
    expect(toUpdateInput(policyFormFrom(stored), stored)).toEqual({});
    const single = policy({
      frequency: 'SINGLE',
      frequencyLabel: '趸交',
      paymentTermYears: 1,
      expiryDate: '2030-01-01',
    });
    expect(toUpdateInput(policyFormFrom(single), single)).toEqual({});
    expect(
      toUpdateInput(policyFormFrom(policy({ paymentTermYears: null })), policy({ paymentTermYears: null })),
    ).toEqual({});
  });

  it('sends only what changed', () => {
    const values = {
      ...policyFormFrom(stored),
      premium: '3300',
      expiryMode: 'date' as const,
      expiryDate: '2060-03-01',
    };
    expect(toUpdateInput(values, stored)).toEqual({ premium: 330000, expiryDate: '2060-03-01' });
    const cleared = { ...policyFormFrom(stored), waitingPeriodDays: '', notes: ' ', paymentTermMode: 'whole' as const };
    expect(toUpdateInput(cleared, stored)).toEqual({ waitingPeriodDays: null, notes: null, paymentTermYears: null });
  });

  it('changes or removes the policy number only when asked', () => {
    expect(
      toUpdateInput({ ...policyFormFrom(stored), policyNumberMode: 'change', policyNumber: 'NEW-1234' }, stored),
    ).toEqual({
      policyNumber: 'NEW-1234',
    });
    expect(toUpdateInput({ ...policyFormFrom(stored), policyNumberMode: 'remove' }, stored)).toEqual({
      policyNumber: '',
    });
    expect(toUpdateInput({ ...policyFormFrom(stored), policyNumberMode: 'change', policyNumber: '' }, stored)).toEqual(
      {},
    );
  });

  it('sends the beneficiaries with the statutory switch, and an empty list when turning it on', () => {
    const values = policyFormFrom(stored);
    const moved = {
      ...values,
      beneficiaries: values.beneficiaries.map((b, i) => ({ ...b, share: i === 0 ? '50' : '50' })),
    };
    expect(toUpdateInput(moved, stored)).toEqual({
      statutoryBeneficiaries: false,
      beneficiaries: [
        { memberId: 'm2', order: 1, sharePercent: 50 },
        { name: '王五', order: 1, sharePercent: 50 },
      ],
    });
    expect(toUpdateInput({ ...values, statutoryBeneficiaries: true }, stored)).toEqual({
      statutoryBeneficiaries: true,
      beneficiaries: [],
    });
  });

  it('sends every coverage item when one changed', () => {
    const values = policyFormFrom(stored);
    const more = { ...values, coverageItems: [...values.coverageItems, { ...emptyCoverageItem(), name: '轻症' }] };
    expect(toUpdateInput(more, stored)).toEqual({
      coverageItems: [
        { name: '重疾', limit: 50_000_000, deductible: null, payoutRatioPercent: 100 },
        { name: '轻症', limit: null, deductible: null, payoutRatioPercent: null },
      ],
    });
  });
});

describe('coolingOffHint', () => {
  it('gives the BFF default for long-term cover, and none for a year', () => {
    expect(coolingOffHint(filled())).toBe('不填时默认为 2024-03-16（生效日后 15 天）');
    expect(coolingOffHint(filled({ effectiveDate: '' }))).toBe('不填时，长期险默认为生效日后 15 天');
    expect(coolingOffHint(filled({ expiryMode: 'date', expiryDate: '2025-03-01', paymentTermYears: '1' }))).toBe(
      '一年期及以下的保险通常没有犹豫期，可不填',
    );
  });
});

describe('server reasons', () => {
  it('puts each reason at its field', () => {
    const errors = serverReasonsToErrors([
      { code: 'AGE_OUTSIDE_PRODUCT', field: 'input.insuredMemberId', message: '仅承保 18–65 周岁' },
      { code: 'SHARES_NOT_100', field: 'input.beneficiaries[2].sharePercent', message: '合计须为 100%' },
      { code: 'MEMBER_UNKNOWN', field: 'input.beneficiaries[0].memberId', message: '受益人须为本家庭的成员' },
      { code: 'X', field: 'somewhere.else', message: '其他问题' },
      { code: 'Y', field: null, message: '保存失败' },
    ]);
    expect(errors).toEqual({
      insuredMemberId: ['仅承保 18–65 周岁'],
      'beneficiaries[2].sharePercent': ['合计须为 100%'],
      'beneficiaries[0].name': ['受益人须为本家庭的成员'],
      form: ['其他问题', '保存失败'],
    });
  });

  it('finds the first field with a message, in page order, and whether 更多信息 holds one', () => {
    const errors = { notes: ['x'], 'beneficiaries[10].name': ['y'], 'beneficiaries[2].name': ['z'], premium: ['w'] };
    expect(firstErrorField(errors)).toBe('premium');
    expect(firstErrorField({ notes: ['x'], 'beneficiaries[10].name': ['y'], 'beneficiaries[2].name': ['z'] })).toBe(
      'beneficiaries[2].name',
    );
    expect(firstErrorField({})).toBeNull();
    expect(moreHasErrors(errors)).toBe(true);
    expect(moreHasErrors({ premium: ['w'] })).toBe(false);
  });
});

describe('policyFormReducer', () => {
  const state = { ...initialPolicyFormState(filled()), errors: validatePolicyForm(emptyPolicyForm()) };

  it('clears the messages of the edited field and of those checked with it', () => {
    const next = policyFormReducer(
      { ...state, errors: { ...state.errors, form: ['保存失败'] } },
      { type: 'set', patch: { effectiveDate: '2024-01-01' } },
    );
    expect(next.values.effectiveDate).toBe('2024-01-01');
    expect(next.errors.effectiveDate).toBeUndefined();
    expect(next.errors.expiryDate).toBeUndefined();
    expect(next.errors.insuredMemberId).toBeUndefined();
    expect(next.errors.form).toBeUndefined();
    expect(next.errors.premium).toBeDefined();
    expect(
      policyFormReducer(state, { type: 'set', patch: { expiryMode: 'lifetime' } }).errors.expiryDate,
    ).toBeUndefined();
  });

  it('adds, edits and removes rows, clearing their messages', () => {
    const withErrors = { ...state, errors: { 'beneficiaries[0].sharePercent': ['x'], 'coverageItems[1].name': ['y'] } };
    let next = policyFormReducer(withErrors, { type: 'addBeneficiary' });
    expect(next.values.beneficiaries).toHaveLength(1);
    expect(next.errors).toEqual({ 'coverageItems[1].name': ['y'] });
    next = policyFormReducer(next, { type: 'setBeneficiary', index: 0, patch: { order: '2' } });
    next = policyFormReducer(next, { type: 'addBeneficiary' });
    expect(next.values.beneficiaries.map((b) => b.order)).toEqual(['2', '2']);
    expect(new Set(next.values.beneficiaries.map((b) => b.key)).size).toBe(2);
    next = policyFormReducer(next, { type: 'removeBeneficiary', index: 0 });
    expect(next.values.beneficiaries).toHaveLength(1);

    next = policyFormReducer(next, { type: 'addCoverageItem' });
    next = policyFormReducer(next, { type: 'addCoverageItem' });
    next = policyFormReducer(next, { type: 'setCoverageItem', index: 1, patch: { name: '轻症' } });
    expect(next.errors).toEqual({});
    expect(next.values.coverageItems[1].name).toBe('轻症');
    next = policyFormReducer(next, { type: 'removeCoverageItem', index: 0 });
    expect(next.values.coverageItems.map((item) => item.name)).toEqual(['轻症']);
  });

  it('saves, and shows what the BFF refused', () => {
    const saving = policyFormReducer(state, { type: 'save' });
    expect(saving).toMatchObject({ saving: true, errors: {} });
    const refused = policyFormReducer(saving, { type: 'rejected', errors: { form: ['x'] } });
    expect(refused).toMatchObject({ saving: false, errors: { form: ['x'] } });
    expect(hasErrors(refused.errors)).toBe(true);
    expect(policyFormReducer(state, { type: 'invalid', errors: {} }).errors).toEqual({});
  });
});
