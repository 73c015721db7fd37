/** What other features may use of reminders: the module and its run (the jobs schedule it). */
export { RemindersModule } from './reminders.module.js';
export { ReminderRunService, ReminderRunIncompleteError, type ReminderRunSummary } from './reminder-run.service.js';
