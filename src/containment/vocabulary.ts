import type { ActivityOptions } from '@temporalio/workflow';

/**
 * The words containment is described in, and how its activities should be
 * retried. Nothing here does I/O, so workflows may import it.
 */

/** What a containment action does on the platform. */
export const ContainmentKind = {
  suspendUser: 'suspend-user',
  revokeSessions: 'revoke-sessions',
  blockIp: 'block-ip',
  disableApiKey: 'disable-api-key',
} as const;
export type ContainmentKind = (typeof ContainmentKind)[keyof typeof ContainmentKind];

/** `approval` actions wait for a responder's approval; `automatic` ones run as soon as the playbook names them. */
export const ContainmentMode = {
  automatic: 'automatic',
  approval: 'approval',
} as const;
export type ContainmentMode = (typeof ContainmentMode)[keyof typeof ContainmentMode];

/** What an action is aimed at; each kind has exactly one target type. */
export const TargetType = {
  user: 'user',
  ipAddress: 'ip-address',
  apiKey: 'api-key',
} as const;
export type TargetType = (typeof TargetType)[keyof typeof TargetType];

export const targetTypeOf: Readonly<Record<ContainmentKind, TargetType>> = {
  [ContainmentKind.suspendUser]: TargetType.user,
  [ContainmentKind.revokeSessions]: TargetType.user,
  [ContainmentKind.blockIp]: TargetType.ipAddress,
  [ContainmentKind.disableApiKey]: TargetType.apiKey,
};

/** Applying an action, or undoing it when the incident proves a false positive. */
export const ContainmentOperation = {
  apply: 'apply',
  undo: 'undo',
} as const;
export type ContainmentOperation = (typeof ContainmentOperation)[keyof typeof ContainmentOperation];

/** What became of an action. `not-reversible`: an undo the platform cannot do (revoked sessions stay revoked). */
export const ContainmentOutcome = {
  applied: 'applied',
  undone: 'undone',
  notReversible: 'not-reversible',
} as const;
export type ContainmentOutcome = (typeof ContainmentOutcome)[keyof typeof ContainmentOutcome];

/** The closed list of failure types containment activities throw (ApplicationFailure `type`). */
export const ContainmentFailure = {
  /** The admin API refused the request for good (a 4xx other than 408, 409 and 429). Not retried. */
  rejected: 'ContainmentRejected',
  /** The admin API could not be reached or answered 408, 409, 429 or 5xx. Retried. */
  unavailable: 'ContainmentUnavailable',
  /** No admin API URL or signing secret is configured. Not retried. */
  notConfigured: 'ContainmentNotConfigured',
  /** The action, target or incident id is malformed (a workflow bug, not a platform one). Not retried. */
  invalidRequest: 'ContainmentInvalidRequest',
} as const;
export type ContainmentFailure = (typeof ContainmentFailure)[keyof typeof ContainmentFailure];

/**
 * Recommended options for `proxyActivities` of the containment activities.
 * An attacker keeps working while containment waits, so retries start fast
 * (2 s, doubling) and cap at one minute; eight attempts span about three
 * minutes (2+4+8+16+32+60+60 s between them), after which the activity fails
 * and the workflow should escalate to a person rather than keep retrying in
 * silence. Each attempt's HTTP call times out after 10 s (admin-client.ts),
 * well inside the 30 s start-to-close timeout.
 */
export const containmentActivityOptions: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 8,
    nonRetryableErrorTypes: [
      ContainmentFailure.rejected,
      ContainmentFailure.notConfigured,
      ContainmentFailure.invalidRequest,
    ],
  },
};
