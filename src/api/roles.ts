/**
 * What an API token may do. A token carries one tenant and one or more
 * roles; every route names the roles it admits (see route-access.ts).
 */
export const ApiRole = {
  /** The platform or a SIEM: sends audit events and outside alerts. */
  ingest: 'ingest',
  /** Security responders: triage, containment, evidence. */
  responder: 'responder',
  /** Runs the risk assessment and approves notices. */
  privacyOfficer: 'privacy-officer',
  /** Receives deadline reminders and records what was filed. */
  legal: 'legal',
  /** Operates breachline itself: tokens, metrics. */
  admin: 'admin',
} as const;
export type ApiRole = (typeof ApiRole)[keyof typeof ApiRole];

export const API_ROLES = Object.values(ApiRole);

/** Everyone who works an incident may read it. */
export const INCIDENT_READERS: readonly ApiRole[] = [
  ApiRole.responder,
  ApiRole.privacyOfficer,
  ApiRole.legal,
  ApiRole.admin,
];
