import type { Queryable } from '../../store/database';

/** Which audit events an incident covers: one tenant, a time window, and optionally the users involved. */
export interface AuditScope {
  tenantId: string;
  from: string;
  to: string;
  userIds?: string[];
}

/**
 * The patients whose records an incident touched: every distinct patient id
 * on a PHI-accessing audit event in the scope, in first-access order.
 */
export async function affectedPatientIds(db: Queryable, scope: AuditScope): Promise<string[]> {
  const { rows } = await db.query<{ patient_id: string }>(
    `SELECT patient_id FROM audit_events
     WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND phi_accessed AND patient_id IS NOT NULL
       AND ($4::text[] IS NULL OR user_id = ANY($4::text[]))
     GROUP BY patient_id ORDER BY min(seq)`,
    [scope.tenantId, scope.from, scope.to, scope.userIds ?? null],
  );

  return rows.map((row) => row.patient_id);
}
