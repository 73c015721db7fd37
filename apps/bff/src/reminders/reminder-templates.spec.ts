import { REMINDER_KINDS, type ReminderEvent } from '@family/domain';
import {
  REMINDER_TEMPLATES,
  reminderLines,
  smsText,
  templateData,
  templateFor,
  templatesOf,
} from './reminder-templates.js';

const event = (overrides: Partial<ReminderEvent> = {}): ReminderEvent => ({
  kind: 'PAYMENT_DUE_7D',
  date: '2026-12-10',
  daysUntil: 7,
  key: 'p:PAYMENT_DUE_7D:2026-12-10',
  amount: 600_050,
  notGuaranteedToRenew: false,
  ...overrides,
});

describe('reminder templates', () => {
  it('has one template per kind of news and platform, with distinct ids', () => {
    expect(templatesOf('WECHAT')).toHaveLength(4);
    expect(templatesOf('ALIPAY')).toHaveLength(4);
    expect(new Set(REMINDER_TEMPLATES.map((template) => template.id)).size).toBe(8);
    for (const kind of REMINDER_KINDS) expect(templateFor('WECHAT', kind).platform).toBe('WECHAT');
    expect(templateFor('ALIPAY', 'PAYMENT_DUE_1D').kind).toBe('PAYMENT_DUE');
  });

  it('fills WeChat’s typed keywords within their limits, long product names clipped', () => {
    const lines = reminderLines(event(), '康宁福 终身重大疾病保险（2026 尊享版）');
    const data = templateData('WECHAT', lines.kind, lines.values);
    expect(data).toEqual({
      thing1: '康宁福 终身重大疾病保险（2026 尊…',
      amount2: '¥6000.5',
      date3: '2026-12-10',
      thing4: '7天后交费，请按时交费',
    });
    expect([...data.thing1]).toHaveLength(20);
    expect(templateData('ALIPAY', lines.kind, lines.values)).toMatchObject({
      keyword1: data.thing1,
      keyword4: data.thing4,
    });
  });

  it('says whether renewal is guaranteed, in every channel', () => {
    for (const notGuaranteedToRenew of [true, false]) {
      const expiry = event({ kind: 'EXPIRY_30D', amount: null, notGuaranteedToRenew, daysUntil: 30 });
      const [, , note] = reminderLines(expiry, '安心医疗').values;
      expect(note.includes('不保证续保')).toBe(notGuaranteedToRenew);
      expect([...note].length).toBeLessThanOrEqual(20);
      expect(smsText(expiry, '安心医疗').includes('不保证续保')).toBe(notGuaranteedToRenew);
    }
  });

  it('writes SMS texts within the gateway’s 200 characters', () => {
    for (const kind of REMINDER_KINDS) {
      const text = smsText(event({ kind, daysUntil: 0 }), '名'.repeat(80));
      expect(text.length).toBeLessThanOrEqual(200);
      expect(text.startsWith('【家庭保险】')).toBe(true);
    }
  });
});
