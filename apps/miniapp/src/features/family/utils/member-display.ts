import { GENDER_LABELS, ID_TYPE_LABELS, RELATIONSHIPS, type IdType } from '@family/domain';
import type { FamilyMemberFieldsFragment, HouseholdRole } from '../../../graphql/generated/graphql';

/** How the family screens name and show members and roles. */

/** 35 → 35岁; a baby in its first year → 不满 1 岁. */
export function formatAge(age: number): string {
  return age < 1 ? '不满 1 岁' : `${age}岁`;
}

export function formatSocialInsurance(value: boolean | null): string {
  if (value === null) return '社保未填写';
  return value ? '有社保' : '无社保';
}

export function formatOccupationClass(value: number | null): string {
  return value === null ? '未填写' : `${value} 类`;
}

export function formatIdType(idType: IdType | null): string {
  return idType ? ID_TYPE_LABELS[idType] : '未填写';
}

/** A viewer sees the birth year only. */
export function formatBirthDate(member: Pick<FamilyMemberFieldsFragment, 'birthDate' | 'birthYear'>): string {
  return member.birthDate ?? `${member.birthYear} 年`;
}

type SummaryFields = Pick<FamilyMemberFieldsFragment, 'age' | 'gender' | 'socialInsurance'>;

/** The line under a member's name: 35岁 · 男 · 有社保. */
export function memberSummary(member: SummaryFields): string {
  return [formatAge(member.age), GENDER_LABELS[member.gender], formatSocialInsurance(member.socialInsurance)].join(
    ' · ',
  );
}

/**
 * A masked ID number as a screen reader should say it: the visible characters, not a run of
 * asterisks. 1101**********1234 → 1101 开头、1234 结尾（中间已隐藏）.
 */
export function spokenMaskedIdNumber(masked: string): string {
  const match = /^([^*]*)\*+([^*]*)$/.exec(masked);
  if (!match) return masked;
  const [, head, tail] = match;
  const parts = [head ? `${head} 开头` : '', tail ? `${tail} 结尾` : ''].filter(Boolean);
  return `${parts.join('、')}（中间已隐藏）`;
}

type LabelFields = SummaryFields &
  Pick<FamilyMemberFieldsFragment, 'relationshipLabel' | 'name' | 'isYou' | 'idType' | 'idNumber'>;

/**
 * What a screen reader says for a member's card, which opens the member's page; `policies` is what the
 * card says about their policies (2 份保单, and a warning).
 */
export function memberCardLabel(member: LabelFields, policies: readonly (string | null)[] = []): string {
  const parts = [`${member.relationshipLabel} ${member.name}${member.isYou ? '（你）' : ''}`, memberSummary(member)];
  if (member.idNumber) {
    parts.push(`${formatIdType(member.idType)} ${spokenMaskedIdNumber(member.idNumber)}`);
  }
  parts.push(...policies.filter((text): text is string => Boolean(text)));
  return `${parts.join('，')}。查看详情`;
}

export const ROLE_LABELS: Readonly<Record<HouseholdRole, string>> = {
  OWNER: '创建者',
  MEMBER: '家庭成员',
  VIEWER: '仅查看',
};

/** The role of an account in 家庭账号 (who belongs to the household). */
export const PERSON_ROLE_LABELS: Readonly<Record<HouseholdRole, string>> = {
  OWNER: '管理员',
  MEMBER: '成员',
  VIEWER: '查看者',
};

/** What the signed-in person may do in a household that is not theirs; null for the owner. */
export function roleNotice(role: HouseholdRole): string | null {
  switch (role) {
    case 'OWNER':
      return null;
    case 'MEMBER':
      return '你是这个家庭的成员：可以添加家庭成员，编辑你添加的成员和你自己的信息。';
    case 'VIEWER':
      return '你可以查看这个家庭，姓名和出生日期已隐去部分信息。';
  }
}

/** Members in the order of the family: 本人, 配偶, 子女, 父母…; within one relationship, as added. */
export function sortMembers<T extends Pick<FamilyMemberFieldsFragment, 'relationship' | 'createdAt'>>(
  members: readonly T[],
): T[] {
  return [...members].sort(
    (a, b) =>
      RELATIONSHIPS.indexOf(a.relationship) - RELATIONSHIPS.indexOf(b.relationship) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
