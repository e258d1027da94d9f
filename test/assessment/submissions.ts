import type { RiskAssessmentSubmission } from '../../src/assessment/submission';

/**
 * A complete assessment of unsecured PHI with no exception and every factor
 * rated low: the one shape that ends "not reportable, low probability".
 * Rationales describe data and people by kind, as real ones should.
 */
export function lowRiskSubmission(): RiskAssessmentSubmission {
  return {
    assessedBy: 'privacy.officer',
    assessedAt: '2026-12-05T16:00:00Z',
    phi: { involved: true, rationale: 'Chart views exposed names, dates of service and diagnoses.' },
    securing: { method: 'none', rationale: 'The charts were read in the application, in clear text.' },
    exceptions: {
      unintentionalWorkforceUse: { applies: false, rationale: 'The access was deliberate, outside any assignment.' },
      inadvertentAuthorizedDisclosure: { applies: false, rationale: 'Nothing was disclosed to another person.' },
      recipientCouldNotRetain: { applies: false, rationale: 'The user could have noted what was on screen.' },
    },
    factors: {
      natureAndExtent: { rating: 'low', rationale: 'Demographics only for three patients; no financial identifiers.' },
      unauthorizedPerson: { rating: 'low', rationale: 'A workforce member bound by confidentiality and sanctions.' },
      acquiredOrViewed: { rating: 'low', rationale: 'Session logs show each chart open for under two seconds.' },
      mitigation: { rating: 'low', rationale: 'Account suspended within ten minutes; signed attestation obtained.' },
    },
  };
}

/** The same assessment with one factor rated higher. */
export function withFactor(
  factor: keyof NonNullable<RiskAssessmentSubmission['factors']>,
  rating: 'low' | 'medium' | 'high',
): RiskAssessmentSubmission {
  const submission = lowRiskSubmission();
  const factors = submission.factors;
  if (factors === undefined) throw new Error('the low-risk fixture has factors');

  return { ...submission, factors: { ...factors, [factor]: { ...factors[factor], rating } } };
}
