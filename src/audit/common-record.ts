import { AuditAction, type AuditEvent, AuditOutcome } from './event';
import { isDottedQuad, isLowercaseUuid, isTenantSlug, utcInstantFraction } from './text-formats';

/**
 * A quick reading of the common, valid record, tried before the zod schema:
 * at a million records the schema's generality costs more than everything
 * else the check does. It accepts only records the schema certainly accepts
 * and returns what the schema would (absent optional fields null, absent
 * details `{}`). Anything it is unsure of (an IPv6 address, an uppercase
 * UUID, an offset other than Z, an odd object) gets `undefined`, and the
 * schema decides and words every problem, so it stays the one source of
 * truth. test/audit/common-record.test.ts holds the two to agreement.
 */

const ACTIONS: ReadonlySet<unknown> = new Set(Object.values(AuditAction));
const OUTCOMES: ReadonlySet<unknown> = new Set(Object.values(AuditOutcome));
/** Fields every record has; the schema has five more, which may be left out. */
const REQUIRED_FIELDS = 8;
/** Deeper details are rare and are left to the schema, which keeps this recursion shallow. */
const MAX_DETAIL_DEPTH = 16;

function isPlain(value: object): boolean {
  return Object.getPrototypeOf(value) === Object.prototype;
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= max;
}

/** A missing optional text is null; a present one must be a non-empty string within `max`. */
function optionalText(value: unknown, max: number): string | null | undefined {
  if (value === undefined || value === null) return null;
  return isText(value, max) ? value : undefined;
}

function isJsonValue(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;

  return Array.isArray(value) ? isJsonArray(value, depth + 1) : isJsonObject(value, depth + 1);
}

function isJsonArray(list: unknown[], depth: number): boolean {
  if (depth > MAX_DETAIL_DEPTH || Object.getPrototypeOf(list) !== Array.prototype) return false;
  for (let i = 0; i < list.length; i += 1) if (!isJsonValue(list[i], depth)) return false;
  return true;
}

/**
 * A plain object of JSON values under string keys. The schema skips a
 * `__proto__` key and refuses symbol keys, so an object with either, or with
 * hidden properties, is left to it.
 */
function isJsonObject(object: object, depth: number): object is Record<string, unknown> {
  if (depth > MAX_DETAIL_DEPTH || !isPlain(object)) return false;
  const keys = Object.keys(object);
  if (keys.length !== Reflect.ownKeys(object).length) return false;
  for (const key of keys) {
    if (key === '__proto__' || !isJsonValue((object as Record<string, unknown>)[key], depth)) return false;
  }
  return true;
}

function readDetails(value: unknown): AuditEvent['details'] | undefined {
  if (value === undefined) return {};
  return typeof value === 'object' && value !== null && isJsonObject(value, 0)
    ? (value as AuditEvent['details'])
    : undefined;
}

function readAddress(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && isDottedQuad(value) ? value : undefined;
}

/** The record as the schema would parse it, or undefined when only the schema can say. */
export function readCommonRecord(raw: unknown): AuditEvent | undefined {
  if (typeof raw !== 'object' || raw === null || !isPlain(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const { id, occurred_at, tenant_id, user_id, action, resource_type, phi_accessed, outcome } = record;
  const formatted =
    typeof id === 'string' &&
    isLowercaseUuid(id) &&
    typeof occurred_at === 'string' &&
    utcInstantFraction(occurred_at) !== undefined &&
    typeof tenant_id === 'string' &&
    isTenantSlug(tenant_id);
  const plain =
    isText(user_id, 200) &&
    ACTIONS.has(action) &&
    isText(resource_type, 100) &&
    typeof phi_accessed === 'boolean' &&
    OUTCOMES.has(outcome);
  if (!formatted || !plain) return undefined;

  // The required fields are all there, so any key beyond them and the optional ones present is unknown.
  const optional = [record.ip_address, record.user_agent, record.resource_id, record.patient_id, record.details];
  const present = REQUIRED_FIELDS + optional.filter((value) => value !== undefined).length;
  if (Object.keys(record).length !== present) return undefined;

  const ip_address = readAddress(record.ip_address);
  const user_agent = optionalText(record.user_agent, 1000);
  const resource_id = optionalText(record.resource_id, 200);
  const patient_id = optionalText(record.patient_id, 200);
  const details = readDetails(record.details);
  const unsure =
    ip_address === undefined ||
    user_agent === undefined ||
    resource_id === undefined ||
    patient_id === undefined ||
    details === undefined;
  if (unsure) return undefined;

  return {
    id,
    occurred_at,
    tenant_id,
    user_id,
    ip_address,
    user_agent,
    action: action as AuditEvent['action'],
    resource_type,
    resource_id,
    patient_id,
    phi_accessed,
    outcome: outcome as AuditEvent['outcome'],
    details,
  };
}
