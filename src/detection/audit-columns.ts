/**
 * The audit_events columns a Sigma field may be mapped to, with the type
 * that decides which modifiers make sense on it. `prev_hash` and `hash`
 * are left out: they are the chain's, not the event's.
 */

export const FieldType = {
  text: 'text',
  number: 'number',
  boolean: 'boolean',
  timestamp: 'timestamp',
  inet: 'inet',
} as const;
export type FieldType = (typeof FieldType)[keyof typeof FieldType];

interface ColumnInfo {
  type: FieldType;
  nullable: boolean;
  /**
   * Every stored value is in lower case: the ingest schema accepts nothing
   * else (an enum of lower-case words, a lower-case slug, a UUID as
   * PostgreSQL prints it). A case-insensitive comparison then needs to
   * lower only the rule's value, not every row's.
   */
  lowercase?: true;
}

/** Matches src/store/migrations/001.do.audit-store.sql. */
export const auditColumns = {
  tenant_id: { type: 'text', nullable: false, lowercase: true },
  seq: { type: 'number', nullable: false },
  id: { type: 'text', nullable: false, lowercase: true },
  occurred_at: { type: 'timestamp', nullable: false },
  received_at: { type: 'timestamp', nullable: false },
  user_id: { type: 'text', nullable: false },
  ip_address: { type: 'inet', nullable: true },
  user_agent: { type: 'text', nullable: true },
  action: { type: 'text', nullable: false, lowercase: true },
  resource_type: { type: 'text', nullable: false },
  resource_id: { type: 'text', nullable: true },
  patient_id: { type: 'text', nullable: true },
  phi_accessed: { type: 'boolean', nullable: false },
  outcome: { type: 'text', nullable: false, lowercase: true },
} as const satisfies Record<string, ColumnInfo>;

export type AuditColumn = keyof typeof auditColumns;

export const auditColumnNames = Object.keys(auditColumns) as AuditColumn[];

export function isAuditColumn(name: string): name is AuditColumn {
  return Object.hasOwn(auditColumns, name);
}
