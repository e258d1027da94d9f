import { type Client, ScheduleAlreadyRunning } from '@temporalio/client';
import type { Config } from '../config/schema';

/**
 * The yearly schedule of small-breach log reminders. HHS must have each
 * breach under 500 within 60 days after the calendar year of discovery (day
 * 60 is 1 March, or 29 February before a leap year), so legal hears on
 * 15 January, 1 February, 15 February and 22 February, at 15:00 UTC (morning
 * across the US). A later reminder after the deadline would be a per-incident
 * overdue reminder, which the obligations tracker already sends.
 */

export const SMALL_BREACH_LOG_SCHEDULE_ID = 'breachline-small-breach-log';

const REMINDER_DAYS = [
  { month: 'JANUARY', dayOfMonth: 15 },
  { month: 'FEBRUARY', dayOfMonth: 1 },
  { month: 'FEBRUARY', dayOfMonth: 15 },
  { month: 'FEBRUARY', dayOfMonth: 22 },
] as const;

/** Creates the schedule once per namespace; a worker starting again finds it there and leaves it. */
export async function ensureSmallBreachLogSchedule(
  client: Client,
  config: Readonly<Config>,
): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create({
      scheduleId: SMALL_BREACH_LOG_SCHEDULE_ID,
      spec: { calendars: REMINDER_DAYS.map((day) => ({ ...day, hour: 15, comment: 'small-breach log reminder' })) },
      action: {
        type: 'startWorkflow',
        workflowType: 'remindSmallBreachLog',
        taskQueue: config.temporal.taskQueue,
        args: [],
      },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
