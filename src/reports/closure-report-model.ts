import { assessmentSection, outcomeLabels } from './closure-report-assessment';
import type { ClosureEvidence, ClosureObligation, ClosureReportData } from './closure-report-data';
import type { Report, ReportSection } from './report-model';
import { formatBytes, formatInstant, isBefore } from './report-format';

/**
 * What the closure report says, section by section, for both formats: the
 * summary, timeline, containment, evidence with every hash, the risk
 * assessment, and each notice owed with when it was met.
 */

function disposition(data: ClosureReportData): string {
  if (data.falsePositive) return 'False positive: containment undone';
  if (data.assessment) return outcomeLabels[data.assessment.result.outcome];
  return 'Not assessed';
}

function summarySection(data: ClosureReportData): ReportSection {
  const closed = data.closed ? `${formatInstant(data.closed.at)} by ${data.closed.by}` : 'not closed';
  return {
    title: 'Summary',
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: 'Incident', value: data.incidentId, code: true },
          { label: 'Tenant', value: data.tenantId },
          { label: 'Rules', value: data.ruleIds.join(', ') || 'none' },
          { label: 'Severity', value: data.severity },
          { label: 'Opened', value: formatInstant(data.openedAt) },
          { label: 'Closed', value: closed },
          { label: 'Disposition', value: disposition(data) },
        ],
      },
    ],
  };
}

function timelineSection(data: ClosureReportData): ReportSection {
  const rows = data.timeline.map((entry) => [formatInstant(entry.at), entry.actor, entry.kind, entry.summary]);
  return {
    title: 'Timeline',
    blocks: [
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'At', weight: 2 },
            { header: 'Actor', weight: 2 },
            { header: 'What', weight: 2 },
            { header: 'Summary', weight: 7 },
          ],
          rows,
        },
        whenEmpty: 'No timeline entries.',
      },
    ],
  };
}

function containmentSection(data: ClosureReportData): ReportSection {
  const rows = data.containmentActions.map((action) => [
    formatInstant(action.at),
    action.kind,
    action.target,
    action.mode,
    action.outcome,
  ]);
  return {
    title: 'Containment actions',
    blocks: [
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'At', weight: 2 },
            { header: 'Action', weight: 2 },
            { header: 'Target', weight: 3 },
            { header: 'Mode', weight: 2 },
            { header: 'Outcome', weight: 2 },
          ],
          rows,
        },
        whenEmpty: 'No containment actions were taken.',
      },
    ],
  };
}

function evidenceSection(evidence: ClosureEvidence): ReportSection {
  const totalBytes = evidence.artifacts.reduce((sum, artifact) => sum + artifact.size, 0);
  const rows = evidence.artifacts.map((artifact) => [
    artifact.id,
    artifact.name,
    artifact.kind,
    formatBytes(artifact.size),
    `${artifact.capturedBy}\n${formatInstant(artifact.capturedAt)}`,
    artifact.sha256,
  ]);
  return {
    title: 'Evidence',
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: 'Artifacts', value: `${evidence.artifacts.length}, ${formatBytes(totalBytes)} in all` },
          { label: 'Custody log entries', value: String(evidence.custodyEntries) },
          { label: 'Custody log head', value: evidence.custodyHead, code: true },
        ],
      },
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'Id', weight: 0, code: true },
            { header: 'Name', weight: 3 },
            { header: 'Kind', weight: 2 },
            { header: 'Size', weight: 2 },
            { header: 'Captured', weight: 3 },
            { header: 'SHA-256', weight: 0, code: true },
          ],
          rows,
        },
        whenEmpty: 'No evidence was captured.',
      },
    ],
  };
}

/** Whether a notice went out in time, judged at the report's own time for those still open. */
export function obligationStatus(obligation: ClosureObligation, generatedAt: string): string {
  if (obligation.metAt !== undefined) {
    const late = isBefore(obligation.due, obligation.metAt);
    return late === undefined ? 'met' : late ? 'met late' : 'met on time';
  }

  return isBefore(obligation.due, generatedAt) ? 'overdue' : 'open';
}

function obligationsSection(data: ClosureReportData): ReportSection {
  const rows = data.obligations.map((obligation) => [
    obligation.id,
    obligation.recipient,
    obligation.jurisdiction,
    obligation.citation,
    formatInstant(obligation.due),
    obligation.metAt === undefined ? '' : formatInstant(obligation.metAt),
    obligationStatus(obligation, data.generatedAt),
    [obligation.method, obligation.reference].filter((part) => part !== undefined).join('\n'),
  ]);
  return {
    title: 'Obligations',
    blocks: [
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'Id', weight: 2 },
            { header: 'Recipient', weight: 2 },
            { header: 'Jurisdiction', weight: 2 },
            { header: 'Citation', weight: 3 },
            { header: 'Due', weight: 2 },
            { header: 'Met', weight: 2 },
            { header: 'Status', weight: 2 },
            { header: 'Method and reference', weight: 3 },
          ],
          rows,
        },
        whenEmpty: 'No notice obligations were recorded.',
      },
    ],
  };
}

export function closureReport(data: ClosureReportData): Report {
  return {
    title: `Closure report: incident ${data.incidentId}`,
    subtitle: `Generated ${formatInstant(data.generatedAt)}`,
    sections: [
      summarySection(data),
      timelineSection(data),
      containmentSection(data),
      evidenceSection(data.evidence),
      assessmentSection(data.assessment),
      obligationsSection(data),
    ],
  };
}
