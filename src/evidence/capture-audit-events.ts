import { canonicalInstant } from '../audit/canonical';
import { STORED_EVENT_COLUMNS, type StoredEvent } from '../audit/stored-event';
import type { Database, Queryable } from '../store/database';
import { type StoredArtifact, storeArtifact } from './artifacts';
import { ArtifactTooLargeError } from './errors';
import { type AlertEvidenceRequest, alertEvidenceRequestSchema, parseRequest } from './requests';
import { ArtifactKind, MAX_ARTIFACT_BYTES, NDJSON_MEDIA_TYPE } from './vocabulary';

/**
 * Captures the audit events around an alert as one NDJSON artifact: every
 * event of the tenant that occurred in the window (both ends included) and
 * involves the user, the address or the patient, in seq order.
 *
 * Each line is the event in the platform's shape followed by its place in the
 * audit store's hash chain (seq, received_at, prev_hash, hash), so anyone can
 * recompute its hash with src/audit/canonical.ts and match it against the
 * store. The selection goes into the artifact's source, for the manifest.
 *
 * The store has no index on user, address or patient, so a capture reads
 * through the tenant's events page by page; on PostgreSQL that is about a
 * second per million events.
 */

const PAGE_SIZE = 5_000;

type Selection = ReturnType<typeof alertEvidenceRequestSchema.parse>;

export interface CapturedAlertEvents extends StoredArtifact {
  eventCount: number;
}

function eventLine(row: StoredEvent): string {
  const { id, occurred_at, tenant_id, user_id, ip_address, user_agent, action, resource_type, resource_id } = row;
  const { patient_id, phi_accessed, outcome, details, seq, received_at, prev_hash, hash } = row;
  const platform = { id, occurred_at, tenant_id, user_id, ip_address, user_agent, action, resource_type, resource_id };
  const rest = { patient_id, phi_accessed, outcome, details };

  return `${JSON.stringify({ ...platform, ...rest, seq, received_at, prev_hash, hash })}\n`;
}

async function* matchingEvents(db: Queryable, selection: Selection): AsyncGenerator<StoredEvent> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<StoredEvent>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM audit_events
        WHERE tenant_id = $1 AND seq > $2 AND occurred_at >= $3 AND occurred_at <= $4
          AND (user_id = $5 OR ip_address = $6::inet OR patient_id = $7)
        ORDER BY seq LIMIT $8`,
      [
        selection.tenantId,
        after,
        selection.from,
        selection.to,
        selection.userId ?? null,
        selection.ipAddress ?? null,
        selection.patientId ?? null,
        PAGE_SIZE,
      ],
    );
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE_SIZE) return;
    after = last.seq;
  }
}

async function eventsAsNdjson(db: Queryable, selection: Selection): Promise<{ content: Buffer; eventCount: number }> {
  const lines: Buffer[] = [];
  let size = 0;
  for await (const row of matchingEvents(db, selection)) {
    const line = Buffer.from(eventLine(row));
    size += line.length;
    if (size > MAX_ARTIFACT_BYTES) {
      throw new ArtifactTooLargeError(selection.incidentId, MAX_ARTIFACT_BYTES, 'capture a shorter window');
    }
    lines.push(line);
  }

  return { content: Buffer.concat(lines, size), eventCount: lines.length };
}

/** `20261102T140000Z`: an instant short enough for a file name, to the second. */
function compactInstant(text: string): string {
  return `${canonicalInstant(text).slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;
}

export async function captureAlertEvents(db: Database, input: AlertEvidenceRequest): Promise<CapturedAlertEvents> {
  const selection = parseRequest(alertEvidenceRequestSchema, input);
  const { content, eventCount } = await eventsAsNdjson(db, selection);

  const { incidentId, tenantId, userId, ipAddress, patientId, actor, captureKey } = selection;
  const from = canonicalInstant(selection.from);
  const to = canonicalInstant(selection.to);
  const stored = await storeArtifact(db, {
    incidentId,
    kind: ArtifactKind.auditEvents,
    name: `audit-events-${compactInstant(from)}-${compactInstant(to)}.ndjson`,
    mediaType: NDJSON_MEDIA_TYPE,
    content,
    actor,
    source: {
      tenantId,
      userId: userId ?? null,
      ipAddress: ipAddress ?? null,
      patientId: patientId ?? null,
      from,
      to,
      eventCount,
    },
    ...(captureKey ? { captureKey } : {}),
  });

  const storedCount = stored.artifact.source.eventCount;
  return { ...stored, eventCount: stored.created || typeof storedCount !== 'number' ? eventCount : storedCount };
}
