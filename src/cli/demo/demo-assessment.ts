import type { RiskAssessmentSubmission } from '../../assessment/submission';

/**
 * The demo privacy officer's risk assessment of a snooping spree: unsecured
 * charts read deliberately by a workforce member, too many to call low risk.
 * Rationales describe the data and people by kind, as real ones should.
 */
export function demoAssessment(): RiskAssessmentSubmission {
  return {
    assessedBy: 'demo.privacy',
    assessedAt: new Date().toISOString(),
    phi: { involved: true, rationale: 'Chart views showed names, dates of service, diagnoses and medications.' },
    securing: { method: 'none', rationale: 'The charts were read in the application, in clear text.' },
    exceptions: {
      unintentionalWorkforceUse: { applies: false, rationale: 'The reads were deliberate and outside any assignment.' },
      inadvertentAuthorizedDisclosure: { applies: false, rationale: 'No other authorised person received the data.' },
      recipientCouldNotRetain: { applies: false, rationale: 'The user could note or photograph what was on screen.' },
    },
    factors: {
      natureAndExtent: { rating: 'high', rationale: 'Hundreds of charts; clinical detail including diagnoses.' },
      unauthorizedPerson: { rating: 'medium', rationale: 'A workforce member with no care relationship to them.' },
      acquiredOrViewed: { rating: 'high', rationale: 'Each chart was open long enough to be read.' },
      mitigation: { rating: 'medium', rationale: 'Sessions revoked and the account suspended within minutes.' },
    },
  };
}
