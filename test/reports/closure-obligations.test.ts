import { describe, expect, it } from 'vitest';
import type { ObligationStatus, ObligationsStatus } from '../../src/obligations/tracking';
import { closureObligations } from '../../src/reports/closure-obligations';

function entry(overrides: Partial<ObligationStatus>): ObligationStatus {
  return {
    id: 'HIPAA/individuals',
    regime: 'HIPAA',
    recipient: 'individuals',
    recipientName: 'Affected individuals',
    jurisdiction: 'US',
    citation: '45 CFR 164.404',
    deadlineKind: 'civil-date',
    remindersSent: 0,
    overdue: false,
    ...overrides,
  };
}

function status(obligations: ObligationStatus[]): ObligationsStatus {
  return {
    incidentId: 'inc-1',
    asOf: '2027-01-02T00:00:00Z',
    obligations,
    metElsewhere: [],
    recomputations: [],
    allMet: false,
  };
}

describe('closureObligations', () => {
  it('lists none when the incident tracked no obligations', () => {
    expect(closureObligations(undefined)).toEqual([]);
  });

  it('shows each obligation with its due date and, once met, when, how and the proof', () => {
    const met = {
      obligationId: 'HIPAA/individuals',
      metAt: '2027-01-20T15:00:00Z',
      method: 'first-class-mail',
      reference: 'USPS batch 42',
      recordedBy: 'l.abara',
      recordedAt: '2027-01-20T16:00:00Z',
    };

    const listed = closureObligations(
      status([
        entry({ dueDate: '2027-02-02', met: met as ObligationStatus['met'] }),
        entry({
          id: 'US-CA/attorney-general',
          recipient: 'attorney-general',
          jurisdiction: 'US-CA',
          relativeTo: 'US-CA/individuals',
        }),
      ]),
    );

    expect(listed).toEqual([
      {
        id: 'HIPAA/individuals',
        recipient: 'individuals',
        jurisdiction: 'US',
        citation: '45 CFR 164.404',
        due: '2027-02-02',
        metAt: '2027-01-20T15:00:00Z',
        method: 'first-class-mail',
        reference: 'USPS batch 42',
      },
      {
        id: 'US-CA/attorney-general',
        recipient: 'attorney-general',
        jurisdiction: 'US-CA',
        citation: '45 CFR 164.404',
        due: 'after US-CA/individuals',
      },
    ]);
  });
});
