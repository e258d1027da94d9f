/**
 * Tracking obligations over time: reminder schedules, met records and the
 * tracker state the `trackObligations` workflow keeps. Pure and
 * deterministic, like the rest of the engine.
 */
export { factsChangeSchema, parseFactsChange, type FactsChange } from './facts-change';
export { metRequestProblems, metRequestSchema, NoticeMethod, type MetRecord, type MetRequest } from './met-record';
export {
  DEFAULT_REMINDER_POLICY,
  isLateReminder,
  ReminderKind,
  reminderSchedule,
  type Reminder,
  type ReminderPolicy,
} from './reminder-schedule';
export { trackerStatus, type ObligationStatus, type ObligationsStatus } from './status';
export {
  allMet,
  dueReminders,
  markSent,
  nextWakeAt,
  recompute,
  recordMet,
  type DueReminder,
  type TrackedObligation,
  type TrackerState,
} from './tracker';
