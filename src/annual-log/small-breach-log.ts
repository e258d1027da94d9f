import type { Queryable } from '../store/database';
import type { SmallBreachEntry } from './small-breach-entry';

/**
 * The annual log of small breaches (fewer than 500 individuals), kept in the
 * store so legal can submit a year's worth together (45 CFR 164.408(c)).
 * Entries hold ids, counts and dates: nothing about who was affected.
 */

/** Adds or updates the incident's entry; with no entry, removes it (corrected facts took it to 500 or more). */
export async function recordSmallBreach(
  db: Queryable,
  ids: { tenantId: string; incidentId: string },
  entry: SmallBreachEntry | undefined,
): Promise<void> {
  if (!entry) {
    await db.query('DELETE FROM small_breach_log WHERE tenant_id = $1 AND incident_id = $2', [
      ids.tenantId,
      ids.incidentId,
    ]);
    return;
  }
  await db.query(
    `INSERT INTO small_breach_log (tenant_id, incident_id, discovery_year, individuals, discovered_at, due_date)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, incident_id) DO UPDATE SET discovery_year = EXCLUDED.discovery_year,
       individuals = EXCLUDED.individuals, discovered_at = EXCLUDED.discovered_at,
       due_date = EXCLUDED.due_date, recorded_at = now()`,
    [entry.tenantId, entry.incidentId, entry.discoveryYear, entry.individuals, entry.discoveredAt, entry.dueDate],
  );
}

interface Row {
  tenant_id: string;
  incident_id: string;
  discovery_year: number;
  individuals: number;
  discovered_at: Date;
  due_date: string;
}

/** A year's log, every tenant or one, oldest discovery first. */
export async function listSmallBreaches(db: Queryable, year: number, tenantId?: string): Promise<SmallBreachEntry[]> {
  const { rows } = await db.query<Row>(
    `SELECT tenant_id, incident_id, discovery_year, individuals, discovered_at, to_char(due_date, 'YYYY-MM-DD') AS due_date
     FROM small_breach_log WHERE discovery_year = $1 AND ($2::text IS NULL OR tenant_id = $2)
     ORDER BY tenant_id, discovered_at, incident_id`,
    [year, tenantId ?? null],
  );

  return rows.map((row) => ({
    tenantId: row.tenant_id,
    incidentId: row.incident_id,
    discoveryYear: row.discovery_year,
    individuals: row.individuals,
    discoveredAt: new Date(row.discovered_at).toISOString(),
    dueDate: row.due_date,
  }));
}
