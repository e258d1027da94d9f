import { createHash } from 'node:crypto';

/**
 * The workflow id of the incident a dedup key belongs to. Temporal stores
 * workflow ids in plain text, and a dedup key may name a user or address, so
 * the key is hashed; the same tenant and key always give the same id.
 */
export function incidentIdFor(tenantId: string, dedupKey: string): string {
  const digest = createHash('sha256').update(`${tenantId}\n${dedupKey}`).digest('hex');
  return `incident-${tenantId}-${digest.slice(0, 32)}`;
}
