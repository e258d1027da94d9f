import type { Queryable } from '../store/database';

/** One value of a tenant's reference list, as `%list_name%` placeholders see it. */
export interface ReferenceListEntry {
  tenantId: string;
  listName: string;
  value: string;
  /** From when the value is on the list (ISO 8601 with offset); always when absent. */
  effectiveFrom?: string;
  /** Until when (exclusive); for good when absent. */
  effectiveUntil?: string;
  note?: string;
}

/**
 * Adds entries to reference lists (a terminated account, a flagged patient).
 * An entry already on its list with the same dates is left as it is, so a
 * file loaded twice adds nothing the second time. Answers how many were new.
 */
export async function addReferenceListEntries(db: Queryable, entries: readonly ReferenceListEntry[]): Promise<number> {
  let added = 0;
  for (const entry of entries) {
    const result = await db.query(
      `INSERT INTO reference_lists (tenant_id, list_name, value, effective_from, effective_until, note)
       SELECT $1, $2, $3, $4::timestamptz, $5::timestamptz, $6
       WHERE NOT EXISTS (
         SELECT 1 FROM reference_lists
         WHERE tenant_id = $1 AND list_name = $2 AND value = $3
           AND effective_from IS NOT DISTINCT FROM $4::timestamptz AND effective_until IS NOT DISTINCT FROM $5::timestamptz)
       RETURNING id`,
      [
        entry.tenantId,
        entry.listName,
        entry.value,
        entry.effectiveFrom ?? null,
        entry.effectiveUntil ?? null,
        entry.note ?? null,
      ],
    );
    added += result.rows.length;
  }

  return added;
}
