import { breachExceptionKeys, breachExceptions, riskFactorKeys, riskFactors } from '../assessment/breach-rule';
import type { RiskAssessmentSubmission, SecuringFinding } from '../assessment/submission';
import { AssessmentOutcome } from '../assessment/vocabulary';
import type { ClosureReportData } from './closure-report-data';
import type { ReportSection } from './report-model';
import { formatInstant, yesNo } from './report-format';

/** The outcome as a privacy officer would write it on a file. */
export const outcomeLabels: Record<AssessmentOutcome, string> = {
  [AssessmentOutcome.reportable]: 'Reportable breach of unsecured PHI',
  [AssessmentOutcome.notReportableLowProbability]: 'Not reportable: low probability of compromise, documented',
  [AssessmentOutcome.notPhi]: 'Not reportable: the information is not PHI',
  [AssessmentOutcome.notReportableException]: 'Not reportable: an exclusion from the definition of breach applies',
  [AssessmentOutcome.notReportableSafeHarbor]: 'Not reportable: the PHI was secured (encryption or destruction)',
};

function securingResult(securing: SecuringFinding): string {
  switch (securing.method) {
    case 'none':
      return 'not secured';
    case 'destruction':
      return `destroyed (${securing.standard})`;
    case 'encryption':
      return `encrypted (${securing.standard}); key ${securing.keyCompromised ? 'compromised' : 'not compromised'}`;
  }
}

/** One row per finding the assessor recorded: what was asked, what was found, and why. */
function findingRows(submission: RiskAssessmentSubmission): string[][] {
  const { phi, securing, exceptions, factors, otherFactors } = submission;
  const rows = [['PHI involved', yesNo(phi.involved), phi.rationale]];
  if (securing) rows.push(['Secured as HHS guidance specifies', securingResult(securing), securing.rationale]);
  if (exceptions) {
    for (const key of breachExceptionKeys) {
      const finding = exceptions[key];
      rows.push([
        `Exception: ${breachExceptions[key].title}`,
        finding.applies ? 'applies' : 'does not apply',
        finding.rationale,
      ]);
    }
  }
  if (factors) {
    for (const key of riskFactorKeys)
      rows.push([`Factor: ${riskFactors[key].title}`, factors[key].rating, factors[key].rationale]);
  }
  for (const factor of otherFactors ?? []) rows.push([`Other factor: ${factor.name}`, factor.rating, factor.rationale]);

  return rows;
}

export function assessmentSection(assessment: ClosureReportData['assessment']): ReportSection {
  const title = 'Risk assessment';
  if (!assessment) return { title, blocks: [{ kind: 'text', text: 'No risk assessment was recorded.' }] };

  const { submission, result } = assessment;
  return {
    title,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: 'Outcome', value: outcomeLabels[result.outcome] },
          { label: 'Reportable', value: yesNo(result.reportable) },
          { label: 'Assessed by', value: submission.assessedBy },
          { label: 'Assessed at', value: formatInstant(submission.assessedAt) },
        ],
      },
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'Finding', weight: 3 },
            { header: 'Result', weight: 2 },
            { header: 'Rationale', weight: 6 },
          ],
          rows: findingRows(submission),
        },
        whenEmpty: 'No findings were recorded.',
      },
      { kind: 'list', title: 'Reasons', items: result.reasons },
      { kind: 'list', title: 'Citations', items: result.citations },
    ],
  };
}
