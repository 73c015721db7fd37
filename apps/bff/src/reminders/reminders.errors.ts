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
