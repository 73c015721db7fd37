import { ageOn, chinaToday, DateInputError, parseCalendarDate } from './age.js';

describe('ageOn', () => {
  it.each([
    ['1990-06-15', '2024-06-14', 33],
    ['1990-06-15', '2024-06-15', 34],
    ['1990-06-15', '2024-06-16', 34],
    ['1990-12-31', '2025-01-01', 34],
    ['2024-05-01', '2024-05-01', 0],
    ['2023-05-02', '2024-05-01', 0],
  ])('born %s is %p years old on %s', (birth, today, age) => {
    expect(ageOn(birth, today)).toBe(age);
  });

  describe('born on 29 February (birthday counted as 03-01 in common years)', () => {
    it.each([
      ['2001-02-28', 0],
      ['2001-03-01', 1],
      ['2003-02-28', 2],
      ['2003-03-01', 3],
      ['2004-02-28', 3],
      ['2004-02-29', 4],
      ['2100-02-28', 99], // 2100 is not a leap year
      ['2100-03-01', 100],
    ])('on %s is %p', (today, age) => {
      expect(ageOn('2000-02-29', today)).toBe(age);
    });
  });

  it('counts someone born on 03-01 a year older on 03-01, not on 02-29', () => {
    expect(ageOn('2003-03-01', '2004-02-29')).toBe(0);
    expect(ageOn('2003-03-01', '2004-03-01')).toBe(1);
  });

  it.each([
    '2023-02-29',
    '2023-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '0000-01-01',
    '2024-1-5',
    '2024/01/05',
    '',
    ' 2024-01-05',
  ])('rejects the invalid date %p', (text) => {
    expect(() => ageOn(text, '2024-06-01')).toThrow(DateInputError);
    expect(() => ageOn('2000-01-01', text)).toThrow(DateInputError);
  });

  it('names the field and code of an invalid date', () => {
    const error = catchError(() => ageOn('2000-01-01', '2023-02-30'));
    expect(error).toMatchObject({ code: 'INVALID_DATE', field: 'today', value: '2023-02-30' });
    expect(error.message).toContain('不是有效日期');
  });

  it('refuses a birth date after today, but accepts today', () => {
    const error = catchError(() => ageOn('2024-06-02', '2024-06-01'));
    expect(error).toMatchObject({ code: 'BIRTH_AFTER_TODAY', field: 'birthDate' });
    expect(ageOn('2024-06-01', '2024-06-01')).toBe(0);
  });
});

describe('parseCalendarDate', () => {
  it('accepts leap days of leap years only', () => {
    expect(parseCalendarDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseCalendarDate('2024-02-29')).not.toBeNull();
    expect(parseCalendarDate('1900-02-29')).toBeNull();
    expect(parseCalendarDate('2023-02-29')).toBeNull();
  });
});

function catchError(run: () => unknown): DateInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof DateInputError) return error;
    throw error;
  }
  throw new Error('expected a DateInputError');
}

describe('chinaToday', () => {
  it('turns the date at midnight in China, 16:00 UTC', () => {
    expect(chinaToday(Date.parse('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaToday(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
