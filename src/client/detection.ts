import type { Client } from '@temporalio/client';
import ms from 'ms';
import type { Config } from '../config/schema';
import type { sweepDetections } from '../../workflows/sweep-detections';
import { DETECTION_SWEEPER_ID, eventsIngestedSignal } from '../../workflows/sweep-messages';

/**
 * Wakes the detection sweeper, starting it when it is not running: called
 * after each committed ingest batch and when a worker starts, so the
 * sweeper always exists and new events are swept within a moment.
 */
export async function wakeSweeper(client: Client, config: Readonly<Config>): Promise<void> {
  await client.workflow.signalWithStart<typeof sweepDetections>('sweepDetections', {
    workflowId: DETECTION_SWEEPER_ID,
    taskQueue: config.temporal.taskQueue,
    args: [{ sweepEveryMs: ms(config.detection.sweepEvery as ms.StringValue) }],
    signal: eventsIngestedSignal,
  });
}
