import type { Queryable } from '../../store/database';

/**
 * How far each tenant's events have been swept. A sweep covers the events
 * after the watermark up to a bound it fixes first, so it is repeatable; the
 * watermark moves only after the sweep's alerts have been delivered, and
 * only from where that sweep began, so two sweepers never both move it.
 */

export interface TenantSweep {
  tenantId: string;
  /** Events with a greater seq are new in this sweep. */
  afterSeq: number;
  /** The sweep's upper bound: the tenant's head, or less when the backlog is larger than one sweep takes. */
  uptoSeq: number;
  /** The tenant's head when the sweep began. */
  headSeq: number;
}

interface PendingRow {
  tenant_id: string;
  after_seq: string | number;
  head_seq: string | number;
}

/** Every tenant with events past its watermark, each bounded to at most `maxEvents` new events. */
export async function pendingSweeps(db: Queryable, maxEvents: number): Promise<TenantSweep[]> {
  const { rows } = await db.query<PendingRow>(
    `SELECT h.tenant_id, coalesce(w.seq, 0) AS after_seq, h.seq AS head_seq
     FROM audit_chain_heads h LEFT JOIN sweeper_watermarks w ON w.tenant_id = h.tenant_id
     WHERE h.seq > coalesce(w.seq, 0)
     ORDER BY h.tenant_id`,
  );

  return rows.map((row) => {
    const afterSeq = Number(row.after_seq);
    const headSeq = Number(row.head_seq);
    return { tenantId: row.tenant_id, afterSeq, uptoSeq: Math.min(headSeq, afterSeq + maxEvents), headSeq };
  });
}

/** Moves the watermark from `sweep.afterSeq` to `sweep.uptoSeq`; false when another sweep moved it first. */
export async function advanceWatermark(db: Queryable, sweep: TenantSweep): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO sweeper_watermarks (tenant_id, seq, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (tenant_id) DO UPDATE SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
     WHERE sweeper_watermarks.seq = $3
     RETURNING seq`,
    [sweep.tenantId, sweep.uptoSeq, sweep.afterSeq],
  );

  return rows.length === 1;
}
