import {
  type Fen,
  type ReminderEvent,
  type ReminderKind,
  type ReminderTemplateKind,
  REMINDER_TEMPLATE_KINDS,
  TEMPLATE_KIND_OF,
  formatYuan,
} from '@family/domain';

/**
 * The subscription message templates reminders are sent with, one per kind of news (both reminders
 * of a payment share one). Their ids come from the configuration (`WECHAT_REMINDER_TEMPLATES`,
 * `ALIPAY_REMINDER_TEMPLATES`); outside production a platform not configured uses the sandbox apps'
 * (apps/sandbox/src/platforms/credentials.ts).
 */
export { REMINDER_TEMPLATE_KINDS, type ReminderTemplateKind };
export type MessagePlatform = 'WECHAT' | 'ALIPAY';
export const MESSAGE_PLATFORMS: readonly MessagePlatform[] = ['WECHAT', 'ALIPAY'];

export interface ReminderTemplate {
  readonly id: string;
  readonly platform: MessagePlatform;
  readonly kind: ReminderTemplateKind;
  /** What the person is asked to allow, as the platform shows the template. */
  readonly title: string;
}

export type TemplateIds = Readonly<Record<ReminderTemplateKind, string>>;

const TITLES: Readonly<Record<ReminderTemplateKind, string>> = {
  PAYMENT_DUE: '保费交费提醒',
  EXPIRY: '保单到期提醒',
  COOLING_OFF_END: '犹豫期结束提醒',
  WAITING_PERIOD_END: '等待期结束提醒',
};

/** The sandbox apps' templates: the default outside production. */
export const SANDBOX_TEMPLATE_IDS: Readonly<Record<MessagePlatform, TemplateIds>> = {
  WECHAT: {
    PAYMENT_DUE: 'sbxPayDue0Tmpl-Aq4Nw2Lk7Rz1Xc9Vb3Mn5Hs8Jd6Fg0',
    EXPIRY: 'sbxExpiry0Tmpl-Bw5Pe3Ml8Sa2Yd0Wc4No6It9Ke7Gh1',
    COOLING_OFF_END: 'sbxCoolOff0Tmpl-Cx6Qf4Nm9Tb3Ze1Xd5Op7Ju0Lf8Hi',
    WAITING_PERIOD_END: 'sbxWaiting0Tmpl-Dy7Rg5Oa0Uc4Af2Ye6Pq8Kv1Mg9Ij',
  },
  ALIPAY: {
    PAYMENT_DUE: 'a1f0c3e2b4d5469788a9b0c1d2e3f401',
    EXPIRY: 'a1f0c3e2b4d5469788a9b0c1d2e3f402',
    COOLING_OFF_END: 'a1f0c3e2b4d5469788a9b0c1d2e3f403',
    WAITING_PERIOD_END: 'a1f0c3e2b4d5469788a9b0c1d2e3f404',
  },
};

/** The templates of each platform, from the configured ids (a platform without ids has none). */
export class ReminderTemplateCatalog {
  readonly all: readonly ReminderTemplate[];

  constructor(ids: Readonly<Partial<Record<MessagePlatform, TemplateIds | null>>>) {
    this.all = MESSAGE_PLATFORMS.flatMap((platform) => {
      const given = ids[platform];
      return given
        ? REMINDER_TEMPLATE_KINDS.map((kind) => ({ id: given[kind], platform, kind, title: TITLES[kind] }))
        : [];
    });
  }

  /**
   * From the configuration: the ids given, else (outside production) the sandbox apps'.
   */
  static fromConfig(config: {
    readonly WECHAT: TemplateIds | null;
    readonly ALIPAY: TemplateIds | null;
    readonly sandboxDefaults: boolean;
  }): ReminderTemplateCatalog {
    const pick = (platform: MessagePlatform): TemplateIds | null =>
      config[platform] ?? (config.sandboxDefaults ? SANDBOX_TEMPLATE_IDS[platform] : null);
    return new ReminderTemplateCatalog({ WECHAT: pick('WECHAT'), ALIPAY: pick('ALIPAY') });
  }

  of(platform: MessagePlatform): ReminderTemplate[] {
    return this.all.filter((template) => template.platform === platform);
  }

  /** The template a reminder of this kind is sent with on the platform; null when it has none. */
  for(platform: MessagePlatform, kind: ReminderKind): ReminderTemplate | null {
    return (
      this.all.find((template) => template.platform === platform && template.kind === TEMPLATE_KIND_OF[kind]) ?? null
    );
  }
}

/**
 * The page a reminder opens: 我家, where the family's policies are, told it came from a reminder
 * (it offers to keep receiving them: each one-time subscription allows one message).
 */
export const REMINDER_PAGE = 'pages/family/index?from=reminder';

/** At most `max` characters (WeChat's `thing` keywords hold 20). */
function clip(text: string, max = 20): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

function when(daysUntil: number): string {
  return daysUntil > 0 ? `${daysUntil}天后` : daysUntil === 0 ? '今天' : `${-daysUntil}天前`;
}

/** The message's lines, in the template's keyword order. */
export function reminderLines(
  event: ReminderEvent,
  productName: string,
): { kind: ReminderTemplateKind; values: string[] } {
  const product = clip(productName);
  switch (TEMPLATE_KIND_OF[event.kind]) {
    case 'PAYMENT_DUE':
      return {
        kind: 'PAYMENT_DUE',
        values: [
          product,
          `¥${formatYuan(event.amount ?? (0 as Fen))}`,
          event.date,
          clip(`${when(event.daysUntil)}交费，请按时交费`),
        ],
      };
    case 'EXPIRY':
      return {
        kind: 'EXPIRY',
        values: [
          product,
          event.date,
          event.notGuaranteedToRenew ? '不保证续保，请提前安排续保或替代保障' : '保证续保期内，请按时续保',
        ].map((value) => clip(value)),
      };
    case 'COOLING_OFF_END':
      return { kind: 'COOLING_OFF_END', values: [product, event.date, '犹豫期内退保可退还全部保费'] };
    case 'WAITING_PERIOD_END':
      return { kind: 'WAITING_PERIOD_END', values: [product, event.date, '等待期已结束，保障全面生效'] };
  }
}

const WECHAT_KEYWORDS: Readonly<Record<ReminderTemplateKind, readonly string[]>> = {
  PAYMENT_DUE: ['thing1', 'amount2', 'date3', 'thing4'],
  EXPIRY: ['thing1', 'date2', 'thing3'],
  COOLING_OFF_END: ['thing1', 'date2', 'thing3'],
  WAITING_PERIOD_END: ['thing1', 'date2', 'thing3'],
};

/** The template's data: WeChat's typed keywords, Alipay's `keyword1`…. */
export function templateData(platform: MessagePlatform, kind: ReminderTemplateKind, values: readonly string[]) {
  const keys = platform === 'WECHAT' ? WECHAT_KEYWORDS[kind] : values.map((_value, index) => `keyword${index + 1}`);
  return Object.fromEntries(keys.map((key, index) => [key, values[index]]));
}

/** The text of an SMS reminder (H5 accounts): the same lines, one sentence. */
export function smsText(event: ReminderEvent, productName: string): string {
  const product = clip(productName, 40);
  switch (TEMPLATE_KIND_OF[event.kind]) {
    case 'PAYMENT_DUE':
      return `【家庭保险】您家的「${product}」${when(event.daysUntil)}（${event.date}）需交保费¥${formatYuan(event.amount ?? 0)}，请按时交费。`;
    case 'EXPIRY':
      return `【家庭保险】您家的「${product}」将于${event.date}到期${event.notGuaranteedToRenew ? '，不保证续保，请提前安排续保或替代保障' : '，请按时续保'}。`;
    case 'COOLING_OFF_END':
      return `【家庭保险】您家的「${product}」犹豫期将于${event.date}结束，犹豫期内退保可退还全部保费。`;
    case 'WAITING_PERIOD_END':
      return `【家庭保险】您家的「${product}」等待期已于${event.date}结束，保障全面生效。`;
  }
}
