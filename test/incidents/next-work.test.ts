import { describe, expect, it } from 'vitest';
import type { PlaybookAction } from '../../src/containment/playbook';
import { type IncidentState, recordAlert } from '../../src/incidents/incident-state';
import { HIPAA_OUTER_LIMIT_MS, nextDeadline, nextWork, pendingPages } from '../../src/incidents/next-work';
import { decideContainment, markFalsePositive } from '../../src/incidents/responder-actions';
import { recordApplied, recordFailed, recordPage, recordUndone } from '../../src/incidents/step-results';
import { sampleAlert } from '../support/alerts';
import {
  alerted,
  blockAutomatically,
  closedIncident,
  falsePositive,
  inAssessment,
  inContainment,
  inEvidence,
  inNotification,
  OPENED_AT,
  planned,
  PLANNED_AT,
  responder,
  subjectFor,
  suspendOnApproval,
} from './states';

const MINUTE = 60_000;
const DELAYS_MS = [15 * MINUTE, 45 * MINUTE];
const AT = '2026-12-03T10:25:00.000Z';
const LATE_RULE = 'prm-export-spike';

const openedMs = Date.parse(OPENED_AT);
const plannedMs = Date.parse(PLANNED_AT);

const revokeAutomatically: PlaybookAction = { kind: 'revoke-sessions', mode: 'automatic' };
const blockOnApproval: PlaybookAction = { kind: 'block-ip', mode: 'approval' };

function withLateRule(state: IncidentState, actions: PlaybookAction[] = [], at = AT): IncidentState {
  const alert = sampleAlert({ alertId: 'alert-2', ruleId: LATE_RULE, subject: { userId: 'user-77' } });
  return planned(recordAlert(state, alert, at), actions, LATE_RULE, at);
}

function actionAt(state: IncidentState, index: number) {
  const action = state.actions[index];
  if (!action) throw new Error(`the incident has no action #${index}`);
  return action;
}

function applied(state: IncidentState, index: number): IncidentState {
  const outcome = { requestId: `req-${index}`, outcome: 'applied', completedAt: AT };
  return recordApplied(state, actionAt(state, index), outcome, AT);
}

describe('nextWork', () => {
  it('plans containment for the first alert of a rule before anyone acknowledges the incident', () => {
    const state = alerted();

    const work = nextWork(state, DELAYS_MS, openedMs);

    expect(work).toStrictEqual({
      kind: 'plan',
      subject: {
        ruleId: 'prm-mass-record-access',
        alertId: 'alert-1',
        detectedAt: '2026-12-03T10:15:00Z',
        userId: 'user-4411',
        ipAddress: '10.20.30.40',
        patientId: 'Patient/88231',
      },
    });
  });

  it('plans a rule that first alerts after the others were planned', () => {
    const state = recordAlert(planned(alerted(), []), sampleAlert({ alertId: 'alert-2', ruleId: LATE_RULE }), AT);

    expect(nextWork(state, DELAYS_MS, Date.parse(AT))).toStrictEqual({
      kind: 'plan',
      subject: subjectFor(state, LATE_RULE),
    });
  });

  it('executes an action the playbook approved', () => {
    const state = planned(alerted(), [blockAutomatically]);

    expect(nextWork(state, DELAYS_MS, plannedMs)).toStrictEqual({ kind: 'execute', action: actionAt(state, 0) });
  });

  it('leaves an action awaiting approval alone', () => {
    const state = inContainment();

    expect(nextWork(state, DELAYS_MS, Date.parse(AT)).kind).toBe('wait');
  });

  it('executes an approval-gated action once a responder approves it', () => {
    const state = decideContainment(inContainment(), { ...responder, actionIndex: 0 }, true, AT);

    const work = nextWork(state, DELAYS_MS, Date.parse(AT));

    expect(work).toStrictEqual({ kind: 'execute', action: actionAt(state, 0) });
    expect(actionAt(state, 0).status).toBe('approved');
  });

  it('captures the alert evidence of a contained rule in evidence', () => {
    const state = inEvidence();

    expect(nextWork(state, DELAYS_MS, Date.parse(AT))).toStrictEqual({
      kind: 'capture-alert-evidence',
      subject: subjectFor(state),
    });
  });

  it.each([
    ['assessment', inAssessment],
    ['notification', inNotification],
  ])('captures the alert evidence of a rule that first alerts in %s', (_phase, inPhase) => {
    const state = withLateRule(inPhase());

    expect(nextWork(state, DELAYS_MS, Date.parse(AT))).toStrictEqual({
      kind: 'capture-alert-evidence',
      subject: subjectFor(state, LATE_RULE),
    });
  });

  it.each([
    ['triage', () => planned(alerted(), [])],
    ['containment', inContainment],
  ])('captures no alert evidence in %s', (_phase, inPhase) => {
    const state = inPhase();

    expect(nextWork(state, DELAYS_MS, Date.parse(AT)).kind).toBe('wait');
  });

  it('pages the first level once the incident has gone unacknowledged for the first delay', () => {
    const state = planned(alerted(), []);

    const work = nextWork(state, DELAYS_MS, openedMs + 15 * MINUTE);

    expect(work).toStrictEqual({
      kind: 'page',
      page: { reason: 'unacknowledged', level: 0, dueAtMs: openedMs + 15 * MINUTE },
    });
  });

  it('waits until the unacknowledged page is due', () => {
    const state = planned(alerted(), []);

    const work = nextWork(state, DELAYS_MS, openedMs + 14 * MINUTE);

    expect(work).toStrictEqual({ kind: 'wait', untilMs: openedMs + 15 * MINUTE });
  });

  it('waits for the next level, counted from the opening, once the first is paged', () => {
    const unacknowledged = planned(alerted(), []);
    const [first] = pendingPages(unacknowledged, DELAYS_MS);
    if (!first) throw new Error('expected a pending page');

    const state = recordPage(unacknowledged, first, AT);

    expect(nextWork(state, DELAYS_MS, openedMs + 20 * MINUTE)).toStrictEqual({
      kind: 'wait',
      untilMs: openedMs + 45 * MINUTE,
    });
  });

  it('pages about an action awaiting approval for the first delay after it was planned', () => {
    const state = inContainment();

    const work = nextWork(state, DELAYS_MS, plannedMs + 15 * MINUTE);

    expect(work).toStrictEqual({
      kind: 'page',
      page: { reason: 'approval-pending', level: 0, dueAtMs: plannedMs + 15 * MINUTE, actionIndex: 0 },
    });
  });

  it('waits with no time set when nothing is due and no page is pending', () => {
    expect(nextWork(inAssessment(), DELAYS_MS, Date.parse(AT))).toStrictEqual({ kind: 'wait' });
  });

  it('undoes each applied action after a false positive, then finishes', () => {
    const contained = applied(
      applied(planned(alerted(), [blockAutomatically, suspendOnApproval, revokeAutomatically]), 0),
      2,
    );
    const marked = markFalsePositive(contained, { ...responder, reason: 'A scheduled chart audit.' }, AT);
    const oneUndone = recordUndone(
      marked,
      actionAt(marked, 0),
      { requestId: 'req-u0', outcome: 'undone', completedAt: AT },
      AT,
    );
    const bothUndone = recordUndone(
      oneUndone,
      actionAt(oneUndone, 2),
      { requestId: 'req-u2', outcome: 'not-reversible', completedAt: AT },
      AT,
    );

    const works = [marked, oneUndone, bothUndone].map((state) => nextWork(state, DELAYS_MS, Date.parse(AT)));

    expect(works).toStrictEqual([
      { kind: 'undo', action: actionAt(marked, 0) },
      { kind: 'undo', action: actionAt(oneUndone, 2) },
      { kind: 'finish' },
    ]);
    expect(bothUndone.actions.map((action) => action.status)).toEqual(['undone', 'rejected', 'not-reversible']);
  });

  it('finishes after a false positive once an undo has failed, rather than retrying it', () => {
    const marked = markFalsePositive(
      applied(planned(alerted(), [blockAutomatically]), 0),
      { ...responder, reason: 'Audit.' },
      AT,
    );

    const state = recordFailed(marked, actionAt(marked, 0), 'ContainmentRejected', AT);

    expect(actionAt(state, 0).status).toBe('undo-failed');
    expect(nextWork(state, DELAYS_MS, Date.parse(AT))).toStrictEqual({ kind: 'finish' });
  });

  it('finishes a false positive that applied nothing, however overdue its pages', () => {
    expect(nextWork(falsePositive(), DELAYS_MS, openedMs + 60 * MINUTE)).toStrictEqual({ kind: 'finish' });
  });

  it('finishes a closed incident', () => {
    expect(nextWork(closedIncident(), DELAYS_MS, Date.parse(AT))).toStrictEqual({ kind: 'finish' });
  });
});

describe('pendingPages', () => {
  it('lists the unacknowledged page and the approval page of each action, earliest first', () => {
    const unacknowledged = planned(alerted(), [suspendOnApproval, blockOnApproval]);
    const firstLevel = { reason: 'unacknowledged' as const, level: 0, dueAtMs: openedMs + 15 * MINUTE };

    const state = recordPage(unacknowledged, firstLevel, AT);

    expect(pendingPages(state, DELAYS_MS)).toStrictEqual([
      { reason: 'approval-pending', level: 0, dueAtMs: plannedMs + 15 * MINUTE, actionIndex: 0 },
      { reason: 'approval-pending', level: 0, dueAtMs: plannedMs + 15 * MINUTE, actionIndex: 1 },
      { reason: 'unacknowledged', level: 1, dueAtMs: openedMs + 45 * MINUTE },
    ]);
  });

  it('counts the approval pages of each action from its own planning time and its own pages sent', () => {
    const lateRuleAt = '2026-12-03T12:00:00.000Z';
    const state = withLateRule(inContainment(), [suspendOnApproval], lateRuleAt);
    const paged = recordPage(
      state,
      { reason: 'approval-pending', level: 0, dueAtMs: plannedMs + 15 * MINUTE, actionIndex: 0 },
      AT,
    );

    expect(pendingPages(paged, DELAYS_MS)).toStrictEqual([
      { reason: 'approval-pending', level: 1, dueAtMs: plannedMs + 45 * MINUTE, actionIndex: 0 },
      { reason: 'approval-pending', level: 0, dueAtMs: Date.parse(lateRuleAt) + 15 * MINUTE, actionIndex: 1 },
    ]);
  });

  it('lists no page for an action once it is decided', () => {
    const state = decideContainment(inContainment(), { ...responder, actionIndex: 0 }, false, AT);

    expect(pendingPages(state, DELAYS_MS)).toStrictEqual([]);
  });

  it.each([
    ['closed', closedIncident],
    ['false-positive', falsePositive],
  ])('lists no page once the incident is %s', (_phase, ended) => {
    expect(pendingPages(ended(), DELAYS_MS)).toStrictEqual([]);
  });

  it('stops paging after the last configured delay', () => {
    let state = planned(alerted(), [suspendOnApproval]);

    for (const level of [0, 1]) {
      state = recordPage(state, { reason: 'unacknowledged', level, dueAtMs: openedMs }, AT);
      state = recordPage(state, { reason: 'approval-pending', level, dueAtMs: plannedMs, actionIndex: 0 }, AT);
    }

    expect(state.escalationsSent).toBe(2);
    expect(actionAt(state, 0).pagesSent).toBe(2);
    expect(pendingPages(state, DELAYS_MS)).toStrictEqual([]);
  });

  it('lists no page when no delay is configured', () => {
    expect(pendingPages(planned(alerted(), [suspendOnApproval]), [])).toStrictEqual([]);
  });
});

describe('nextDeadline', () => {
  const hipaaLimit = new Date('2027-02-01T10:15:00.000Z');

  it('gives HIPAA sixty days from discovery as its outer limit', () => {
    expect(HIPAA_OUTER_LIMIT_MS).toBe(60 * 24 * 60 * MINUTE);
  });

  it('is the time of the earliest page', () => {
    const state = planned(alerted(), [suspendOnApproval]);

    expect(nextDeadline(state, DELAYS_MS)).toStrictEqual(new Date(openedMs + 15 * MINUTE));
  });

  it.each([
    ['assessment', inAssessment],
    ['notification', inNotification],
  ])('is the HIPAA outer limit, sixty days after discovery, in %s', (_phase, inPhase) => {
    expect(nextDeadline(inPhase(), DELAYS_MS)).toStrictEqual(hipaaLimit);
  });

  it('is a page due before the HIPAA outer limit while the breach is assessed', () => {
    const state = withLateRule(inAssessment(), [suspendOnApproval]);

    expect(nextDeadline(state, DELAYS_MS)).toStrictEqual(new Date(Date.parse(AT) + 15 * MINUTE));
  });

  it('is the HIPAA outer limit when it comes before the next page', () => {
    const state = withLateRule(inAssessment(), [suspendOnApproval], '2027-02-01T10:10:00.000Z');

    expect(nextDeadline(state, DELAYS_MS)).toStrictEqual(hipaaLimit);
  });

  it('is undefined before assessment when no page is pending', () => {
    expect(nextDeadline(inEvidence(), DELAYS_MS)).toBeUndefined();
  });

  it('is undefined once the incident is closed', () => {
    expect(nextDeadline(closedIncident(), DELAYS_MS)).toBeUndefined();
  });
});
