import { canonicalAddress, canonicalContent, canonicalDetails, canonicalInstant } from './canonical';
import { type AuditEvent, auditEventSchema } from './event';
import { readCommonRecord } from './common-record';
import { EventRowEncoder } from './copy-binary';
import type { PreparedEvent } from './stored-event';
import { UnreadableRecord } from './unreadable-record';

/** One thing wrong with one record: where it is and what is wrong, never the value itself. */
export interface RecordProblem {
  /** Zero-based position of the record in the batch or file. */
  index: number;
  field: string;
  problem: string;
}

/** A valid record, with its canonical form computed once for both the duplicate check and the hash. */
export type RecordCheck = ({ ok: true } & PreparedEvent) | { ok: false; problems: RecordProblem[] };

/** PostgreSQL text and jsonb cannot hold U+0000, so it is refused here rather than failing the insert. */
function nulProblems(event: AuditEvent, index: number): RecordProblem[] {
  const problems: RecordProblem[] = [];
  for (const [field, value] of Object.entries(event)) {
    const text = typeof value === 'string' ? value : field === 'details' ? JSON.stringify(value) : '';
    if (text.includes('\u0000') || text.includes('\\u0000')) {
      problems.push({ index, field, problem: 'contains a NUL character, which cannot be stored' });
    }
  }
  return problems;
}

/** ISO 8601 has a year 0000 (1 BC); PostgreSQL refuses to read one as text, so it is refused here too. */
function yearZero(index: number): RecordProblem {
  return { index, field: 'occurred_at', problem: 'is in year 0000, which cannot be stored' };
}

/** Values zod accepts but the canonical form cannot express, such as an impossible calendar date. */
function canonicalProblems(event: AuditEvent, index: number): RecordProblem[] {
  const problems: RecordProblem[] = [];
  try {
    canonicalInstant(event.occurred_at);
  } catch {
    problems.push({ index, field: 'occurred_at', problem: 'is not a valid instant' });
  }
  try {
    canonicalAddress(event.ip_address);
  } catch {
    problems.push({ index, field: 'ip_address', problem: 'is not a valid IP address' });
  }
  return problems;
}

function contentOf(
  event: AuditEvent,
  index: number,
): { content: string; details: string; occurredAt: string } | { problems: RecordProblem[] } {
  try {
    const details = canonicalDetails(event.details);
    const occurredAt = canonicalInstant(event.occurred_at);
    if (occurredAt.startsWith('0000')) return { problems: [yearZero(index)] };
    return { content: canonicalContent(event, details, occurredAt), details, occurredAt };
  } catch {
    return { problems: canonicalProblems(event, index) };
  }
}

/**
 * Unknown fields are refused, never dropped. Checking the keys here and
 * parsing with the stripping variant of the schema gives the same answers as
 * the strict schema at a fraction of its cost, which matters at a million
 * records.
 */
const knownFields = new Set(Object.keys(auditEventSchema.shape));
const strippingSchema = auditEventSchema.strip();

function unknownFieldProblems(raw: unknown, index: number): RecordProblem[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const unknown = Object.keys(raw).filter((key) => !knownFields.has(key));
  if (unknown.length === 0) return [];
  return [{ index, field: '(record)', problem: `has unknown field(s): ${unknown.join(', ')}` }];
}

/** The parsed event (none if the schema refuses it), with any problems found so far. */
function parseRecord(raw: unknown, index: number): { event?: AuditEvent; problems: RecordProblem[] } {
  const common = readCommonRecord(raw);
  if (common) return { event: common, problems: [] };

  const parsed = strippingSchema.safeParse(raw);
  const unknownFields = unknownFieldProblems(raw, index);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      index,
      field: issue.path.map(String).join('.') || '(record)',
      problem: issue.message,
    }));
    return { problems: [...problems, ...unknownFields] };
  }
  return { event: parsed.data, problems: unknownFields };
}

const rowEncoder = new EventRowEncoder();

/** Checks one platform-shape record; `tenantId`, when given, is the only tenant the batch may write. */
export function checkRecord(raw: unknown, index: number, tenantId?: string): RecordCheck {
  if (raw instanceof UnreadableRecord)
    return { ok: false, problems: [{ index, field: '(record)', problem: raw.reason }] };
  const { event, problems } = parseRecord(raw, index);
  if (!event) return { ok: false, problems };

  const canonical = contentOf(event, index);
  // JSON escapes U+0000 as \u0000, so the canonical form shows whether any field needs the precise check.
  const mayHoldNul = !('content' in canonical) || canonical.content.includes('\\u0000');
  // Pushed onto the parse's own array rather than spread into a new one: per record, that adds up.
  if (mayHoldNul) problems.push(...nulProblems(event, index));
  if ('problems' in canonical) problems.push(...canonical.problems);
  if (tenantId !== undefined && event.tenant_id !== tenantId) {
    problems.push({ index, field: 'tenant_id', problem: 'differs from the tenant this batch is for' });
  }

  if (problems.length > 0 || !('content' in canonical)) return { ok: false, problems };
  return {
    ok: true,
    index,
    tenantId: event.tenant_id,
    id: event.id.toLowerCase(),
    content: canonical.content,
    row: rowEncoder.encode(event, canonical.occurredAt, canonical.details),
    event,
  };
}
