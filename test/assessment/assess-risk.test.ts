import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../src/assessment/assess-risk';
import { type BreachException, breachExceptions, riskFactors, type RiskFactor } from '../../src/assessment/breach-rule';
import { parseRiskAssessment, type RiskAssessmentSubmission } from '../../src/assessment/submission';
import { lowRiskSubmission, withFactor } from './submissions';

const FACTORS = Object.keys(riskFactors) as RiskFactor[];
const EXCEPTIONS = Object.keys(breachExceptions) as BreachException[];

/** Every test goes through the schema first, as the workflow will. */
function assess(submission: unknown) {
  return assessRisk(parseRiskAssessment(submission));
}

describe('assessRisk: the four factors', () => {
  it('finds no reportable breach when every factor is rated low, and cites the burden of proof', () => {
    const result = assess(lowRiskSubmission());

    expect(result.outcome).toBe('not-reportable-low-probability');
    expect(result.reportable).toBe(false);
    expect(result.reasons.at(-1)).toMatch(/All 4 factors assessed are rated low/);
    expect(result.citations).toEqual(
      expect.arrayContaining([
        '45 CFR 164.402, breach, paragraph (2)',
        ...FACTORS.map((key) => riskFactors[key].citation),
        '45 CFR 164.414(b)',
      ]),
    );
  });

  it.each(FACTORS.flatMap((factor) => (['medium', 'high'] as const).map((rating) => [factor, rating] as const)))(
    'presumes a reportable breach when %s is rated %s',
    (factor, rating) => {
      const result = assess(withFactor(factor, rating));

      expect(result.outcome).toBe('reportable');
      expect(result.reportable).toBe(true);
      expect(result.reasons).toContain(`Factor "${riskFactors[factor].label}" is rated ${rating}.`);
      expect(result.citations).toContain(riskFactors[factor].citation);
      expect(result.citations).not.toContain('45 CFR 164.414(b)');
    },
  );

  it('names every factor that is not low, and only those', () => {
    const submission = withFactor('natureAndExtent', 'high');
    const factors = submission.factors;
    if (factors) factors.mitigation = { rating: 'medium', rationale: 'Suspended only after two days.' };

    const reasons = assess(submission).reasons.filter((reason) => reason.startsWith('Factor'));

    expect(reasons).toEqual([
      `Factor "${riskFactors.natureAndExtent.label}" is rated high.`,
      `Factor "${riskFactors.mitigation.label}" is rated medium.`,
    ]);
  });

  it('counts a further factor the assessor weighed: one rated medium keeps the presumption', () => {
    const submission: RiskAssessmentSubmission = {
      ...lowRiskSubmission(),
      otherFactors: [{ name: 'prior incidents by this user', rating: 'medium', rationale: 'One warning last year.' }],
    };

    const result = assess(submission);

    expect(result.outcome).toBe('reportable');
    expect(result.reasons).toContain('Factor "prior incidents by this user" is rated medium.');
  });

  it('counts further factors rated low towards a low probability', () => {
    const submission: RiskAssessmentSubmission = {
      ...lowRiskSubmission(),
      otherFactors: [{ name: 'prior incidents by this user', rating: 'low', rationale: 'None on record.' }],
    };

    const result = assess(submission);

    expect(result.outcome).toBe('not-reportable-low-probability');
    expect(result.reasons.at(-1)).toMatch(/All 5 factors/);
  });

  it('says why the PHI is unsecured and that no exception applies on the way to a reportable outcome', () => {
    const result = assess(withFactor('acquiredOrViewed', 'high'));

    expect(result.reasons.slice(0, 3)).toEqual([
      'The information involved is protected health information.',
      'The PHI was neither encrypted nor destroyed as HHS guidance specifies, so it is unsecured.',
      'None of the three exclusions from the definition of breach applies.',
    ]);
  });

  it('never quotes a rationale in its reasons', () => {
    const submission = withFactor('unauthorizedPerson', 'high');
    const rationales = JSON.stringify(submission).match(/"rationale":"([^"]+)"/g) ?? [];

    const reasons = assess(submission).reasons.join(' ');

    expect(rationales.length).toBeGreaterThan(5);
    for (const quoted of rationales) expect(reasons).not.toContain(quoted.slice('"rationale":"'.length, -1));
  });
});

describe('assessRisk: not PHI', () => {
  it('ends at "not PHI" and needs no further section', () => {
    const submission = {
      assessedBy: 'privacy.officer',
      assessedAt: '2026-12-05T16:00:00-05:00',
      phi: { involved: false, rationale: 'Only de-identified aggregate counts were exported.' },
    };

    const result = assess(submission);

    expect(result).toEqual({
      outcome: 'not-phi',
      reportable: false,
      reasons: ['The information involved is not protected health information, so the breach rule does not apply.'],
      citations: ['45 CFR 160.103 (protected health information)', '45 CFR 164.402 (breach)', '45 CFR 164.414(b)'],
    });
  });

  it('ignores factors rated high when the information is not PHI', () => {
    const submission = withFactor('natureAndExtent', 'high');

    expect(assess({ ...submission, phi: { involved: false, rationale: 'Test records only.' } }).outcome).toBe(
      'not-phi',
    );
  });
});

describe('assessRisk: exceptions', () => {
  it.each(EXCEPTIONS)('is not reportable when exception %s applies, even with every factor high', (exception) => {
    const submission = lowRiskSubmission();
    const exceptions = submission.exceptions;
    if (!exceptions) throw new Error('fixture has exceptions');
    exceptions[exception] = { applies: true, rationale: 'Documented in the interview notes.' };

    const result = assess({ ...submission, factors: undefined });

    expect(result.outcome).toBe('not-reportable-exception');
    expect(result.reportable).toBe(false);
    expect(result.reasons).toContain(
      `An exclusion from the definition of breach applies: ${breachExceptions[exception].label}.`,
    );
    expect(result.citations).toEqual(
      expect.arrayContaining([breachExceptions[exception].citation, '45 CFR 164.414(b)']),
    );
  });

  it('lists every exception that applies', () => {
    const submission = lowRiskSubmission();
    const exceptions = submission.exceptions;
    if (!exceptions) throw new Error('fixture has exceptions');
    exceptions.unintentionalWorkforceUse.applies = true;
    exceptions.recipientCouldNotRetain.applies = true;

    const reasons = assess(submission).reasons.filter((reason) => reason.startsWith('An exclusion'));

    expect(reasons).toHaveLength(2);
  });
});

describe('assessRisk: encryption safe harbor', () => {
  const encrypted = (keyCompromised: boolean) => ({
    method: 'encryption' as const,
    standard: 'NIST SP 800-111',
    keyCompromised,
    rationale: 'Full-disk encryption; the key lives in the hospital HSM.',
  });

  it('is not reportable when the PHI was encrypted and the key was not compromised', () => {
    const submission = { ...withFactor('natureAndExtent', 'high'), securing: encrypted(false) };

    const result = assess({ ...submission, exceptions: undefined, factors: undefined });

    expect(result.outcome).toBe('not-reportable-safe-harbor');
    expect(result.reportable).toBe(false);
    expect(result.reasons.at(-1)).toMatch(/encrypted following NIST SP 800-111 and the key was not compromised/);
    expect(result.citations).toEqual(
      expect.arrayContaining([
        '45 CFR 164.402 (unsecured protected health information)',
        '45 CFR 164.304 (encryption)',
        '45 CFR 164.414(b)',
      ]),
    );
  });

  it('treats encrypted PHI as unsecured when the key was compromised too', () => {
    const submission = { ...withFactor('acquiredOrViewed', 'high'), securing: encrypted(true) };

    const result = assess(submission);

    expect(result.outcome).toBe('reportable');
    expect(result.reasons).toContain('The PHI was encrypted but the key was compromised, so it counts as unsecured.');
  });

  it('is not reportable when the PHI was destroyed as the guidance specifies', () => {
    const securing = { method: 'destruction', standard: 'NIST SP 800-88', rationale: 'Drives purged before resale.' };

    const result = assess({ ...withFactor('natureAndExtent', 'high'), securing });

    expect(result.outcome).toBe('not-reportable-safe-harbor');
  });
});

describe('assessRisk: findings that were never recorded', () => {
  it('presumes a breach when a submission reaches it without factors, exceptions or securing', () => {
    const submission: RiskAssessmentSubmission = {
      assessedBy: 'privacy.officer',
      assessedAt: '2026-12-05T16:00:00Z',
      phi: { involved: true, rationale: 'Chart views.' },
    };

    const result = assessRisk(submission);

    expect(result.outcome).toBe('reportable');
    expect(result.reasons).toEqual([
      'The information involved is protected health information.',
      'No finding on encryption or destruction was recorded, so the PHI counts as unsecured.',
      'No findings on the exclusions from the definition of breach were recorded, so none applies.',
      'No four-factor risk assessment was recorded, so the presumption of a breach stands.',
    ]);
  });
});
