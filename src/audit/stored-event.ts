import type { CanonicalFields } from './canonical';
import { BinaryWriter } from './binary-writer';
import { COPY_HEADER, COPY_TRAILER, writeTimestamp } from './copy-binary';
import type { AuditEvent } from './event';

/**
 * How a stored event is read back for hashing: timestamps and addresses are
 * formatted by SQL into the canonical shapes, so the result does not depend on
 * the driver's date parsing or the process time zone.
 */
export const STORED_EVENT_COLUMNS = `
  tenant_id, seq, id::text AS id,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
  to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_at,
  user_id, host(ip_address) AS ip_address, user_agent, action, resource_type, resource_id,
  patient_id, phi_accessed, outcome, details, prev_hash, hash`;

export interface StoredEvent extends CanonicalFields {
  seq: number;
  received_at: string;
  prev_hash: string;
  hash: string;
}

export const INSERT_EVENTS = `
  INSERT INTO audit_events (tenant_id, seq, id, occurred_at, received_at, user_id, ip_address, user_agent, action,
    resource_type, resource_id, patient_id, phi_accessed, outcome, details, prev_hash, hash)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[],
    $7::inet[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::text[],
    $15::jsonb[], $16::text[], $17::text[])`;

/**
 * A checked event ready to be chained: what the chain and the duplicate check
 * need, and its columns already encoded for COPY. `event` itself is kept
 * only where a multi-row INSERT needs it (PGlite); a worker thread hands over
 * strings and bytes alone, which are far cheaper to pass between threads.
 */
export interface PreparedEvent {
  index: number;
  tenantId: string;
  id: string;
  content: string;
  /** The event's own columns in binary COPY form (EventRowEncoder). */
  row: Buffer;
  event?: AuditEvent;
}

export interface ChainedEvent {
  prepared: PreparedEvent;
  seq: number;
  prevHash: string;
  hash: string;
}

/** The 17 column arrays INSERT_EVENTS takes, one element per event. */
export function insertParameters(rows: readonly ChainedEvent[], receivedAt: string): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 17 }, () => new Array<unknown>(rows.length));
  rows.forEach(({ prepared, seq, prevHash, hash }, i) => {
    const event = prepared.event;
    if (!event) throw new Error('a multi-row INSERT needs the event itself');
    const values = [
      event.tenant_id,
      seq,
      event.id,
      event.occurred_at,
      receivedAt,
      event.user_id,
      event.ip_address,
      event.user_agent,
      event.action,
      event.resource_type,
      event.resource_id,
      event.patient_id,
      event.phi_accessed,
      event.outcome,
      JSON.stringify(event.details),
      prevHash,
      hash,
    ];
    values.forEach((value, column) => {
      (columns[column] as unknown[])[i] = value;
    });
  });
  return columns;
}

/** The event's own columns come first, so the chain's four can be appended once they are known. */
export const COPY_EVENTS = `
  COPY audit_events (tenant_id, id, occurred_at, user_id, ip_address, user_agent, action, resource_type,
    resource_id, patient_id, phi_accessed, outcome, details, seq, received_at, prev_hash, hash)
  FROM STDIN WITH (FORMAT binary)`;

const COPY_FIELDS = 17;
const HASH_LENGTH = 64;
/** Per row beyond the event's own bytes: the field count, then seq, received_at and the two hashes. */
const CHAIN_BYTES = 2 + (4 + 8) + (4 + 8) + 2 * (4 + HASH_LENGTH);

/**
 * The rows as one binary COPY (see copy-binary.ts), in COPY_EVENTS column
 * order. Built as bytes rather than when the connection gets to it: COPYs
 * wait in a queue, and bytes live outside the garbage collector's heap.
 */
export function copyData(rows: readonly ChainedEvent[], receivedAt: string): Buffer {
  let size = COPY_HEADER.length + COPY_TRAILER.length;
  for (const { prepared } of rows) size += prepared.row.length + CHAIN_BYTES;
  const out = new BinaryWriter(size);
  const received = new BinaryWriter(12);
  writeTimestamp(received, receivedAt);

  out.bytes(COPY_HEADER);
  for (const { prepared, seq, prevHash, hash } of rows) {
    out.int16(COPY_FIELDS);
    out.bytes(prepared.row);
    out.int32(8);
    out.int64(seq);
    out.bytes(received.view(0));
    out.int32(HASH_LENGTH);
    out.latin1(prevHash);
    out.int32(HASH_LENGTH);
    out.latin1(hash);
  }
  out.bytes(COPY_TRAILER);

  return out.view(0);
}
