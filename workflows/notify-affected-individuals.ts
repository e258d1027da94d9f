import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { controlRefusal, type FanOutControlRequest } from '../src/notification/fan-out-control';
import {
  allSent,
  type CarriedFanOut,
  carryOver,
  completeBatch,
  DEFAULT_TUNING,
  type FanOutRun,
  type FanOutTuning,
  firstCarry,
  progressOf,
  requeueBatch,
  startRun,
  takeNextBatch,
} from '../src/notification/fan-out-run';
import type { NoticeFacts } from '../src/notification/notice-facts';
import { NotificationFailure } from '../src/notification/notification-failure';
import { countStatus, type NotificationProgress } from '../src/notification/progress';
import { Channels } from '../src/notification/vocabulary';
import { notificationProgressQuery, pauseNotificationUpdate, resumeNotificationUpdate } from './notification-messages';

export interface NotifyAffectedIndividualsInput {
  incidentId: string;
  populationId: string;
  /** What the notice says: the incident's facts, the same for every recipient; no patient is named in it. */
  notice: NoticeFacts;
  tuning?: Partial<FanOutTuning>;
  /** Continue as new past this many history events even before the server suggests it. */
  historyLimit?: number;
  carried?: CarriedFanOut;
}

/**
 * Notifies every individual of an incident's population (45 CFR 164.404):
 * a sliding window of batch activities, each a fixed range of ordinals,
 * reads its individuals from the store and sends their notices under the
 * (incident, individual, channel) idempotency key. The workflow itself only
 * ever holds ids, ordinals and counts.
 *
 * Legal can pause (running batches are cancelled and run again on resume:
 * they skip what they already settled) and resume, and read the progress by
 * query. The run continues as new, carrying the cursor and the counts,
 * before its history grows large.
 */

/** Continue as new past this many events: far below Temporal's 51,200 limit, and each run replays fast. */
const DEFAULT_HISTORY_LIMIT = 2_000;

function refuse(reason: string): never {
  throw ApplicationFailure.nonRetryable(reason, 'RequestRefused');
}

function activitiesFor(tuning: FanOutTuning) {
  return proxyActivities<Activities>({
    startToCloseTimeout: '1 hour',
    heartbeatTimeout: tuning.heartbeatTimeoutMs,
    // Transient trouble (a relay outage, a store restart) is waited out: backoff to five minutes, no attempt cap.
    retry: {
      initialInterval: tuning.retryInitialMs,
      backoffCoefficient: 2,
      maximumInterval: '5 minutes',
      nonRetryableErrorTypes: [NotificationFailure.populationNotFound, NotificationFailure.populationMismatch],
    },
  });
}

interface Control {
  run: FanOutRun;
  scopes: Map<number, CancellationScope>;
  changes: number;
  /** A batch that failed for good (a non-retryable failure): the fan-out fails with it. */
  failure?: Error;
  draining: boolean;
  /** False until the population's size is read: until then nothing counts as all sent. */
  sized: boolean;
}

function registerHandlers(control: Control): void {
  const { run } = control;
  const changed = () => (control.changes += 1);
  setHandler(notificationProgressQuery, () => progressOf(run));

  setHandler(
    pauseNotificationUpdate,
    (request: FanOutControlRequest) => {
      run.paused = {
        by: request.actorId,
        at: new Date().toISOString(),
        ...(request.reason ? { reason: request.reason } : {}),
      };
      for (const scope of control.scopes.values()) scope.cancel();
      changed();
      log.info('Notification paused', { incidentId: run.incidentId, actorId: request.actorId });
      return progressOf(run);
    },
    {
      validator: (request) => {
        const refusal = controlRefusal(request);
        if (refusal) refuse(`Cannot pause: ${refusal}`);
        if (run.paused) refuse('Cannot pause: notification is already paused');
        if (control.sized && allSent(run)) refuse('Cannot pause: every notice has been sent');
      },
    },
  );

  setHandler(
    resumeNotificationUpdate,
    (request: FanOutControlRequest) => {
      delete run.paused;
      changed();
      log.info('Notification resumed', { incidentId: run.incidentId, actorId: request.actorId });
      return progressOf(run);
    },
    {
      validator: (request) => {
        const refusal = controlRefusal(request);
        if (refusal) refuse(`Cannot resume: ${refusal}`);
        if (!run.paused) refuse('Cannot resume: notification is not paused');
      },
    },
  );
}

function launch(
  control: Control,
  acts: ReturnType<typeof activitiesFor>,
  input: NotifyAffectedIndividualsInput,
  tuning: FanOutTuning,
): void {
  const { run } = control;
  const start = takeNextBatch(run);
  if (start === undefined) return;
  const scope = new CancellationScope();
  control.scopes.set(start, scope);
  const request = {
    incidentId: input.incidentId,
    populationId: input.populationId,
    notice: input.notice,
    afterOrdinal: start,
    limit: tuning.batchSize,
    chunkSize: tuning.chunkSize,
  };

  scope
    .run(() => acts.sendNoticeBatch(request))
    .then(
      (report) => completeBatch(run, start, { tally: report.tally, attempt: report.attempt }),
      (error: unknown) => {
        if (isCancellation(error)) requeueBatch(run, start);
        else control.failure = error instanceof Error ? error : ApplicationFailure.nonRetryable('A batch failed');
      },
    )
    .finally(() => {
      control.scopes.delete(start);
      control.changes += 1;
    });
}

function historyIsLong(input: NotifyAffectedIndividualsInput): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT);
}

function fillWindow(
  control: Control,
  acts: ReturnType<typeof activitiesFor>,
  input: NotifyAffectedIndividualsInput,
  tuning: FanOutTuning,
): void {
  const { run } = control;
  while (!run.paused && !control.draining && run.inFlight.size < tuning.parallelBatches) {
    const before = run.inFlight.size;
    launch(control, acts, input, tuning);
    if (run.inFlight.size === before) return;
  }
}

/** Replaces the batches' channel counts with the store's, which include status callbacks that came in since. */
async function finalCounts(control: Control, acts: ReturnType<typeof activitiesFor>): Promise<void> {
  const { run } = control;
  const counts = await acts.countNoticeDeliveries({ incidentId: run.incidentId, populationId: run.populationId });
  for (const channel of Object.values(Channels)) {
    const tally = { sent: 0, delivered: 0, failed: 0, pending: 0 };
    for (const [status, n] of Object.entries(counts[channel] ?? {})) countStatus(tally, status, n ?? 0);
    run.tally.channels[channel] = tally;
  }
}

export async function notifyAffectedIndividuals(input: NotifyAffectedIndividualsInput): Promise<NotificationProgress> {
  const tuning = { ...DEFAULT_TUNING, ...input.tuning };
  const acts = activitiesFor(tuning);
  const control: Control = {
    run: startRun(input.incidentId, input.populationId, tuning.batchSize, input.carried ?? firstCarry(0)),
    scopes: new Map(),
    changes: 0,
    draining: false,
    sized: input.carried !== undefined,
  };
  const { run } = control;
  // Handlers first: legal may pause before the first batch is out.
  registerHandlers(control);
  if (!control.sized) {
    run.total = await acts.readPopulationSize(input);
    control.sized = true;
  }

  while (!allSent(run) || run.inFlight.size > 0) {
    if (control.failure) throw control.failure;
    if (run.inFlight.size === 0 && control.draining) return handOver(run, input);
    fillWindow(control, acts, input, tuning);

    const seen = control.changes;
    await condition(() => control.changes !== seen);
    control.draining ||= historyIsLong(input);
  }

  await finalCounts(control, acts);
  run.finished = true;
  await condition(allHandlersFinished);
  log.info('Notification finished', { incidentId: run.incidentId, individuals: run.tally.individuals });

  return progressOf(run);
}

async function handOver(run: FanOutRun, input: NotifyAffectedIndividualsInput): Promise<never> {
  await condition(allHandlersFinished);
  log.info('Notification continues as new', { incidentId: run.incidentId, cursor: run.cursor });
  return continueAsNew<typeof notifyAffectedIndividuals>({ ...input, carried: carryOver(run) });
}
