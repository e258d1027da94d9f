import { defineSignal } from '@temporalio/workflow';

/** Sent after every committed ingest batch; signals that arrive while a sweep runs fold into one more sweep. */
export const eventsIngestedSignal = defineSignal('eventsIngested');

/** The sweeper is a singleton: one workflow id for the namespace. */
export const DETECTION_SWEEPER_ID = 'breachline-detection-sweeper';
