/**
 * Share-to-friend invites (R1–R6, the joining half of F6): their codes, their lifetimes and the state
 * an invite is in. Pure rules, the same in the BFF and the mini-program.
 *
 * - PRODUCT: a product card; multi-use, never expires by itself, revocable; carries attribution.
 * - FAMILY_JOIN: joins the household with the role the owner picked; single-use, 72 hours by
 *   default, revocable.
 * - POLICY_SUMMARY: a read-only, masked summary of one policy; multi-use, 7 days by default,
 *   revocable.
 */

export const INVITE_KINDS = ['PRODUCT', 'FAMILY_JOIN', 'POLICY_SUMMARY'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];

export const INVITE_STATUSES = ['ACTIVE', 'EXPIRED', 'REVOKED', 'USED'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

/** Roles a family invite may give: never OWNER (a household has one owner). */
export const INVITE_ROLES = ['MEMBER', 'VIEWER'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

/**
 * The code's characters: digits and ASCII letters, a subset of what WeChat allows in a mini-program
 * code's `scene` (digits, letters and `!#$&'()*+,/:;=?@-._~`, at most 32), safe in a URL path or query
 * without escaping, and the same on Alipay and in an H5 link.
 */
export const INVITE_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 22 characters of 62: log2(62) × 22 ≈ 131 bits, at least the 128 the brief asks for, and ≤ 32. */
export const INVITE_CODE_LENGTH = 22;
export const INVITE_CODE_BITS = INVITE_CODE_LENGTH * Math.log2(INVITE_CODE_ALPHABET.length);
const INVITE_CODE = new RegExp(`^[0-9A-Za-z]{${INVITE_CODE_LENGTH}}$`);

/** The characters WeChat accepts in a mini-program code's `scene`. */
export const WECHAT_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/**
 * A new code from a cryptographically secure source of random bytes (Node's `randomBytes`, the
 * browser's `getRandomValues`). Each character is uniform: bytes of 248 and above are thrown away
 * (248 = 4 × 62), so no character is likelier than another.
 */
export function newInviteCode(randomBytes: (size: number) => Uint8Array): string {
  let code = '';
  while (code.length < INVITE_CODE_LENGTH) {
    for (const byte of randomBytes(INVITE_CODE_LENGTH * 2)) {
      if (byte >= 248) continue;
      code += INVITE_CODE_ALPHABET[byte % 62];
      if (code.length === INVITE_CODE_LENGTH) break;
    }
  }
  return code;
}

/** Whether the text has the shape of an invite code (says nothing of whether one exists). */
export function isInviteCode(text: string): boolean {
  return INVITE_CODE.test(text);
}

const HOUR_MS = 3_600_000;

/** How long an invite lasts when its sharer does not say; null: until revoked. */
export const DEFAULT_INVITE_HOURS: Readonly<Record<InviteKind, number | null>> = {
  PRODUCT: null,
  FAMILY_JOIN: 72,
  POLICY_SUMMARY: 7 * 24,
};

/** The longest a sharer may make an invite last. */
export const MAX_INVITE_HOURS: Readonly<Record<InviteKind, number>> = {
  PRODUCT: 365 * 24,
  FAMILY_JOIN: 7 * 24,
  POLICY_SUMMARY: 30 * 24,
};

/** When an invite made at `createdAtMs` expires, or a Chinese reason the asked lifetime is refused. */
export function inviteExpiry(
  kind: InviteKind,
  createdAtMs: number,
  hours: number | null | undefined,
): { expiresAt: Date | null } | { problem: string } {
  const chosen = hours ?? DEFAULT_INVITE_HOURS[kind];
  if (chosen === null) return { expiresAt: null };
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > MAX_INVITE_HOURS[kind]) {
    return { problem: `有效期需为 1 到 ${MAX_INVITE_HOURS[kind]} 小时之间的整数` };
  }
  return { expiresAt: new Date(createdAtMs + chosen * HOUR_MS) };
}

export interface InviteState {
  readonly kind: InviteKind;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly usedAt: Date | null;
}

/**
 * The state of an invite now. Revoked wins over everything (the sharer's last word), then used, then
 * expired; a used single-use invite stays USED after its expiry so the sharer sees it worked.
 */
export function inviteStatus(invite: InviteState, nowMs: number): InviteStatus {
  if (invite.revokedAt) return 'REVOKED';
  if (invite.usedAt) return 'USED';
  if (invite.expiresAt && invite.expiresAt.getTime() <= nowMs) return 'EXPIRED';
  return 'ACTIVE';
}

/** Whether a friend can accept this kind of invite (the others are only looked at). */
export function isJoinInvite(kind: InviteKind): boolean {
  return kind === 'FAMILY_JOIN';
}

/**
 * Attribution is first touch within 7 days: a friend's sign-up, join or quote counts for the first
 * invite they opened, if they opened it at most 7 days before; after that a new invite may touch them.
 */
export const ATTRIBUTION_WINDOW_DAYS = 7;
export const ATTRIBUTION_WINDOW_MS = ATTRIBUTION_WINDOW_DAYS * 24 * HOUR_MS;

/** The funnel's stages, in order; BOUGHT arrives with buying (B1). */
export const FUNNEL_STAGES = ['OPENED', 'SIGNED_UP', 'CONVERTED', 'BOUGHT'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface AttributionMarks {
  readonly touchedAt: Date;
  readonly signedUpAt: Date | null;
  readonly convertedAt: Date | null;
  readonly boughtAt: Date | null;
}

/** How far a touched friend went. */
export function funnelStageOf(marks: AttributionMarks): FunnelStage {
  if (marks.boughtAt) return 'BOUGHT';
  if (marks.convertedAt) return 'CONVERTED';
  if (marks.signedUpAt) return 'SIGNED_UP';
  return 'OPENED';
}

/** Whether an event at `atMs` still counts for a touch made at `touchedAt`. */
export function withinAttributionWindow(touchedAt: Date, atMs: number): boolean {
  return atMs - touchedAt.getTime() <= ATTRIBUTION_WINDOW_MS && atMs >= touchedAt.getTime();
}
