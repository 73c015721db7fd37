/**
 * Age in completed years from calendar dates written YYYY-MM-DD. Works on the numbers in the
 * strings, never on Date, so the answer does not depend on the device's time zone.
 *
 * Leap-day births: in a year without 29 February, a person born on 02-29 turns a year older on
 * 03-01 (the convention Chinese insurers commonly apply). Born 2000-02-29: 0 on 2001-02-28, 1 on
 * 2001-03-01, and 4 on 2004-02-29.
 */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type DateInputErrorCode = 'INVALID_DATE' | 'BIRTH_AFTER_TODAY';

export class DateInputError extends Error {
  constructor(
    readonly code: DateInputErrorCode,
    readonly field: 'birthDate' | 'today',
    readonly value: string,
    message: string,
  ) {
    super(message);
    this.name = 'DateInputError';
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses YYYY-MM-DD (year 0001–9999); null when the text is not a date of the calendar. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Completed years between a birth date and today, both YYYY-MM-DD. Throws DateInputError. */
export function ageOn(birthDate: string, today: string): number {
  const birth = parseOrThrow(birthDate, 'birthDate');
  const now = parseOrThrow(today, 'today');
  if (compareDates(birth, now) > 0) {
    throw new DateInputError(
      'BIRTH_AFTER_TODAY',
      'birthDate',
      birthDate,
      `出生日期 ${birthDate} 晚于当前日期 ${today}`,
    );
  }
  // Comparing (month, day) directly gives the 03-01 convention for free: in a common year there is
  // no 02-29, so 02-28 sorts before the birthday and 03-01 after it.
  const hadBirthdayThisYear = now.month > birth.month || (now.month === birth.month && now.day >= birth.day);
  return now.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}

function parseOrThrow(text: string, field: 'birthDate' | 'today'): CalendarDate {
  const date = parseCalendarDate(text);
  if (date) return date;
  const label = field === 'birthDate' ? '出生日期' : '当前日期';
  throw new DateInputError('INVALID_DATE', field, text, `${label} ${text} 不是有效日期，请按 YYYY-MM-DD 填写`);
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Today's date in China (UTC+8, no daylight saving) as YYYY-MM-DD, from epoch milliseconds. */
export function chinaToday(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
}
