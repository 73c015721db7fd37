import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, auditPurgeCutoff, isAuditRead } from './audit.js';

const DAY = 86_400_000;

describe('auditPurgeCutoff', () => {
  // 2026-12-02 10:00 in China.
  const now = Date.parse('2026-12-02T10:00:00+08:00');

  it('is the start of the China day 180 days back', () => {
    expect(auditPurgeCutoff(now, 180).toISOString()).toBe(new Date('2026-06-05T00:00:00+08:00').toISOString());
  });

  it('keeps rows of 179 and 180 days, at any hour of the day, and purges those of 181 days', () => {
    const cutoff = auditPurgeCutoff(now, 180).getTime();
    for (const ageMs of [179 * DAY, 180 * DAY, 180 * DAY + (10 * DAY) / 24 - 1])
      expect(now - ageMs).toBeGreaterThanOrEqual(cutoff);
    for (const ageMs of [180 * DAY + (10 * DAY) / 24 + 1, 181 * DAY, 400 * DAY])
      expect(now - ageMs).toBeLessThan(cutoff);
  });

  it('counts days on the China calendar just after midnight there (16:00 UTC)', () => {
    const justAfterMidnight = Date.parse('2026-12-02T00:00:01+08:00');
    expect(auditPurgeCutoff(justAfterMidnight, 180).toISOString()).toBe(
      new Date('2026-06-05T00:00:00+08:00').toISOString(),
    );
  });

  it('follows a longer retention', () => {
    expect(auditPurgeCutoff(now, 365).getTime()).toBeLessThan(auditPurgeCutoff(now, 180).getTime());
  });
});

describe('audit actions', () => {
  it('word every action in Chinese', () => {
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('tell reads from writes', () => {
    expect(isAuditRead('MEMBER_READ')).toBe(true);
    expect(isAuditRead('ID_NUMBER_REVEAL')).toBe(true);
    expect(isAuditRead('MEMBER_CREATE')).toBe(false);
    expect(isAuditRead('INVITE_ACCEPT')).toBe(false);
  });
});
