import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { smallBreachEntry } from '../src/annual-log/small-breach-entry';
import { parseIncidentFacts } from '../src/obligations/errors';
import type { IncidentFacts } from '../src/obligations/facts';
import type { ObligationOptionsInput } from '../src/obligations/options';
import * as tracking from '../src/obligations/tracking';
import {
  factsChangedSignal,
  obligationsStatusQuery,
  recordObligationMetUpdate,
  updateFactsUpdate,
} from './obligation-messages';

export interface TrackObligationsInput {
  incidentId: string;
  tenantId: string;
  facts: IncidentFacts;
  /** The organisation's choices (GDPR risk, internal target, BAA days); notices met are recorded by update. */
  options?: Omit<ObligationOptionsInput, 'met'>;
  /** What a previous run handed over when it continued as new. */
  carried?: { state: tracking.TrackerState; loggedFacts: number };
  /** Continue as new past this many history events even before the server suggests it; tests use a small one. */
  historyLimit?: number;
}

/** The change that added the annual small-breach log to running trackers. */
const SMALL_BREACH_LOG_PATCH = 'small-breach-log';

/** The change that let trackers continue as new; earlier runs never did. */
const CONTINUE_AS_NEW_PATCH = 'continue-as-new';

/**
 * A reminder that cannot be sent must not be lost: sending retries without
 * limit, the interval capped at ten minutes so a mail outage costs at most
 * ten minutes once it ends.
 */
const { sendLegalReminder, legalReminderPolicy, logSmallBreach } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const now = (): string => new Date().toISOString();

function refuse(problems: readonly string[]): never {
  throw ApplicationFailure.nonRetryable(`Refused: ${problems.join('; ')}`, 'RequestRefused');
}

function initialFacts(raw: unknown): IncidentFacts {
  try {
    return parseIncidentFacts(raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid incident facts';
    throw ApplicationFailure.nonRetryable(message, 'InvalidIncidentFacts');
  }
}

/**
 * One run per reportable incident: computes every notice owed with the pure
 * engine, and reminds legal of each at the configured offsets, on the due
 * day and daily once overdue (escalating), until legal records it met.
 * Changed facts recompute the obligations; a law-enforcement delay in them
 * moves only the deadlines it tolls. Timers are durable, so after downtime
 * the reminders missed are sent, once each, late.
 */
export async function trackObligations(input: TrackObligationsInput): Promise<tracking.ObligationsStatus> {
  let state =
    input.carried?.state ??
    tracking.recompute(
      { options: input.options ?? {}, policy: tracking.DEFAULT_REMINDER_POLICY, met: {}, recomputations: [] },
      initialFacts(input.facts),
      now(),
      'assessment reportable',
    );
  let changed = false;

  setHandler(obligationsStatusQuery, () => tracking.trackerStatus(input.incidentId, state, now()));

  setHandler(
    recordObligationMetUpdate,
    (request) => {
      const record = { ...tracking.metRequestSchema.parse(request), recordedAt: now() };
      state = tracking.recordMet(state, record, now());
      changed = true;
      log.info('Obligation recorded as met', { incidentId: input.incidentId, obligationId: record.obligationId });
      return tracking.trackerStatus(input.incidentId, state, now());
    },
    {
      validator: (request) => {
        const problems = tracking.metRequestProblems(request, {
          knownIds: state.tracked.map((entry) => entry.obligation.id),
          alreadyMet: Object.keys(state.met),
          discoveredAt: state.facts.discoveredAt,
          now: now(),
        });
        if (problems.length > 0) refuse(problems);
      },
    },
  );

  function changeFacts(change: tracking.FactsChange): void {
    state = tracking.recompute(state, change.facts, now(), change.reason);
    changed = true;
    log.info('Incident facts changed; obligations recomputed', {
      incidentId: input.incidentId,
      obligations: state.tracked.length,
    });
  }

  setHandler(factsChangedSignal, (request) => {
    const parsed = tracking.parseFactsChange(request);
    if ('problems' in parsed) {
      log.warn('Dropped a facts change that failed validation', { incidentId: input.incidentId });
      return;
    }
    changeFacts(parsed.change);
  });

  setHandler(
    updateFactsUpdate,
    (request) => {
      const parsed = tracking.parseFactsChange(request);
      if ('problems' in parsed) refuse(parsed.problems);
      changeFacts(parsed.change);
      return tracking.trackerStatus(input.incidentId, state, now());
    },
    {
      validator: (request) => {
        const parsed = tracking.parseFactsChange(request);
        if ('problems' in parsed) refuse(parsed.problems);
      },
    },
  );

  // Handlers are in place before the first await, so a status query never finds the workflow without one.
  state = { ...state, policy: await legalReminderPolicy() };
  let loggedFacts = input.carried?.loggedFacts ?? 0;
  while (!tracking.allMet(state)) {
    loggedFacts = await updateSmallBreachLog(loggedFacts);
    await sendDueReminders();
    const wakeAt = tracking.nextWakeAt(state, now());
    changed = false;
    if (wakeAt === undefined) await condition(() => changed);
    else await condition(() => changed, Math.max(Date.parse(wakeAt) - Date.now(), 1));
    if (historyIsLong() && patched(CONTINUE_AS_NEW_PATCH)) await handOver();
  }
  await condition(allHandlersFinished);

  return tracking.trackerStatus(input.incidentId, state, now());

  function historyIsLong(): boolean {
    const info = workflowInfo();
    return (
      info.continueAsNewSuggested || (input.historyLimit !== undefined && info.historyLength >= input.historyLimit)
    );
  }

  /**
   * A tracker lives for months and, once a notice is overdue, sends a
   * reminder a day; it continues as new with its state (met records,
   * reminders sent) once no handler is running, so nothing is sent twice.
   */
  async function handOver(): Promise<never> {
    await condition(allHandlersFinished);
    log.info('Obligations tracker continues as new', {
      incidentId: input.incidentId,
      historyLength: workflowInfo().historyLength,
    });
    return continueAsNew<typeof trackObligations>({ ...input, carried: { state, loggedFacts } });
  }

  /**
   * Keeps the incident's entry in the annual small-breach log current, once
   * per set of facts; returns how many recomputations are logged. Runs that
   * started before the log existed take it up from here (the patch marker).
   */
  async function updateSmallBreachLog(logged: number): Promise<number> {
    const computed = state.recomputations.length;
    if (logged === computed || !patched(SMALL_BREACH_LOG_PATCH)) return logged;
    const ids = { tenantId: input.tenantId, incidentId: input.incidentId };
    const entry = smallBreachEntry(
      ids,
      state.facts,
      state.tracked.map((tracked) => tracked.obligation),
    );
    await logSmallBreach({ ...ids, ...(entry ? { entry } : {}) });
    return computed;
  }

  /** Sends one at a time and looks again: more may fall due while a send retries, or be met meanwhile. */
  async function sendDueReminders(): Promise<void> {
    for (
      let reminder = tracking.dueReminders(state, now())[0];
      reminder;
      reminder = tracking.dueReminders(state, now())[0]
    ) {
      const entry = state.tracked.find((candidate) => candidate.obligation.id === reminder.obligationId);
      if (!entry) return;

      const status = tracking.trackerStatus(input.incidentId, state, now());
      const listed = status.obligations.find((candidate) => candidate.id === reminder.obligationId);
      await sendLegalReminder({
        incidentId: input.incidentId,
        tenantId: input.tenantId,
        obligationId: reminder.obligationId,
        recipientName: entry.obligation.recipientName,
        citation: entry.obligation.citation,
        kind: reminder.kind,
        reminderKey: reminder.key,
        daysRemaining: reminder.daysRemaining,
        ...(listed?.dueDate === undefined ? {} : { dueDate: listed.dueDate }),
        ...(listed?.dueAt === undefined ? {} : { dueAt: listed.dueAt }),
        escalationLevel: reminder.escalationLevel,
        scheduledAt: reminder.at,
        late: tracking.isLateReminder(reminder.at, Date.now()),
      });
      state = tracking.markSent(state, reminder.obligationId, reminder.key);
    }
  }
}
