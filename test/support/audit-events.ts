import { createHash } from 'node:crypto';
import type { AuditEventInput } from '../../src/audit/event';

/** A deterministic UUID (v4 layout) from a label, so tests can name events. */
export function uuidFor(label: string): string {
  const hex = createHash('sha256').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function auditEvent(n: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    id: uuidFor(`event-${n}-${overrides.tenant_id ?? 'st-elsewhere'}`),
    occurred_at: new Date(Date.UTC(2026, 10, 2, 14, 0, 0) + n * 1000).toISOString(),
    tenant_id: 'st-elsewhere',
    user_id: `user-${n % 7}`,
    ip_address: '10.20.30.40',
    user_agent: 'PRM-Web/5.2',
    action: 'read',
    resource_type: 'Patient',
    resource_id: `pat-${1000 + n}`,
    patient_id: `pat-${1000 + n}`,
    phi_accessed: true,
    outcome: 'success',
    details: { screen: 'chart-summary' },
    ...overrides,
  };
}

export function auditEvents(count: number, from = 0, overrides: Partial<AuditEventInput> = {}): AuditEventInput[] {
  return Array.from({ length: count }, (_, i) => auditEvent(from + i, overrides));
}
