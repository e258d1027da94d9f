import canonicalize from 'canonicalize';
import { v5 as uuidV5 } from 'uuid';
import { z } from 'zod';

/** Fixed for all time: changing it changes every derived id and breaks re-ingest dedup. */
const FHIR_AUDIT_EVENT_NAMESPACE = 'e405c2b6-bf91-4881-9362-7cb35c25415b';

const uuidSchema = z.uuid();

/**
 * A UUID id is kept; others become UUID v5 names scoped by tenant, as plain ids
 * like `example` repeat across tenants. Within one tenant, two FHIR servers
 * that reuse a plain id are not told apart today: the second event reads as a
 * duplicate of the first.
 */
export function eventId(tenantId: string, fhirId: string | undefined, resource: Record<string, unknown>): string {
  if (fhirId !== undefined && uuidSchema.safeParse(fhirId).success) return fhirId.toLowerCase();
  // A tenant slug holds neither `/` nor `#`, so the two name forms cannot collide.
  const name =
    fhirId === undefined ? `${tenantId}#${canonicalize(resource) ?? ''}` : `${tenantId}/AuditEvent/${fhirId}`;
  return uuidV5(name, FHIR_AUDIT_EVENT_NAMESPACE);
}
