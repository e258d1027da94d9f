import type { IncidentListing } from '../client/incidents';
import type { IncidentStatus } from '../incidents/incident-state';
import { table } from './table';

/**
 * How incidents read on a terminal: a list as one table, an incident as a
 * few header lines, its containment actions and its timeline as tables.
 * `--json` prints the same data unformatted instead.
 */

const orDash = (text: string | undefined): string => (text === undefined || text === '' ? '-' : text);

export function incidentListTable(listed: readonly IncidentListing[]): string {
  if (listed.length === 0) return 'No incidents match.';
  const header = ['INCIDENT', 'STATUS', 'PHASE', 'SEVERITY', 'RULES', 'DISCOVERED', 'NEXT DUE'];
  const rows = listed.map((item) => [
    item.incidentId,
    item.status,
    orDash(item.phase),
    orDash(item.severity),
    orDash(item.rules.join(',')),
    orDash(item.discoveredAt?.toISOString()),
    orDash(item.nextDeadline?.toISOString()),
  ]);

  return table([header, ...rows]);
}

function headerLines(status: IncidentStatus): string[] {
  const lines = [
    `${status.incidentId}  ${status.phase}  ${status.severity}  alerts ${status.alertCount}`,
    `  rules ${orDash(status.ruleIds.join(', '))}  discovered ${orDash(status.discoveredAt)}`,
  ];
  if (status.acknowledged) lines.push(`  acknowledged by ${status.acknowledged.by} at ${status.acknowledged.at}`);
  if (status.assignee) lines.push(`  assigned to ${status.assignee.responderId}`);
  if (status.assessment) lines.push(`  assessment: ${status.assessment.outcome} by ${status.assessment.submittedBy}`);
  if (status.closed) lines.push(`  closed by ${status.closed.by} at ${status.closed.at}`);

  return lines;
}

function actionsTable(status: IncidentStatus): string[] {
  if (status.actions.length === 0) return [];
  const rows = status.actions.map((action) => [
    `#${action.index}`,
    action.kind,
    action.mode,
    action.status,
    action.ruleId,
  ]);

  return ['', 'Containment actions:', table([['ACTION', 'KIND', 'MODE', 'STATUS', 'RULE'], ...rows])];
}

/** Notes are shown as present, not quoted: they may mention a patient, and a terminal may be shared or recorded. */
function timelineTable(status: IncidentStatus): string[] {
  const rows = status.timeline.map((entry) => [
    entry.at,
    entry.actor,
    entry.action,
    `${entry.detail ?? ''}${entry.note ? ' (note)' : ''}`.trim(),
  ]);

  return ['', 'Timeline:', table([['AT', 'ACTOR', 'ACTION', 'DETAIL'], ...rows])];
}

export function incidentStatusText(status: IncidentStatus): string {
  return [...headerLines(status), ...actionsTable(status), ...timelineTable(status)].join('\n');
}
