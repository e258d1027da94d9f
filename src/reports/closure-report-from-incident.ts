import type { ArtifactRecord } from '../evidence/artifacts';
import { CUSTODY_GENESIS, type CustodyEntry } from '../evidence/custody-entry';
import { ContainmentMode } from '../containment/vocabulary';
import { ActionStatus, type ContainmentAction } from '../incidents/containment-actions';
import type { AssessmentRecord, IncidentStatus, TimelineEntry } from '../incidents/incident-state';
import type {
  ClosureContainmentAction,
  ClosureEvidence,
  ClosureObligation,
  ClosureReportData,
  ClosureTimelineEntry,
} from './closure-report-data';

/**
 * The closure report's input, gathered from the incident workflow's status
 * and the evidence store. Responders' free text may mention a patient, so
 * none of it is copied: not a timeline note, nor the reason given for a
 * containment decision, a closure or a false positive. The timeline shows
 * each entry's `detail`, which is breachline's own words, and says where a
 * note was left out; the closure shows who and when, not why.
 *
 * The artifacts come from the store rather than the incident's own list: the
 * store holds every artifact with its hash as captured, including files a
 * responder added that were never attached to the workflow.
 */

export interface ReportEvidence {
  artifacts: ArtifactRecord[];
  custody: CustodyEntry[];
}

/** Printed where a responder's note was left out, so a reader knows there is more in the incident. */
export const NOTE_WITHHELD = '(a responder note is kept with the incident, not printed here)';

function timelineEntry(entry: TimelineEntry): ClosureTimelineEntry {
  const parts = [entry.detail, entry.note === undefined ? undefined : NOTE_WITHHELD];
  const summary = parts.filter((part) => part !== undefined).join(' ');

  return { at: entry.at, actor: entry.actor, kind: entry.action, summary };
}

/** Approval-gated actions name who decided; an automatic action withdrawn by a false positive stays automatic. */
function modeOf(action: ContainmentAction): string {
  if (action.mode === ContainmentMode.automatic || !action.decided) return action.mode;

  return `${action.mode}, decided by ${action.decided.by}`;
}

function outcomeOf(action: ContainmentAction): string {
  const failure = action.status === ActionStatus.failed && action.failure ? `: ${action.failure}` : '';
  const request = action.requestId === undefined ? '' : ` (request ${action.requestId})`;

  return `${action.status}${failure}${request}`;
}

/** Dated when it was applied, else decided, else planned: an undo's own time is in the timeline. */
function containmentAction(action: ContainmentAction): ClosureContainmentAction {
  return {
    kind: action.kind,
    target: action.target.id,
    mode: modeOf(action),
    outcome: outcomeOf(action),
    at: action.appliedAt ?? action.decided?.at ?? action.plannedAt,
  };
}

function closureEvidence({ artifacts, custody }: ReportEvidence): ClosureEvidence {
  return {
    artifacts: artifacts.map(({ id, name, kind, sha256, size, capturedBy, capturedAt }) => ({
      id,
      name,
      kind,
      sha256,
      size,
      capturedBy,
      capturedAt,
    })),
    custodyHead: custody.at(-1)?.hash ?? CUSTODY_GENESIS,
    custodyEntries: custody.length,
  };
}

function assessmentOf(record: AssessmentRecord | undefined): ClosureReportData['assessment'] {
  if (!record) return undefined;
  const { submission, outcome, reportable, reasons, citations } = record;

  return { submission, result: { outcome, reportable, reasons, citations } };
}

/** A false positive is how an incident closes without an assessment, so its stamp stands as the closure. */
function closureOf(status: IncidentStatus): ClosureReportData['closed'] {
  const stamp = status.closed ?? status.falsePositive;

  return stamp ? { by: stamp.by, at: stamp.at } : undefined;
}

export function closureReportData(
  status: IncidentStatus,
  evidence: ReportEvidence,
  obligations: ClosureObligation[],
  generatedAt: string,
): ClosureReportData {
  return {
    incidentId: status.incidentId,
    tenantId: status.tenantId,
    ruleIds: status.ruleIds,
    severity: status.severity,
    openedAt: status.openedAt,
    closed: closureOf(status),
    falsePositive: status.falsePositive !== undefined,
    generatedAt,
    timeline: status.timeline.map(timelineEntry),
    containmentActions: status.actions.map(containmentAction),
    evidence: closureEvidence(evidence),
    assessment: assessmentOf(status.assessment),
    obligations,
  };
}
