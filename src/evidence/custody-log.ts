import { canonicalInstant } from '../audit/canonical';
import type { Queryable } from '../store/database';
import { CUSTODY_GENESIS, type CustodyEntry, type CustodyFields, custodyHash } from './custody-entry';

/**
 * The chain-of-custody log in the store. Every append happens inside a
 * transaction that first locks the incident's head row, so appends to one
 * incident queue behind each other (seq stays gap-free, each entry links to
 * the one before) while other incidents proceed.
 */

export interface CustodyHead {
  incidentId: string;
  seq: number;
  hash: string;
}

const CUSTODY_COLUMNS = `
  incident_id AS "incidentId", seq, action, artifact_id::text AS "artifactId", actor,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  details, prev_hash AS "prevHash", hash`;

/** Locks the incident's custody head until the transaction ends, creating it at genesis for a new incident. */
export async function lockCustodyHead(tx: Queryable, incidentId: string): Promise<CustodyHead> {
  await tx.query(
    'INSERT INTO evidence_custody_heads (incident_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (incident_id) DO NOTHING',
    [incidentId, CUSTODY_GENESIS],
  );
  const { rows } = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM evidence_custody_heads WHERE incident_id = $1 FOR UPDATE',
    [incidentId],
  );

  return { incidentId, seq: rows[0]?.seq ?? 0, hash: rows[0]?.hash ?? CUSTODY_GENESIS };
}

export interface CustodyAppend {
  action: CustodyFields['action'];
  artifactId: string | null;
  actor: string;
  details: CustodyFields['details'];
  /** When it happened, canonical UTC; now when absent. */
  at?: string;
}

/** Appends an entry after a locked head and moves the head to it. */
export async function appendCustodyEntry(
  tx: Queryable,
  head: CustodyHead,
  append: CustodyAppend,
): Promise<CustodyEntry> {
  const { at = canonicalInstant(new Date().toISOString()), ...rest } = append;
  const fields: CustodyFields = { incidentId: head.incidentId, seq: head.seq + 1, ...rest, at };
  const entry: CustodyEntry = { ...fields, prevHash: head.hash, hash: custodyHash(head.hash, fields) };

  await tx.query(
    `INSERT INTO evidence_custody (incident_id, seq, action, artifact_id, actor, at, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      entry.incidentId,
      entry.seq,
      entry.action,
      entry.artifactId,
      entry.actor,
      entry.at,
      JSON.stringify(entry.details),
      entry.prevHash,
      entry.hash,
    ],
  );
  await tx.query('UPDATE evidence_custody_heads SET seq = $2, hash = $3 WHERE incident_id = $1', [
    head.incidentId,
    entry.seq,
    entry.hash,
  ]);
  head.seq = entry.seq;
  head.hash = entry.hash;

  return entry;
}

/** The incident's whole custody log in seq order, as stored (a custody log runs to hundreds of entries, not millions). */
export async function readCustodyLog(db: Queryable, incidentId: string): Promise<CustodyEntry[]> {
  const { rows } = await db.query<CustodyEntry>(
    `SELECT ${CUSTODY_COLUMNS} FROM evidence_custody WHERE incident_id = $1 ORDER BY seq`,
    [incidentId],
  );
  return rows;
}
