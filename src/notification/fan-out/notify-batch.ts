import type { Logger } from '../../logging/logger';
import type { Database } from '../../store/database';
import type { PlannedDelivery } from '../channel-plan';
import { DeliveryStatus } from '../delivery-status';
import type { NoticeFacts } from '../notice-facts';
import type { ContactCipher } from '../population/contact-cipher';
import { readIndividuals, type StoredIndividual } from '../population/population-store';
import type { FanOutTally } from '../progress';
import { attemptDelivery } from './attempt-delivery';
import { claimDeliveries, type DeliveryOutcome, readDeliveryStatuses, recordOutcomes } from './delivery-store';
import { manifestEntries, tallyBatch, unsettledCount } from './batch-report';
import { dueDeliveries } from './due-deliveries';
import type { LetterFolder } from './letter-folder';
import type { SendNotice } from './notice-senders';
import type { ProviderLimiters } from './provider-limits';

/**
 * One batch of a fan-out: the individuals after one ordinal, up to a limit.
 * Their due notices go out in chunks; each chunk is claimed in the store
 * (one statement) before anything is sent and settled (one statement) once
 * every send of it has an outcome, so at most a chunk per running batch is
 * ever in flight unrecorded. Letters replacing channels that failed for good
 * go in a second pass. The report is counted from the store afterwards, so a
 * batch run twice reports the same figures.
 */

export interface BatchRequest {
  incidentId: string;
  populationId: string;
  notice: NoticeFacts;
  afterOrdinal: number;
  limit: number;
  /** Notices claimed, sent and settled together. */
  chunkSize: number;
}

export interface BatchReport {
  afterOrdinal: number;
  /** The last ordinal read; equal to afterOrdinal when the page was empty. */
  lastOrdinal: number;
  tally: FanOutTally;
  /** Notices still unsettled after their quick retries: the batch must be run again. */
  unsettled: number;
}

export interface BatchDependencies {
  store: Database;
  cipher: ContactCipher;
  send: SendNotice;
  limiters: ProviderLimiters;
  letters: LetterFolder;
  logger: Logger;
  /** Throws once the batch is cancelled (a pause); checked between chunks. */
  throwIfCancelled: () => void;
}

interface WorkItem {
  individual: StoredIndividual;
  delivery: PlannedDelivery;
}

type Recorded = Awaited<ReturnType<typeof readDeliveryStatuses>>;

async function sendChunk(
  deps: BatchDependencies,
  request: BatchRequest,
  chunk: WorkItem[],
): Promise<DeliveryOutcome[]> {
  const { incidentId, populationId, notice } = request;
  const keys = chunk.map(({ individual, delivery }) => ({ individualId: individual.id, channel: delivery.channel }));
  const claimed = new Set((await claimDeliveries(deps.store, incidentId, populationId, keys)).map(keyOf));

  const outcomes = await Promise.all(
    chunk
      .filter(({ individual, delivery }) =>
        claimed.has(keyOf({ individualId: individual.id, channel: delivery.channel })),
      )
      .map(({ individual, delivery }) =>
        attemptDelivery(
          { individualId: individual.id, channel: delivery.channel },
          deps.limiters[delivery.channel],
          () => deps.send({ incidentId, notice, individual, delivery }),
        ),
      ),
  );
  await recordOutcomes(deps.store, incidentId, outcomes);

  return outcomes;
}

const keyOf = (key: { individualId: string; channel: string }) => `${key.channel}/${key.individualId}`;

/** Sends every item, a chunk at a time; answers whether any channel failed for good (letters may be owed). */
async function sendAll(deps: BatchDependencies, request: BatchRequest, items: WorkItem[]): Promise<boolean> {
  let failedForGood = false;
  for (let start = 0; start < items.length; start += request.chunkSize) {
    deps.throwIfCancelled();
    const outcomes = await sendChunk(deps, request, items.slice(start, start + request.chunkSize));
    failedForGood ||= outcomes.some((outcome) => outcome.status === DeliveryStatus.failed);
  }

  return failedForGood;
}

/** First pass: everything due; second pass: letters owed for channels the first pass found undeliverable. */
function dueWork(individuals: StoredIndividual[], recorded: Recorded, onlyUnrecorded: boolean): WorkItem[] {
  return individuals.flatMap((individual) => {
    const statuses = recorded.get(individual.id) ?? new Map();
    const { due } = dueDeliveries(individual, statuses);
    return due
      .filter((delivery) => !onlyUnrecorded || !statuses.has(delivery.channel))
      .map((delivery) => ({ individual, delivery }));
  });
}

export async function notifyBatch(deps: BatchDependencies, request: BatchRequest): Promise<BatchReport> {
  const { incidentId, populationId } = request;
  const individuals = await readIndividuals(deps.store, deps.cipher, populationId, request.afterOrdinal, request.limit);
  const ids = individuals.map((individual) => individual.id);

  const before = await readDeliveryStatuses(deps.store, incidentId, ids);
  const bounced = await sendAll(deps, request, dueWork(individuals, before, false));
  if (bounced)
    await sendAll(deps, request, dueWork(individuals, await readDeliveryStatuses(deps.store, incidentId, ids), true));

  const recorded = await readDeliveryStatuses(deps.store, incidentId, ids);
  const lastOrdinal = individuals.at(-1)?.ordinal ?? request.afterOrdinal;
  const entries = manifestEntries(individuals, recorded);
  await deps.letters.writeManifest(incidentId, request.afterOrdinal + 1, lastOrdinal, entries);

  return {
    afterOrdinal: request.afterOrdinal,
    lastOrdinal,
    tally: tallyBatch(individuals, recorded),
    unsettled: unsettledCount(recorded),
  };
}
