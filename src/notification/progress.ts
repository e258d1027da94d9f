import { DeliveryStatus } from './delivery-status';
import { type Channel, Channels } from './vocabulary';

/**
 * Counts of a notification fan-out: what legal sees in the progress query.
 * Pure and free of Node built-ins, since the workflow adds these up. Counts
 * only: no individual is named anywhere in them.
 */

export interface ChannelTally {
  /** Accepted by the provider (whatever a status callback said later). */
  sent: number;
  /** Confirmed delivered by the provider. */
  delivered: number;
  /** Refused for good, or reported undeliverable after acceptance. */
  failed: number;
  /** Claimed or retrying but not settled when the batch was counted. */
  pending: number;
}

export interface FanOutTally {
  /** Individuals whose batch is done. */
  individuals: number;
  /** Living individuals with no usable written channel: they count toward substitute notice (164.404(d)(2)). */
  substituteNotice: number;
  /** Deceased individuals without a next-of-kin address: no notice is possible and none is owed. */
  noNextOfKinAddress: number;
  /** Individuals who got a letter because an electronic channel failed for good. */
  fallenBack: number;
  channels: Record<Channel, ChannelTally>;
}

const emptyChannel = (): ChannelTally => ({ sent: 0, delivered: 0, failed: 0, pending: 0 });

export function emptyTally(): FanOutTally {
  return {
    individuals: 0,
    substituteNotice: 0,
    noNextOfKinAddress: 0,
    fallenBack: 0,
    channels: { [Channels.mail]: emptyChannel(), [Channels.email]: emptyChannel(), [Channels.sms]: emptyChannel() },
  };
}

function addChannel(a: ChannelTally, b: ChannelTally): ChannelTally {
  return {
    sent: a.sent + b.sent,
    delivered: a.delivered + b.delivered,
    failed: a.failed + b.failed,
    pending: a.pending + b.pending,
  };
}

export function addTallies(a: FanOutTally, b: FanOutTally): FanOutTally {
  return {
    individuals: a.individuals + b.individuals,
    substituteNotice: a.substituteNotice + b.substituteNotice,
    noNextOfKinAddress: a.noNextOfKinAddress + b.noNextOfKinAddress,
    fallenBack: a.fallenBack + b.fallenBack,
    channels: {
      mail: addChannel(a.channels.mail, b.channels.mail),
      email: addChannel(a.channels.email, b.channels.email),
      sms: addChannel(a.channels.sms, b.channels.sms),
    },
  };
}

/** Adds one recorded delivery status to a channel's tally. */
export function countStatus(tally: ChannelTally, status: string, n = 1): void {
  if (status === DeliveryStatus.sent) tally.sent += n;
  else if (status === DeliveryStatus.delivered) {
    tally.sent += n;
    tally.delivered += n;
  } else if (status === DeliveryStatus.undelivered) {
    tally.sent += n;
    tally.failed += n;
  } else if (status === DeliveryStatus.failed) tally.failed += n;
  else tally.pending += n;
}

export const FanOutPhase = { running: 'running', paused: 'paused', finished: 'finished' } as const;
export type FanOutPhase = (typeof FanOutPhase)[keyof typeof FanOutPhase];

export interface PauseRecord {
  by: string;
  at: string;
  reason?: string;
}

/** The answer to the progress query, and the workflow's result. */
export interface NotificationProgress {
  incidentId: string;
  populationId: string;
  state: FanOutPhase;
  /** Individuals in the population. */
  total: number;
  /** Every individual up to this ordinal is done. */
  cursor: number;
  /** Individuals not yet done. */
  queued: number;
  /** Sums over the channels. */
  sent: number;
  delivered: number;
  failed: number;
  fallenBack: number;
  substituteNotice: number;
  noNextOfKinAddress: number;
  channels: Record<Channel, ChannelTally>;
  batchesInFlight: number;
  /** Batch attempts that failed transiently and were tried again. */
  batchRetries: number;
  paused?: PauseRecord;
  /** How many times the workflow continued as new. */
  generation: number;
}
