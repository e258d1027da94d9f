import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';

/** Reminders retry for a day: a mail outage must not swallow the year's only reminder. */
const { remindSmallBreachLog: sendReminder } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes' },
});

/**
 * Run by the yearly schedule (src/annual-log/schedule.ts) in January and
 * February: reminds legal of the small breaches discovered in the previous
 * calendar year, due to HHS within 60 days after it ended.
 */
export async function remindSmallBreachLog(): Promise<{ year: number; breaches: number }> {
  const year = new Date().getUTCFullYear() - 1;
  const { breaches } = await sendReminder({ year, reminderKey: workflowInfo().workflowId });

  return { year, breaches };
}
