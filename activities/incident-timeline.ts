import { v5 as uuidV5 } from 'uuid';
import type { AuditEventInput } from '../src/audit/event';
import { ingest } from '../src/audit/ingest';
import type { TimelineEntry } from '../src/incidents/incident-state';
import { TimelineAction } from '../src/incidents/vocabulary';
import type { Logger } from '../src/logging/logger';
import type { Database } from '../src/store/database';

/**
 * Writes incident timeline entries to the audit store, so every change to an
 * incident sits in the same tamper-evident chain as the PHI access it is
 * about. Each entry's event id is derived from the incident id and the
 * entry's position, and its content only from the entry, so a retried
 * activity stores a duplicate (ignored by ingest), never a second event.
 * Responder notes are not copied: they may mention a patient, and the audit
 * log records that a note was added, not what it says.
 */

export interface TimelineEntryRequest {
  incidentId: string;
  tenantId: string;
  entry: TimelineEntry;
}

export interface TimelineDependencies {
  store: Database;
  logger: Logger;
}

/** The UUID v5 namespace of incident timeline events (a fixed, random UUID). */
const TIMELINE_NAMESPACE = '5f0c1a52-8e3b-4c55-9a0e-2b8d6f4c7e19';

export function timelineEventId(incidentId: string, seq: number): string {
  return uuidV5(`${incidentId}#${seq}`, TIMELINE_NAMESPACE);
}

export function timelineAuditEvent(request: TimelineEntryRequest): AuditEventInput {
  const { entry } = request;
  return {
    id: timelineEventId(request.incidentId, entry.seq),
    occurred_at: entry.at,
    tenant_id: request.tenantId,
    user_id: entry.actor,
    action: entry.action === TimelineAction.opened ? 'create' : 'update',
    resource_type: 'Incident',
    resource_id: request.incidentId,
    phi_accessed: false,
    outcome: 'success',
    details: {
      timeline_seq: entry.seq,
      timeline_action: entry.action,
      ...(entry.detail ? { detail: entry.detail } : {}),
    },
  };
}

export function createTimelineActivities(deps: TimelineDependencies) {
  return {
    async recordTimelineEntry(request: TimelineEntryRequest): Promise<{ eventId: string; duplicate: boolean }> {
      const event = timelineAuditEvent(request);
      const report = await ingest(deps.store, [event], { tenantId: request.tenantId });

      deps.logger.debug(
        { incidentId: request.incidentId, seq: request.entry.seq, duplicate: report.duplicates > 0 },
        'Incident timeline entry recorded',
      );
      return { eventId: event.id, duplicate: report.duplicates > 0 };
    },
  };
}
