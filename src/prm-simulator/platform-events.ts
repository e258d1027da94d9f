import type { FastifyInstance } from 'fastify';
import { BatchRejectedError, ingest } from '../audit/ingest';
import type { Database } from '../store/database';
import type { PlatformState } from './platform-state';

/**
 * The simulated platform's user traffic: `POST /platform/events` takes what
 * users did, as platform audit events (one object or an array), and records
 * it in the breachline audit store the way the real platform's audit log
 * would, after enforcing containment. An event by a suspended user, from a
 * blocked address or with a disabled API key, at its `occurred_at`, is stored
 * as the refusal it would have been: outcome `denied`, `details.denied_reason`
 * saying why, and `phi_accessed` false, since a refused access shows no PHI.
 * This route stands in for the platform's own users, so it takes no signature.
 */

export const PLATFORM_EVENTS_PATH = '/platform/events';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The event as the platform would have recorded it; unchanged when nothing stops it. */
export function enforce(state: PlatformState, event: unknown): unknown {
  if (!isRecord(event)) return event;
  const reason = state.deniedReason(event);
  if (!reason) return event;

  const details = event.details === undefined ? {} : event.details;
  // Details that are not an object are left for ingest to name as bad.
  if (!isRecord(details)) return event;
  return { ...event, outcome: 'denied', phi_accessed: false, details: { ...details, denied_reason: reason } };
}

export interface PlatformEventsOptions {
  db: Database;
  state: PlatformState;
  tenantId?: string;
}

export function registerPlatformEvents(app: FastifyInstance, options: PlatformEventsOptions): void {
  app.post(PLATFORM_EVENTS_PATH, { bodyLimit: MAX_BODY_BYTES }, async (request, reply) => {
    const records = Array.isArray(request.body) ? (request.body as unknown[]) : [request.body];
    const enforced = records.map((record) => enforce(options.state, record));
    const denied = enforced.filter((record, index) => record !== records[index]).length;

    try {
      const report = await ingest(options.db, enforced, { tenantId: options.tenantId });
      return { stored: report.stored, duplicates: report.duplicates, denied };
    } catch (error) {
      if (!(error instanceof BatchRejectedError)) throw error;
      return reply.code(400).send({ error: 'batch-rejected', reason: error.message });
    }
  });
}
