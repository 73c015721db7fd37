import { REMINDER_KINDS, type ReminderEvent } from '@family/domain';
import {
  ReminderTemplateCatalog,
  SANDBOX_TEMPLATE_IDS,
  reminderLines,
  smsText,
  templateData,
} from './reminder-templates.js';

const sandbox = ReminderTemplateCatalog.fromConfig({ WECHAT: null, ALIPAY: null, sandboxDefaults: true });

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
    expect(sandbox.of('WECHAT')).toHaveLength(4);
    expect(sandbox.of('ALIPAY')).toHaveLength(4);
    expect(new Set(sandbox.all.map((template) => template.id)).size).toBe(8);
    for (const kind of REMINDER_KINDS) expect(sandbox.for('WECHAT', kind)?.platform).toBe('WECHAT');
    expect(sandbox.for('ALIPAY', 'PAYMENT_DUE_1D')?.kind).toBe('PAYMENT_DUE');
  });

  it('takes the configured ids, the sandbox apps’ only outside production, and none for a platform without', () => {
    const ids = { PAYMENT_DUE: 'p', EXPIRY: 'e', COOLING_OFF_END: 'c', WAITING_PERIOD_END: 'w' };
    const configured = ReminderTemplateCatalog.fromConfig({ WECHAT: ids, ALIPAY: null, sandboxDefaults: true });
    expect(configured.for('WECHAT', 'EXPIRY_7D')).toEqual({
      id: 'e',
      platform: 'WECHAT',
      kind: 'EXPIRY',
      title: '保单到期提醒',
    });
    expect(configured.of('ALIPAY').map((template) => template.id)).toEqual(Object.values(SANDBOX_TEMPLATE_IDS.ALIPAY));
    const production = ReminderTemplateCatalog.fromConfig({ WECHAT: ids, ALIPAY: null, sandboxDefaults: false });
    expect(production.of('ALIPAY')).toEqual([]);
    expect(production.for('ALIPAY', 'PAYMENT_DUE_7D')).toBeNull();
    expect(production.of('WECHAT').map((template) => template.id)).toEqual(['p', 'e', 'c', 'w']);
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
