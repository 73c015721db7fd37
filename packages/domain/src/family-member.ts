import { ageOn, parseCalendarDate } from './age.js';

/**
 * A household's member (F1): who they are to the account holder and what insurers ask about them.
 * The checks here run in the BFF before every write and in the client before sending, so a person
 * sees each problem at its field.
 */

export const RELATIONSHIPS = ['SELF', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'SIBLING', 'OTHER'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const RELATIONSHIP_LABELS: Readonly<Record<Relationship, string>> = {
  SELF: '本人',
  SPOUSE: '配偶',
  CHILD: '子女',
  PARENT: '父母',
  GRANDPARENT: '祖父母/外祖父母',
  SIBLING: '兄弟姐妹',
  OTHER: '其他',
};

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Readonly<Record<Gender, string>> = { MALE: '男', FEMALE: '女' };

export const ID_TYPES = ['RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PASS', 'TAIWAN_PASS', 'OTHER'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  RESIDENT_ID: '居民身份证',
  PASSPORT: '护照',
  HK_MACAO_PASS: '港澳居民来往内地通行证',
  TAIWAN_PASS: '台湾居民来往大陆通行证',
  OTHER: '其他证件',
};

/** What a person types for a member; strings as entered, checked by `checkMember`. */
export interface MemberInput {
  readonly relationship: Relationship;
  readonly name: string;
  readonly gender: Gender;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  readonly socialInsurance?: boolean | null;
  /** 1–6, the insurers' occupational classes; null when not given. */
  readonly occupationClass?: number | null;
  readonly idType?: IdType | null;
  readonly idNumber?: string | null;
  /** Yearly income in fen, when the person gives it (sizes the cover the gap rules recommend). */
  readonly annualIncome?: number | null;
}

export interface FieldProblem {
  /** The input field, as the API names it (`name`, `idNumber`…). */
  readonly field: string;
  readonly code: string;
  /** Simplified Chinese, for the person at that field. */
  readonly message: string;
}

const NAME = /^[\p{Script=Han}A-Za-z·•.\- ]{1,30}$/u;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of a resident ID number's first 17 digits (GB 11643). */
export function residentIdCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * ID_WEIGHTS[index], 0);
  return ID_CHECK[sum % 11];
}

/** The birth date (YYYY-MM-DD) and gender a well-formed resident ID number states; null when malformed. */
export function readResidentId(idNumber: string): { birthDate: string; gender: Gender } | null {
  const id = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return null;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!parseCalendarDate(birthDate)) return null;
  return { birthDate, gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}

/** A resident ID number as stored: trimmed, upper-case X. */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** The document type of a member's ID number: a resident ID unless another type is given. */
export function idTypeOf(input: Pick<MemberInput, 'idType' | 'idNumber'>): IdType | null {
  if (!input.idNumber?.trim()) return null;
  return input.idType ?? 'RESIDENT_ID';
}

/**
 * Every problem with a member, each at its field; empty when it may be saved. `today` is YYYY-MM-DD
 * on China's calendar.
 */
export function checkMember(input: MemberInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (!NAME.test(name)) {
    problems.push({ field: 'name', code: 'NAME_INVALID', message: '请填写 1–30 个字的姓名（汉字或字母）' });
  }
  const birth = parseCalendarDate(input.birthDate);
  if (!birth) {
    problems.push({ field: 'birthDate', code: 'DATE_INVALID', message: '出生日期须为有效日期，如 1990-03-07' });
  } else if (input.birthDate > today) {
    problems.push({ field: 'birthDate', code: 'BIRTH_AFTER_TODAY', message: '出生日期不能晚于今天' });
  } else if (ageOn(input.birthDate, today) > 120) {
    problems.push({ field: 'birthDate', code: 'AGE_OUT_OF_RANGE', message: '出生日期有误：年龄不能超过 120 岁' });
  }
  const occupation = input.occupationClass;
  if (
    occupation !== null &&
    occupation !== undefined &&
    !(Number.isInteger(occupation) && occupation >= 1 && occupation <= 6)
  ) {
    problems.push({ field: 'occupationClass', code: 'OCCUPATION_CLASS_INVALID', message: '职业类别须为 1–6 类' });
  }
  const income = input.annualIncome;
  if (income !== null && income !== undefined && !(Number.isSafeInteger(income) && income >= 0 && income <= 1e12)) {
    problems.push({ field: 'annualIncome', code: 'AMOUNT_INVALID', message: '年收入须为不小于 0 的金额' });
  }
  const idNumber = input.idNumber?.trim() ?? '';
  if (idNumber !== '' && idTypeOf(input) === 'RESIDENT_ID') {
    const stated = readResidentId(idNumber);
    if (!stated) {
      problems.push({ field: 'idNumber', code: 'ID_NUMBER_INVALID', message: '身份证号码有误，请核对 18 位号码' });
    } else {
      if (birth && stated.birthDate !== input.birthDate) {
        problems.push({
          field: 'birthDate',
          code: 'BIRTH_DATE_MISMATCH',
          message: `出生日期与身份证号码不符（证件上为 ${stated.birthDate}）`,
        });
      }
      if (stated.gender !== input.gender) {
        problems.push({ field: 'gender', code: 'GENDER_MISMATCH', message: '性别与身份证号码不符' });
      }
    }
  } else if (idNumber !== '' && !/^[A-Za-z0-9()（）-]{5,30}$/.test(idNumber)) {
    problems.push({ field: 'idNumber', code: 'ID_NUMBER_INVALID', message: '证件号码须为 5–30 位字母或数字' });
  }
  return problems;
}
