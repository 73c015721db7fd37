import {
  channelName,
  daysUntilText,
  remainingText,
  subscribedToast,
  templatesToAsk,
  templatesWithoutSubscription,
  upcomingStatus,
} from '../reminders';

const template = (id: string, remaining: number) => ({ id, kind: 'EXPIRY', title: '保单到期提醒', remaining });

describe('reminders wording', () => {
  it('says how many reminders are left of a template', () => {
    expect(remainingText(2)).toBe('还可提醒 2 次');
    expect(remainingText(0)).toBe('未订阅');
  });

  it('asks first for the templates with nothing left', () => {
    const templates = [template('a', 2), template('b', 0), template('c', 1), template('d', 0)];
    expect(templatesToAsk(templates)).toEqual(['b', 'd', 'a', 'c']);
    expect(templatesWithoutSubscription(templates)).toBe(2);
  });

  it('names the channel and reports what the dialog granted', () => {
    expect(channelName('WECHAT')).toBe('微信');
    expect(channelName('ALIPAY')).toBe('支付宝');
    expect(channelName('H5')).toBe('短信');
    expect(subscribedToast(0, 4)).toBe('未开启提醒，可随时在“我的”中开启');
    expect(subscribedToast(4, 4)).toBe('已开启提醒');
    expect(subscribedToast(2, 3)).toBe('已开启 2 项提醒');
    expect(subscribedToast(0, 0)).toBe('暂无可订阅的提醒');
  });

  it('tells delivered, switched-off, today’s and later reminders apart', () => {
    const base = { daysUntil: 7, remindOn: '2026-12-02', delivered: false, muted: false };
    expect(upcomingStatus({ ...base, delivered: true, muted: true }, '2026-12-02')).toEqual({
      text: '已提醒',
      tone: 'done',
    });
    expect(upcomingStatus({ ...base, muted: true }, '2026-12-02').text).toBe('已关闭提醒');
    expect(upcomingStatus(base, '2026-12-02').text).toBe('今天提醒');
    expect(upcomingStatus({ ...base, remindOn: '2026-12-09' }, '2026-12-02').text).toBe('12月9日提醒');
    expect([daysUntilText(7), daysUntilText(0), daysUntilText(-2)]).toEqual(['7 天后', '今天', '2 天前']);
  });
});
