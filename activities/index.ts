import { createEscalationActivities, type EscalationDependencies } from './escalation';

export type ActivityDependencies = EscalationDependencies;

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createEscalationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
