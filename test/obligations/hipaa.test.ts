import { describe, expect, it } from 'vitest';
import { dueInstant } from '../../src/obligations';
import { compute, dueDate, exemptionReason, ids, obligation } from './scenario';

describe('HIPAA deadlines in calendar days from discovery', () => {
  it('is not moved by the spring-forward change the day after discovery', () => {
    // 2026-03-07 + 60: Mar 7 + 24 = Mar 31, + 30 = Apr 30, + 6 = May 6. Due at the end of May 6 EDT.
    const result = compute({ discoveredAt: '2026-03-07T10:00:00-05:00' });
    expect(dueDate(result, 'HIPAA/individuals')).toBe('2026-05-06');
    expect(dueInstant(obligation(result, 'HIPAA/individuals'))).toBe('2026-05-07T03:59:59.999Z');
  });

  it('is not moved by the fall-back change the day after discovery', () => {
    // 2026-10-31 + 60: Oct 31 + 30 = Nov 30, + 30 = Dec 30. Due at the end of Dec 30 EST (-05:00).
    const result = compute({ discoveredAt: '2026-10-31T10:00:00-04:00' });
    expect(dueDate(result, 'HIPAA/individuals')).toBe('2026-12-30');
    expect(dueInstant(obligation(result, 'HIPAA/individuals'))).toBe('2026-12-31T04:59:59.999Z');
  });

  it('counts from the civil day in the entity zone when discovery is late in the evening', () => {
    // 23:30 EDT on June 15 is June 16 in UTC. June 15 + 60: + 15 = Jun 30, + 31 = Jul 31, + 14 = Aug 14.
    for (const discoveredAt of ['2026-06-15T23:30:00-04:00', '2026-06-16T03:30:00Z']) {
      expect(dueDate(compute({ discoveredAt }), 'HIPAA/individuals')).toBe('2026-08-14');
    }
  });

  it('counts from a leap day', () => {
    // 2028-02-29 + 60: Mar 31 is day 31, Apr 29 is day 60.
    const result = compute({ discoveredAt: '2028-02-29T12:00:00-05:00' });
    expect(dueDate(result, 'HIPAA/individuals')).toBe('2028-04-29');
    // Annual log: Dec 31 2028 + 60 in the common year 2029: Jan 31 (31) + Feb 28 (59) → Mar 1 (60).
    expect(dueDate(result, 'HIPAA/hhs-annual-log')).toBe('2029-03-01');
  });
});

describe('the HHS report', () => {
  it('puts a small breach discovered in late December on the annual log, due 60 days after the year ends', () => {
    // Dec 31 2026 + 60: Jan 31 (31), Feb 28 (59), Mar 1 (60) → 2027-03-01.
    const result = compute({
      discoveredAt: '2026-12-30T15:00:00-05:00',
      affected: [{ jurisdiction: 'US-TX', count: 40 }],
    });
    expect(dueDate(result, 'HIPAA/hhs-annual-log')).toBe('2027-03-01');
    expect(ids(result)).not.toContain('HIPAA/hhs');
  });

  it('files the log by the entity zone year: 23:30 on Dec 31 in New York is still the 2026 log', () => {
    const result = compute({ discoveredAt: '2026-12-31T23:30:00-05:00' });
    expect(dueDate(result, 'HIPAA/hhs-annual-log')).toBe('2027-03-01');
  });

  it('lands on Feb 29 when the year after discovery is a leap year', () => {
    // Dec 31 2027 + 60: Jan 31 (31) + Feb 29 (60).
    expect(dueDate(compute({ discoveredAt: '2027-06-01T09:00:00-04:00' }), 'HIPAA/hhs-annual-log')).toBe('2028-02-29');
  });

  it('reports 500 or more with the individual notice and 499 on the log', () => {
    const at500 = compute({
      affected: [
        { jurisdiction: 'US-TX', count: 300 },
        { jurisdiction: 'US-OK', count: 200 },
      ],
    });
    expect(dueDate(at500, 'HIPAA/hhs')).toBe('2026-05-01'); // Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = May 1
    const at499 = compute({
      affected: [
        { jurisdiction: 'US-TX', count: 299 },
        { jurisdiction: 'US-OK', count: 200 },
      ],
    });
    expect(ids(at499)).toContain('HIPAA/hhs-annual-log');
    expect(ids(at499)).not.toContain('HIPAA/hhs');
  });
});

describe('media notice', () => {
  it('is owed for more than 500 residents of one state, not for exactly 500', () => {
    const result = compute({
      affected: [
        { jurisdiction: 'US-TX', count: 501 },
        { jurisdiction: 'US-OK', count: 500 },
      ],
    });
    expect(dueDate(result, 'HIPAA/media/US-TX')).toBe('2026-05-01');
    expect(ids(result)).not.toContain('HIPAA/media/US-OK');
    expect(exemptionReason(result, 'HIPAA/media/US-OK')).toContain('more than 500');
  });

  it('is not owed for 600 people spread so that no state has more than 500', () => {
    const result = compute({
      affected: [
        { jurisdiction: 'US-TX', count: 300 },
        { jurisdiction: 'US-OK', count: 300 },
      ],
    });
    expect(ids(result).filter((id) => id.startsWith('HIPAA/media'))).toEqual([]);
    expect(ids(result)).toContain('HIPAA/hhs');
  });
});

describe('substitute notice', () => {
  it('asks for alternative written notice under 10 and web or media plus a toll-free line from 10', () => {
    expect(obligation(compute({ insufficientContactCount: 9 }), 'HIPAA/substitute-notice').summary).toMatch(
      /alternative form of written notice/,
    );
    const ten = obligation(compute({ insufficientContactCount: 10 }), 'HIPAA/substitute-notice');
    expect(ten.summary).toMatch(/toll-free number/);
    expect(ten.deadline).toEqual({ kind: 'civil-date', dueDate: '2026-05-01' });
    expect(ids(compute({ insufficientContactCount: 0 }))).not.toContain('HIPAA/substitute-notice');
  });
});

describe('a business associate', () => {
  it('owes only the covered entity, within 60 days of its own discovery', () => {
    const result = compute({ entityRole: 'business-associate', discoveredAt: '2026-03-07T10:00:00-05:00' });
    expect(ids(result)).toEqual(['HIPAA/covered-entity']);
    expect(dueDate(result, 'HIPAA/covered-entity')).toBe('2026-05-06');
    expect(exemptionReason(result, 'US-TX')).toContain('covered entity');
  });

  it('uses a shorter deadline from its business associate agreement', () => {
    const result = compute({ entityRole: 'business-associate' }, { businessAssociateAgreementDays: 10 });
    expect(dueDate(result, 'HIPAA/covered-entity')).toBe('2026-03-12');
  });
});

describe('the encryption safe harbor', () => {
  it('owes nothing under HIPAA or the states for encrypted data whose key is safe, and says why', () => {
    const result = compute({ encryption: { encrypted: true, keyCompromised: false } });
    expect(result.obligations).toEqual([]);
    expect(exemptionReason(result, 'HIPAA')).toContain('secured PHI');
    expect(exemptionReason(result, 'US-TX')).toContain('encrypted');
  });

  it('treats encrypted data as unsecured when the key was compromised too', () => {
    const result = compute({ encryption: { encrypted: true, keyCompromised: true } });
    expect(obligation(result, 'HIPAA/individuals').reasons.join(' ')).toContain('key was compromised');
  });
});

describe('a law-enforcement delay', () => {
  // Discovery 2026-03-02: HIPAA and Texas (60 days from determination) both due 2026-05-01; the Texas AG 2026-04-01.
  it('holds notices for the period a written statement gives, tolling only the clocks it covers', () => {
    const result = compute({
      lawEnforcementDelay: {
        kind: 'written',
        requestedAt: '2026-04-20T09:00:00-04:00',
        until: '2026-06-15T17:00:00-04:00',
      },
      affected: [{ jurisdiction: 'US-TX', count: 600 }],
    });
    for (const id of ['HIPAA/individuals', 'HIPAA/media/US-TX', 'HIPAA/hhs', 'US-TX/individuals']) {
      expect(dueDate(result, id)).toBe('2026-06-15');
    }
    expect(obligation(result, 'HIPAA/individuals').lawEnforcementDelay).toEqual({
      originalDueDate: '2026-05-01',
      delayedUntil: '2026-06-15',
    });
    expect(dueDate(result, 'US-TX/attorney-general')).toBe('2026-04-01');
  });

  it('holds notices at most 30 days from an oral request', () => {
    const oral = (until?: string) =>
      compute({
        lawEnforcementDelay: { kind: 'oral', requestedAt: '2026-04-20T09:00:00-04:00', ...(until ? { until } : {}) },
      });
    // Apr 20 + 30 = May 20.
    expect(dueDate(oral(), 'HIPAA/individuals')).toBe('2026-05-20');
    expect(dueDate(oral('2026-07-01T00:00:00-04:00'), 'HIPAA/individuals')).toBe('2026-05-20');
    expect(dueDate(oral('2026-05-05T12:00:00-04:00'), 'HIPAA/individuals')).toBe('2026-05-05');
  });

  it('keeps the original deadline when the delay ends first or was asked for after it passed', () => {
    const short = compute({
      lawEnforcementDelay: {
        kind: 'written',
        requestedAt: '2026-03-10T09:00:00-05:00',
        until: '2026-04-01T09:00:00-04:00',
      },
    });
    expect(dueDate(short, 'HIPAA/individuals')).toBe('2026-05-01');
    const late = compute({ lawEnforcementDelay: { kind: 'oral', requestedAt: '2026-05-03T09:00:00-04:00' } });
    expect(dueDate(late, 'HIPAA/individuals')).toBe('2026-05-01');
  });
});
