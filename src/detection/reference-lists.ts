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

/** Adds entries to reference lists (a terminated account, a flagged patient). */
export async function addReferenceListEntries(db: Queryable, entries: readonly ReferenceListEntry[]): Promise<void> {
  for (const entry of entries) {
    await db.query(
      'INSERT INTO reference_lists (tenant_id, list_name, value, effective_from, effective_until, note)' +
        ' VALUES ($1, $2, $3, $4, $5, $6)',
      [
        entry.tenantId,
        entry.listName,
        entry.value,
        entry.effectiveFrom ?? null,
        entry.effectiveUntil ?? null,
        entry.note ?? null,
      ],
    );
  }
}
