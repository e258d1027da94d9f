import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../src/assessment/assess-risk';
import type { IncidentState } from '../../src/incidents/incident-state';
import {
  acknowledge,
  acknowledgeRefusal,
  addNote,
  assessmentRefusal,
  assign,
  attachEvidence,
  attachEvidenceRefusal,
  close,
  closeRefusal,
  decideContainment,
  decisionRefusal,
  markFalsePositive,
  setFacts,
  setFactsRefusal,
  setPopulation,
  submitAssessment,
} from '../../src/incidents/responder-actions';
import type { AttachEvidenceRequest, SetPopulationRequest } from '../../src/incidents/responder-requests';
import { recordApplied } from '../../src/incidents/step-results';
import { lowRiskSubmission, withFactor } from '../assessment/submissions';
import { texasFacts } from '../support/breach-facts';
import {
  acknowledged,
  ACKNOWLEDGED_AT,
  alerted,
  alertEvidence,
  ASSESSED_AT,
  assessedNotReportable,
  OPENED_AT,
  blockAutomatically,
  inAssessment,
  inContainment,
  inNotification,
  planned,
  privacyOfficer,
  responder,
  suspendOnApproval,
} from './states';

const AT = '2026-12-04T09:30:00.000Z';

/** #0 suspend-user awaiting approval, #1 block-ip approved by the playbook. */
function withTwoActions(): IncidentState {
  return acknowledged(planned(alerted(), [suspendOnApproval, blockAutomatically]));
}

const upload: AttachEvidenceRequest = {
  ...responder,
  artifactId: 'art-upload-1',
  sha256: 'b'.repeat(64),
  name: 'hr-statement.pdf',
  kind: 'upload',
};

const population: SetPopulationRequest = {
  ...privacyOfficer,
  populationId: 'pop-1',
  total: 212,
  byJurisdiction: { 'US-CA': 150, 'US-NV': 62 },
};

describe('acknowledge', () => {
  it('is allowed on an incident that nobody has acknowledged', () => {
    expect(acknowledgeRefusal(alerted())).toBeUndefined();
  });

  it('records who acknowledged and when, and moves the incident from triage to containment', () => {
    const state = acknowledge(alerted(), { ...responder, note: 'Looking at the access log.' }, ACKNOWLEDGED_AT);

    expect(state.acknowledged).toStrictEqual({ by: 'dr.okafor', at: ACKNOWLEDGED_AT });
    expect(state.phase).toBe('containment');
    expect(state.timeline.slice(-2)).toStrictEqual([
      { seq: 2, at: ACKNOWLEDGED_AT, actor: 'dr.okafor', action: 'acknowledged', note: 'Looking at the access log.' },
      { seq: 3, at: ACKNOWLEDGED_AT, actor: 'dr.okafor', action: 'phase-changed', detail: 'triage -> containment' },
    ]);
  });

  it('records no note when the responder gave none', () => {
    const state = acknowledge(alerted(), { ...responder }, ACKNOWLEDGED_AT);

    expect(state.timeline.at(-2)).toStrictEqual({
      seq: 2,
      at: ACKNOWLEDGED_AT,
      actor: 'dr.okafor',
      action: 'acknowledged',
    });
  });

  it('is refused a second time, naming who acknowledged first', () => {
    expect(acknowledgeRefusal(acknowledged())).toBe('the incident was already acknowledged by dr.okafor');
  });
});

describe('assign', () => {
  it('records the assignee and who assigned them, leaving the phase alone', () => {
    const before = inContainment();

    const state = assign(before, { ...responder, assigneeId: 'sec.lead' }, AT);

    expect(state.assignee).toStrictEqual({ responderId: 'sec.lead', by: 'dr.okafor', at: AT });
    expect(state.phase).toBe('containment');
    expect(state.timeline.at(-1)).toStrictEqual({
      seq: before.timeline.length,
      at: AT,
      actor: 'dr.okafor',
      action: 'assigned',
      detail: 'to sec.lead',
    });
  });
});

describe('addNote', () => {
  it('keeps the free text as a note, never as the detail copied to the audit store', () => {
    const before = inContainment();

    const state = addNote(before, { ...responder, note: "Called the user's manager." }, AT);

    expect(state.timeline.at(-1)).toStrictEqual({
      seq: before.timeline.length,
      at: AT,
      actor: 'dr.okafor',
      action: 'note-added',
      note: "Called the user's manager.",
    });
  });
});

describe('containment decisions', () => {
  it('allows a decision on an action awaiting approval', () => {
    expect(decisionRefusal(withTwoActions(), { ...responder, actionIndex: 0 })).toBeUndefined();
  });

  it('approves the action, recording who decided, when and why', () => {
    const before = withTwoActions();

    const state = decideContainment(before, { ...responder, actionIndex: 0, reason: 'Confirmed with HR.' }, true, AT);

    expect(state.actions[0]).toMatchObject({
      status: 'approved',
      decided: { by: 'dr.okafor', at: AT, reason: 'Confirmed with HR.' },
    });
    expect(state.actions[1]).toStrictEqual(before.actions[1]);
    expect(state.timeline.at(-1)).toStrictEqual({
      seq: before.timeline.length,
      at: AT,
      actor: 'dr.okafor',
      action: 'containment-approved',
      detail: '#0 suspend-user user',
      note: 'Confirmed with HR.',
    });
  });

  it('records no reason when the responder gave none', () => {
    const state = decideContainment(withTwoActions(), { ...responder, actionIndex: 0 }, true, AT);

    expect(state.actions[0]?.decided).toStrictEqual({ by: 'dr.okafor', at: AT });
    expect(state.timeline.at(-1)).not.toHaveProperty('note');
  });

  it('rejects the action, recording the rejection', () => {
    const state = decideContainment(withTwoActions(), { ...responder, actionIndex: 0 }, false, AT);

    expect(state.actions[0]?.status).toBe('rejected');
    expect(state.timeline.at(-1)).toMatchObject({ action: 'containment-rejected', detail: '#0 suspend-user user' });
  });

  it('refuses a decision on an action the incident does not have', () => {
    const refusal = decisionRefusal(withTwoActions(), { ...responder, actionIndex: 7 });

    expect(refusal).toBe('the incident has no containment action #7');
  });

  it('refuses a decision on an action the playbook approved', () => {
    const refusal = decisionRefusal(withTwoActions(), { ...responder, actionIndex: 1 });

    expect(refusal).toBe('containment action #1 block-ip ip-address is approved, not awaiting approval');
  });

  it('refuses a second decision on the same action', () => {
    const rejected = decideContainment(withTwoActions(), { ...responder, actionIndex: 0 }, false, AT);

    const refusal = decisionRefusal(rejected, { ...responder, actionIndex: 0 });

    expect(refusal).toBe('containment action #0 suspend-user user is rejected, not awaiting approval');
  });
});

describe('attachEvidence', () => {
  it('adds a reference to the artifact, attributed to the responder', () => {
    const before = inContainment();

    const state = attachEvidence(before, upload, AT);

    expect(state.evidence).toStrictEqual([
      {
        artifactId: 'art-upload-1',
        sha256: upload.sha256,
        kind: 'upload',
        name: 'hr-statement.pdf',
        by: 'dr.okafor',
        at: AT,
      },
    ]);
    expect(state.timeline.at(-1)).toStrictEqual({
      seq: before.timeline.length,
      at: AT,
      actor: 'dr.okafor',
      action: 'evidence-attached',
      detail: `upload art-upload-1 sha256 ${upload.sha256}`,
    });
  });

  it('allows an artifact that is not attached yet', () => {
    expect(attachEvidenceRefusal(inContainment(), upload)).toBeUndefined();
  });

  it('refuses an artifact that is already attached', () => {
    const state = attachEvidence(inContainment(), upload, AT);

    expect(attachEvidenceRefusal(state, upload)).toBe('artifact art-upload-1 is already attached');
  });

  it('refuses an artifact the incident captured itself', () => {
    const { artifactId } = alertEvidence();

    expect(attachEvidenceRefusal(inAssessment(), { ...upload, artifactId })).toBe(
      `artifact ${artifactId} is already attached`,
    );
  });
});

describe('submitAssessment', () => {
  it('records a low-risk assessment as not reportable and leaves the incident in assessment', () => {
    const before = inAssessment();
    const expected = assessRisk(lowRiskSubmission());

    const state = submitAssessment(before, { ...privacyOfficer, submission: lowRiskSubmission() }, ASSESSED_AT);

    expect(state.assessment).toStrictEqual({
      outcome: 'not-reportable-low-probability',
      reportable: false,
      reasons: expected.reasons,
      citations: expected.citations,
      submission: lowRiskSubmission(),
      submittedBy: 'privacy.officer',
      submittedAt: ASSESSED_AT,
    });
    expect(state.phase).toBe('assessment');
    expect(state.timeline.at(-1)).toStrictEqual({
      seq: before.timeline.length,
      at: ASSESSED_AT,
      actor: 'privacy.officer',
      action: 'assessment-submitted',
      detail: 'not-reportable-low-probability',
    });
  });

  it('records an assessment with a factor rated high as reportable and moves the incident to notification', () => {
    const submission = withFactor('acquiredOrViewed', 'high');

    const state = submitAssessment(inAssessment(), { ...privacyOfficer, submission }, ASSESSED_AT);

    expect(state.assessment).toMatchObject({ outcome: 'reportable', reportable: true, submission });
    expect(state.phase).toBe('notification');
    expect(state.timeline.slice(-2)).toMatchObject([
      { actor: 'privacy.officer', action: 'assessment-submitted', detail: 'reportable' },
      { actor: 'privacy.officer', action: 'phase-changed', detail: 'assessment -> notification' },
    ]);
  });

  it('allows a complete assessment', () => {
    expect(assessmentRefusal({ ...privacyOfficer, submission: lowRiskSubmission() })).toBeUndefined();
  });

  it('refuses an incomplete assessment, naming the missing section', () => {
    const submission = { ...lowRiskSubmission(), factors: undefined };

    const refusal = assessmentRefusal({ ...privacyOfficer, submission });

    expect(refusal).toBe('the risk assessment is incomplete: factors: required when no exception applies');
  });

  it('names every missing field of an incomplete assessment at once', () => {
    const { assessedBy: _assessedBy, factors: _factors, ...submission } = lowRiskSubmission();

    const refusal = assessmentRefusal({ ...privacyOfficer, submission });

    expect(refusal).toBe(
      'the risk assessment is incomplete: assessedBy: required; factors: required when no exception applies',
    );
  });
});

describe('setPopulation', () => {
  it('records the population by reference and count, and says how many jurisdictions it spans', () => {
    const before = inAssessment();

    const state = setPopulation(before, population, AT);

    expect(state.population).toStrictEqual({
      populationId: 'pop-1',
      total: 212,
      byJurisdiction: { 'US-CA': 150, 'US-NV': 62 },
      setBy: 'privacy.officer',
      setAt: AT,
    });
    expect(state.timeline.at(-1)).toStrictEqual({
      seq: before.timeline.length,
      at: AT,
      actor: 'privacy.officer',
      action: 'population-set',
      detail: 'pop-1: 212 individuals in 2 jurisdictions',
    });
  });

  it('records no jurisdictions when none were given', () => {
    const state = setPopulation(inAssessment(), { ...privacyOfficer, populationId: 'pop-1', total: 3 }, AT);

    expect(state.population?.byJurisdiction).toStrictEqual({});
    expect(state.timeline.at(-1)?.detail).toBe('pop-1: 3 individuals in 0 jurisdictions');
  });
});

describe('markFalsePositive', () => {
  function withAppliedAction(): IncidentState {
    const revokeAutomatically = { kind: 'revoke-sessions', mode: 'automatic' } as const;
    const state = planned(alerted(), [suspendOnApproval, blockAutomatically, revokeAutomatically]);
    const revoke = state.actions[2];
    if (!revoke) throw new Error('expected three planned actions');
    const outcome = { requestId: 'req-3', outcome: 'applied', completedAt: ACKNOWLEDGED_AT };

    return acknowledged(recordApplied(state, revoke, outcome, ACKNOWLEDGED_AT));
  }

  it('withdraws every action still waiting to run and keeps the applied ones for undoing', () => {
    const state = markFalsePositive(withAppliedAction(), { ...responder, reason: 'A scheduled chart audit.' }, AT);

    expect(state.actions.map((action) => action.status)).toEqual(['rejected', 'rejected', 'applied']);
    expect(state.actions[0]?.decided).toStrictEqual({ by: 'dr.okafor', at: AT, reason: 'false positive' });
    expect(state.actions[1]?.decided).toStrictEqual({ by: 'dr.okafor', at: AT, reason: 'false positive' });
  });

  it('records who marked it and why, and moves the incident to false-positive', () => {
    const before = withAppliedAction();

    const state = markFalsePositive(before, { ...responder, reason: 'A scheduled chart audit.' }, AT);

    expect(state.falsePositive).toStrictEqual({ by: 'dr.okafor', at: AT, reason: 'A scheduled chart audit.' });
    expect(state.phase).toBe('false-positive');
    expect(state.timeline.slice(-2)).toStrictEqual([
      {
        seq: before.timeline.length,
        at: AT,
        actor: 'dr.okafor',
        action: 'marked-false-positive',
        note: 'A scheduled chart audit.',
      },
      {
        seq: before.timeline.length + 1,
        at: AT,
        actor: 'dr.okafor',
        action: 'phase-changed',
        detail: 'containment -> false-positive',
      },
    ]);
  });
});

describe('close', () => {
  it('is refused before the risk assessment is submitted', () => {
    expect(closeRefusal(inAssessment())).toBe('the risk assessment must be submitted before the incident is closed');
  });

  it('is refused for a reportable breach whose affected population is not set', () => {
    expect(closeRefusal(inNotification())).toBe(
      'a reportable breach needs its affected population set before the incident is closed',
    );
  });

  it('is refused for a reportable breach whose facts are not set, so its notices would go untracked', () => {
    expect(closeRefusal(setPopulation(inNotification(), population, AT))).toBe(
      'a reportable breach needs its breach facts set, so its notices are tracked, before the incident is closed',
    );
  });

  it('is allowed for a reportable breach once its population and facts are set', () => {
    const populated = setPopulation(inNotification(), population, AT);

    const withFacts = setFacts(
      populated,
      { ...privacyOfficer, facts: texasFacts(OPENED_AT), reason: 'first facts' },
      AT,
    );

    expect(closeRefusal(withFacts)).toBeUndefined();
  });

  it('is allowed once an assessment finds nothing to report', () => {
    expect(closeRefusal(assessedNotReportable())).toBeUndefined();
  });

  it('records who closed the incident, when and why, and moves it from assessment to closed', () => {
    const before = assessedNotReportable();

    const state = close(before, { ...privacyOfficer, reason: 'Low probability of compromise.' }, AT);

    expect(state.closed).toStrictEqual({ by: 'privacy.officer', at: AT, reason: 'Low probability of compromise.' });
    expect(state.phase).toBe('closed');
    expect(state.timeline.slice(-2)).toStrictEqual([
      {
        seq: before.timeline.length,
        at: AT,
        actor: 'privacy.officer',
        action: 'closed',
        note: 'Low probability of compromise.',
      },
      {
        seq: before.timeline.length + 1,
        at: AT,
        actor: 'privacy.officer',
        action: 'phase-changed',
        detail: 'assessment -> closed',
      },
    ]);
  });

  it('closes a notified breach from notification', () => {
    const notified = setPopulation(inNotification(), population, AT);

    const state = close(notified, { ...privacyOfficer, reason: 'Notifications sent.' }, AT);

    expect(state.phase).toBe('closed');
    expect(state.timeline.at(-1)?.detail).toBe('notification -> closed');
  });
});

describe('setFacts', () => {
  it('refuses facts the obligations engine cannot read, naming each bad field', () => {
    const facts = {
      ...texasFacts(OPENED_AT),
      timeZone: 'Mars/Olympus',
      affected: [{ jurisdiction: 'Texas', count: 3 }],
    };

    const refusal = setFactsRefusal({ ...privacyOfficer, facts, reason: 'first facts' });

    expect(refusal).toMatch(/^the breach facts are invalid: /);
    expect(refusal).toContain('timeZone: ');
    expect(refusal).toContain('affected.0.jurisdiction: ');
  });

  it('keeps the parsed facts, counts versions and keeps the reason out of the audited detail', () => {
    const request = { ...privacyOfficer, facts: texasFacts(OPENED_AT), reason: 'Texas count corrected' };

    const twice = setFacts(setFacts(inNotification(), request, AT), request, AT);

    expect(twice.facts).toMatchObject({ version: 2, reason: 'Texas count corrected', setBy: 'privacy.officer' });
    expect(twice.facts?.value.determinedAt).toBe(twice.facts?.value.discoveredAt);
    expect(twice.timeline.at(-1)).toMatchObject({
      action: 'facts-set',
      detail: 'facts version 2',
      note: 'Texas count corrected',
    });
  });
});
