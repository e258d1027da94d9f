/**
 * The closed set of failure types the notification activities throw, so the
 * workflow's retry policy can name the ones not worth retrying.
 */
export const NotificationFailure = {
  /** The population id names nothing in the store. */
  populationNotFound: 'NotificationPopulationNotFound',
  /** The population was imported for another incident. */
  populationMismatch: 'NotificationPopulationMismatch',
  /** Some notices of a batch failed transiently after their quick retries; the batch is run again. */
  noticesDeferred: 'NotificationNoticesDeferred',
} as const;
export type NotificationFailure = (typeof NotificationFailure)[keyof typeof NotificationFailure];
