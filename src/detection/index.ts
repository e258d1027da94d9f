/**
 * Detection with Sigma rules over the audit store. Load rules with a field
 * mapping, then evaluate them over a sweep of events (or compile one rule
 * to a parameterised statement and run it yourself).
 */
export { type CompiledQuery, compileRule, MAX_LISTED } from './compile-rule';
export { dedupKey, evaluateRule, evaluateRules, type RuleMatch, type RuleSet } from './evaluate-rules';
export {
  DEFAULT_FIELD_MAPPING_PATH,
  type FieldMapping,
  FieldMappingError,
  loadFieldMapping,
  parseFieldMapping,
} from './field-mapping';
export { type LoadedRules, loadRules, parseRuleTexts, type RuleText } from './load-rules';
export { addReferenceListEntries, type ReferenceListEntry } from './reference-lists';
export { formatProblem, type RuleProblem } from './rule-problem';
export type { CorrelationRule, DetectionRule, Rule, SigmaLevel } from './sigma-rule';
export { type SweepScope, SweepScopeError } from './sweep-scope';
