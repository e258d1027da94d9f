import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { IncidentState } from './incident-state';
import { nextDeadline } from './next-work';

/**
 * The search attributes that make incidents findable in `temporal workflow
 * list --query` and the Web UI. Temporal stores them in plain text, so they
 * hold only vocabulary words, the tenant slug, rule ids and times: never a
 * user, address or patient.
 */

export const IncidentSeverity = defineSearchAttributeKey('IncidentSeverity', SearchAttributeType.KEYWORD);
export const IncidentPhase = defineSearchAttributeKey('IncidentPhase', SearchAttributeType.KEYWORD);
export const IncidentTenant = defineSearchAttributeKey('IncidentTenant', SearchAttributeType.KEYWORD);
export const IncidentRules = defineSearchAttributeKey('IncidentRules', SearchAttributeType.KEYWORD_LIST);
export const IncidentDiscoveredAt = defineSearchAttributeKey('IncidentDiscoveredAt', SearchAttributeType.DATETIME);
export const IncidentNextDeadline = defineSearchAttributeKey('IncidentNextDeadline', SearchAttributeType.DATETIME);

export const incidentSearchAttributeKeys = [
  IncidentSeverity,
  IncidentPhase,
  IncidentTenant,
  IncidentRules,
  IncidentDiscoveredAt,
  IncidentNextDeadline,
] as const;

/** The attributes for a state; an absent time is removed (null) rather than left stale. */
export function searchAttributesFor(state: IncidentState, delaysMs: readonly number[]): SearchAttributeUpdatePair[] {
  const deadline = nextDeadline(state, delaysMs);
  return [
    { key: IncidentSeverity, value: state.severity },
    { key: IncidentPhase, value: state.phase },
    { key: IncidentTenant, value: state.tenantId },
    { key: IncidentRules, value: state.ruleIds },
    { key: IncidentDiscoveredAt, value: state.discoveredAt ? new Date(state.discoveredAt) : null },
    { key: IncidentNextDeadline, value: deadline ?? null },
  ];
}

/** A comparable fingerprint, so the workflow upserts only when something changed. */
export function searchAttributesKey(pairs: readonly SearchAttributeUpdatePair[]): string {
  return JSON.stringify(pairs.map((pair) => [pair.key.name, pair.value]));
}
