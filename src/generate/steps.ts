import { AuditAction, AuditOutcome, type AuditEventInput } from '../audit/event';
import type { Random } from './random';
import { isoInstant } from './time-zone';
import { ResourceType } from './vocabulary';

/**
 * A step is what a user did, without when, from where or an id; a user-day
 * or a scenario lays steps out in time and stamps them into audit events.
 */
export type Details = NonNullable<AuditEventInput['details']>;

export interface Step {
  action: AuditAction;
  resource_type: ResourceType;
  resource_id: string | null;
  patient_id: string | null;
  phi_accessed: boolean;
  outcome: AuditOutcome;
  details: Details;
}

/** Who is acting and from where, fixed for one session. */
export interface Actor {
  tenantId: string;
  userId: string;
  ip: string;
  userAgent: string;
}

/** An event and its instant as a number, so merging never re-parses timestamps. */
export interface TimedEvent {
  at: number;
  event: AuditEventInput;
}

/** Field order is fixed here, so the same steps always serialise to the same bytes. */
export function stamp(actor: Actor, step: Step, at: number, random: Random): TimedEvent {
  const event: AuditEventInput = {
    id: random.uuid(),
    occurred_at: isoInstant(at),
    tenant_id: actor.tenantId,
    user_id: actor.userId,
    ip_address: actor.ip,
    user_agent: actor.userAgent,
    action: step.action,
    resource_type: step.resource_type,
    resource_id: step.resource_id,
    patient_id: step.patient_id,
    phi_accessed: step.phi_accessed,
    outcome: step.outcome,
    details: step.details,
  };

  return { at, event };
}

export function sessionStep(action: 'login' | 'logout', outcome: AuditOutcome, details: Details): Step {
  return {
    action,
    resource_type: ResourceType.session,
    resource_id: null,
    patient_id: null,
    phi_accessed: false,
    outcome,
    details,
  };
}

export const loginStep = (): Step => sessionStep(AuditAction.login, AuditOutcome.success, { method: 'password' });
export const failedLoginStep = (): Step =>
  sessionStep(AuditAction.login, AuditOutcome.failure, { reason: 'bad-password' });
export const logoutStep = (reason: 'user' | 'idle-timeout'): Step =>
  sessionStep(AuditAction.logout, AuditOutcome.success, { reason });

/** Touching one patient's record: reads, writes and prints all carry the patient and count as PHI. */
export function patientStep(
  action: AuditAction,
  resourceType: ResourceType,
  resourceId: string,
  patient: string,
  details: Details,
): Step {
  return {
    action,
    resource_type: resourceType,
    resource_id: resourceId,
    patient_id: patient,
    phi_accessed: true,
    outcome: AuditOutcome.success,
    details,
  };
}

export function chartOpenStep(patient: string, screen = 'chart-summary'): Step {
  return patientStep(AuditAction.read, ResourceType.patient, patient, patient, { screen });
}

/**
 * A patient search lists matches without opening a chart, so it is not
 * counted as PHI access here; the chart open that usually follows is.
 */
export function searchStep(resultCount: number): Step {
  return {
    action: AuditAction.search,
    resource_type: ResourceType.patient,
    resource_id: null,
    patient_id: null,
    phi_accessed: false,
    outcome: AuditOutcome.success,
    details: { screen: 'patient-search', result_count: resultCount },
  };
}

/** A claims extract: many patients at once, so no single patient id. */
export function exportStep(recordCount: number, batchId: string): Step {
  return {
    action: AuditAction.export,
    resource_type: ResourceType.claim,
    resource_id: batchId,
    patient_id: null,
    phi_accessed: true,
    outcome: AuditOutcome.success,
    details: { record_count: recordCount, format: 'csv' },
  };
}

/** Account administration (resetting a password, unlocking a user): no patient involved. */
export function adminStep(targetUser: string): Step {
  return {
    action: AuditAction.admin,
    resource_type: ResourceType.user,
    resource_id: targetUser,
    patient_id: null,
    phi_accessed: false,
    outcome: AuditOutcome.success,
    details: { screen: 'user-admin' },
  };
}
