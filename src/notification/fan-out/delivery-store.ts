import type { Queryable } from '../../store/database';
import type { DeliveryStatus } from '../delivery-status';
import type { Channel } from '../vocabulary';

/**
 * notification_deliveries as the fan-out uses it: one row per (incident,
 * individual, channel), the idempotency key. A row is claimed as `sending`
 * before the notice goes to the provider and settled after, a chunk of rows
 * per statement. A row already settled is never claimed again, so nothing
 * recorded as sent is sent twice; a row left `sending` by a crash is
 * claimed and sent again, which is the one way a duplicate can happen.
 */

export interface DeliveryKey {
  individualId: string;
  channel: Channel;
}

export interface DeliveryOutcome extends DeliveryKey {
  status: DeliveryStatus;
  providerId?: string;
  errorCode?: string;
}

/** Every recorded status of these individuals' deliveries for the incident, by individual then channel. */
export async function readDeliveryStatuses(
  db: Queryable,
  incidentId: string,
  individualIds: readonly string[],
): Promise<Map<string, Map<Channel, string>>> {
  const { rows } = await db.query<{ individual_id: string; channel: Channel; status: string }>(
    `SELECT individual_id, channel, status FROM notification_deliveries
     WHERE incident_id = $1 AND individual_id = ANY($2::text[])`,
    [incidentId, individualIds],
  );
  const byIndividual = new Map<string, Map<Channel, string>>();
  for (const row of rows) {
    const channels = byIndividual.get(row.individual_id) ?? new Map<Channel, string>();
    channels.set(row.channel, row.status);
    byIndividual.set(row.individual_id, channels);
  }

  return byIndividual;
}

/**
 * Claims deliveries for sending: new rows are written `sending`; rows left
 * `sending` or `retrying` count one more attempt. Returns the keys claimed;
 * a key missing from the answer was settled meanwhile and must not be sent.
 */
export async function claimDeliveries(
  db: Queryable,
  incidentId: string,
  populationId: string,
  keys: readonly DeliveryKey[],
): Promise<DeliveryKey[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query<{ individual_id: string; channel: Channel }>(
    `INSERT INTO notification_deliveries (incident_id, individual_id, channel, population_id, status, attempts)
     SELECT $1, k.individual_id, k.channel, $2, 'sending', 1
     FROM unnest($3::text[], $4::text[]) AS k(individual_id, channel)
     ON CONFLICT (incident_id, individual_id, channel) DO UPDATE
       SET status = 'sending', attempts = notification_deliveries.attempts + 1, updated_at = now()
       WHERE notification_deliveries.status IN ('sending', 'retrying')
     RETURNING individual_id, channel`,
    [incidentId, populationId, keys.map((key) => key.individualId), keys.map((key) => key.channel)],
  );

  return rows.map((row) => ({ individualId: row.individual_id, channel: row.channel }));
}

/** Settles claimed deliveries with their outcomes; a row a status callback already moved on is left alone. */
export async function recordOutcomes(
  db: Queryable,
  incidentId: string,
  outcomes: readonly DeliveryOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await db.query(
    `UPDATE notification_deliveries AS d
     SET status = o.status, provider_id = o.provider_id, error_code = o.error_code, updated_at = now()
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS o(individual_id, channel, status, provider_id, error_code)
     WHERE d.incident_id = $1 AND d.individual_id = o.individual_id AND d.channel = o.channel
       AND d.status IN ('sending', 'retrying')`,
    [
      incidentId,
      outcomes.map((outcome) => outcome.individualId),
      outcomes.map((outcome) => outcome.channel),
      outcomes.map((outcome) => outcome.status),
      outcomes.map((outcome) => outcome.providerId ?? null),
      outcomes.map((outcome) => outcome.errorCode ?? null),
    ],
  );
}

export type StatusCounts = Partial<Record<Channel, Partial<Record<string, number>>>>;

/** How many deliveries of the incident are in each status, by channel: the fan-out's final tally. */
export async function countDeliveries(db: Queryable, incidentId: string): Promise<StatusCounts> {
  const { rows } = await db.query<{ channel: Channel; status: string; n: number }>(
    `SELECT channel, status, count(*)::int AS n FROM notification_deliveries
     WHERE incident_id = $1 GROUP BY channel, status`,
    [incidentId],
  );
  const counts: StatusCounts = {};
  for (const row of rows) counts[row.channel] = { ...counts[row.channel], [row.status]: row.n };

  return counts;
}
