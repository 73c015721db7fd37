import { AppError, InvalidInputError } from '../common/app-error.js';

/** An id that is not one of the templates of the caller's platform (or a list too long or repeated). */
export class UnknownReminderTemplateError extends InvalidInputError {
  constructor(message = '订阅的提醒模板有误，请重新选择') {
    super('templateIds', message);
  }
}

/** H5 has no subscription messages: its reminders come by SMS, governed by the switch alone. */
export class NoSubscriptionMessagesError extends AppError {
  constructor() {
    super('BAD_USER_INPUT', '网页版通过短信提醒，无需订阅消息', 'templateIds', { reason: 'NO_SUBSCRIPTION_MESSAGES' });
  }
}

/** Reminders of a policy the person is not reminded of: not in their households (NOT_FOUND) or a viewer (FORBIDDEN). */
export class PolicyRemindersNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', '未找到这份保单，可能已被删除');
  }
}

export class PolicyRemindersForbiddenError extends AppError {
  constructor() {
    super('FORBIDDEN', '只有家庭的创建者和成员会收到提醒，查看者无需设置');
  }
}

export class InvalidUpcomingDaysError extends InvalidInputError {
  constructor() {
    super('days', '提醒的天数应在 0–90 之间');
  }
}
