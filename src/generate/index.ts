/** The synthetic audit traffic generator: what tests, the demo, benchmarks and the CLI use. */
export { buildLabels, type TrafficLabels } from './labels';
export {
  GenerateOptionsError,
  ScenarioName,
  allScenarios,
  parseScenarioList,
  resolveOptions,
  type GenerateOptions,
  type GenerateOptionsInput,
} from './options';
export { PatientFlag, patientId, type FlaggedPatient } from './patients';
export { buildPopulation, type Population, type StaffMember } from './population';
export { isOnDuty, shiftWindow } from './schedule';
export type { ScenarioLabel } from './scenarios';
export { localHour } from './time-zone';
export { generateAuditTraffic, planTraffic, trafficByDay, trafficEvents, type TrafficPlan } from './traffic';
export { StaffRole, isDayShift } from './vocabulary';
export { writeTraffic, type TrafficCounts, type WriteSettings } from './writer';
