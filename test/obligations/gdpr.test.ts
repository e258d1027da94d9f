import { describe, expect, it } from 'vitest';
import { dueDateOf, dueInstant, type IncidentFactsInput } from '../../src/obligations';
import { compute, exemptionReason, ids, obligation } from './scenario';

/**
 * GDPR Arts. 33 and 34 as the engine computes them. Awareness is the facts'
 * `determinedAt`; Art. 33 is due 72 continuous hours later as an instant.
 */

/** 120 people in Germany; the entity became aware at 10:00 CET on Saturday 28 March 2026, the day before spring-forward. */
const berlin: Partial<IncidentFactsInput> = {
  discoveredAt: '2026-03-27T15:00:00+01:00',
  determinedAt: '2026-03-28T10:00:00+01:00',
  timeZone: 'Europe/Berlin',
  affected: [{ jurisdiction: 'DE', count: 120 }],
  dataElements: ['name', 'email', 'medical'],
};

const ART_33 = 'GDPR/DE/supervisory-authority';
const ART_34 = 'GDPR/DE/data-subjects';

function art33DueAt(overrides: Partial<IncidentFactsInput> = {}): string {
  const deadline = obligation(compute({ ...berlin, ...overrides }), ART_33).deadline;
  if (deadline.kind !== 'instant') throw new Error(`Art. 33 is ${deadline.kind}, not an instant`);

  return deadline.dueAt;
}

describe('GDPR Art. 33: 72 hours from awareness to the supervisory authority', () => {
  it('is due 72 real hours after awareness, across the 29 March clock change', () => {
    // 10:00 CET (+01:00) is 09:00Z; + 72 h is 2026-03-31T09:00:00Z. Clocks jumped 02:00 → 03:00 on 29 March,
    // so that instant is 11:00 CEST in Berlin: 10:00 CEST (08:00Z) would be only 71 hours.
    const dueAt = art33DueAt();

    expect(dueAt).toBe('2026-03-31T09:00:00.000Z');
    expect(Date.parse(dueAt) - Date.parse(berlin.determinedAt ?? '')).toBe(72 * 3_600_000);
  });

  it('reports the same instant as its due instant and falls on 31 March in Berlin', () => {
    const art33 = obligation(compute(berlin), ART_33);

    expect(dueInstant(art33)).toBe('2026-03-31T09:00:00.000Z');
    expect(dueDateOf(art33)).toBe('2026-03-31');
    expect(art33.recipient).toBe('supervisory-authority');
    expect(art33.citation).toBe('GDPR Art. 33');
  });

  it('gives the same instant whatever offset awareness is written in', () => {
    expect(art33DueAt({ determinedAt: '2026-03-28T09:00:00Z' })).toBe('2026-03-31T09:00:00.000Z');
    expect(art33DueAt({ determinedAt: '2026-03-28T05:00:00-04:00' })).toBe('2026-03-31T09:00:00.000Z');
  });

  it('counts from awareness (determinedAt), not from the earlier discovery', () => {
    expect(art33DueAt({ determinedAt: '2026-03-29T12:00:00+02:00' })).toBe('2026-04-01T10:00:00.000Z');
  });

  it('counts from discovery when no determination is given', () => {
    // Discovered 15:00 CET on 27 March (14:00Z); + 72 h is 2026-03-30T14:00:00Z.
    expect(art33DueAt({ determinedAt: undefined })).toBe('2026-03-30T14:00:00.000Z');
  });

  it('is not moved by a law-enforcement delay, which GDPR does not provide for Art. 33', () => {
    const delayed = art33DueAt({
      lawEnforcementDelay: { kind: 'written', requestedAt: '2026-03-28T12:00:00+01:00', until: '2026-05-01T00:00:00Z' },
    });

    expect(delayed).toBe('2026-03-31T09:00:00.000Z');
  });

  it('is owed to each member state with affected people, all at the same instant', () => {
    const result = compute({
      ...berlin,
      affected: [
        { jurisdiction: 'DE', count: 120 },
        { jurisdiction: 'FR', count: 8 },
        { jurisdiction: 'NO', count: 2 },
      ],
    });
    const authorities = result.obligations.filter((item) => item.recipient === 'supervisory-authority');

    expect(authorities.map((item) => item.id).sort()).toEqual([
      'GDPR/DE/supervisory-authority',
      'GDPR/FR/supervisory-authority',
      'GDPR/NO/supervisory-authority',
    ]);
    for (const authority of authorities) expect(dueInstant(authority)).toBe('2026-03-31T09:00:00.000Z');
  });

  it('is not owed when the assessment finds the breach unlikely to result in a risk, and says why', () => {
    const result = compute(berlin, { gdprRisk: 'unlikely' });

    expect(ids(result).filter((id) => id.startsWith('GDPR/'))).toEqual([]);
    expect(exemptionReason(result, ART_33)).toMatch(/unlikely to result in a risk \(Art\. 33\(1\)\)/);
  });

  it('names no GDPR duty for the UK, which has its own regime', () => {
    const result = compute({ ...berlin, affected: [{ jurisdiction: 'GB', count: 5 }] });

    expect(ids(result).filter((id) => id.startsWith('GDPR/'))).toEqual([]);
    expect(exemptionReason(result, 'GB')).toMatch(/outside the US and the EEA/);
  });
});

describe('GDPR Art. 34: data subjects, only when the risk is high', () => {
  it('is not owed at the default risk, and the exemption says why', () => {
    const result = compute(berlin);

    expect(ids(result)).toContain(ART_33);
    expect(ids(result)).not.toContain(ART_34);
    expect(exemptionReason(result, ART_34)).toMatch(/did not find a likely high risk \(Art\. 34\(1\)\)/);
  });

  it('is owed to the data subjects without undue delay when the risk is high', () => {
    const result = compute(berlin, { gdprRisk: 'high', internalTargetDays: 5 });
    const art34 = obligation(result, ART_34);

    expect(art34.recipient).toBe('individuals');
    expect(art34.citation).toBe('GDPR Art. 34');
    // No fixed limit in law: the organisation's target, 5 days after the 28 March awareness.
    expect(art34.deadline).toEqual({ kind: 'without-unreasonable-delay', targetDate: '2026-04-02', targetDays: 5 });
    expect(ids(result)).toContain(ART_33);
  });

  it('is not owed for encrypted data whose key is safe, though Art. 33 still is', () => {
    const result = compute({ ...berlin, encryption: { encrypted: true, keyCompromised: false } }, { gdprRisk: 'high' });

    expect(exemptionReason(result, ART_34)).toMatch(/Art\. 34\(3\)\(a\)/);
    expect(ids(result)).toContain(ART_33);
  });
});

describe('a processor (business associate)', () => {
  it('notifies its controller instead of the supervisory authority or the data subjects', () => {
    const result = compute({ ...berlin, entityRole: 'business-associate' }, { gdprRisk: 'high' });
    const gdprIds = ids(result).filter((id) => id.startsWith('GDPR/'));
    const notice = obligation(result, 'GDPR/controller');

    expect(gdprIds).toEqual(['GDPR/controller']);
    expect(notice.recipient).toBe('covered-entity');
    expect(notice.citation).toBe('GDPR Art. 33(2)');
    expect(notice.deadline.kind).toBe('without-unreasonable-delay');
  });

  it('notifies its controller even when the risk is unlikely: Art. 33(2) has no risk threshold', () => {
    const result = compute({ ...berlin, entityRole: 'business-associate' }, { gdprRisk: 'unlikely' });

    expect(ids(result)).toContain('GDPR/controller');
  });

  // The engine records why a rule does not apply (HIPAA and the states do so for a business associate),
  // but returns no exemption for the processor's Art. 33(1) and Art. 34 notices.
  it('records why it owes no Art. 33 notice to the authority, as HIPAA and the states do', () => {
    const result = compute({ ...berlin, entityRole: 'business-associate' });

    expect(exemptionReason(result, ART_33)).toMatch(/processor|controller/);
  });
});
