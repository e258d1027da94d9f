import { type ChannelPlan, fallbackDelivery, type PlannedDelivery, planChannels } from '../channel-plan';
import { isSettled, isUndeliverable } from '../delivery-status';
import type { Individual } from '../population/individual';
import type { Channel } from '../vocabulary';

/**
 * What is still to be sent to one individual, given what the store already
 * records: the planned notices, plus a letter where an electronic channel
 * was given up for good, minus every notice already settled. Computed the
 * same way on every attempt, so a retried or restarted batch sends only
 * what is missing, and a letter owed for a bounce recorded just before a
 * crash is still sent.
 */

/** Recorded statuses of one individual's deliveries, by channel. */
export type RecordedStatuses = ReadonlyMap<Channel, string>;

export interface IndividualWork {
  plan: ChannelPlan;
  due: PlannedDelivery[];
}

export function undeliverableChannels(recorded: RecordedStatuses): Set<Channel> {
  return new Set([...recorded].filter(([, status]) => isUndeliverable(status)).map(([channel]) => channel));
}

export function wantedDeliveries(individual: Individual, plan: ChannelPlan, recorded: RecordedStatuses) {
  const fallback = undeliverableChannels(recorded).size > 0 ? fallbackDelivery(individual, plan) : undefined;

  return fallback ? [...plan.deliveries, fallback] : plan.deliveries;
}

export function dueDeliveries(individual: Individual, recorded: RecordedStatuses): IndividualWork {
  const plan = planChannels(individual);
  const wanted = wantedDeliveries(individual, plan, recorded);
  const due = wanted.filter((delivery) => {
    const status = recorded.get(delivery.channel);
    return status === undefined || !isSettled(status);
  });

  return { plan, due };
}
