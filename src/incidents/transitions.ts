import { containmentSettled } from './containment-actions';
import { type IncidentState, withEntry } from './incident-state';
import { IncidentRole, Phase, SYSTEM_ACTOR } from './vocabulary';

/**
 * Which phase may follow which, and who may do what in which phase.
 *
 *   triage ──ack──► containment ──all actions settled──► evidence
 *     ──alert evidence captured──► assessment ──reportable──► notification ──close──► closed
 *   assessment ──close (not reportable)──► closed
 *   triage, containment, evidence, assessment ──mark false positive──► false-positive
 *
 * Automatic containment does not wait for the acknowledgement: the playbook
 * approved it in advance, and an attacker keeps working while nobody looks.
 */

export const nextPhases: Readonly<Record<Phase, readonly Phase[]>> = {
  [Phase.triage]: [Phase.containment, Phase.falsePositive],
  [Phase.containment]: [Phase.evidence, Phase.falsePositive],
  [Phase.evidence]: [Phase.assessment, Phase.falsePositive],
  [Phase.assessment]: [Phase.notification, Phase.closed, Phase.falsePositive],
  [Phase.notification]: [Phase.closed],
  [Phase.closed]: [],
  [Phase.falsePositive]: [],
};

/** Moves to `to`, recording it; a move the table does not allow is a bug in the caller. */
export function enterPhase(state: IncidentState, to: Phase, actor: string, at: string): IncidentState {
  if (!nextPhases[state.phase].includes(to)) {
    throw new RangeError(`No transition from ${state.phase} to ${to}`);
  }
  return withEntry(state, { at, actor, action: 'phase-changed', detail: `${state.phase} -> ${to}` }, { phase: to });
}

/** The responder actions, each an update of the incident workflow. */
export const ResponderAction = {
  acknowledge: 'acknowledge',
  assign: 'assign',
  addNote: 'add-note',
  approveContainment: 'approve-containment',
  rejectContainment: 'reject-containment',
  attachEvidence: 'attach-evidence',
  submitAssessment: 'submit-assessment',
  setPopulation: 'set-population',
  setFacts: 'set-facts',
  startNotification: 'start-notification',
  markFalsePositive: 'mark-false-positive',
  close: 'close',
} as const;
export type ResponderAction = (typeof ResponderAction)[keyof typeof ResponderAction];

const { responder, privacyOfficer, legal, admin } = IncidentRole;
const { triage, containment, evidence, assessment, notification } = Phase;
const everyone = [responder, privacyOfficer, legal, admin];
const open = [triage, containment, evidence, assessment, notification];

interface Permission {
  roles: readonly IncidentRole[];
  phases: readonly Phase[];
}

/**
 * Security work is the responders'; the breach decision, the population and
 * closing a breach file are the privacy office's and legal's (45 CFR
 * 164.530(a) makes a privacy official answerable for them). Admins may act
 * for either when a person is away.
 */
export const permissions: Readonly<Record<ResponderAction, Permission>> = {
  acknowledge: { roles: [responder, admin], phases: [triage] },
  assign: { roles: everyone, phases: open },
  'add-note': { roles: everyone, phases: open },
  'approve-containment': { roles: [responder, admin], phases: open },
  'reject-containment': { roles: [responder, admin], phases: open },
  'attach-evidence': { roles: everyone, phases: open },
  'submit-assessment': { roles: [privacyOfficer, legal], phases: [assessment] },
  'set-population': { roles: [privacyOfficer, legal, admin], phases: [evidence, assessment, notification] },
  'set-facts': { roles: [privacyOfficer, legal, admin], phases: [notification] },
  'start-notification': { roles: [privacyOfficer, legal], phases: [notification] },
  'mark-false-positive': {
    roles: [responder, privacyOfficer, admin],
    phases: [triage, containment, evidence, assessment],
  },
  close: { roles: [privacyOfficer, legal, admin], phases: [assessment, notification] },
};

/** Why `role` may not take `action` in the incident's phase now, or undefined when it may. */
export function permissionRefusal(
  state: IncidentState,
  action: ResponderAction,
  role: IncidentRole,
): string | undefined {
  const permission = permissions[action];
  if (!permission.roles.includes(role)) {
    return `the ${role} role may not ${action}; it takes ${permission.roles.join(' or ')}`;
  }
  if (!permission.phases.includes(state.phase)) {
    return `the incident is in ${state.phase}; ${action} is possible only in ${permission.phases.join(', ')}`;
  }
  return undefined;
}

/** Takes every transition the system makes on its own, as far as the state allows. */
export function advance(state: IncidentState, at: string): IncidentState {
  if (state.phase === Phase.containment && containmentSettled(state)) {
    return advance(enterPhase(state, Phase.evidence, SYSTEM_ACTOR, at), at);
  }
  const captured = state.ruleIds.every((ruleId) => state.capturedRules.includes(ruleId));
  if (state.phase === Phase.evidence && captured) return enterPhase(state, Phase.assessment, SYSTEM_ACTOR, at);
  return state;
}
