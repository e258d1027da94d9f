import type { RiskAssessmentResult } from '../assessment/assess-risk';
import type { RiskAssessmentSubmission } from '../assessment/submission';
import type { Severity } from '../incidents/vocabulary';

/**
 * Everything the closure report shows, as plain data the caller gathers from
 * the incident's state, the evidence store and the obligations engine. The
 * renderers print exactly this and look nothing up, so the report holds no
 * more than its input does.
 *
 * The input should hold no patient details: ids are references (incident,
 * artifact, user account, resource), hashes and codes. The free-text fields,
 * timeline summaries and assessment rationales, are printed as given, so
 * whoever writes them should describe data and people by kind and role and
 * never name a patient.
 *
 * Instants are ISO 8601 strings with an offset; the report shows them in UTC.
 */
export interface ClosureReportData {
  incidentId: string;
  tenantId: string;
  /** The detection rules that fed the incident. */
  ruleIds: string[];
  severity: Severity;
  openedAt: string;
  closed?: { by: string; at: string };
  /** True when the incident was closed as a false positive and its containment undone. */
  falsePositive?: boolean;
  /** When the report was made; passed in so the same input always renders the same report. */
  generatedAt: string;
  timeline: ClosureTimelineEntry[];
  containmentActions: ClosureContainmentAction[];
  evidence: ClosureEvidence;
  /** Absent when the incident closed before an assessment, e.g. as a false positive. */
  assessment?: { submission: RiskAssessmentSubmission; result: RiskAssessmentResult };
  obligations: ClosureObligation[];
}

export interface ClosureTimelineEntry {
  at: string;
  /** An account name or `breachline` for the system. */
  actor: string;
  /** What happened, in the timeline's own vocabulary (e.g. `acknowledged`, `containment-approved`). */
  kind: string;
  summary: string;
}

export interface ClosureContainmentAction {
  /** The playbook's action name, e.g. `suspend-user`. */
  kind: string;
  /** A reference to what was acted on: an account id, an address, an API key id. */
  target: string;
  /** How it ran, e.g. `automatic` or `approved`. */
  mode: string;
  /** How it ended, e.g. `done`, `failed`, `undone`. */
  outcome: string;
  at: string;
}

export interface ClosureEvidenceArtifact {
  id: string;
  name: string;
  kind: string;
  /** Hex SHA-256 of the artifact's bytes as stored. */
  sha256: string;
  /** Bytes. */
  size: number;
  capturedBy: string;
  capturedAt: string;
}

export interface ClosureEvidence {
  artifacts: ClosureEvidenceArtifact[];
  /** Hash of the latest chain-of-custody entry: it commits to every capture, view and export before it. */
  custodyHead: string;
  custodyEntries: number;
}

export interface ClosureObligation {
  id: string;
  /** Who is owed the notice, e.g. `individuals`, `hhs`, `media`, `state-ag`. */
  recipient: string;
  jurisdiction: string;
  citation: string;
  due: string;
  metAt?: string;
  /** How it was met, e.g. `first-class-mail`, `ocr-portal`. */
  method?: string;
  /** A filing number or batch id that proves it was met. */
  reference?: string;
}
