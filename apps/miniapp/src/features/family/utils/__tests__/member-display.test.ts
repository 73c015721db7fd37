import {
  formatAge,
  formatBirthDate,
  formatIdType,
  formatOccupationClass,
  formatSocialInsurance,
  memberCardLabel,
  memberSummary,
  roleNotice,
  sortMembers,
  ROLE_LABELS,
  spokenMaskedIdNumber,
} from '../member-display';

describe('member display', () => {
  it('formats ages, 社保, occupation class and document type', () => {
    expect(formatAge(35)).toBe('35岁');
    expect(formatAge(0)).toBe('不满 1 岁');
    expect(formatSocialInsurance(true)).toBe('有社保');
    expect(formatSocialInsurance(false)).toBe('无社保');
    expect(formatSocialInsurance(null)).toBe('社保未填写');
    expect(formatOccupationClass(null)).toBe('未填写');
    expect(formatOccupationClass(3)).toBe('3 类');
    expect(formatIdType('RESIDENT_ID')).toBe('居民身份证');
    expect(formatIdType(null)).toBe('未填写');
  });

  it('shows the birth year to those who do not see the date', () => {
    expect(formatBirthDate({ birthDate: '1990-03-07', birthYear: 1990 })).toBe('1990-03-07');
    expect(formatBirthDate({ birthDate: null, birthYear: 1990 })).toBe('1990 年');
  });

  it('summarises a member in one line', () => {
    expect(memberSummary({ age: 35, gender: 'MALE', socialInsurance: true })).toBe('35岁 · 男 · 有社保');
  });

  it('says a masked number by its visible parts', () => {
    expect(spokenMaskedIdNumber('1101**********1234')).toBe('1101 开头、1234 结尾（中间已隐藏）');
    expect(spokenMaskedIdNumber('E1****78')).toBe('E1 开头、78 结尾（中间已隐藏）');
    expect(spokenMaskedIdNumber('****')).toBe('（中间已隐藏）');
    expect(spokenMaskedIdNumber('E1234567')).toBe('E1234567');
  });

  it('labels a member card for screen readers', () => {
    expect(
      memberCardLabel({
        relationshipLabel: '本人',
        name: '张三',
        isYou: true,
        age: 35,
        gender: 'MALE',
        socialInsurance: false,
        idType: 'RESIDENT_ID',
        idNumber: '1101**********1234',
      }),
    ).toBe('本人 张三（你），35岁 · 男 · 无社保，居民身份证 1101 开头、1234 结尾（中间已隐藏）。查看详情');
    const child = {
      relationshipLabel: '子女',
      name: '张小贝',
      isYou: false,
      age: 8,
      gender: 'FEMALE' as const,
      socialInsurance: null,
      idType: null,
      idNumber: null,
    };
    expect(memberCardLabel(child, ['2 份保单', '1 份保单在宽限期内，请尽快缴费', null])).toBe(
      '子女 张小贝，8岁 · 女 · 社保未填写，2 份保单，1 份保单在宽限期内，请尽快缴费。查看详情',
    );
  });

  it('explains the role in a household that is not yours', () => {
    expect(roleNotice('OWNER')).toBeNull();
    expect(roleNotice('MEMBER')).toContain('可以添加家庭成员');
    expect(roleNotice('VIEWER')).toContain('查看');
    expect(ROLE_LABELS.VIEWER).toBe('仅查看');
  });
});

describe('sortMembers', () => {
  it('orders by relationship, then by when they were added', () => {
    const members = [
      { id: 'c2', relationship: 'CHILD' as const, createdAt: '2026-01-03T00:00:00.000Z' },
      { id: 'p', relationship: 'PARENT' as const, createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'c1', relationship: 'CHILD' as const, createdAt: '2026-01-02T00:00:00.000Z' },
      { id: 's', relationship: 'SELF' as const, createdAt: '2026-01-04T00:00:00.000Z' },
    ];
    expect(sortMembers(members).map((member) => member.id)).toEqual(['s', 'c1', 'c2', 'p']);
    expect(members[0].id).toBe('c2');
  });
});
