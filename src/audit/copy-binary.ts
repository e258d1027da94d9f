import ipaddr from 'ipaddr.js';
import type { AuditEvent } from './event';
import { isDottedQuad } from './text-formats';

/**
 * Audit events in PostgreSQL's binary COPY format, which the database reads
 * without parsing text: no timestamp, UUID, address or boolean parsing, no
 * escapes to undo. Measured server-side on a million events into
 * audit_events with its indexes, COPY took 8.05 s as text and 6.28 s binary.
 *
 * A row is a 16-bit field count, then each field as a 32-bit byte length
 * (-1 for NULL) and its bytes, in each type's send/receive representation:
 *
 *   text, jsonb   UTF-8 (jsonb behind a version byte, 1)
 *   uuid          the 16 bytes
 *   timestamptz   64-bit microseconds since 2000-01-01T00:00:00Z
 *   inet          family (2: IPv4, 3: IPv6), prefix bits, is-cidr (0), byte count, the bytes
 *   bool, bigint  one byte; 64 bits
 *
 * All integers are big-endian. A COPY's data opens with COPY_HEADER and ends
 * with COPY_TRAILER.
 */

export const COPY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
export const COPY_TRAILER = Buffer.from([0xff, 0xff]);

const TWO_TO_32 = 2 ** 32;
const JSONB_VERSION = 1;
const INET_FAMILY = { ipv4: 2, ipv6: 3 } as const;
/** Fresh memory for rows is taken this much at a time; each row is a view into it. */
const SLAB_BYTES = 1 << 20;

/** Writes into a buffer of fixed size; whoever writes checks that it fits. */
export class BinaryWriter {
  private readonly buffer: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  fits(bytes: number): boolean {
    return this.length + bytes <= this.buffer.length;
  }

  int16(value: number): void {
    this.length = this.buffer.writeInt16BE(value, this.length);
  }

  int32(value: number): void {
    this.length = this.buffer.writeInt32BE(value, this.length);
  }

  /** A 64-bit integer given as a safe JavaScript integer. */
  int64(value: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.length = this.buffer.writeInt32BE(high, this.length);
    this.length = this.buffer.writeUInt32BE(value - high * TWO_TO_32, this.length);
  }

  bigInt64(value: bigint): void {
    this.length = this.buffer.writeBigInt64BE(value, this.length);
  }

  byte(value: number): void {
    this.buffer[this.length++] = value;
  }

  /**
   * UTF-8 text behind its byte length (at most 3 bytes per UTF-16 unit),
   * after `prefix` when given. ASCII is copied a character at a time: for
   * the short strings of an event that costs less than the call into the
   * encoder, which takes over at the first other character.
   */
  text(value: string, prefix?: number): void {
    const start = this.length;
    let at = start + 4;
    if (prefix !== undefined) this.buffer[at++] = prefix;
    let i = 0;
    for (; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code > 0x7f) break;
      this.buffer[at++] = code;
    }
    if (i < value.length) at += this.buffer.write(value.slice(i), at, 'utf8');
    this.buffer.writeInt32BE(at - start - 4, start);
    this.length = at;
  }

  latin1(value: string): void {
    this.length += this.buffer.write(value, this.length, 'latin1');
  }

  bytes(value: Uint8Array): void {
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  view(start: number, end = this.length): Buffer {
    return this.buffer.subarray(start, end);
  }
}

/** The number written in `text` from `start` to `end`, all digits (already checked). */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (the algorithm of Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const POSTGRES_EPOCH_DAYS = daysFromCivil(2000, 1, 1);

/** A field's bytes for a timestamptz, from an instant in canonical form (`YYYY-MM-DDTHH:MM:SS.ffffffZ`). */
export function writeTimestamp(out: BinaryWriter, canonical: string): void {
  const days = daysFromCivil(digits(canonical, 0, 4), digits(canonical, 5, 7), digits(canonical, 8, 10));
  const seconds =
    (days - POSTGRES_EPOCH_DAYS) * 86_400 +
    digits(canonical, 11, 13) * 3600 +
    digits(canonical, 14, 16) * 60 +
    digits(canonical, 17, 19);
  const fraction = digits(canonical, 20, 26);
  const micros = seconds * 1_000_000 + fraction;
  out.int32(8);
  // Past about the year 2285 microseconds outgrow a double's integers.
  if (Number.isSafeInteger(micros)) out.int64(micros);
  else out.bigInt64(BigInt(seconds) * 1_000_000n + BigInt(fraction));
}

function writeText(out: BinaryWriter, value: string | null): void {
  if (value === null) out.int32(-1);
  else out.text(value);
}

/** A hexadecimal digit's value (either case), or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

function writeUuid(out: BinaryWriter, id: string): void {
  out.int32(16);
  let high = -1;
  for (let i = 0; i < id.length; i++) {
    if (id.charCodeAt(i) === 45) continue;
    const value = hexValue(id.charCodeAt(i));
    if (value < 0) throw new TypeError('not a UUID');
    if (high < 0) high = value;
    else {
      out.byte(high * 16 + value);
      high = -1;
    }
  }
}

function writeAddress(out: BinaryWriter, address: string | null): void {
  if (address === null) {
    out.int32(-1);
    return;
  }
  const bytes = isDottedQuad(address) ? dottedQuad(address) : ipaddr.parse(address).toByteArray();
  out.int32(4 + bytes.length);
  out.byte(bytes.length === 4 ? INET_FAMILY.ipv4 : INET_FAMILY.ipv6);
  out.byte(bytes.length * 8);
  out.byte(0);
  out.byte(bytes.length);
  for (const byte of bytes) out.byte(byte);
}

function dottedQuad(address: string): number[] {
  const bytes = [0, 0, 0, 0];
  let part = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code === 46) part += 1;
    else bytes[part] = (bytes[part] ?? 0) * 10 + code - 48;
  }
  return bytes;
}

/** Bytes a row's strings can take at most, with room for the fixed-size fields. */
function worstCase(event: AuditEvent, details: string): number {
  let units = details.length + 256;
  for (const text of [event.tenant_id, event.user_id, event.user_agent, event.action, event.resource_type]) {
    units += text?.length ?? 0;
  }
  for (const text of [event.resource_id, event.patient_id, event.outcome]) units += text?.length ?? 0;
  return units * 3 + 128;
}

/**
 * Encodes events' own thirteen columns, in COPY_EVENTS order, without the
 * field count; the chain writer adds that and the chain's four columns.
 * Rows are views into shared slabs, so encoding one allocates nothing of
 * its own.
 */
export class EventRowEncoder {
  private slab = new BinaryWriter(SLAB_BYTES);

  /** `occurredAt` in canonical form; `details` the JSON text to store. */
  encode(event: AuditEvent, occurredAt: string, details: string): Buffer {
    const room = worstCase(event, details);
    if (!this.slab.fits(room)) this.slab = new BinaryWriter(Math.max(SLAB_BYTES, room));
    const out = this.slab;
    const start = out.length;

    writeText(out, event.tenant_id);
    writeUuid(out, event.id);
    writeTimestamp(out, occurredAt);
    writeText(out, event.user_id);
    writeAddress(out, event.ip_address);
    writeText(out, event.user_agent);
    writeText(out, event.action);
    writeText(out, event.resource_type);
    writeText(out, event.resource_id);
    writeText(out, event.patient_id);
    out.int32(1);
    out.byte(event.phi_accessed ? 1 : 0);
    writeText(out, event.outcome);
    out.text(details, JSONB_VERSION);

    return out.view(start);
  }
}
