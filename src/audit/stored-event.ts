import type { CanonicalFields } from './canonical';
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
 * need, and its columns already formatted for COPY. `event` itself is kept
 * only where a multi-row INSERT needs it (PGlite); a worker thread hands over
 * the strings alone, which are far cheaper to pass between threads.
 */
export interface PreparedEvent {
  index: number;
  tenantId: string;
  id: string;
  content: string;
  copyRow: string;
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
    resource_id, patient_id, phi_accessed, outcome, details, seq, received_at, prev_hash, hash) FROM STDIN`;

const COPY_SPECIAL = /[\\\t\n\r]/g;
const HAS_COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function plainField(value: string | null): string {
  return value ?? '\\N';
}

/** One field in COPY's text format: NULL as \N, and backslash, tab and line breaks escaped. */
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return HAS_COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c] ?? c) : value;
}

/**
 * The event's thirteen columns of a COPY line, tab-separated, without the
 * line end; `details` is the JSON text to store (canonicalDetails). `content`
 * is the event's canonical form: it holds every text column JSON-escaped, and
 * JSON writes a backslash, tab or line break with a backslash, so without one
 * there the columns need no escaping at all.
 */
export function copyRow(event: AuditEvent, content: string, details: string): string {
  const field = content.includes('\\') ? copyField : plainField;
  return (
    `${field(event.tenant_id)}\t${event.id}\t${event.occurred_at}\t${field(event.user_id)}` +
    `\t${field(event.ip_address)}\t${field(event.user_agent)}\t${event.action}\t${field(event.resource_type)}` +
    `\t${field(event.resource_id)}\t${field(event.patient_id)}\t${event.phi_accessed ? 't' : 'f'}` +
    `\t${event.outcome}\t${field(details)}`
  );
}

/**
 * The rows as COPY data, one line each, in COPY_EVENTS column order. Encoded
 * here rather than when the connection gets to it: COPYs wait in a queue, and
 * a waiting string would keep every row's strings alive long enough for the
 * garbage collector to copy them; the bytes live outside its heap.
 */
export function copyData(rows: readonly ChainedEvent[], receivedAt: string): Buffer {
  let text = '';
  for (const { prepared, seq, prevHash, hash } of rows) {
    text += `${prepared.copyRow}\t${seq}\t${receivedAt}\t${prevHash}\t${hash}\n`;
  }
  return Buffer.from(text);
}
