import type { NoticeFacts } from '../notice-facts';
import type { PhiType } from '../vocabulary';

/** Everything a template says in one language; the notice composer supplies the facts. */
export interface Phrasebook {
  locale: string;
  subject(entityName: string): string;
  greeting(name: string): string;
  /** To next of kin or a personal representative of a deceased individual (45 CFR 164.404(d)(1)(ii)). */
  nextOfKinGreeting(name: string, patientName: string): string;
  headings: {
    whatHappened: string;
    whatInformation: string;
    whatYouCanDo: string;
    whatWeAreDoing: string;
    forMoreInformation: string;
  };
  dates(breachDate: string | undefined, discoveryDate: string): string;
  informationInvolved: string;
  phiLabels: Record<PhiType, string>;
  /** Advice for everyone, then advice tied to particular kinds of information. */
  generalSteps: string[];
  stepsByPhiType: Partial<Record<PhiType, string>>;
  contactLines(contact: NoticeFacts['contact']): string[];
  closing(entityName: string): string;
  smsLead(entityName: string): string;
  smsLabels: { happened: string; found: string; info: string; steps: string; doing: string; questions: string };
}
