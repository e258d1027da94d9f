import {
  ActivityFailure,
  ApplicationFailure,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  proxyActivities,
  startChild,
  TimeoutFailure,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { containmentActivityOptions } from '../src/containment/vocabulary';
import type { ContainmentAction } from '../src/incidents/containment-actions';
import type { BreachFacts, NotificationRecord, RuleSubject } from '../src/incidents/incident-state';
import type { DuePage, Work } from '../src/incidents/next-work';
import * as results from '../src/incidents/step-results';
import { EvidenceFailure } from '../src/evidence/vocabulary';
import { PageReason, SYSTEM_ACTOR } from '../src/incidents/vocabulary';
import { change, type IncidentRun, now } from './incident-handlers';
import { notifyWorkflowId } from './notification-messages';
import { factsChangedSignal, trackObligationsWorkflowId } from './obligation-messages';

/**
 * The steps of the incident workflow that do I/O, each an activity whose
 * result is folded into the state by src/incidents/step-results.ts.
 */

/**
 * Paging keeps retrying: an unpaged on-call is worse than a late page. The
 * interval caps at five minutes so a mail outage of an hour costs at most
 * five minutes of extra delay once it ends.
 */
const { pageOnCall, recordTimelineEntry } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const { planContainment, executeContainmentAction, undoContainmentAction } =
  proxyActivities<Activities>(containmentActivityOptions);

/** Evidence capture retries store outages for as long as it takes; bad requests and oversize fail at once. */
const { captureAlertEvidence, captureContainmentEvidence } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: [EvidenceFailure.invalidRequest, EvidenceFailure.tooLarge],
  },
});

/**
 * How far back the audit events around an alert are captured: a day covers
 * the reconnaissance that usually precedes a snooping spree or an export.
 */
const ALERT_EVIDENCE_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** The failure type of a failed activity, for the timeline; never its message, which may quote a target. */
function failureType(error: unknown): string {
  if (!(error instanceof ActivityFailure)) throw error;
  if (error.cause instanceof ApplicationFailure) return error.cause.type ?? 'ApplicationFailure';
  if (error.cause instanceof TimeoutFailure) return 'Timeout';
  return 'ActivityFailure';
}

export interface StepContext {
  run: IncidentRun;
  delaysMs: readonly number[];
}

function actionRequest(run: IncidentRun, action: ContainmentAction) {
  const { incidentId, tenantId } = run.state;
  return {
    incidentId,
    tenantId,
    actionIndex: action.index,
    action: { kind: action.kind, mode: action.mode },
    target: action.target,
  };
}

async function page(run: IncidentRun, due: DuePage): Promise<void> {
  const { incidentId, tenantId, severity, ruleIds, openedAt } = run.state;
  const about = due.actionIndex === undefined ? {} : { actionIndex: due.actionIndex };
  await pageOnCall({
    incidentId,
    tenantId,
    severity,
    ruleIds,
    openedAt,
    level: due.level,
    reason: due.reason,
    ...about,
  });
  change(run, results.recordPage(run.state, due, now()));
}

async function captureRecord(run: IncidentRun, action: ContainmentAction, record: object, operation: string) {
  try {
    const ref = await captureContainmentEvidence({
      incidentId: run.state.incidentId,
      actor: SYSTEM_ACTOR,
      record: record as Record<string, never>,
      name: `containment-${action.index}-${operation}.json`,
      captureKey: `containment-${action.index}-${operation}`,
    });
    change(run, results.recordContainmentEvidence(run.state, action, ref, now()));
  } catch (error) {
    log.warn('Containment evidence was not captured', {
      incidentId: run.state.incidentId,
      failure: failureType(error),
    });
  }
}

async function containmentFailed(run: IncidentRun, action: ContainmentAction, error: unknown): Promise<void> {
  change(run, results.recordFailed(run.state, action, failureType(error), now()));
  log.error('Containment action failed; paging on-call', {
    incidentId: run.state.incidentId,
    actionIndex: action.index,
  });
  await page(run, { reason: PageReason.containmentFailed, level: 0, dueAtMs: Date.now(), actionIndex: action.index });
}

async function execute(run: IncidentRun, action: ContainmentAction): Promise<void> {
  try {
    const record = await executeContainmentAction(actionRequest(run, action));
    change(run, results.recordApplied(run.state, action, record, now()));
    await captureRecord(run, action, record, 'apply');
  } catch (error) {
    await containmentFailed(run, action, error);
  }
}

async function undo(run: IncidentRun, action: ContainmentAction): Promise<void> {
  try {
    const record = await undoContainmentAction(actionRequest(run, action));
    change(run, results.recordUndone(run.state, action, record, now()));
    await captureRecord(run, action, record, 'undo');
  } catch (error) {
    await containmentFailed(run, action, error);
  }
}

async function plan(run: IncidentRun, subject: RuleSubject): Promise<void> {
  const { userId, ipAddress } = subject;
  const planned = await planContainment({ ruleId: subject.ruleId, subject: { userId, ipAddress } });
  change(run, results.recordPlan(run.state, planned, now()));
}

async function captureAlert(run: IncidentRun, subject: RuleSubject): Promise<void> {
  const { incidentId, tenantId } = run.state;
  const { userId, ipAddress, patientId } = subject;
  const start = Math.min(Date.parse(subject.detectedAt), Date.parse(subject.firstEventAt ?? subject.detectedAt));
  const from = new Date(start - ALERT_EVIDENCE_LOOKBACK_MS).toISOString();
  try {
    const ref = await captureAlertEvidence({
      incidentId,
      tenantId,
      // Everything around the alert: the user's events, the address's and the patient record's.
      ...(userId ? { userId } : {}),
      ...(ipAddress ? { ipAddress } : {}),
      ...(patientId ? { patientId } : {}),
      from,
      to: now(),
      actor: SYSTEM_ACTOR,
      captureKey: `alert-${subject.ruleId}`,
    });
    change(run, results.recordAlertEvidence(run.state, subject, ref, now()));
  } catch (error) {
    change(run, results.recordAlertEvidenceFailure(run.state, subject, failureType(error), now()));
  }
}

/**
 * The obligations run in a workflow of their own, which outlives the
 * incident (ParentClosePolicy ABANDON): closing the incident file does not
 * stop legal's reminders while a notice is still owed.
 */
async function startObligations(run: IncidentRun, facts: BreachFacts): Promise<void> {
  const { incidentId, tenantId } = run.state;
  const workflowId = trackObligationsWorkflowId(incidentId);
  await startChild('trackObligations', {
    workflowId,
    args: [{ incidentId, tenantId, facts: facts.value }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  change(run, results.recordObligationsStarted(run.state, workflowId, facts.version, now()));
}

/**
 * The fan-out to individuals runs in a workflow of its own (ParentClosePolicy
 * ABANDON), as the obligations do: closing the file must not stop letters
 * half-way. Its input carries ids and the notice text, never an individual.
 */
async function startNotification(run: IncidentRun, notification: NotificationRecord): Promise<void> {
  const { incidentId } = run.state;
  const workflowId = notifyWorkflowId(incidentId);
  await startChild('notifyAffectedIndividuals', {
    workflowId,
    args: [{ incidentId, populationId: notification.populationId, notice: notification.notice }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  change(run, results.recordNotificationStarted(run.state, workflowId, now()));
}

async function forwardFacts(run: IncidentRun, facts: BreachFacts, workflowId: string): Promise<void> {
  await getExternalWorkflowHandle(workflowId).signal(factsChangedSignal, {
    facts: facts.value,
    reason: facts.reason,
    requestedBy: facts.setBy,
  });
  change(run, results.recordFactsForwarded(run.state, facts.version, now()));
}

export async function performStep(run: IncidentRun, work: Exclude<Work, { kind: 'wait' | 'finish' }>): Promise<void> {
  switch (work.kind) {
    case 'plan':
      return plan(run, work.subject);
    case 'execute':
      return execute(run, work.action);
    case 'undo':
      return undo(run, work.action);
    case 'capture-alert-evidence':
      return captureAlert(run, work.subject);
    case 'page':
      return page(run, work.page);
    case 'start-obligations':
      return startObligations(run, work.facts);
    case 'forward-facts':
      return forwardFacts(run, work.facts, work.workflowId);
    case 'start-notification':
      return startNotification(run, work.notification);
  }
}

/** Writes every timeline entry not yet in the audit store, in order. */
export async function recordTimeline(run: IncidentRun): Promise<void> {
  const { incidentId, tenantId } = run.state;
  while (run.state.timelineRecorded < run.state.timeline.length) {
    const entry = run.state.timeline[run.state.timelineRecorded];
    if (!entry) return;
    await recordTimelineEntry({ incidentId, tenantId, entry });
    run.state = { ...run.state, timelineRecorded: run.state.timelineRecorded + 1 };
  }
}
