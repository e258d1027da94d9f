import type { Individual } from './population/individual';
import { type Channel, Channels } from './vocabulary';

/**
 * Which notices one individual gets, decided from their stored details
 * alone (pure, so a restarted fan-out plans exactly what the first run did).
 *
 * - Written notice goes by first-class mail, or by email instead where the
 *   individual agreed to electronic notice (45 CFR 164.404(d)(1)(i)).
 * - A text message is an extra prompt where a mobile number is known; it is
 *   never the written notice.
 * - For a deceased individual, written notice goes by mail to the next of
 *   kin or personal representative whose address is known (164.404(d)(1)(ii)).
 * - A living individual with neither a consented email nor an address needs
 *   substitute notice (164.404(d)(2)); a deceased one without a next-of-kin
 *   address does not (the last sentence of 164.404(d)(2)).
 */

export const RecipientRole = { individual: 'individual', nextOfKin: 'next-of-kin' } as const;
export type RecipientRole = (typeof RecipientRole)[keyof typeof RecipientRole];

export interface PlannedDelivery {
  channel: Channel;
  to: RecipientRole;
}

/** Why no written notice can be sent to someone. */
export const Unreachable = {
  /** Counted toward substitute notice (164.404(d)(2)). */
  substituteNotice: 'substitute-notice',
  /** Deceased, no next-of-kin address: no notice and no substitute notice is owed. */
  noNextOfKinAddress: 'no-next-of-kin-address',
} as const;
export type Unreachable = (typeof Unreachable)[keyof typeof Unreachable];

export interface ChannelPlan {
  deliveries: PlannedDelivery[];
  /** Set when no written notice can go out. */
  unreachable?: Unreachable;
}

const toIndividual = (channel: Channel): PlannedDelivery => ({ channel, to: RecipientRole.individual });

function planForDeceased(individual: Individual): ChannelPlan {
  if (individual.nextOfKin?.address) return { deliveries: [{ channel: Channels.mail, to: RecipientRole.nextOfKin }] };

  return { deliveries: [], unreachable: Unreachable.noNextOfKinAddress };
}

function writtenChannel(individual: Individual): Channel | undefined {
  if (individual.emailConsent && individual.email) return Channels.email;
  if (individual.address) return Channels.mail;
  return undefined;
}

export function planChannels(individual: Individual): ChannelPlan {
  if (individual.deceased) return planForDeceased(individual);

  const written = writtenChannel(individual);
  const deliveries = written ? [toIndividual(written)] : [];
  if (individual.mobile) deliveries.push(toIndividual(Channels.sms));

  return written ? { deliveries } : { deliveries, unreachable: Unreachable.substituteNotice };
}

/**
 * The letter that replaces a channel given up for good (a bounced email, a
 * number that cannot take texts), or undefined when the plan already has a
 * letter or there is no address to send one to.
 */
export function fallbackDelivery(individual: Individual, plan: ChannelPlan): PlannedDelivery | undefined {
  if (plan.deliveries.some((delivery) => delivery.channel === Channels.mail)) return undefined;

  return individual.address ? toIndividual(Channels.mail) : undefined;
}

/**
 * Whether written notice failed for good with nothing to fall back on: the
 * consented email bounced and there is no address for a letter. Such an
 * individual is counted toward substitute notice after all.
 */
export function writtenNoticeLost(
  individual: Individual,
  plan: ChannelPlan,
  undeliverable: ReadonlySet<Channel>,
): boolean {
  const written = plan.deliveries.find((delivery) => delivery.channel !== Channels.sms);
  if (!written || !undeliverable.has(written.channel)) return false;

  return fallbackDelivery(individual, plan) === undefined;
}
