import { checkMember, readResidentId, residentIdCheckCharacter } from './family-member.js';

/** A valid resident ID for a birth date and gender (region 110105, sequence 00x). */
function residentId(birthDate: string, gender: 'MALE' | 'FEMALE'): string {
  const first17 = `110105${birthDate.replaceAll('-', '')}00${gender === 'MALE' ? 1 : 2}`;
  return first17 + residentIdCheckCharacter(first17);
}

const today = '2026-12-01';
const base = { relationship: 'SPOUSE', name: '李娜', gender: 'FEMALE', birthDate: '1990-03-07' } as const;

describe('resident ID numbers', () => {
  it('reads the standard’s own example, check character X included', () => {
    expect(readResidentId('11010519491231002x')).toEqual({ birthDate: '1949-12-31', gender: 'FEMALE' });
  });

  it('refuses a wrong check character, a date that does not exist, and a wrong length', () => {
    expect(readResidentId('110105194912310021')).toBeNull();
    const first17 = '11010519900230001';
    expect(readResidentId(first17 + residentIdCheckCharacter(first17))).toBeNull();
    expect(readResidentId('1101051990030700')).toBeNull();
  });
});

describe('checkMember', () => {
  it('accepts a complete member whose ID agrees with the birth date and gender', () => {
    expect(
      checkMember({ ...base, idType: 'RESIDENT_ID', idNumber: residentId('1990-03-07', 'FEMALE') }, today),
    ).toEqual([]);
  });

  it('accepts a member born today, and a leap-day birthday', () => {
    expect(checkMember({ ...base, relationship: 'CHILD', birthDate: today }, today)).toEqual([]);
    expect(checkMember({ ...base, birthDate: '2000-02-29' }, today)).toEqual([]);
  });

  it('names every field at fault at once', () => {
    const problems = checkMember(
      { ...base, name: ' ', birthDate: '2027-01-01', occupationClass: 7, idType: 'RESIDENT_ID', idNumber: '123' },
      today,
    );
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['name', 'NAME_INVALID'],
      ['birthDate', 'BIRTH_AFTER_TODAY'],
      ['occupationClass', 'OCCUPATION_CLASS_INVALID'],
      ['idNumber', 'ID_NUMBER_INVALID'],
    ]);
  });

  it('catches an ID number that belongs to someone else: other birth date, other gender', () => {
    const problems = checkMember({ ...base, idType: 'RESIDENT_ID', idNumber: residentId('1991-03-07', 'MALE') }, today);
    expect(problems.map((problem) => problem.code)).toEqual(['BIRTH_DATE_MISMATCH', 'GENDER_MISMATCH']);
    expect(problems[0].message).toContain('1991-03-07');
  });

  it('takes a number without a type as a resident ID, and checks other documents loosely', () => {
    expect(checkMember({ ...base, idNumber: 'E12345678' }, today).map((p) => p.code)).toEqual(['ID_NUMBER_INVALID']);
    expect(checkMember({ ...base, idNumber: residentId('1990-03-07', 'FEMALE') }, today)).toEqual([]);
    expect(checkMember({ ...base, idType: 'PASSPORT', idNumber: 'E12345678' }, today)).toEqual([]);
    expect(checkMember({ ...base, idType: 'PASSPORT', idNumber: 'E1' }, today).map((p) => p.code)).toEqual([
      'ID_NUMBER_INVALID',
    ]);
  });

  it('refuses an age over 120 and a date that does not exist', () => {
    expect(checkMember({ ...base, birthDate: '1900-01-01' }, today).map((p) => p.code)).toEqual(['AGE_OUT_OF_RANGE']);
    expect(checkMember({ ...base, birthDate: '1990-02-30' }, today).map((p) => p.code)).toEqual(['DATE_INVALID']);
  });
});
