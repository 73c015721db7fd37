import { residentIdCheckCharacter } from '@family/domain';
import type { InputErrorReason } from '../../../../graphql/errors';
import {
  emptyMemberForm,
  fillFromResidentId,
  hasErrors,
  initialMemberFormState,
  memberFormFrom,
  memberFormReducer,
  normaliseBirthDate,
  relationshipOptions,
  residentIdHint,
  serverReasonsToErrors,
  toAddInput,
  toUpdateInput,
  validateMemberForm,
  type EditedMember,
  type MemberFormValues,
} from '../member-form';

/** A valid resident ID: region 110101, the birth date, a sequence whose last digit is odd for men. */
function residentId(birthDate: string, gender: 'MALE' | 'FEMALE'): string {
  const first17 = `110101${birthDate.replace(/-/g, '')}12${gender === 'MALE' ? '3' : '4'}`;
  return first17 + residentIdCheckCharacter(first17);
}

const TODAY = '2026-06-15';
const ALL = relationshipOptions([], null);
const context = { today: TODAY, relationships: ALL, original: null };

function form(patch: Partial<MemberFormValues> = {}): MemberFormValues {
  return {
    ...emptyMemberForm(),
    relationship: 'SELF',
    name: '张三',
    gender: 'MALE',
    birthDate: '1990-03-07',
    ...patch,
  };
}

const stored: EditedMember = {
  id: 'm1',
  relationship: 'CHILD',
  name: '张小宝',
  gender: 'FEMALE',
  birthDate: '2018-05-01',
  socialInsurance: true,
  occupationClass: null,
  annualIncome: null,
  idType: 'RESIDENT_ID',
  idNumber: '1101**********1244',
};

describe('relationshipOptions', () => {
  it('offers 本人 only while no other member is 本人', () => {
    expect(ALL[0]).toBe('SELF');
    const members = [
      { id: 'a', relationship: 'SELF' as const },
      { id: 'b', relationship: 'CHILD' as const },
    ];
    expect(relationshipOptions(members, null)).not.toContain('SELF');
    expect(relationshipOptions(members, 'b')).not.toContain('SELF');
    // Editing 本人 themself keeps the choice.
    expect(relationshipOptions(members, 'a')).toContain('SELF');
  });
});

describe('normaliseBirthDate', () => {
  it('reads the ways people type a date', () => {
    expect(normaliseBirthDate('1990-03-07')).toBe('1990-03-07');
    expect(normaliseBirthDate(' 1990-3-7 ')).toBe('1990-03-07');
    expect(normaliseBirthDate('1990/3/7')).toBe('1990-03-07');
    expect(normaliseBirthDate('1990.03.07')).toBe('1990-03-07');
    expect(normaliseBirthDate('1990年3月7日')).toBe('1990-03-07');
    expect(normaliseBirthDate('19900307')).toBe('1990-03-07');
  });

  it('leaves anything else for the checks to refuse', () => {
    expect(normaliseBirthDate('')).toBe('');
    expect(normaliseBirthDate('3/7/1990')).toBe('3/7/1990');
    expect(normaliseBirthDate('1990-13')).toBe('1990-13');
  });
});

describe('validateMemberForm', () => {
  it('accepts a complete member, with or without an ID number', () => {
    expect(validateMemberForm(form(), context)).toEqual({});
    expect(validateMemberForm(form({ idNumber: residentId('1990-03-07', 'MALE') }), context)).toEqual({});
    expect(validateMemberForm(form({ idType: 'PASSPORT', idNumber: 'E12345678' }), context)).toEqual({});
  });

  it('asks for what is missing, each at its field', () => {
    const errors = validateMemberForm(emptyMemberForm(), context);
    expect(errors.relationship).toEqual(['请选择与本人的关系']);
    expect(errors.gender).toEqual(['请选择性别']);
    expect(errors.birthDate).toEqual(['请填写出生日期']);
    expect(errors.name?.[0]).toContain('姓名');
    expect(hasErrors(errors)).toBe(true);
  });

  it('refuses a second 本人', () => {
    const withoutSelf = relationshipOptions([{ id: 'x', relationship: 'SELF' }], null);
    const errors = validateMemberForm(form(), { ...context, relationships: withoutSelf });
    expect(errors.relationship?.[0]).toContain('只能有一位本人');
  });

  it('checks dates with the domain rules', () => {
    expect(validateMemberForm(form({ birthDate: '1990-02-30' }), context).birthDate?.[0]).toContain('有效日期');
    expect(validateMemberForm(form({ birthDate: '2027-01-01' }), context).birthDate).toEqual(['出生日期不能晚于今天']);
    expect(validateMemberForm(form({ birthDate: '1990/3/7' }), context)).toEqual({});
  });

  it('checks a resident ID against the birth date and gender, at those fields', () => {
    const id = residentId('1991-04-08', 'FEMALE');
    const errors = validateMemberForm(form({ idNumber: id }), context);
    expect(errors.birthDate).toEqual(['出生日期与身份证号码不符（证件上为 1991-04-08）']);
    expect(errors.gender).toEqual(['性别与身份证号码不符']);
    expect(errors.idNumber).toBeUndefined();
  });

  it('refuses a malformed number for its type', () => {
    const wrongCheck = `${residentId('1990-03-07', 'MALE').slice(0, 17)}0`;
    expect(validateMemberForm(form({ idNumber: wrongCheck }), context).idNumber?.[0]).toContain('身份证号码有误');
    expect(validateMemberForm(form({ idType: 'PASSPORT', idNumber: '#1' }), context).idNumber?.[0]).toContain('5–30');
  });

  it('makes up no gender mismatch while the gender is not chosen', () => {
    const errors = validateMemberForm(form({ gender: null, idNumber: residentId('1990-03-07', 'FEMALE') }), context);
    expect(errors).toEqual({ gender: ['请选择性别'] });
  });

  it('does not check a stored number it does not have, and wants a new one when changing it', () => {
    const editing = { ...context, relationships: ALL, original: stored };
    expect(validateMemberForm(memberFormFrom(stored), editing)).toEqual({});
    const changing = { ...memberFormFrom(stored), idNumberMode: 'change' as const };
    expect(validateMemberForm(changing, editing).idNumber).toEqual(['请填写新的证件号码，或取消修改']);
    expect(validateMemberForm({ ...changing, idNumberMode: 'remove' }, editing)).toEqual({});
  });

  it('checks the occupation class', () => {
    expect(validateMemberForm(form({ occupationClass: 7 }), context).occupationClass).toEqual(['职业类别须为 1–6 类']);
  });
});

describe('residentIdHint and fillFromResidentId', () => {
  const id = residentId('1988-11-20', 'FEMALE');

  it('offers to fill an empty birth date and gender from a resident ID', () => {
    const values = { ...emptyMemberForm(), idNumber: id };
    const hint = residentIdHint(values);
    expect(hint).toEqual({
      birthDate: '1988-11-20',
      gender: 'FEMALE',
      status: 'fill',
      text: '出生日期 1988-11-20，性别 女',
    });
    // Half filled in and agreeing: still an offer to fill in the rest.
    expect(residentIdHint({ ...values, gender: 'FEMALE' })?.status).toBe('fill');
    const filled = fillFromResidentId(values);
    expect(filled.birthDate).toBe('1988-11-20');
    expect(filled.gender).toBe('FEMALE');
    expect(residentIdHint(filled)?.status).toBe('matches');
  });

  it('tells a mismatch apart from filling in', () => {
    expect(residentIdHint(form({ idNumber: id }))?.status).toBe('conflicts');
    expect(residentIdHint(form({ gender: null, birthDate: '1990-03-07', idNumber: id }))?.status).toBe('conflicts');
    expect(residentIdHint(form({ gender: 'MALE', birthDate: '', idNumber: id }))?.status).toBe('conflicts');
  });

  it('reads a check character typed as a lower-case x', () => {
    // A sequence whose check character is X (one in eleven is).
    const first17 = Array.from({ length: 1000 }, (_, n) => `11010119900307${String(n).padStart(3, '0')}`).find(
      (candidate) => residentIdCheckCharacter(candidate) === 'X',
    );
    expect(first17).toBeDefined();
    const gender = Number(first17?.[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
    expect(residentIdHint(form({ gender, idNumber: `${first17}x` }))?.status).toBe('matches');
  });

  it('says nothing for other document types, a partial number, or a kept number', () => {
    expect(residentIdHint(form({ idType: 'PASSPORT', idNumber: id }))).toBeNull();
    expect(residentIdHint(form({ idNumber: id.slice(0, 10) }))).toBeNull();
    expect(residentIdHint({ ...memberFormFrom(stored), idNumber: id })).toBeNull();
    expect(fillFromResidentId(form({ idNumber: '123' }))).toEqual(form({ idNumber: '123' }));
  });
});

describe('toAddInput', () => {
  it('sends what was given, trimmed and normalised', () => {
    const id = residentId('1990-03-07', 'MALE');
    expect(
      toAddInput(
        form({
          name: ' 张三 ',
          birthDate: '1990-3-7',
          socialInsurance: false,
          occupationClass: 2,
          annualIncome: '20万',
          idNumber: ` ${id.toLowerCase()} `,
        }),
      ),
    ).toEqual({
      relationship: 'SELF',
      name: '张三',
      gender: 'MALE',
      birthDate: '1990-03-07',
      socialInsurance: false,
      occupationClass: 2,
      annualIncome: 20_000_000,
      idType: 'RESIDENT_ID',
      idNumber: id.toUpperCase(),
    });
  });

  it('leaves out what was not given', () => {
    expect(toAddInput(form())).toEqual({ relationship: 'SELF', name: '张三', gender: 'MALE', birthDate: '1990-03-07' });
  });
});

describe('memberFormFrom and toUpdateInput', () => {
  it('prefills the form and keeps the stored number', () => {
    const values = memberFormFrom(stored);
    expect(values).toMatchObject({ relationship: 'CHILD', name: '张小宝', idNumberMode: 'keep', idNumber: '' });
    expect(memberFormFrom({ ...stored, idNumber: null, idType: null }).idNumberMode).toBe('change');
  });

  it('sends only what changed', () => {
    const values = memberFormFrom(stored);
    expect(toUpdateInput(values, stored)).toEqual({});
    expect(toUpdateInput({ ...values, name: '张小贝 ' }, stored)).toEqual({ name: '张小贝' });
    expect(toUpdateInput({ ...values, socialInsurance: null, occupationClass: 3 }, stored)).toEqual({
      socialInsurance: null,
      occupationClass: 3,
    });
    expect(toUpdateInput({ ...values, birthDate: '2018/5/1' }, stored)).toEqual({});
  });

  it('reads the yearly income in yuan, sends fen, and clears it when emptied', () => {
    const values = memberFormFrom(stored);
    expect(values.annualIncome).toBe('');
    expect(toUpdateInput({ ...values, annualIncome: '180000.5' }, stored)).toEqual({ annualIncome: 18_000_050 });
    const earning = { ...stored, annualIncome: 18_000_050 };
    expect(memberFormFrom(earning).annualIncome).toBe('180000.5');
    expect(toUpdateInput(memberFormFrom(earning), earning)).toEqual({});
    expect(toUpdateInput({ ...memberFormFrom(earning), annualIncome: '' }, earning)).toEqual({ annualIncome: null });
    expect(validateMemberForm(form({ annualIncome: '很多' }), context).annualIncome).toEqual([
      '请输入年收入（元），如 200000',
    ]);
    expect(serverReasonsToErrors([{ code: 'AMOUNT_INVALID', field: 'input.annualIncome', message: 'x' }])).toEqual({
      annualIncome: ['x'],
    });
  });

  it('removes or replaces the ID number only when asked', () => {
    const values = memberFormFrom(stored);
    expect(toUpdateInput({ ...values, idNumberMode: 'remove' }, stored)).toEqual({ idNumber: '' });
    expect(
      toUpdateInput({ ...values, idNumberMode: 'change', idType: 'PASSPORT', idNumber: 'e1234567' }, stored),
    ).toEqual({ idType: 'PASSPORT', idNumber: 'E1234567' });
    // Removing a number there is none of changes nothing.
    const none = { ...stored, idNumber: null, idType: null };
    expect(toUpdateInput({ ...memberFormFrom(none), idNumberMode: 'remove' }, none)).toEqual({});
  });
});

describe('serverReasonsToErrors', () => {
  it('puts each reason at its field, others on the form', () => {
    const reasons: InputErrorReason[] = [
      { code: 'ID_NUMBER_EXISTS', field: 'input.idNumber', message: '家庭中已有证件号码相同的成员' },
      { code: 'BIRTH_DATE_MISMATCH', field: 'input.birthDate', message: '出生日期与身份证号码不符' },
      { code: 'SELF_EXISTS', field: 'input.relationship', message: '家庭中已有“本人”' },
      { code: 'X', field: 'householdId', message: '未知' },
      { code: 'Y', field: null, message: '请求有误' },
    ];
    expect(serverReasonsToErrors(reasons)).toEqual({
      idNumber: ['家庭中已有证件号码相同的成员'],
      birthDate: ['出生日期与身份证号码不符'],
      relationship: ['家庭中已有“本人”'],
      form: ['未知', '请求有误'],
    });
  });
});

describe('memberFormReducer', () => {
  const withErrors = {
    ...initialMemberFormState(form()),
    errors: { name: ['x'], birthDate: ['y'], gender: ['z'], idNumber: ['w'], form: ['v'], relationship: ['u'] },
  };

  it('clears the messages of the field edited and of the form', () => {
    const next = memberFormReducer(withErrors, { type: 'set', patch: { name: '李四' } });
    expect(next.values.name).toBe('李四');
    expect(next.errors).toEqual({ birthDate: ['y'], gender: ['z'], idNumber: ['w'], relationship: ['u'] });
  });

  it('clears birth date, gender and ID number together: they are checked against each other', () => {
    const next = memberFormReducer(withErrors, { type: 'set', patch: { idNumber: '1' } });
    expect(next.errors).toEqual({ name: ['x'], relationship: ['u'] });
    const mode = memberFormReducer(withErrors, { type: 'set', patch: { idNumberMode: 'remove' } });
    expect(mode.errors).toEqual({ name: ['x'], relationship: ['u'] });
  });

  it('tracks saving', () => {
    const saving = memberFormReducer(withErrors, { type: 'save' });
    expect(saving).toMatchObject({ saving: true, errors: {} });
    const rejected = memberFormReducer(saving, { type: 'rejected', errors: { idNumber: ['重复'] } });
    expect(rejected).toMatchObject({ saving: false, errors: { idNumber: ['重复'] } });
    expect(memberFormReducer(saving, { type: 'invalid', errors: { name: ['n'] } }).saving).toBe(false);
  });
});
