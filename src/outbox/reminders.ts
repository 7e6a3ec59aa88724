// The reminder plan lives in the notices domain (src/domain/notices.ts); re-exported for older imports.
export { momentKey, type PlannedReminder, planReminders, type ReminderPlan, reminderIsStale, reminderKey } from "../domain/notices.js";
