import { planChannels, Unreachable, writtenNoticeLost } from '../channel-plan';
import { DeliveryStatus } from '../delivery-status';
import type { StoredIndividual } from '../population/population-store';
import { countStatus, emptyTally, type FanOutTally } from '../progress';
import { Channels } from '../vocabulary';
import { type RecordedStatuses, undeliverableChannels, wantedDeliveries } from './due-deliveries';
import { letterFileName, type ManifestEntry } from './letter-folder';
import { letterAddressee } from './notice-senders';

/**
 * A batch's figures and its mail-house manifest, both read from what the
 * store records for the batch's individuals, never from what this attempt
 * happened to send: a batch run again after a crash reports and lists the
 * same.
 */

export type RecordedByIndividual = ReadonlyMap<string, RecordedStatuses>;

const none: RecordedStatuses = new Map();

function tallyIndividual(tally: FanOutTally, individual: StoredIndividual, statuses: RecordedStatuses): void {
  const plan = planChannels(individual);
  tally.individuals += 1;
  if (plan.unreachable === Unreachable.noNextOfKinAddress) tally.noNextOfKinAddress += 1;
  const lost = writtenNoticeLost(individual, plan, undeliverableChannels(statuses));
  if (plan.unreachable === Unreachable.substituteNotice || lost) tally.substituteNotice += 1;

  const letterPlanned = plan.deliveries.some((delivery) => delivery.channel === Channels.mail);
  if (!letterPlanned && statuses.has(Channels.mail)) tally.fallenBack += 1;
  for (const [channel, status] of statuses) countStatus(tally.channels[channel], status);
}

export function tallyBatch(individuals: readonly StoredIndividual[], recorded: RecordedByIndividual): FanOutTally {
  const tally = emptyTally();
  for (const individual of individuals) tallyIndividual(tally, individual, recorded.get(individual.id) ?? none);

  return tally;
}

const mailed = (status: string | undefined) => status === DeliveryStatus.sent || status === DeliveryStatus.delivered;

/** One manifest line per letter of the batch that is in the folder, planned or owed for a bounce. */
export function manifestEntries(
  individuals: readonly StoredIndividual[],
  recorded: RecordedByIndividual,
): ManifestEntry[] {
  return individuals.flatMap((individual) => {
    const statuses = recorded.get(individual.id) ?? none;
    const letter = wantedDeliveries(individual, planChannels(individual), statuses).find(
      (delivery) => delivery.channel === Channels.mail,
    );
    if (!letter || !mailed(statuses.get(Channels.mail))) return [];

    const { recipient, address } = letterAddressee(individual, letter);
    const onBehalfOf = recipient.onBehalfOf === undefined ? {} : { onBehalfOf: recipient.onBehalfOf };
    const { id: individualId, language } = individual;
    return [
      {
        letterFile: letterFileName(individualId),
        individualId,
        language,
        recipientName: recipient.name,
        ...onBehalfOf,
        address,
      },
    ];
  });
}

/** Deliveries still `sending` or `retrying`: the batch is not done while there are any. */
export function unsettledCount(recorded: RecordedByIndividual): number {
  let unsettled = 0;
  for (const statuses of recorded.values()) {
    for (const status of statuses.values()) {
      if (status === DeliveryStatus.sending || status === DeliveryStatus.retrying) unsettled += 1;
    }
  }

  return unsettled;
}
