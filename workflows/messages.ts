import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Alert } from '../src/incidents/alert';
import type { IncidentStatus } from '../src/incidents/incident-state';
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
} from '../src/incidents/responder-requests';

/**
 * The incident workflow's messages. Responder actions are updates: each is
 * validated before it reaches history (a refusal changes nothing) and is
 * answered with the new status. The detection sweeper depends on the alert
 * signal's name and the Alert shape: keep both.
 */

/** A further alert for an open incident; signals cannot be refused, so bad ones are logged and dropped. */
export const alertSignal = defineSignal<[Alert]>('alert');

export const statusQuery = defineQuery<IncidentStatus>('status');

/** A responder takes ownership: escalation stops and the incident moves to containment. */
export const acknowledgeUpdate = defineUpdate<IncidentStatus, [AcknowledgeRequest]>('acknowledge');

export const assignUpdate = defineUpdate<IncidentStatus, [AssignRequest]>('assign');

export const addNoteUpdate = defineUpdate<IncidentStatus, [NoteRequest]>('addNote');

/** Lets an approval-gated containment action run. */
export const approveContainmentUpdate = defineUpdate<IncidentStatus, [ContainmentDecision]>('approveContainment');

export const rejectContainmentUpdate = defineUpdate<IncidentStatus, [ContainmentDecision]>('rejectContainment');

/** Attaches an artifact already in the evidence store, by reference. */
export const attachEvidenceUpdate = defineUpdate<IncidentStatus, [AttachEvidenceRequest]>('attachEvidence');

export const submitAssessmentUpdate = defineUpdate<IncidentStatus, [SubmitAssessmentRequest]>('submitAssessment');

/** The affected population by reference and counts; the people themselves stay in the store. */
export const setPopulationUpdate = defineUpdate<IncidentStatus, [SetPopulationRequest]>('setPopulation');

/** The breach facts (counts per jurisdiction, data elements, dates) that start, or correct, the obligations clocks. */
export const setFactsUpdate = defineUpdate<IncidentStatus, [SetFactsRequest]>('setFacts');

/**
 * Starts notifying the affected individuals with the given notice text: the
 * fan-out runs as its own workflow (notifyAffectedIndividuals), which
 * outlives the incident; pause, resume and progress go to it directly.
 */
export const startNotificationUpdate = defineUpdate<IncidentStatus, [StartNotificationRequest]>('startNotification');

/** Ends the incident as a false positive; the workflow undoes the containment it applied. */
export const markFalsePositiveUpdate = defineUpdate<IncidentStatus, [MarkFalsePositiveRequest]>('markFalsePositive');

/** Ends the incident; answered with the final status. */
export const closeUpdate = defineUpdate<IncidentStatus, [CloseRequest]>('close');
