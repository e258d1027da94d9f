/**
 * The obligations engine: from an incident's facts, every breach notice owed
 * (HIPAA, the states and territories, GDPR), to whom, on what basis and by
 * when. Pure and deterministic, so workflows may import it.
 */
export { computeObligations } from './compute';
export { dueDateOf, dueInstant, standing, type Standing } from './due';
export { ObligationInputError, parseIncidentFacts, parseObligationOptions } from './errors';
export {
  DataElement,
  EntityRole,
  LawEnforcementDelayKind,
  incidentFactsSchema,
  isUsJurisdiction,
  usJurisdictions,
  type IncidentFacts,
  type IncidentFactsInput,
  type UsJurisdiction,
} from './facts';
export { addBusinessDays, isBusinessDay } from './business-days';
export { addCalendarDays, addHours, civilDateOf, endOfCivilDay } from './civil-time';
export {
  Confidence,
  Recipient,
  Regime,
  Relation,
  type CivilDate,
  type Deadline,
  type DeadlineKind,
  type Exemption,
  type Obligation,
  type ObligationsResult,
  type Period,
} from './obligation';
export {
  DEFAULT_INTERNAL_TARGET_DAYS,
  obligationOptionsSchema,
  type ObligationOptions,
  type ObligationOptionsInput,
} from './options';
export { GdprRisk } from './rules/gdpr';
export { hipaaRule } from './rules/hipaa';
export { stateRuleFor, stateRules } from './rules/states';
export type { StateRule } from './rules/types';
