import { describe, expect, it } from 'vitest';
import { nextWork } from '../../src/incidents/next-work';
import { setPopulation, startNotification, startNotificationRefusal } from '../../src/incidents/responder-actions';
import { recordNotificationStarted } from '../../src/incidents/step-results';
import { sampleNoticeFacts } from '../notification/support/sample-notice';
import { inNotification, privacyOfficer } from './states';

const AT = '2026-12-07T09:00:00.000Z';
const population = { ...privacyOfficer, populationId: 'pop-1', total: 1200, byJurisdiction: { 'US-MA': 1200 } };
const request = { ...privacyOfficer, notice: sampleNoticeFacts() };

describe('starting notification from the incident', () => {
  it('is refused until the population is set, and names every missing part of the notice', () => {
    expect(startNotificationRefusal(inNotification(), request)).toBe(
      'set the affected population before starting notification',
    );

    const withPopulation = setPopulation(inNotification(), population, AT);
    const refusal = startNotificationRefusal(withPopulation, { ...privacyOfficer, notice: { entityName: 'X' } });
    expect(refusal).toContain('the notice is incomplete');
    expect(refusal).toContain('whatHappened');
    expect(refusal).toContain('contact');
  });

  it('records the request once, then the workflow starts the fan-out once', () => {
    const requested = startNotification(setPopulation(inNotification(), population, AT), request, AT);

    expect(requested.notification).toMatchObject({ populationId: 'pop-1', requestedBy: 'privacy.officer' });
    expect(requested.timeline.at(-1)).toMatchObject({
      action: 'notification-requested',
      detail: 'pop-1: 1200 individuals',
    });
    expect(startNotificationRefusal(requested, request)).toBe('notification was already started by privacy.officer');
    expect(nextWork(requested, [], Date.parse(AT))).toMatchObject({ kind: 'start-notification' });

    const started = recordNotificationStarted(requested, 'notify-inc-1', AT);
    expect(started.notification?.workflowId).toBe('notify-inc-1');
    expect(nextWork(started, [], Date.parse(AT)).kind).toBe('wait');
  });
});
