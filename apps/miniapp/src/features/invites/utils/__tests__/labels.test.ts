import { inactiveMessage, offeredRoleText, stageLabel, validityText } from '../labels';

const NOW = Date.parse('2025-03-01T08:00:00Z');
const inHours = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

describe('invite words', () => {
  it('says how long an invite lasts', () => {
    expect(validityText({ kind: 'FAMILY_JOIN', status: 'ACTIVE', expiresAt: inHours(72) }, NOW)).toBe(
      '72 小时内有效，仅可使用一次',
    );
    expect(validityText({ kind: 'FAMILY_JOIN', status: 'ACTIVE', expiresAt: inHours(71.5) }, NOW)).toBe(
      '72 小时内有效，仅可使用一次',
    );
    expect(validityText({ kind: 'POLICY_SUMMARY', status: 'ACTIVE', expiresAt: inHours(168) }, NOW)).toBe('7 天内有效');
    expect(validityText({ kind: 'PRODUCT', status: 'ACTIVE', expiresAt: null }, NOW)).toBe('撤销前长期有效');
    expect(validityText({ kind: 'FAMILY_JOIN', status: 'USED', expiresAt: inHours(10) }, NOW)).toBe('已使用');
    expect(validityText({ kind: 'FAMILY_JOIN', status: 'ACTIVE', expiresAt: inHours(-1) }, NOW)).toBe('已过期');
  });

  it('explains the role offered', () => {
    expect(offeredRoleText('MEMBER')).toBe('成员：可添加和编辑自己添加的内容');
    expect(offeredRoleText('VIEWER')).toBe('查看者：只能查看，个人信息打码');
  });

  it("names a friend's stage", () => {
    expect(stageLabel('OPENED', null)).toBe('已查看');
    expect(stageLabel('CONVERTED', 'JOINED')).toBe('已加入');
    expect(stageLabel('CONVERTED', 'QUOTED')).toBe('已测算');
  });

  it('names the sharer when an invite cannot be used', () => {
    expect(inactiveMessage('FAMILY_JOIN', 'EXPIRED', '王*')).toBe('邀请已过期，请联系 王* 重新邀请');
    expect(inactiveMessage('POLICY_SUMMARY', 'EXPIRED', '王*')).toBe('分享已过期，请联系 王* 重新分享');
  });
});
