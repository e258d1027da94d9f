import { breachExceptionKeys, breachExceptions, Citation, riskFactorKeys, riskFactors } from './breach-rule';
import type { ExceptionFindings, FactorFindings, RiskAssessmentSubmission, SecuringFinding } from './submission';
import { AssessmentOutcome, RiskRating } from './vocabulary';

/**
 * Turns a risk-assessment submission into an outcome, applying 45 CFR
 * 164.402 in this order:
 *
 * 1. Information that is not PHI is outside the rule.
 * 2. PHI secured as the HHS guidance specifies (encrypted with a key that was
 *    not compromised, or destroyed) is not "unsecured PHI", and notification
 *    duties apply only to breaches of unsecured PHI.
 * 3. An event that one of the three exclusions in paragraph (1) covers is not
 *    a breach.
 * 4. Anything else is presumed a breach (paragraph (2)) unless the assessment
 *    demonstrates a low probability that the PHI was compromised. We hold that
 *    shown only when every factor assessed, the four of (2)(i)-(iv) and any
 *    other the assessor weighed, is rated low: one factor rated medium or
 *    high leaves the presumption standing.
 *
 * A finding that was not recorded never ends the assessment: with no securing
 * finding the PHI counts as unsecured, with no exception findings none
 * applies, and with no factor ratings the presumption stands. So the function
 * is total, and errs only towards notifying.
 */

export interface RiskAssessmentResult {
  outcome: AssessmentOutcome;
  /** True for `reportable` only: Subpart D notification duties follow. */
  reportable: boolean;
  /** How the outcome follows from the findings. They quote the rule and the ratings, never a rationale. */
  reasons: string[];
  /** The provisions the reasons rest on, each once, in the order first used. */
  citations: string[];
}

/** One step of the decision: what it found, and the outcome when it ends the assessment. */
interface Step {
  reasons: string[];
  citations: string[];
  conclusion?: AssessmentOutcome;
}

/** The last step always reaches an outcome. */
type FinalStep = Step & { conclusion: AssessmentOutcome };

function phiStep(involved: boolean): Step {
  if (!involved) {
    return {
      reasons: ['The information involved is not protected health information, so the breach rule does not apply.'],
      citations: [Citation.phiDefinition, Citation.breachDefinition],
      conclusion: AssessmentOutcome.notPhi,
    };
  }
  return {
    reasons: ['The information involved is protected health information.'],
    citations: [Citation.phiDefinition],
  };
}

function securingStep(securing: SecuringFinding | undefined): Step {
  const citations = [Citation.unsecuredPhi, Citation.securingGuidance];
  if (securing === undefined) {
    return {
      reasons: ['No finding on encryption or destruction was recorded, so the PHI counts as unsecured.'],
      citations,
    };
  }

  switch (securing.method) {
    case 'none':
      return {
        reasons: ['The PHI was neither encrypted nor destroyed as HHS guidance specifies, so it is unsecured.'],
        citations,
      };
    case 'destruction':
      return {
        reasons: [`The PHI was destroyed following ${securing.standard}, so it is not unsecured PHI.`],
        citations,
        conclusion: AssessmentOutcome.notReportableSafeHarbor,
      };
    case 'encryption':
      if (securing.keyCompromised) {
        return {
          reasons: ['The PHI was encrypted but the key was compromised, so it counts as unsecured.'],
          citations: [...citations, Citation.encryptionDefinition],
        };
      }
      return {
        reasons: [
          `The PHI was encrypted following ${securing.standard} and the key was not compromised, so it is not ` +
            'unsecured PHI; notification duties apply only to breaches of unsecured PHI.',
        ],
        citations: [...citations, Citation.encryptionDefinition],
        conclusion: AssessmentOutcome.notReportableSafeHarbor,
      };
  }
}

function exceptionsStep(exceptions: ExceptionFindings | undefined): Step {
  if (exceptions === undefined) {
    return {
      reasons: ['No findings on the exclusions from the definition of breach were recorded, so none applies.'],
      citations: [Citation.breachDefinition],
    };
  }

  const applied = breachExceptionKeys.filter((key) => exceptions[key].applies);
  if (applied.length === 0) {
    return {
      reasons: ['None of the three exclusions from the definition of breach applies.'],
      citations: [Citation.breachDefinition],
    };
  }

  return {
    reasons: applied.map(
      (key) => `An exclusion from the definition of breach applies: ${breachExceptions[key].label}.`,
    ),
    citations: applied.map((key) => breachExceptions[key].citation),
    conclusion: AssessmentOutcome.notReportableException,
  };
}

interface RatedFactor {
  name: string;
  rating: RiskRating;
  citation?: string;
}

function ratedFactors(factors: FactorFindings, others: RiskAssessmentSubmission['otherFactors']): RatedFactor[] {
  const statutory = riskFactorKeys.map((key) => ({
    name: riskFactors[key].label,
    rating: factors[key].rating,
    citation: riskFactors[key].citation,
  }));
  const additional = (others ?? []).map((factor) => ({ name: factor.name, rating: factor.rating }));

  return [...statutory, ...additional];
}

function factorsStep(factors: FactorFindings | undefined, others: RiskAssessmentSubmission['otherFactors']): FinalStep {
  if (factors === undefined) {
    return {
      reasons: ['No four-factor risk assessment was recorded, so the presumption of a breach stands.'],
      citations: [Citation.presumption, Citation.notificationDuties],
      conclusion: AssessmentOutcome.reportable,
    };
  }

  const rated = ratedFactors(factors, others);
  const notLow = rated.filter((factor) => factor.rating !== RiskRating.low);
  if (notLow.length > 0) {
    return {
      reasons: [
        ...notLow.map((factor) => `Factor "${factor.name}" is rated ${factor.rating}.`),
        'A low probability of compromise is shown only when every factor is rated low, so the presumption of a ' +
          'breach stands.',
      ],
      citations: [Citation.presumption, ...citationsOf(notLow), Citation.notificationDuties],
      conclusion: AssessmentOutcome.reportable,
    };
  }

  return {
    reasons: [
      `All ${rated.length} factors assessed are rated low, each with its rationale: the assessment demonstrates a ` +
        'low probability that the PHI has been compromised.',
    ],
    citations: [Citation.presumption, ...citationsOf(rated)],
    conclusion: AssessmentOutcome.notReportableLowProbability,
  };
}

function citationsOf(factors: readonly RatedFactor[]): string[] {
  return factors.flatMap((factor) => (factor.citation === undefined ? [] : [factor.citation]));
}

function conclude(steps: readonly Step[], outcome: AssessmentOutcome): RiskAssessmentResult {
  const reportable = outcome === AssessmentOutcome.reportable;
  const citations = steps.flatMap((step) => step.citations);
  // Every "no" must be provable: the entity carries the burden of showing no breach occurred.
  if (!reportable) citations.push(Citation.burdenOfProof);

  return {
    outcome,
    reportable,
    reasons: steps.flatMap((step) => step.reasons),
    citations: [...new Set(citations)],
  };
}

export function assessRisk(submission: RiskAssessmentSubmission): RiskAssessmentResult {
  const phi = phiStep(submission.phi.involved);
  if (phi.conclusion) return conclude([phi], phi.conclusion);

  const securing = securingStep(submission.securing);
  if (securing.conclusion) return conclude([phi, securing], securing.conclusion);

  const exceptions = exceptionsStep(submission.exceptions);
  if (exceptions.conclusion) return conclude([phi, securing, exceptions], exceptions.conclusion);

  const factors = factorsStep(submission.factors, submission.otherFactors);
  return conclude([phi, securing, exceptions, factors], factors.conclusion);
}
