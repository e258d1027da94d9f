import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { IncidentFactsInput } from '../src/obligations/facts';
import type { MetRequest, ObligationsStatus } from '../src/obligations/tracking';

/** Every obligation with its due date, next reminder and met state. */
export const obligationsStatusQuery = defineQuery<ObligationsStatus>('status');

/** Legal records a notice as given (date, method, reference number); answered with the new status. */
export const recordObligationMetUpdate = defineUpdate<ObligationsStatus, [MetRequest]>('recordObligationMet');

export interface FactsChangeRequest {
  facts: IncidentFactsInput;
  /** Why the facts changed, e.g. "discovery date corrected"; kept in the status, so no patient data. */
  reason: string;
  requestedBy: string;
}

/** Corrected or updated incident facts; obligations are recomputed, met ones stay met. */
export const updateFactsUpdate = defineUpdate<ObligationsStatus, [FactsChangeRequest]>('updateFacts');

/**
 * The same change sent by the incident workflow, which cannot call updates:
 * it has validated the facts itself, so a bad change is logged and dropped.
 */
export const factsChangedSignal = defineSignal<[FactsChangeRequest]>('factsChanged');

/** The id of an incident's tracking workflow: one per incident, derived from its id alone. */
export function trackObligationsWorkflowId(incidentId: string): string {
  return `obligations-${incidentId}`;
}
