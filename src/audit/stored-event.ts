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

export interface ChainedEvent {
  event: AuditEvent;
  seq: number;
  receivedAt: string;
  prevHash: string;
  hash: string;
}

/** The 17 column arrays INSERT_EVENTS takes, one element per event. */
export function insertParameters(rows: readonly ChainedEvent[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 17 }, () => new Array<unknown>(rows.length));
  rows.forEach(({ event, seq, receivedAt, prevHash, hash }, i) => {
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

export const COPY_EVENTS = `
  COPY audit_events (tenant_id, seq, id, occurred_at, received_at, user_id, ip_address, user_agent, action,
    resource_type, resource_id, patient_id, phi_accessed, outcome, details, prev_hash, hash) FROM STDIN`;

const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY's text format: NULL as \N, and backslash, tab and line breaks escaped. */
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c] ?? c) : value;
}

/** The rows as COPY text, one line each, columns in COPY_EVENTS order. */
export function copyText(rows: readonly ChainedEvent[]): string {
  let text = '';
  for (const { event, seq, receivedAt, prevHash, hash } of rows) {
    text +=
      `${copyField(event.tenant_id)}\t${seq}\t${event.id}\t${event.occurred_at}\t${receivedAt}\t` +
      `${copyField(event.user_id)}\t${copyField(event.ip_address)}\t${copyField(event.user_agent)}\t` +
      `${event.action}\t${copyField(event.resource_type)}\t${copyField(event.resource_id)}\t` +
      `${copyField(event.patient_id)}\t${event.phi_accessed ? 't' : 'f'}\t${event.outcome}\t` +
      `${copyField(JSON.stringify(event.details))}\t${prevHash}\t${hash}\n`;
  }
  return text;
}
