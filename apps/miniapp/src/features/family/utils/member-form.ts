import {
  checkMember,
  GENDER_LABELS,
  normaliseIdNumber,
  readResidentId,
  RELATIONSHIPS,
  type Gender,
  type IdType,
  type MemberInput,
  type Relationship,
} from '@family/domain';
import type { InputErrorReason } from '../../../graphql/errors';
import type {
  FamilyMemberFieldsFragment,
  FamilyMemberInput,
  FamilyMemberUpdateInput,
} from '../../../graphql/generated/graphql';
import { fenToYuanText, readYuan } from './money-input';

/**
 * The add / edit member form (F1): its values, the checks made before sending (the domain's
 * `checkMember`, the same the BFF runs), the input sent (everything when adding, only what changed
 * when editing) and where the BFF's `BAD_USER_INPUT` reasons land.
 *
 * The client never has a stored ID number in full: when editing, the number is kept unless the
 * person types a new one (`change`) or removes it (`remove`).
 */

export type MemberFormField =
  | 'relationship'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'socialInsurance'
  | 'occupationClass'
  | 'annualIncome'
  | 'annualIncome'
  | 'idType'
  | 'idNumber';

/** Messages per field; `form` holds those that belong to no field. */
export type MemberFormErrors = Partial<Record<MemberFormField | 'form', string[]>>;

/** What happens to the ID number: `keep` the stored one (editing only), type a new one, or remove it. */
export type IdNumberMode = 'keep' | 'change' | 'remove';

export interface MemberFormValues {
  relationship: Relationship | null;
  name: string;
  gender: Gender | null;
  /** YYYY-MM-DD from the picker, or as typed (H5). */
  birthDate: string;
  /** null: not given. */
  socialInsurance: boolean | null;
  /** 1–6, or null when not given. */
  occupationClass: number | null;
  /** Yearly income in 元 as typed; '' when not given (it sizes the cover the gap rules recommend). */
  annualIncome: string;
  idType: IdType;
  /** As typed; only sent in `change` mode. */
  idNumber: string;
  idNumberMode: IdNumberMode;
}

/** The member being edited, as loaded. */
export type EditedMember = Pick<
  FamilyMemberFieldsFragment,
  | 'id'
  | 'relationship'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'socialInsurance'
  | 'occupationClass'
  | 'annualIncome'
  | 'idType'
  | 'idNumber'
>;

export const OCCUPATION_CLASSES = [1, 2, 3, 4, 5, 6] as const;

const FORM_FIELDS: ReadonlySet<string> = new Set<MemberFormField>([
  'relationship',
  'name',
  'gender',
  'birthDate',
  'socialInsurance',
  'occupationClass',
  'annualIncome',
  'idType',
  'idNumber',
]);

/** Fields whose checks depend on each other: a resident ID states the birth date and gender. */
const ID_LINKED: readonly MemberFormField[] = ['birthDate', 'gender', 'idType', 'idNumber'];

export function emptyMemberForm(): MemberFormValues {
  return {
    relationship: null,
    name: '',
    gender: null,
    birthDate: '',
    socialInsurance: null,
    occupationClass: null,
    annualIncome: '',
    idType: 'RESIDENT_ID',
    idNumber: '',
    idNumberMode: 'change',
  };
}

/** The form prefilled with a member; a stored ID number is kept (and shown masked) until changed. */
export function memberFormFrom(member: EditedMember): MemberFormValues {
  return {
    relationship: member.relationship,
    name: member.name,
    gender: member.gender,
    birthDate: member.birthDate ?? '',
    socialInsurance: member.socialInsurance,
    occupationClass: member.occupationClass,
    annualIncome: fenToYuanText(member.annualIncome),
    idType: member.idType ?? 'RESIDENT_ID',
    idNumber: '',
    idNumberMode: member.idNumber ? 'keep' : 'change',
  };
}

/**
 * The relationships a member may be given: 本人 only when no other member of the household is 本人
 * (each household has one).
 */
export function relationshipOptions(
  members: readonly Pick<FamilyMemberFieldsFragment, 'id' | 'relationship'>[],
  editingId: string | null,
): Relationship[] {
  const selfTaken = members.some((member) => member.relationship === 'SELF' && member.id !== editingId);
  return RELATIONSHIPS.filter((relationship) => relationship !== 'SELF' || !selfTaken);
}

/**
 * A typed birth date as YYYY-MM-DD: `1990-3-7`, `1990/03/07`, `1990.3.7`, `1990年3月7日` and `19900307`
 * are read; anything else is returned trimmed, for the checks to refuse.
 */
export function normaliseBirthDate(text: string): string {
  const trimmed = text.trim();
  const pad = (value: string): string => value.padStart(2, '0');
  const separated = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  if (separated) return `${separated[1]}-${pad(separated[2])}-${pad(separated[3])}`;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return trimmed;
}

/** What a typed resident ID number states, and how it compares with the form. */
export interface ResidentIdHint {
  birthDate: string;
  gender: Gender;
  /**
   * `matches`: the form's birth date and gender are the ID's; `conflicts`: one of them, filled in,
   * differs; `fill`: neither differs but not both are filled in yet.
   */
  status: 'matches' | 'conflicts' | 'fill';
  /** e.g. 出生日期 1990-03-07，性别 男 */
  text: string;
}

/** The hint under a resident ID number being typed; null unless it is a well-formed resident ID. */
export function residentIdHint(values: MemberFormValues): ResidentIdHint | null {
  if (values.idNumberMode !== 'change' || values.idType !== 'RESIDENT_ID') return null;
  const stated = readResidentId(values.idNumber);
  if (!stated) return null;
  const birthDate = normaliseBirthDate(values.birthDate);
  const conflicts =
    (birthDate !== '' && birthDate !== stated.birthDate) || (values.gender !== null && values.gender !== stated.gender);
  const matches = birthDate === stated.birthDate && values.gender === stated.gender;
  return {
    ...stated,
    status: matches ? 'matches' : conflicts ? 'conflicts' : 'fill',
    text: `出生日期 ${stated.birthDate}，性别 ${GENDER_LABELS[stated.gender]}`,
  };
}

/** The form with the birth date and gender a resident ID states; unchanged when there is none. */
export function fillFromResidentId(values: MemberFormValues): MemberFormValues {
  const hint = residentIdHint(values);
  return hint ? { ...values, birthDate: hint.birthDate, gender: hint.gender } : values;
}

function add(errors: MemberFormErrors, field: MemberFormField | 'form', message: string): void {
  const list = errors[field] ?? [];
  if (!list.includes(message)) list.push(message);
  errors[field] = list;
}

export function hasErrors(errors: MemberFormErrors): boolean {
  return Object.values(errors).some((list) => list !== undefined && list.length > 0);
}

/** The ID number to check and send: null when it is kept as stored, '' when there is none. */
function idNumberToSend(values: MemberFormValues): string | null {
  if (values.idNumberMode === 'keep') return null;
  if (values.idNumberMode === 'remove') return '';
  return normaliseIdNumber(values.idNumber);
}

export interface MemberFormContext {
  /** Today as YYYY-MM-DD on China's calendar (`chinaToday`). */
  today: string;
  /** The relationships offered (`relationshipOptions`). */
  relationships: readonly Relationship[];
  /** The member being edited; null when adding. */
  original: EditedMember | null;
}

/**
 * Every problem with the form, each at its field; empty when it may be sent. Runs the domain's
 * `checkMember` for what it covers (name, dates, ID number against birth date and gender).
 */
export function validateMemberForm(values: MemberFormValues, context: MemberFormContext): MemberFormErrors {
  const errors: MemberFormErrors = {};
  if (values.relationship === null) add(errors, 'relationship', '请选择与本人的关系');
  else if (!context.relationships.includes(values.relationship)) {
    add(errors, 'relationship', '家庭中已有“本人”，每个家庭只能有一位本人');
  }
  if (values.gender === null) add(errors, 'gender', '请选择性别');
  const birthDate = normaliseBirthDate(values.birthDate);
  if (birthDate === '') add(errors, 'birthDate', '请填写出生日期');

  const income = readYuan(values.annualIncome);
  if (income.kind === 'invalid') add(errors, 'annualIncome', '请输入年收入（元），如 200000');

  const idNumber = idNumberToSend(values);
  if (values.idNumberMode === 'change' && idNumber === '' && context.original?.idNumber) {
    add(errors, 'idNumber', '请填写新的证件号码，或取消修改');
  }

  const input: MemberInput = {
    relationship: values.relationship ?? 'OTHER',
    name: values.name,
    // A missing gender is reported above; any stand-in would make up a mismatch with the ID number.
    gender: values.gender ?? readResidentId(idNumber ?? '')?.gender ?? 'MALE',
    birthDate,
    socialInsurance: values.socialInsurance,
    occupationClass: values.occupationClass,
    annualIncome: income.kind === 'amount' ? income.fen : null,
    idType: values.idType,
    idNumber,
  };
  for (const problem of checkMember(input, context.today)) {
    if (problem.field === 'birthDate' && birthDate === '') continue;
    add(errors, FORM_FIELDS.has(problem.field) ? (problem.field as MemberFormField) : 'form', problem.message);
  }
  return errors;
}

/** The input of `addFamilyMember`; call only on a form that passed validateMemberForm. */
export function toAddInput(values: MemberFormValues): FamilyMemberInput {
  if (values.relationship === null || values.gender === null) throw new Error('validate the member form first');
  const idNumber = idNumberToSend(values);
  return {
    relationship: values.relationship,
    name: values.name.trim(),
    gender: values.gender,
    birthDate: normaliseBirthDate(values.birthDate),
    ...(values.socialInsurance !== null ? { socialInsurance: values.socialInsurance } : {}),
    ...(values.occupationClass !== null ? { occupationClass: values.occupationClass } : {}),
    ...(annualIncomeFen(values) !== null ? { annualIncome: annualIncomeFen(values) } : {}),
    ...(idNumber ? { idType: values.idType, idNumber } : {}),
  };
}

/** The yearly income in fen; null when not given. */
function annualIncomeFen(values: MemberFormValues): number | null {
  const income = readYuan(values.annualIncome);
  return income.kind === 'amount' ? income.fen : null;
}

/**
 * The input of `updateFamilyMember`: only what differs from the member as loaded (null clears 社保,
 * the occupation class and the income; an empty idNumber removes the number). Empty when nothing changed.
 */
export function toUpdateInput(values: MemberFormValues, original: EditedMember): FamilyMemberUpdateInput {
  const input: FamilyMemberUpdateInput = {};
  if (values.relationship !== null && values.relationship !== original.relationship) {
    input.relationship = values.relationship;
  }
  const name = values.name.trim();
  if (name !== original.name) input.name = name;
  if (values.gender !== null && values.gender !== original.gender) input.gender = values.gender;
  const birthDate = normaliseBirthDate(values.birthDate);
  if (birthDate !== (original.birthDate ?? '')) input.birthDate = birthDate;
  if (values.socialInsurance !== original.socialInsurance) input.socialInsurance = values.socialInsurance;
  if (values.occupationClass !== original.occupationClass) input.occupationClass = values.occupationClass;
  const income = annualIncomeFen(values);
  if (income !== original.annualIncome) input.annualIncome = income;
  const idNumber = idNumberToSend(values);
  if (values.idNumberMode === 'remove' && original.idNumber) input.idNumber = '';
  if (values.idNumberMode === 'change' && idNumber) {
    input.idType = values.idType;
    input.idNumber = idNumber;
  }
  return input;
}

const SERVER_FIELDS: Readonly<Record<string, MemberFormField>> = {
  'input.relationship': 'relationship',
  'input.name': 'name',
  'input.gender': 'gender',
  'input.birthDate': 'birthDate',
  'input.socialInsurance': 'socialInsurance',
  'input.occupationClass': 'occupationClass',
  'input.annualIncome': 'annualIncome',
  'input.idType': 'idType',
  'input.idNumber': 'idNumber',
};

/** The BFF's reasons, each next to its field; reasons about no known field go to `form`. */
export function serverReasonsToErrors(reasons: readonly InputErrorReason[]): MemberFormErrors {
  const errors: MemberFormErrors = {};
  for (const reason of reasons) add(errors, SERVER_FIELDS[reason.field ?? ''] ?? 'form', reason.message);
  return errors;
}

export interface MemberFormState {
  values: MemberFormValues;
  errors: MemberFormErrors;
  saving: boolean;
}

export type MemberFormAction =
  | { type: 'set'; patch: Partial<MemberFormValues> }
  | { type: 'invalid'; errors: MemberFormErrors }
  | { type: 'save' }
  | { type: 'rejected'; errors: MemberFormErrors };

export function initialMemberFormState(values: MemberFormValues): MemberFormState {
  return { values, errors: {}, saving: false };
}

/**
 * Editing a field clears its messages, and those of the fields checked together with it (birth
 * date, gender and ID number), and any message about the whole form.
 */
export function memberFormReducer(state: MemberFormState, action: MemberFormAction): MemberFormState {
  switch (action.type) {
    case 'set': {
      const errors = { ...state.errors };
      const fields = Object.keys(action.patch) as (keyof MemberFormValues)[];
      for (const field of fields) {
        const formField: MemberFormField = field === 'idNumberMode' ? 'idNumber' : field;
        delete errors[formField];
        if (ID_LINKED.includes(formField)) for (const linked of ID_LINKED) delete errors[linked];
      }
      delete errors.form;
      return { ...state, values: { ...state.values, ...action.patch }, errors };
    }
    case 'invalid':
      return { ...state, errors: action.errors, saving: false };
    case 'save':
      return { ...state, errors: {}, saving: true };
    case 'rejected':
      return { ...state, errors: action.errors, saving: false };
  }
}
