import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  acknowledgeRefusal,
  close,
  closeRefusal,
  type IncidentState,
  openIncident,
  recordAlert,
  recordEscalation,
  toStatus,
} from '../../src/incidents/incident-state';
import { SYSTEM_ACTOR } from '../../src/incidents/vocabulary';
import { sampleAlert } from '../support/alerts';

const OPENED_AT = '2026-12-03T10:15:05.000Z';
const LATER = '2026-12-03T10:20:00.000Z';
const LATER_STILL = '2026-12-03T10:45:00.000Z';

function opened(): IncidentState {
  return openIncident('inc-st-elsewhere-1', 'st-elsewhere', OPENED_AT);
}

function acknowledged(): IncidentState {
  return acknowledge(recordAlert(opened(), sampleAlert(), OPENED_AT), { responderId: 'dr.okafor' }, LATER);
}

describe('openIncident', () => {
  it('opens in triage at low severity with no alerts and one timeline entry', () => {
    expect(opened()).toEqual({
      incidentId: 'inc-st-elsewhere-1',
      tenantId: 'st-elsewhere',
      phase: 'triage',
      severity: 'low',
      openedAt: OPENED_AT,
      ruleIds: [],
      alertIds: [],
      alertCount: 0,
      escalationsSent: 0,
      timeline: [{ at: OPENED_AT, actor: SYSTEM_ACTOR, action: 'opened' }],
    });
  });
});

describe('recordAlert', () => {
  it('counts the alert, remembers its id and rule, and adds a timeline entry naming rule and severity', () => {
    const state = recordAlert(opened(), sampleAlert(), LATER);

    expect(state).toMatchObject({
      severity: 'high',
      ruleIds: ['prm-mass-record-access'],
      alertIds: ['alert-1'],
      alertCount: 1,
    });
    expect(state.timeline.at(-1)).toEqual({
      at: LATER,
      actor: SYSTEM_ACTOR,
      action: 'alert-received',
      detail: 'prm-mass-record-access (high)',
    });
  });

  it('returns the same state for an alert id it has already seen', () => {
    const once = recordAlert(opened(), sampleAlert(), LATER);

    const twice = recordAlert(once, sampleAlert({ severity: 'critical', ruleId: 'other-rule' }), LATER_STILL);

    expect(twice).toBe(once);
  });

  it('never lowers the severity', () => {
    const critical = recordAlert(opened(), sampleAlert({ alertId: 'a1', severity: 'critical' }), LATER);

    const afterLow = recordAlert(critical, sampleAlert({ alertId: 'a2', severity: 'low' }), LATER_STILL);

    expect(afterLow.severity).toBe('critical');
  });

  it('raises the severity to that of a more severe alert', () => {
    const medium = recordAlert(opened(), sampleAlert({ alertId: 'a1', severity: 'medium' }), LATER);

    expect(recordAlert(medium, sampleAlert({ alertId: 'a2', severity: 'high' }), LATER_STILL).severity).toBe('high');
  });

  it('keeps each rule id once, in the order first seen, while counting every alert', () => {
    let state = opened();
    state = recordAlert(state, sampleAlert({ alertId: 'a1', ruleId: 'rule-b' }), LATER);
    state = recordAlert(state, sampleAlert({ alertId: 'a2', ruleId: 'rule-a' }), LATER);
    state = recordAlert(state, sampleAlert({ alertId: 'a3', ruleId: 'rule-b' }), LATER);

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

  it('does not change the state it was given', () => {
    const before = opened();

    recordAlert(before, sampleAlert(), LATER);

    expect(before).toEqual(opened());
  });
});

describe('recordEscalation', () => {
  it('counts the level paged and records it, numbered from one', () => {
    const state = recordEscalation(recordEscalation(opened(), 0, LATER), 1, LATER_STILL);

    expect(state.escalationsSent).toBe(2);
    expect(state.timeline.slice(1)).toEqual([
      { at: LATER, actor: SYSTEM_ACTOR, action: 'escalated', detail: 'paged level 1' },
      { at: LATER_STILL, actor: SYSTEM_ACTOR, action: 'escalated', detail: 'paged level 2' },
    ]);
  });
});

describe('acknowledge', () => {
  it('is allowed on an open incident that nobody has acknowledged', () => {
    expect(acknowledgeRefusal(opened())).toBeUndefined();
  });

  it('records who acknowledged and when, with the responder as the timeline actor', () => {
    const state = acknowledge(opened(), { responderId: 'dr.okafor', note: 'looking' }, LATER);

    expect(state.acknowledged).toEqual({ by: 'dr.okafor', at: LATER });
    expect(state.phase).toBe('triage');
    expect(state.timeline.at(-1)).toEqual({ at: LATER, actor: 'dr.okafor', action: 'acknowledged' });
  });

  it('is refused a second time, naming who acknowledged first', () => {
    expect(acknowledgeRefusal(acknowledged())).toBe('the incident was already acknowledged by dr.okafor');
  });

  it('is refused once the incident is closed', () => {
    const closed = close(acknowledged(), { responderId: 'dr.okafor', reason: 'false positive' }, LATER_STILL);

    expect(acknowledgeRefusal(closed)).toBe('the incident is closed');
  });
});

describe('close', () => {
  it('is refused before the incident is acknowledged', () => {
    expect(closeRefusal(opened())).toBe('the incident must be acknowledged before it is closed');
  });

  it('is allowed once the incident is acknowledged', () => {
    expect(closeRefusal(acknowledged())).toBeUndefined();
  });

  it('moves the incident to closed, recording who closed it and when', () => {
    const state = close(acknowledged(), { responderId: 'sec.lead', reason: 'contained' }, LATER_STILL);

    expect(state.phase).toBe('closed');
    expect(state.closed).toEqual({ by: 'sec.lead', at: LATER_STILL });
    expect(state.timeline.at(-1)).toEqual({ at: LATER_STILL, actor: 'sec.lead', action: 'closed' });
  });

  it('is refused a second time', () => {
    const closed = close(acknowledged(), { responderId: 'sec.lead', reason: 'contained' }, LATER_STILL);

    expect(closeRefusal(closed)).toBe('the incident is already closed');
  });
});

describe('the timeline', () => {
  it('lists every change in the order it happened', () => {
    let state = opened();
    state = recordAlert(state, sampleAlert({ alertId: 'a1' }), '2026-12-03T10:16:00.000Z');
    state = recordEscalation(state, 0, '2026-12-03T10:46:00.000Z');
    state = recordAlert(state, sampleAlert({ alertId: 'a2', severity: 'critical' }), '2026-12-03T10:50:00.000Z');
    state = acknowledge(state, { responderId: 'dr.okafor' }, '2026-12-03T10:55:00.000Z');
    state = close(state, { responderId: 'dr.okafor', reason: 'contained' }, '2026-12-03T12:00:00.000Z');

    expect(state.timeline.map((entry) => [entry.action, entry.at])).toEqual([
      ['opened', OPENED_AT],
      ['alert-received', '2026-12-03T10:16:00.000Z'],
      ['escalated', '2026-12-03T10:46:00.000Z'],
      ['alert-received', '2026-12-03T10:50:00.000Z'],
      ['acknowledged', '2026-12-03T10:55:00.000Z'],
      ['closed', '2026-12-03T12:00:00.000Z'],
    ]);
  });
});

describe('toStatus', () => {
  it('drops the remembered alert ids and keeps everything else', () => {
    const state = acknowledged();

    const status = toStatus(state);

    expect(status).not.toHaveProperty('alertIds');
    expect({ ...status, alertIds: state.alertIds }).toEqual(state);
  });
});
