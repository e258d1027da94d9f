import { describe, expect, it } from 'vitest';
import {
  parseRiskAssessment,
  riskAssessmentProblems,
  RiskAssessmentRejectedError,
} from '../../src/assessment/submission';
import { SYNTHETIC_PATIENT_NAME } from '../support/alerts';
import { lowRiskSubmission } from './submissions';

function rejectionOf(input: unknown): RiskAssessmentRejectedError {
  try {
    parseRiskAssessment(input);
  } catch (error) {
    if (error instanceof RiskAssessmentRejectedError) return error;
    throw error;
  }
  throw new Error('the submission was accepted');
}

describe('parseRiskAssessment', () => {
  it('accepts a complete submission and trims rationales', () => {
    const submission = lowRiskSubmission();
    submission.phi.rationale = '  Names and diagnoses.  ';

    expect(parseRiskAssessment(submission).phi.rationale).toBe('Names and diagnoses.');
  });

  it('rejects a factor without a rationale, naming the field', () => {
    const submission = lowRiskSubmission();
    const input = JSON.parse(JSON.stringify(submission)) as { factors: { mitigation: Record<string, unknown> } };
    delete input.factors.mitigation.rationale;

    expect(rejectionOf(input).problems).toEqual([{ field: 'factors.mitigation.rationale', problem: 'required' }]);
  });

  it('rejects a rationale of only spaces', () => {
    const submission = lowRiskSubmission();
    const exceptions = submission.exceptions;
    if (exceptions) exceptions.recipientCouldNotRetain.rationale = '   ';

    expect(rejectionOf(submission).problems).toEqual([
      { field: 'exceptions.recipientCouldNotRetain.rationale', problem: 'required: explain the finding' },
    ]);
  });

  it('names every bad field in one answer', () => {
    const input = {
      assessedBy: 'privacy officer',
      assessedAt: '2026-12-05 16:00',
      phi: { involved: 'yes', rationale: 'x' },
      securing: { method: 'encryption', rationale: 'AES' },
      exceptions: {
        unintentionalWorkforceUse: { applies: false, rationale: 'no' },
        inadvertentAuthorizedDisclosure: { applies: false },
      },
      factors: {
        natureAndExtent: { rating: 'negligible', rationale: 'few' },
        unauthorizedPerson: { rating: 'low', rationale: 'staff' },
        acquiredOrViewed: { rating: 'low', rationale: 'brief' },
        mitigation: { rating: 'low', rationale: 'done' },
        likelihood: { rating: 'low', rationale: 'n/a' },
      },
    };

    const fields = rejectionOf(input).problems.map((problem) => problem.field);

    expect(fields.sort()).toEqual(
      [
        'assessedBy',
        'assessedAt',
        'phi.involved',
        'securing.standard',
        'securing.keyCompromised',
        'exceptions.inadvertentAuthorizedDisclosure.rationale',
        'exceptions.recipientCouldNotRetain',
        'factors.natureAndExtent.rating',
        'factors.likelihood',
      ].sort(),
    );
  });

  it('says what is expected of a bad value without repeating it', () => {
    const submission = { ...lowRiskSubmission(), assessedBy: SYNTHETIC_PATIENT_NAME };

    const error = rejectionOf(submission);

    expect(error.problems).toEqual([{ field: 'assessedBy', problem: 'must be 1 to 100 letters, digits or . _ @ -' }]);
    expect(error.message).not.toContain(SYNTHETIC_PATIENT_NAME);
  });

  it('requires the securing, exception and factor sections once the information is PHI', () => {
    const { assessedBy, assessedAt, phi } = lowRiskSubmission();

    expect(riskAssessmentProblems({ assessedBy, assessedAt, phi })).toEqual([
      { field: 'securing', problem: 'required when the information is PHI' },
      { field: 'exceptions', problem: 'required when the PHI was not secured' },
      { field: 'factors', problem: 'required when no exception applies' },
    ]);
  });

  it('needs no exceptions or factors when the PHI was secured', () => {
    const { assessedBy, assessedAt, phi } = lowRiskSubmission();
    const securing = { method: 'encryption', standard: 'NIST SP 800-111', keyCompromised: false, rationale: 'FDE' };

    expect(riskAssessmentProblems({ assessedBy, assessedAt, phi, securing })).toEqual([]);
  });

  it('still needs exceptions and factors when the encryption key was compromised', () => {
    const { assessedBy, assessedAt, phi } = lowRiskSubmission();
    const securing = { method: 'encryption', standard: 'NIST SP 800-111', keyCompromised: true, rationale: 'FDE' };

    expect(riskAssessmentProblems({ assessedBy, assessedAt, phi, securing }).map((p) => p.field)).toEqual([
      'exceptions',
      'factors',
    ]);
  });

  it('needs no factors when an exception applies', () => {
    const { factors: _factors, ...submission } = lowRiskSubmission();
    const exceptions = submission.exceptions;
    if (exceptions) exceptions.inadvertentAuthorizedDisclosure.applies = true;

    expect(riskAssessmentProblems(submission)).toEqual([]);
  });

  it('rejects a securing method the guidance does not name', () => {
    const submission = { ...lowRiskSubmission(), securing: { method: 'redaction', rationale: 'Names blacked out.' } };

    expect(riskAssessmentProblems(submission)).toEqual([
      { field: 'securing.method', problem: 'method must be none, encryption or destruction' },
    ]);
  });

  it('answers a submission that is not an object with one problem', () => {
    expect(riskAssessmentProblems('not reportable')).toEqual([{ field: 'submission', problem: 'must be an object' }]);
  });
});
