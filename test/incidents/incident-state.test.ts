import { describe, expect, it } from 'vitest';
import { type IncidentState, isEnded, recordAlert, toStatus } from '../../src/incidents/incident-state';
import { SYSTEM_ACTOR } from '../../src/incidents/vocabulary';
import { sampleAlert } from '../support/alerts';
import { alerted, INCIDENT_ID, inPhase, OPENED_AT, opened, phases, TENANT_ID } from './states';

const LATER = '2026-12-03T10:20:00.000Z';
const LATER_STILL = '2026-12-03T10:45:00.000Z';

function withAlerts(...alerts: Parameters<typeof sampleAlert>[0][]): IncidentState {
  return alerts.reduce<IncidentState>(
    (state, overrides) => recordAlert(state, sampleAlert(overrides), LATER),
    opened(),
  );
}

describe('openIncident', () => {
  it('opens in triage at low severity with nothing recorded but the opening', () => {
    const state = opened();

    expect(state).toStrictEqual({
      incidentId: INCIDENT_ID,
      tenantId: TENANT_ID,
      phase: 'triage',
      severity: 'low',
      openedAt: OPENED_AT,
      ruleIds: [],
      alertIds: [],
      alertCount: 0,
      escalationsSent: 0,
      subjects: [],
      plannedRules: [],
      actions: [],
      capturedRules: [],
      evidence: [],
      timeline: [{ seq: 0, at: OPENED_AT, actor: SYSTEM_ACTOR, action: 'opened' }],
      timelineRecorded: 0,
    });
  });
});

describe('recordAlert', () => {
  it('counts the alert, remembers its id and rule, and adds a numbered entry naming rule and severity', () => {
    const state = recordAlert(opened(), sampleAlert(), LATER);

    expect(state).toMatchObject({
      severity: 'high',
      ruleIds: ['prm-mass-record-access'],
      alertIds: ['alert-1'],
      alertCount: 1,
    });
    expect(state.timeline.at(-1)).toStrictEqual({
      seq: 1,
      at: LATER,
      actor: SYSTEM_ACTOR,
      action: 'alert-received',
      detail: 'prm-mass-record-access (high)',
    });
  });

  it('returns the very same state for an alert id it has already seen', () => {
    const once = recordAlert(opened(), sampleAlert(), LATER);

    const twice = recordAlert(once, sampleAlert({ severity: 'critical', ruleId: 'other-rule' }), LATER_STILL);

    expect(twice).toBe(once);
  });

  it('never lowers the severity', () => {
    const state = withAlerts({ alertId: 'a1', severity: 'critical' }, { alertId: 'a2', severity: 'low' });

    expect(state.severity).toBe('critical');
  });

  it('raises the severity to that of a more severe alert', () => {
    const state = withAlerts({ alertId: 'a1', severity: 'medium' }, { alertId: 'a2', severity: 'high' });

    expect(state.severity).toBe('high');
  });

  it('keeps each rule id once, in the order first seen, while counting every alert', () => {
    const state = withAlerts(
      { alertId: 'a1', ruleId: 'rule-b' },
      { alertId: 'a2', ruleId: 'rule-a' },
      { alertId: 'a3', ruleId: 'rule-b' },
    );

    expect(state.ruleIds).toEqual(['rule-b', 'rule-a']);
    expect(state.alertIds).toEqual(['a1', 'a2', 'a3']);
    expect(state.alertCount).toBe(3);
  });

  it('remembers only the latest 500 alert ids but keeps counting beyond them', () => {
    let state = opened();

    for (let n = 1; n <= 502; n += 1) state = recordAlert(state, sampleAlert({ alertId: `a${n}` }), LATER);

    expect(state.alertCount).toBe(502);
    expect(state.alertIds).toHaveLength(500);
    expect(state.alertIds[0]).toBe('a3');
    expect(state.alertIds.at(-1)).toBe('a502');
  });

  it('dates the discovery from the earliest detection, whatever order the alerts arrive in', () => {
    const state = withAlerts(
      { alertId: 'a1', detectedAt: '2026-12-03T10:15:00Z' },
      { alertId: 'a2', detectedAt: '2026-12-03T09:40:00Z' },
      { alertId: 'a3', detectedAt: '2026-12-03T11:00:00Z' },
    );

    expect(state.discoveredAt).toBe('2026-12-03T09:40:00Z');
  });

  it('records the user, address and first patient of the first alert of each rule as its subject', () => {
    const state = withAlerts(
      { alertId: 'a1', subject: { userId: 'user-4411', ipAddress: '10.20.30.40', patientIds: ['P/1', 'P/2'] } },
      { alertId: 'a2', subject: { userId: 'user-9000', ipAddress: '10.0.0.9', patientIds: ['P/3'] } },
      { alertId: 'a3', ruleId: 'prm-export-spike', detectedAt: '2026-12-03T10:30:00Z', subject: { userId: 'user-77' } },
    );

    expect(state.subjects).toStrictEqual([
      {
        ruleId: 'prm-mass-record-access',
        alertId: 'a1',
        detectedAt: '2026-12-03T10:15:00Z',
        userId: 'user-4411',
        ipAddress: '10.20.30.40',
        patientId: 'P/1',
      },
      { ruleId: 'prm-export-spike', alertId: 'a3', detectedAt: '2026-12-03T10:30:00Z', userId: 'user-77' },
    ]);
  });

  it('leaves out of the subject whatever the alert does not name', () => {
    const state = withAlerts({ subject: { patientIds: [] } });

    expect(state.subjects).toStrictEqual([
      { ruleId: 'prm-mass-record-access', alertId: 'alert-1', detectedAt: '2026-12-03T10:15:00Z' },
    ]);
  });

  it('does not change the state or the alert it was given', () => {
    const state = alerted();
    const alert = sampleAlert({ alertId: 'alert-2', ruleId: 'prm-export-spike', severity: 'critical' });
    const stateBefore = structuredClone(state);
    const alertBefore = structuredClone(alert);

    recordAlert(state, alert, LATER);

    expect(state).toStrictEqual(stateBefore);
    expect(alert).toStrictEqual(alertBefore);
  });
});

describe('toStatus', () => {
  it('drops the remembered alert ids, the subjects and the recording count, and keeps everything else', () => {
    const state = { ...alerted(), timelineRecorded: 2 };

    const status = toStatus(state);

    expect(status).not.toHaveProperty('alertIds');
    expect(status).not.toHaveProperty('subjects');
    expect(status).not.toHaveProperty('timelineRecorded');
    expect({ ...status, alertIds: state.alertIds, subjects: state.subjects, timelineRecorded: 2 }).toStrictEqual(state);
  });
});

describe('isEnded', () => {
  const ended = ['closed', 'false-positive'];

  it.each(phases.filter((phase) => ended.includes(phase)))('counts an incident in %s as ended', (phase) => {
    expect(isEnded(inPhase(phase))).toBe(true);
  });

  it.each(phases.filter((phase) => !ended.includes(phase)))('counts an incident in %s as still open', (phase) => {
    expect(isEnded(inPhase(phase))).toBe(false);
  });
});
