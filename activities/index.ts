import { createContainmentActivities, type ContainmentDependencies } from './containment';
import { createEscalationActivities, type EscalationDependencies } from './escalation';

export type ActivityDependencies = EscalationDependencies & ContainmentDependencies;

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createEscalationActivities(deps),
    ...createContainmentActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
