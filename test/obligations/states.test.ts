import { describe, expect, it } from 'vitest';
import { stateRules, usJurisdictions } from '../../src/obligations';
import { compute, dueDate, exemptionReason, ids, obligation } from './scenario';

describe('the state rules as data', () => {
  it('cover every state, DC, Puerto Rico, Guam and the U.S. Virgin Islands, each with sources and a review date', () => {
    const covered = new Set(stateRules.map((rule) => rule.jurisdiction));
    const expected = usJurisdictions.filter((code) => !['US-AS', 'US-MP', 'US-UM'].includes(code));
    expect([...covered].sort()).toEqual([...expected].sort());
    for (const rule of stateRules) {
      expect(rule.sources.length, rule.jurisdiction).toBeGreaterThan(0);
      expect(rule.lastReviewed, rule.jurisdiction).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule.personalInformation.withName.length + rule.personalInformation.alone.length).toBeGreaterThan(0);
    }
  });
});

describe('state thresholds', () => {
  it('owes the Texas AG from 250 residents, within 30 days of the determination', () => {
    // Determined 2026-03-05: + 26 = Mar 31, + 4 = Apr 4.
    const at250 = compute({
      determinedAt: '2026-03-05T12:00:00-05:00',
      affected: [{ jurisdiction: 'US-TX', count: 250 }],
    });
    expect(dueDate(at250, 'US-TX/attorney-general')).toBe('2026-04-04');
    const at249 = compute({ affected: [{ jurisdiction: 'US-TX', count: 249 }] });
    expect(ids(at249)).not.toContain('US-TX/attorney-general');
    expect(exemptionReason(at249, 'US-TX/attorney-general')).toContain('starts at 250');
  });

  it('owes the Colorado AG at exactly 500 and the California AG only above 500', () => {
    const result = compute({
      affected: [
        { jurisdiction: 'US-CO', count: 500 },
        { jurisdiction: 'US-CA', count: 500 },
      ],
    });
    expect(ids(result)).toContain('US-CO/attorney-general');
    expect(ids(result)).not.toContain('US-CA/attorney-general');
    expect(ids(compute({ affected: [{ jurisdiction: 'US-CA', count: 501 }] }))).toContain('US-CA/attorney-general');
  });

  it('owes consumer reporting agencies only past each state threshold', () => {
    expect(ids(compute({ affected: [{ jurisdiction: 'US-TX', count: 10_001 }] }))).toContain(
      'US-TX/consumer-reporting-agencies',
    );
    expect(ids(compute({ affected: [{ jurisdiction: 'US-TX', count: 10_000 }] }))).not.toContain(
      'US-TX/consumer-reporting-agencies',
    );
  });
});

describe('which data makes it a breach', () => {
  it('counts medical information only where the state lists it', () => {
    const result = compute({
      dataElements: ['name', 'medical'],
      affected: [
        { jurisdiction: 'US-TX', count: 10 },
        { jurisdiction: 'US-GA', count: 10 },
      ],
    });
    expect(ids(result)).toContain('US-TX/individuals');
    expect(ids(result)).not.toContain('US-GA/individuals');
    expect(exemptionReason(result, 'US-GA')).toContain('not personal information');
    expect(ids(result)).toContain('HIPAA/individuals');
  });

  it('counts online credentials without a name where the statute says so', () => {
    const result = compute({ dataElements: ['credentials'], affected: [{ jurisdiction: 'US-CA', count: 10 }] });
    expect(obligation(result, 'US-CA/individuals').reasons).toContain('exposed: credentials');
  });
});

describe('HIPAA compliance deemed compliance', () => {
  it('drops a statute that exempts HIPAA entities entirely', () => {
    const result = compute({ affected: [{ jurisdiction: 'US-AZ', count: 5000 }] });
    expect(ids(result).filter((id) => id.startsWith('US-AZ'))).toEqual([]);
    expect(exemptionReason(result, 'US-AZ')).toContain('HIPAA');
  });

  it('lets the HIPAA notice stand for resident notice but keeps the regulator, timed on the HIPAA notice', () => {
    // Connecticut's AG must hear no later than the residents, who get the HIPAA notice due 2026-05-01.
    const result = compute({ affected: [{ jurisdiction: 'US-CT', count: 5 }] });
    expect(ids(result)).not.toContain('US-CT/individuals');
    expect(obligation(result, 'US-CT/attorney-general').deadline).toEqual({
      kind: 'relative',
      relation: 'no-later-than',
      to: 'HIPAA/individuals',
      latestDate: '2026-05-01',
    });
  });

  it('times the Illinois AG copy 5 business days after the HHS report', () => {
    // HHS (500 or more) due Fri 2026-05-01: May 4 (1), 5, 6, 7, Fri May 8 (5).
    const result = compute({ affected: [{ jurisdiction: 'US-IL', count: 600 }] });
    expect(obligation(result, 'US-IL/attorney-general').deadline).toMatchObject({
      to: 'HIPAA/hhs',
      latestDate: '2026-05-08',
    });
  });
});

describe('deadlines timed against another notice', () => {
  it("fixes California's AG notice 15 days after the consumer notice once it is met", () => {
    // Consumer notice due Mar 2 + 30 = Apr 1; latest AG date Apr 1 + 15 = Apr 16.
    const affected = [{ jurisdiction: 'US-CA', count: 600 }];
    const open = compute({ affected });
    expect(dueDate(open, 'US-CA/individuals')).toBe('2026-04-01');
    expect(obligation(open, 'US-CA/attorney-general').deadline).toMatchObject({
      kind: 'relative',
      latestDate: '2026-04-16',
    });

    // Met at 21:00 PDT Mar 20 = 00:00 EDT Mar 21 in the entity zone: Mar 21 + 15 = Apr 5.
    const met = compute({ affected }, { met: { 'US-CA/individuals': '2026-03-20T21:00:00-07:00' } });
    expect(dueDate(met, 'US-CA/attorney-general')).toBe('2026-04-05');
    expect(obligation(met, 'US-CA/individuals').metAt).toBe('2026-03-20T21:00:00-07:00');
  });

  it("requires Maryland's AG before consumers, bounded by the consumer deadline", () => {
    // Mar 2 + 45 = Apr 16.
    const result = compute({ affected: [{ jurisdiction: 'US-MD', count: 3 }] });
    expect(obligation(result, 'US-MD/attorney-general').deadline).toMatchObject({
      relation: 'before',
      latestDate: '2026-04-16',
    });
    const sent = compute(
      { affected: [{ jurisdiction: 'US-MD', count: 3 }] },
      { met: { 'US-MD/individuals': '2026-03-20T10:00:00-04:00' } },
    );
    expect(obligation(sent, 'US-MD/attorney-general').deadline).toEqual({
      kind: 'instant',
      dueAt: '2026-03-20T14:00:00.000Z',
    });
  });

  it("counts Iowa's 5 business days after the consumer notice past Independence Day observed", () => {
    // Met Thu 2026-07-02; Fri Jul 3 is the observed holiday: Jul 6 (1), 7, 8, 9, Fri Jul 10 (5).
    const result = compute(
      { affected: [{ jurisdiction: 'US-IA', count: 500 }] },
      { met: { 'US-IA/individuals': '2026-07-02T15:00:00-04:00' } },
    );
    expect(dueDate(result, 'US-IA/attorney-general')).toBe('2026-07-10');
  });

  it("gives Minnesota's consumer reporting agencies 48 hours after the consumer notice", () => {
    const result = compute(
      { affected: [{ jurisdiction: 'US-MN', count: 501 }] },
      { met: { 'US-MN/individuals': '2026-03-07T22:00:00-05:00' } },
    );
    // 48 absolute hours across the Mar 8 spring-forward: Mar 8 03:00Z + 48 h = Mar 10 03:00Z.
    expect(obligation(result, 'US-MN/consumer-reporting-agencies').deadline).toEqual({
      kind: 'instant',
      dueAt: '2026-03-10T03:00:00.000Z',
    });
  });
});

describe('business-day rules', () => {
  it("counts Vermont's 14 business days from a Saturday discovery past Town Meeting Day", () => {
    // Sat 2026-02-28: Mar 2 (1), Mar 3 holiday, Mar 4 (2) ... Fri Mar 20 (14).
    const result = compute({
      discoveredAt: '2026-02-28T11:00:00-05:00',
      affected: [{ jurisdiction: 'US-VT', count: 2 }],
    });
    expect(dueDate(result, 'US-VT/attorney-general')).toBe('2026-03-20');
    expect(obligation(result, 'US-VT/attorney-general').businessDayCalendar).toBe('US-VT');
  });
});

describe('versions by discovery date', () => {
  it("applies Oklahoma's AG notice only to breaches discovered from 2026", () => {
    const before = compute({
      discoveredAt: '2025-12-20T10:00:00-06:00',
      affected: [{ jurisdiction: 'US-OK', count: 600 }],
    });
    expect(ids(before)).toContain('US-OK/individuals');
    expect(ids(before)).not.toContain('US-OK/attorney-general');
    const after = compute({
      discoveredAt: '2026-01-02T10:00:00-06:00',
      affected: [{ jurisdiction: 'US-OK', count: 600 }],
    });
    expect(ids(after)).toContain('US-OK/attorney-general');
  });

  it('moves the internal target of a notice without a fixed limit by a law-enforcement delay', () => {
    // Georgia has no limit: target Mar 2 + 30 = Apr 1, held to the end of the written delay, May 15.
    const result = compute(
      {
        affected: [{ jurisdiction: 'US-GA', count: 5 }],
        lawEnforcementDelay: {
          kind: 'written',
          requestedAt: '2026-03-20T09:00:00-04:00',
          until: '2026-05-15T12:00:00-04:00',
        },
      },
      { internalTargetDays: 30 },
    );
    expect(obligation(result, 'US-GA/individuals').deadline).toEqual({
      kind: 'without-unreasonable-delay',
      targetDate: '2026-05-15',
      targetDays: 30,
    });
  });

  it('does not toll Puerto Rico’s non-extendable 10 days to DACO', () => {
    const result = compute({
      affected: [{ jurisdiction: 'US-PR', count: 5 }],
      lawEnforcementDelay: { kind: 'oral', requestedAt: '2026-03-03T09:00:00-04:00' },
    });
    expect(dueDate(result, 'US-PR/daco')).toBe('2026-03-12');
  });
});
