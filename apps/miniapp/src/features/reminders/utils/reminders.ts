/** Reminders' wording and small rules, shared by 我的, the prompts and the family overview (pure). */

export interface TemplateLike {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly remaining: number;
}

/** What a template's count means to the person. */
export function remainingText(remaining: number): string {
  return remaining > 0 ? `还可提醒 ${remaining} 次` : '未订阅';
}

/** Templates to ask for in one dialog: those with none left first (they would miss a reminder), then the rest. */
export function templatesToAsk(templates: readonly TemplateLike[]): string[] {
  const none = templates.filter((template) => template.remaining === 0);
  const some = templates.filter((template) => template.remaining > 0);
  return [...none, ...some].map((template) => template.id);
}

/** How many templates have no subscription left. */
export function templatesWithoutSubscription(templates: readonly TemplateLike[]): number {
  return templates.filter((template) => template.remaining === 0).length;
}

/** The platform's name in sentences (subscription messages come through it). */
export function channelName(platform: 'WECHAT' | 'ALIPAY' | 'H5' | null): string {
  return platform === 'WECHAT' ? '微信' : platform === 'ALIPAY' ? '支付宝' : '短信';
}

/** What the person hears after answering the dialog. */
export function subscribedToast(accepted: number, asked: number): string {
  if (asked === 0) return '暂无可订阅的提醒';
  if (accepted === 0) return '未开启提醒，可随时在“我的”中开启';
  return accepted === asked ? '已开启提醒' : `已开启 ${accepted} 项提醒`;
}

export interface UpcomingLike {
  readonly daysUntil: number;
  readonly remindOn: string;
  readonly delivered: boolean;
  readonly muted: boolean;
}

/** The state of an upcoming reminder for the person: 已提醒, 不提醒 (switched off), today or the day it will be sent. */
export function upcomingStatus(reminder: UpcomingLike, today: string): { text: string; tone: 'done' | 'off' | 'soon' } {
  if (reminder.delivered) return { text: '已提醒', tone: 'done' };
  if (reminder.muted) return { text: '已关闭提醒', tone: 'off' };
  if (reminder.remindOn <= today) return { text: '今天提醒', tone: 'soon' };
  const [, month, day] = reminder.remindOn.split('-').map(Number);
  return { text: `${month}月${day}日提醒`, tone: 'soon' };
}

/** “7 天后”, “今天”, “3 天前”: how far the event is. */
export function daysUntilText(daysUntil: number): string {
  return daysUntil > 0 ? `${daysUntil} 天后` : daysUntil === 0 ? '今天' : `${-daysUntil} 天前`;
}
