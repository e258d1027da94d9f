import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncidentStatus } from '../../incidents/incident-state';
import type { ScenarioLabel } from '../../generate/scenarios/scenario';
import type { ImportedRow } from '../../hhs/import-breach-file';
import type { ContactCipher } from '../../notification/population/contact-cipher';
import type { NotificationProgress } from '../../notification/progress';
import { createFhirPatientDirectory } from '../../notification/population/patient-directory';
import { type ResolvedPopulation, resolvePopulationFromAudit } from '../../notification/population/resolve-population';
import { PLATFORM_EVENTS_PATH } from '../../prm-simulator/platform-events';
import type { Database } from '../../store/database';
import { type ApiCaller, ApiCallError } from './api-caller';
import { demoAssessment } from './demo-assessment';
import { DEMO_TENANT } from './demo-traffic';

/**
 * The people of the demo, each acting through the responder API with a
 * token of their own: a responder who acknowledges and approves the
 * suspension, and a privacy officer who assesses the breach, finds who was
 * affected and sets the facts.
 */

const POLL_MS = 250;
export const STEP_WAIT_LIMIT_MS = 60_000;

export const DEMO_ACCOUNTS = {
  responder: 'demo.responder',
  privacyOfficer: 'demo.privacy',
  legal: 'demo.legal',
} as const;

const incidentPath = (incidentId: string, rest = '') => `/v1/incidents/${encodeURIComponent(incidentId)}${rest}`;

/** Polls until `done` says yes; the workflow moves on its own between people's steps. */
export function waitUntil<T, Done extends T>(
  what: string,
  look: () => Promise<T>,
  done: (value: T) => value is Done,
): Promise<Done>;
export function waitUntil<T>(what: string, look: () => Promise<T>, done: (value: T) => boolean): Promise<T>;
export async function waitUntil<T>(what: string, look: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + STEP_WAIT_LIMIT_MS;
  for (;;) {
    const value = await look();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`The demo gave up waiting for ${what} after ${STEP_WAIT_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function incidentStatus(api: ApiCaller, incidentId: string): Promise<IncidentStatus> {
  return api.get<IncidentStatus>(incidentPath(incidentId));
}

/** Acknowledges, which stops the paging, and approves every containment action waiting for approval. */
export async function respond(responder: ApiCaller, incidentId: string): Promise<IncidentStatus> {
  await responder.post(incidentPath(incidentId, '/acknowledge'), {});
  const status = await incidentStatus(responder, incidentId);
  for (const action of status.actions.filter((candidate) => candidate.status === 'awaiting-approval')) {
    await responder.post(incidentPath(incidentId, '/containment/approve'), { actionIndex: action.index });
  }

  return waitUntil(
    'containment to finish',
    () => incidentStatus(responder, incidentId),
    (current) =>
      current.actions.every((action) => action.status !== 'awaiting-approval' && action.status !== 'approved'),
  );
}

/**
 * The suspended user tries again: the platform simulator refuses the read
 * and records the refusal in the audit log with outcome `denied`.
 */
export async function tryAgainAs(platformUrl: string, userId: string, patientId: string): Promise<boolean> {
  const attempt = {
    id: randomUUID(),
    occurred_at: new Date().toISOString(),
    tenant_id: DEMO_TENANT,
    user_id: userId,
    ip_address: '10.20.30.40',
    user_agent: 'PRM-Web/4.2',
    action: 'read',
    resource_type: 'Patient',
    resource_id: patientId,
    patient_id: patientId,
    phi_accessed: true,
    outcome: 'success',
    details: {},
  };
  const response = await fetch(`${platformUrl}${PLATFORM_EVENTS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(attempt),
  });
  const answer = (await response.json()) as { denied?: number };

  return answer.denied === 1;
}

export interface PopulationFinding {
  resolved: ResolvedPopulation;
  scope: { from: string; to: string; userIds: string[] };
}

/**
 * The privacy officer's part up to the notices: the risk assessment, the
 * affected population (the patients whose charts the user opened during the
 * spree, looked up in the platform's patient directory) and the breach facts.
 */
export async function assessAndDecide(
  privacyOfficer: ApiCaller,
  incidentId: string,
  finding: { db: Database; cipher: ContactCipher; directoryUrl: string; spree: ScenarioLabel; report: ImportedRow },
): Promise<PopulationFinding> {
  await waitUntil(
    'the evidence to be captured',
    () => incidentStatus(privacyOfficer, incidentId),
    (status) => status.phase === 'assessment',
  );
  await privacyOfficer.post(incidentPath(incidentId, '/assessment'), { submission: demoAssessment() });

  // The window's end is the spree's last event; the scope's end is exclusive.
  const to = new Date(Date.parse(finding.spree.window.end) + 1000).toISOString();
  const scope = { from: finding.spree.window.start, to, userIds: [finding.spree.user_id] };
  const directory = createFhirPatientDirectory({ baseUrl: finding.directoryUrl });
  const resolved = await resolvePopulationFromAudit(finding.db, directory, finding.cipher, {
    incidentId,
    scope: { tenantId: DEMO_TENANT, ...scope },
  });
  await privacyOfficer.post(incidentPath(incidentId, '/population'), {
    populationId: resolved.populationId,
    total: resolved.size,
    byJurisdiction: resolved.byJurisdiction,
  });
  await privacyOfficer.post(incidentPath(incidentId, '/facts'), {
    facts: finding.report.facts,
    reason: 'facts as reported to HHS OCR',
  });

  return { resolved, scope };
}

/** The notice the privacy office wrote for this breach, in English and Spanish. */
const DEMO_NOTICE = join(__dirname, '..', '..', '..', 'examples', 'notice.json');

/** Legal starts notifying the affected patients with the approved notice, and follows the fan-out to its end. */
export async function notifyPatients(legal: ApiCaller, incidentId: string): Promise<NotificationProgress> {
  const notice: unknown = JSON.parse(await readFile(DEMO_NOTICE, 'utf8'));
  await legal.post(incidentPath(incidentId, '/notification'), { notice });

  return waitUntil(
    'the notices to go out',
    () =>
      legal.get<NotificationProgress>(incidentPath(incidentId, '/notification')).catch((error: unknown) => {
        // The fan-out workflow starts a moment after the incident accepts the request.
        if (error instanceof ApiCallError && error.status === 404) return undefined;
        throw error;
      }),
    (progress): progress is NotificationProgress => progress?.state === 'finished',
  );
}
