import { describe, expect, it } from 'vitest';
import { type IncidentState, recordAlert } from '../../src/incidents/incident-state';
import { acknowledge, decideContainment } from '../../src/incidents/responder-actions';
import {
  recordAlertEvidence,
  recordAlertEvidenceFailure,
  recordApplied,
  recordFailed,
  recordPlan,
} from '../../src/incidents/step-results';
import {
  advance,
  enterPhase,
  nextPhases,
  permissionRefusal,
  permissions,
  ResponderAction,
} from '../../src/incidents/transitions';
import { IncidentRole, Phase, SYSTEM_ACTOR } from '../../src/incidents/vocabulary';
import { sampleAlert } from '../support/alerts';
import {
  ACKNOWLEDGED_AT,
  alerted,
  alertEvidence,
  blockAutomatically,
  inContainment,
  inPhase,
  phases,
  planFor,
  planned,
  responder,
  subjectFor,
} from './states';

const AT = '2026-12-03T11:00:00.000Z';
const SECOND_RULE = 'prm-export-spike';

const roles: readonly IncidentRole[] = Object.values(IncidentRole);
const actions: readonly ResponderAction[] = Object.values(ResponderAction);

const open: Phase[] = ['triage', 'containment', 'evidence', 'assessment', 'notification'];
const everyone: IncidentRole[] = ['responder', 'privacy-officer', 'legal', 'admin'];

/** The response policy, written out independently of the source so that a change to it shows here. */
const policy: Record<ResponderAction, { roles: IncidentRole[]; phases: Phase[] }> = {
  acknowledge: { roles: ['responder', 'admin'], phases: ['triage'] },
  assign: { roles: everyone, phases: open },
  'add-note': { roles: everyone, phases: open },
  'approve-containment': { roles: ['responder', 'admin'], phases: open },
  'reject-containment': { roles: ['responder', 'admin'], phases: open },
  'attach-evidence': { roles: everyone, phases: open },
  'submit-assessment': { roles: ['privacy-officer', 'legal'], phases: ['assessment'] },
  'set-population': {
    roles: ['privacy-officer', 'legal', 'admin'],
    phases: ['evidence', 'assessment', 'notification'],
  },
  'set-facts': { roles: ['privacy-officer', 'legal', 'admin'], phases: ['notification'] },
  'start-notification': { roles: ['privacy-officer', 'legal'], phases: ['notification'] },
  'mark-false-positive': {
    roles: ['responder', 'privacy-officer', 'admin'],
    phases: ['triage', 'containment', 'evidence', 'assessment'],
  },
  close: { roles: ['privacy-officer', 'legal', 'admin'], phases: ['assessment', 'notification'] },
};

function permittedPhase(action: ResponderAction): Phase {
  const phase = policy[action].phases[0];
  if (phase === undefined) throw new Error(`${action} is possible in no phase`);
  return phase;
}

function permittedRole(action: ResponderAction): IncidentRole {
  const role = policy[action].roles[0];
  if (role === undefined) throw new Error(`${action} is open to no role`);
  return role;
}

describe('enterPhase', () => {
  const allowed = phases.flatMap((from) => nextPhases[from].map((to) => [from, to] as const));
  const refused = phases.flatMap((from) =>
    phases.filter((to) => !nextPhases[from].includes(to)).map((to) => [from, to] as const),
  );

  it('allows only the moves of the response cycle', () => {
    expect(nextPhases).toStrictEqual({
      triage: ['containment', 'false-positive'],
      containment: ['evidence', 'false-positive'],
      evidence: ['assessment', 'false-positive'],
      assessment: ['notification', 'closed', 'false-positive'],
      notification: ['closed'],
      closed: [],
      'false-positive': [],
    });
  });

  it.each(allowed)('moves from %s to %s, recording the move and who made it', (from, to) => {
    const state = inPhase(from);

    const moved = enterPhase(state, to, 'dr.okafor', AT);

    expect(moved.phase).toBe(to);
    expect(moved.timeline.at(-1)).toStrictEqual({
      seq: state.timeline.length,
      at: AT,
      actor: 'dr.okafor',
      action: 'phase-changed',
      detail: `${from} -> ${to}`,
    });
  });

  it.each(refused)('refuses to move from %s to %s with a RangeError', (from, to) => {
    const state = inPhase(from);

    const move = () => enterPhase(state, to, 'dr.okafor', AT);

    expect(move).toThrow(RangeError);
    expect(move).toThrow(`No transition from ${from} to ${to}`);
  });
});

describe('permissionRefusal', () => {
  it('grants each action to the roles and in the phases of the response policy', () => {
    expect(permissions).toStrictEqual(policy);
  });

  it.each(actions)('lets every permitted role %s in every phase that allows it', (action) => {
    const cases = policy[action].roles.flatMap((role) => policy[action].phases.map((phase) => ({ role, phase })));

    const refusals = cases
      .map(({ role, phase }) => ({ role, phase, refusal: permissionRefusal(inPhase(phase), action, role) }))
      .filter(({ refusal }) => refusal !== undefined);

    expect(refusals).toEqual([]);
  });

  const wrongRoles = actions.flatMap((action) =>
    roles.filter((role) => !policy[action].roles.includes(role)).map((role) => [action, role] as const),
  );

  it.each(wrongRoles)('refuses %s to the %s role, naming the role', (action, role) => {
    const state = inPhase(permittedPhase(action));

    const refusal = permissionRefusal(state, action, role);

    expect(refusal).toContain(`the ${role} role may not ${action}`);
  });

  const wrongPhases = actions.flatMap((action) =>
    phases.filter((phase) => !policy[action].phases.includes(phase)).map((phase) => [action, phase] as const),
  );

  it.each(wrongPhases)('refuses to %s an incident in %s, naming the phase', (action, phase) => {
    const state = inPhase(phase);

    const refusal = permissionRefusal(state, action, permittedRole(action));

    expect(refusal).toContain(`the incident is in ${phase}`);
  });

  it('names the roles that may take the action when the role is wrong', () => {
    const refusal = permissionRefusal(alerted(), 'acknowledge', 'legal');

    expect(refusal).toBe('the legal role may not acknowledge; it takes responder or admin');
  });

  it('names the phases the action is possible in when the phase is wrong', () => {
    const refusal = permissionRefusal(alerted(), 'close', 'privacy-officer');

    expect(refusal).toBe('the incident is in triage; close is possible only in assessment, notification');
  });

  it('refuses for the role before looking at the phase', () => {
    const refusal = permissionRefusal(alerted(), 'submit-assessment', 'responder');

    expect(refusal).toContain('the responder role may not submit-assessment');
  });
});

describe('advance', () => {
  function acknowledgedWithoutAdvance(state: IncidentState): IncidentState {
    return acknowledge(state, { ...responder }, ACKNOWLEDGED_AT);
  }

  function withSecondRule(state: IncidentState): IncidentState {
    const alert = sampleAlert({ alertId: 'alert-2', ruleId: SECOND_RULE, subject: { userId: 'user-77' } });
    return recordAlert(state, alert, ACKNOWLEDGED_AT);
  }

  it('moves a contained incident on to evidence, as the system', () => {
    const state = acknowledgedWithoutAdvance(planned(alerted(), []));

    const next = advance(state, AT);

    expect(next.phase).toBe('evidence');
    expect(next.timeline.at(-1)).toMatchObject({ at: AT, actor: SYSTEM_ACTOR, detail: 'containment -> evidence' });
  });

  it('keeps the incident in containment while an action awaits approval', () => {
    const state = inContainment();

    expect(advance(state, AT)).toBe(state);
  });

  it('keeps the incident in containment while an approved action has not run', () => {
    const state = acknowledgedWithoutAdvance(planned(alerted(), [blockAutomatically]));

    expect(advance(state, AT)).toBe(state);
  });

  it('keeps the incident in containment while a rule is not yet planned', () => {
    const state = acknowledgedWithoutAdvance(alerted());

    expect(advance(state, AT)).toBe(state);
  });

  it('counts a rejected action as settled', () => {
    const state = decideContainment(inContainment(), { ...responder, actionIndex: 0 }, false, AT);

    expect(advance(state, AT).phase).toBe('evidence');
  });

  it('counts applied and failed actions as settled', () => {
    const automatic = acknowledgedWithoutAdvance(
      planned(alerted(), [blockAutomatically, { ...blockAutomatically, kind: 'suspend-user' }]),
    );
    const [block, suspend] = automatic.actions;
    if (!block || !suspend) throw new Error('expected two planned actions');
    const outcome = { requestId: 'req-1', outcome: 'applied', completedAt: AT };

    const settled = recordFailed(recordApplied(automatic, block, outcome, AT), suspend, 'ContainmentRejected', AT);

    expect(advance(settled, AT).phase).toBe('evidence');
  });

  it('moves on to assessment only once the evidence of every rule is captured', () => {
    const contained = advance(
      acknowledgedWithoutAdvance(planned(planned(withSecondRule(alerted()), []), [], SECOND_RULE)),
      AT,
    );
    const firstCaptured = recordAlertEvidence(contained, subjectFor(contained), alertEvidence(), AT);

    const afterFirst = advance(firstCaptured, AT);
    const afterBoth = advance(
      recordAlertEvidence(afterFirst, subjectFor(afterFirst, SECOND_RULE), alertEvidence(SECOND_RULE), AT),
      AT,
    );

    expect(contained.phase).toBe('evidence');
    expect(afterFirst).toBe(firstCaptured);
    expect(afterBoth.phase).toBe('assessment');
    expect(afterBoth.timeline.at(-1)).toMatchObject({ actor: SYSTEM_ACTOR, detail: 'evidence -> assessment' });
  });

  it('moves on to assessment when a capture failed for good', () => {
    const contained = advance(acknowledgedWithoutAdvance(planned(alerted(), [])), AT);
    const failed = recordAlertEvidenceFailure(contained, subjectFor(contained), 'EvidenceTooLarge', AT);

    expect(advance(failed, AT).phase).toBe('assessment');
  });

  it('takes both moves at once when the evidence was captured before containment settled', () => {
    const unplanned = acknowledgedWithoutAdvance(alerted());
    const capturedEarly = recordAlertEvidence(unplanned, subjectFor(unplanned), alertEvidence(), AT);
    const settled = recordPlan(capturedEarly, planFor(capturedEarly, []), AT);

    const next = advance(settled, AT);

    expect(next.phase).toBe('assessment');
    expect(next.timeline.slice(-2).map((entry) => entry.detail)).toEqual([
      'containment -> evidence',
      'evidence -> assessment',
    ]);
  });

  it('leaves an unacknowledged incident in triage even with containment settled', () => {
    const state = planned(alerted(), []);

    expect(advance(state, AT)).toBe(state);
  });

  it.each(['assessment', 'notification', 'closed', 'false-positive'] as const)(
    'leaves an incident in %s where it is',
    (phase) => {
      const state = inPhase(phase);

      expect(advance(state, AT)).toBe(state);
    },
  );
});
