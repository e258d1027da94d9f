import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../store/database';
import type { ContactCipher } from './contact-cipher';
import { type Individual, individualSchema } from './individual';

/**
 * Populations in the store. Contact details go in sealed; the associated data
 * binds each blob to its population and individual. Paging is by ordinal, so
 * a cursor is one number and survives any restart.
 */

export interface PopulationSource {
  incidentId: string;
  tenantId: string;
  /** Where the individuals came from: `csv`, `json` or `audit-events`. */
  source: string;
}

export interface StoredIndividual extends Individual {
  ordinal: number;
}

const INSERT_BATCH = 500;

const boundTo = (populationId: string, individualId: string) => `${populationId}/${individualId}`;

export async function createPopulation(
  db: Database,
  cipher: ContactCipher,
  origin: PopulationSource,
  individuals: readonly Individual[],
): Promise<string> {
  const populationId = randomUUID();

  await db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO notification_populations (id, incident_id, tenant_id, source, size) VALUES ($1, $2, $3, $4, $5)',
      [populationId, origin.incidentId, origin.tenantId, origin.source, individuals.length],
    );
    for (let start = 0; start < individuals.length; start += INSERT_BATCH) {
      await insertIndividuals(tx, cipher, populationId, individuals.slice(start, start + INSERT_BATCH), start);
    }
  });

  return populationId;
}

async function insertIndividuals(
  tx: Queryable,
  cipher: ContactCipher,
  populationId: string,
  batch: readonly Individual[],
  offset: number,
): Promise<void> {
  const params: unknown[] = [];
  const rows = batch.map((individual, index) => {
    const { id, language, emailConsent, deceased } = individual;
    const sealed = cipher.seal(individual, boundTo(populationId, id));
    params.push(populationId, offset + index + 1, id, language, emailConsent, deceased, sealed.keyId, sealed.sealed);
    const base = params.length - 8;
    return `(${Array.from({ length: 8 }, (_, column) => `$${base + column + 1}`).join(', ')})`;
  });
  await tx.query(
    `INSERT INTO notification_individuals (population_id, ordinal, individual_id, language, email_consent, deceased,
       contact_key_id, contact) VALUES ${rows.join(', ')}`,
    params,
  );
}

interface IndividualRow {
  ordinal: number;
  individual_id: string;
  contact_key_id: string;
  contact: Uint8Array;
}

/** Up to `limit` individuals after the cursor (an ordinal; 0 for the start), decrypted, in order. */
export async function readIndividuals(
  db: Queryable,
  cipher: ContactCipher,
  populationId: string,
  afterOrdinal: number,
  limit: number,
): Promise<StoredIndividual[]> {
  const { rows } = await db.query<IndividualRow>(
    `SELECT ordinal, individual_id, contact_key_id, contact FROM notification_individuals
     WHERE population_id = $1 AND ordinal > $2 ORDER BY ordinal LIMIT $3`,
    [populationId, afterOrdinal, limit],
  );

  return rows.map((row) => {
    const sealed = { keyId: row.contact_key_id, sealed: Buffer.from(row.contact) };
    const individual = individualSchema.parse(cipher.open(sealed, boundTo(populationId, row.individual_id)));
    return { ...individual, ordinal: row.ordinal };
  });
}

export interface PopulationSummary {
  id: string;
  incidentId: string;
  tenantId: string;
  size: number;
}

export async function readPopulation(db: Queryable, populationId: string): Promise<PopulationSummary | undefined> {
  const { rows } = await db.query<{ id: string; incident_id: string; tenant_id: string; size: number }>(
    'SELECT id, incident_id, tenant_id, size FROM notification_populations WHERE id = $1',
    [populationId],
  );
  const row = rows[0];

  return row && { id: row.id, incidentId: row.incident_id, tenantId: row.tenant_id, size: row.size };
}
