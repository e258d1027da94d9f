import { assessRisk } from '../assessment/assess-risk';
import { parseRiskAssessment, riskAssessmentProblems } from '../assessment/submission';
import { ActionStatus, actionAt, describeAction, updateAction, withdrawPending } from './containment-actions';
import { type IncidentState, withEntry } from './incident-state';
import type {
  AcknowledgeRequest,
  AssignRequest,
  AttachEvidenceRequest,
  CloseRequest,
  ContainmentDecision,
  MarkFalsePositiveRequest,
  NoteRequest,
  SetFactsRequest,
  SetPopulationRequest,
  StartNotificationRequest,
  SubmitAssessmentRequest,
} from './responder-requests';
import { noticeFactsSchema } from '../notification/notice-facts';
import { incidentFactsSchema } from '../obligations/facts';
import { enterPhase } from './transitions';
import { Phase } from './vocabulary';

/**
 * What each responder action does to the state, and why one that the role
 * and phase allow may still be refused. The workflow's update validators call
 * the `...Refusal` functions; handlers call the others only after that.
 */

export function acknowledgeRefusal(state: IncidentState): string | undefined {
  return state.acknowledged ? `the incident was already acknowledged by ${state.acknowledged.by}` : undefined;
}

export function acknowledge(state: IncidentState, request: AcknowledgeRequest, at: string): IncidentState {
  const acknowledged = withEntry(
    state,
    { at, actor: request.actorId, action: 'acknowledged', ...(request.note ? { note: request.note } : {}) },
    { acknowledged: { by: request.actorId, at } },
  );
  return enterPhase(acknowledged, Phase.containment, request.actorId, at);
}

export function assign(state: IncidentState, request: AssignRequest, at: string): IncidentState {
  return withEntry(
    state,
    { at, actor: request.actorId, action: 'assigned', detail: `to ${request.assigneeId}` },
    { assignee: { responderId: request.assigneeId, by: request.actorId, at } },
  );
}

export function addNote(state: IncidentState, request: NoteRequest, at: string): IncidentState {
  return withEntry(state, { at, actor: request.actorId, action: 'note-added', note: request.note });
}

export function decisionRefusal(state: IncidentState, request: ContainmentDecision): string | undefined {
  const action = actionAt(state, request.actionIndex);
  if (!action) return `the incident has no containment action #${request.actionIndex}`;
  if (action.status !== ActionStatus.awaitingApproval) {
    return `containment action ${describeAction(action)} is ${action.status}, not awaiting approval`;
  }
  return undefined;
}

export function decideContainment(
  state: IncidentState,
  request: ContainmentDecision,
  approved: boolean,
  at: string,
): IncidentState {
  const decided = { by: request.actorId, at, ...(request.reason ? { reason: request.reason } : {}) };
  const status = approved ? ActionStatus.approved : ActionStatus.rejected;
  const action = actionAt(state, request.actionIndex);
  const detail = action ? describeAction(action) : `#${request.actionIndex}`;

  return withEntry(
    state,
    {
      at,
      actor: request.actorId,
      action: approved ? 'containment-approved' : 'containment-rejected',
      detail,
      ...(request.reason ? { note: request.reason } : {}),
    },
    { actions: updateAction(state, request.actionIndex, { status, decided }) },
  );
}

export function attachEvidenceRefusal(state: IncidentState, request: AttachEvidenceRequest): string | undefined {
  const known = state.evidence.some((item) => item.artifactId === request.artifactId);
  return known ? `artifact ${request.artifactId} is already attached` : undefined;
}

export function attachEvidence(state: IncidentState, request: AttachEvidenceRequest, at: string): IncidentState {
  const { artifactId, sha256, kind, name, actorId } = request;
  return withEntry(
    state,
    { at, actor: actorId, action: 'evidence-attached', detail: `${kind} ${artifactId} sha256 ${sha256}` },
    { evidence: [...state.evidence, { artifactId, sha256, kind, name, by: actorId, at }] },
  );
}

export function assessmentRefusal(request: SubmitAssessmentRequest): string | undefined {
  const problems = riskAssessmentProblems(request.submission);
  if (problems.length === 0) return undefined;
  return `the risk assessment is incomplete: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`;
}

/** Records the assessment; a reportable breach moves on to notification, anything else waits to be closed. */
export function submitAssessment(state: IncidentState, request: SubmitAssessmentRequest, at: string): IncidentState {
  const submission = parseRiskAssessment(request.submission);
  const result = assessRisk(submission);
  const assessment = { ...result, submission, submittedBy: request.actorId, submittedAt: at };
  const assessed = withEntry(
    state,
    { at, actor: request.actorId, action: 'assessment-submitted', detail: result.outcome },
    { assessment },
  );

  return result.reportable ? enterPhase(assessed, Phase.notification, request.actorId, at) : assessed;
}

export function setPopulation(state: IncidentState, request: SetPopulationRequest, at: string): IncidentState {
  const byJurisdiction = request.byJurisdiction ?? {};
  const population = {
    populationId: request.populationId,
    total: request.total,
    byJurisdiction,
    setBy: request.actorId,
    setAt: at,
  };
  const detail = `${request.populationId}: ${request.total} individuals in ${Object.keys(byJurisdiction).length} jurisdictions`;

  return withEntry(state, { at, actor: request.actorId, action: 'population-set', detail }, { population });
}

export function setFactsRefusal(request: SetFactsRequest): string | undefined {
  const parsed = incidentFactsSchema.safeParse(request.facts);
  if (parsed.success) return undefined;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'facts'}: ${issue.message}`);
  return `the breach facts are invalid: ${problems.join('; ')}`;
}

/** Records the breach facts; the workflow then starts tracking the obligations, or hands the new facts on. */
export function setFacts(state: IncidentState, request: SetFactsRequest, at: string): IncidentState {
  const version = (state.facts?.version ?? 0) + 1;
  const facts = {
    value: incidentFactsSchema.parse(request.facts),
    version,
    reason: request.reason,
    setBy: request.actorId,
    setAt: at,
  };

  return withEntry(
    state,
    { at, actor: request.actorId, action: 'facts-set', detail: `facts version ${version}`, note: request.reason },
    { facts },
  );
}

/** Marks the incident a false positive; the workflow then undoes every applied containment action. */
export function markFalsePositive(state: IncidentState, request: MarkFalsePositiveRequest, at: string): IncidentState {
  const stamp = { by: request.actorId, at };
  const marked = withEntry(
    state,
    { at, actor: request.actorId, action: 'marked-false-positive', note: request.reason },
    { falsePositive: { ...stamp, reason: request.reason }, actions: withdrawPending(state.actions, stamp) },
  );
  return enterPhase(marked, Phase.falsePositive, request.actorId, at);
}

export function closeRefusal(state: IncidentState): string | undefined {
  if (!state.assessment) return 'the risk assessment must be submitted before the incident is closed';
  if (state.assessment.reportable && !state.population) {
    return 'a reportable breach needs its affected population set before the incident is closed';
  }
  if (state.assessment.reportable && !state.facts) {
    return 'a reportable breach needs its breach facts set, so its notices are tracked, before the incident is closed';
  }
  return undefined;
}

export function close(state: IncidentState, request: CloseRequest, at: string): IncidentState {
  const closed = withEntry(
    state,
    { at, actor: request.actorId, action: 'closed', note: request.reason },
    { closed: { by: request.actorId, at, reason: request.reason } },
  );
  return enterPhase(closed, Phase.closed, request.actorId, at);
}

/** Notification needs the population to notify, a complete notice, and no fan-out already under way. */
export function startNotificationRefusal(state: IncidentState, request: StartNotificationRequest): string | undefined {
  if (!state.population) return 'set the affected population before starting notification';
  if (state.notification) return `notification was already started by ${state.notification.requestedBy}`;
  const parsed = noticeFactsSchema.safeParse(request.notice);
  if (parsed.success) return undefined;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'notice'}: ${issue.message}`);
  return `the notice is incomplete: ${problems.join('; ')}`;
}

/** Records the request; the workflow then starts the fan-out (workflows/notify-affected-individuals.ts). */
export function startNotification(state: IncidentState, request: StartNotificationRequest, at: string): IncidentState {
  const { population } = state;
  if (!population) return state;
  const notification = {
    populationId: population.populationId,
    notice: noticeFactsSchema.parse(request.notice),
    requestedBy: request.actorId,
    requestedAt: at,
  };
  const detail = `${population.populationId}: ${population.total} individuals`;

  return withEntry(state, { at, actor: request.actorId, action: 'notification-requested', detail }, { notification });
}
