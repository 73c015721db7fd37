import {
  INVITE_CODE_ALPHABET,
  INVITE_CODE_BITS,
  INVITE_CODE_LENGTH,
  WECHAT_SCENE,
  funnelStageOf,
  inviteExpiry,
  inviteStatus,
  isInviteCode,
  newInviteCode,
  withinAttributionWindow,
} from './invite.js';

/** The platform's CSPRNG (Web Crypto, as in a browser). */
const randomBytes = (size: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(size));

const NOW = Date.UTC(2026, 11, 1, 12);
const HOUR = 3_600_000;

describe('invite codes', () => {
  it('are 22 characters of the 62-letter alphabet, at least 128 bits, and fit a WeChat scene', () => {
    expect(INVITE_CODE_ALPHABET).toHaveLength(62);
    expect(new Set(INVITE_CODE_ALPHABET).size).toBe(62);
    expect(INVITE_CODE_BITS).toBeGreaterThanOrEqual(128);
    expect(INVITE_CODE_LENGTH).toBeLessThanOrEqual(32);
    for (let i = 0; i < 200; i += 1) {
      const code = newInviteCode(randomBytes);
      expect(code).toHaveLength(INVITE_CODE_LENGTH);
      expect(isInviteCode(code)).toBe(true);
      expect(WECHAT_SCENE.test(code)).toBe(true);
      expect(encodeURIComponent(code)).toBe(code);
    }
  });

  it('draws every character uniformly (bytes ≥ 248 are thrown away, not folded onto the first letters)', () => {
    // A source that only ever gives 250, then 61: a folding implementation would emit alphabet[250 % 62] = '2'.
    let calls = 0;
    const source = (size: number): Uint8Array => {
      calls += 1;
      return new Uint8Array(size).fill(calls % 2 === 1 ? 250 : 61);
    };
    const code = newInviteCode(source);
    expect(code).toBe('z'.repeat(INVITE_CODE_LENGTH));
    expect(calls).toBe(2);
  });

  it('spreads characters evenly over many codes (chi-squared well under the 0.1% critical value)', () => {
    const counts = new Map<string, number>();
    const codes = 3000;
    for (let i = 0; i < codes; i += 1) {
      for (const char of newInviteCode(randomBytes)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    const expected = (codes * INVITE_CODE_LENGTH) / 62;
    let chiSquared = 0;
    for (const char of INVITE_CODE_ALPHABET) chiSquared += ((counts.get(char) ?? 0) - expected) ** 2 / expected;
    // 61 degrees of freedom: P(χ² > 100.9) ≈ 0.001.
    expect(chiSquared).toBeLessThan(100.9);
  });

  it('never repeats over many draws', () => {
    const seen = new Set(Array.from({ length: 20_000 }, () => newInviteCode(randomBytes)));
    expect(seen.size).toBe(20_000);
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'a'.repeat(23)],
    ['a character outside the alphabet', `${'a'.repeat(21)}-`],
    ['URL syntax', `${'a'.repeat(20)}%2`],
    ['empty', ''],
  ])('rejects %s', (_label, text) => {
    expect(isInviteCode(text)).toBe(false);
  });
});

describe('invite lifetimes', () => {
  it('default to 72 hours for a family invite, 7 days for a policy summary, none for a product card', () => {
    expect(inviteExpiry('FAMILY_JOIN', NOW, null)).toEqual({ expiresAt: new Date(NOW + 72 * HOUR) });
    expect(inviteExpiry('POLICY_SUMMARY', NOW, undefined)).toEqual({ expiresAt: new Date(NOW + 168 * HOUR) });
    expect(inviteExpiry('PRODUCT', NOW, null)).toEqual({ expiresAt: null });
  });

  it('take the sharer’s choice within the kind’s limit', () => {
    expect(inviteExpiry('FAMILY_JOIN', NOW, 1)).toEqual({ expiresAt: new Date(NOW + HOUR) });
    expect(inviteExpiry('FAMILY_JOIN', NOW, 168)).toEqual({ expiresAt: new Date(NOW + 168 * HOUR) });
    expect(inviteExpiry('FAMILY_JOIN', NOW, 169)).toHaveProperty('problem');
    expect(inviteExpiry('POLICY_SUMMARY', NOW, 0)).toHaveProperty('problem');
    expect(inviteExpiry('PRODUCT', NOW, 1.5)).toHaveProperty('problem');
  });
});

describe('invite status', () => {
  const base = { kind: 'FAMILY_JOIN' as const, expiresAt: new Date(NOW + HOUR), revokedAt: null, usedAt: null };

  it('is active until it expires, at the expiry instant expired', () => {
    expect(inviteStatus(base, NOW)).toBe('ACTIVE');
    expect(inviteStatus(base, NOW + HOUR - 1)).toBe('ACTIVE');
    expect(inviteStatus(base, NOW + HOUR)).toBe('EXPIRED');
    expect(inviteStatus({ ...base, expiresAt: null }, NOW + 1000 * HOUR)).toBe('ACTIVE');
  });

  it('stays used after its expiry, and revoked wins over everything', () => {
    const used = { ...base, usedAt: new Date(NOW) };
    expect(inviteStatus(used, NOW + 2 * HOUR)).toBe('USED');
    expect(inviteStatus({ ...used, revokedAt: new Date(NOW) }, NOW)).toBe('REVOKED');
    expect(inviteStatus({ ...base, revokedAt: new Date(NOW) }, NOW + 2 * HOUR)).toBe('REVOKED');
  });
});

describe('attribution', () => {
  it('counts events within 7 days after the first touch, not before it nor after', () => {
    const touched = new Date(NOW);
    expect(withinAttributionWindow(touched, NOW)).toBe(true);
    expect(withinAttributionWindow(touched, NOW + 7 * 24 * HOUR)).toBe(true);
    expect(withinAttributionWindow(touched, NOW + 7 * 24 * HOUR + 1)).toBe(false);
    expect(withinAttributionWindow(touched, NOW - 1)).toBe(false);
  });

  it('places a friend at the furthest stage reached', () => {
    const touchedAt = new Date(NOW);
    expect(funnelStageOf({ touchedAt, signedUpAt: null, convertedAt: null, boughtAt: null })).toBe('OPENED');
    expect(funnelStageOf({ touchedAt, signedUpAt: touchedAt, convertedAt: null, boughtAt: null })).toBe('SIGNED_UP');
    expect(funnelStageOf({ touchedAt, signedUpAt: null, convertedAt: touchedAt, boughtAt: null })).toBe('CONVERTED');
    expect(funnelStageOf({ touchedAt, signedUpAt: null, convertedAt: null, boughtAt: touchedAt })).toBe('BOUGHT');
  });
});
