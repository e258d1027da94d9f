import { canonicalContent, chainHash, GENESIS_HASH } from './canonical';
import type { AuditEvent } from './event';
import {
  type ChainedEvent,
  COPY_EVENTS,
  copyText,
  INSERT_EVENTS,
  insertParameters,
  STORED_EVENT_COLUMNS,
  type StoredEvent,
} from './stored-event';
import type { RecordProblem } from './validate-record';
import type { Queryable } from '../store/database';

interface ChainHead {
  seq: number;
  hash: string;
  firstSeq?: number;
}

export interface IndexedEvent {
  index: number;
  event: AuditEvent;
  /** Its canonical form (see canonical.ts). */
  content: string;
}

/**
 * Appends validated events to each tenant's hash chain inside one
 * transaction. The first touch of a tenant locks its chain-head row until the
 * transaction ends: concurrent ingest into that tenant waits, so seq stays
 * gap-free and every event links to the one before; other tenants proceed.
 */
export class ChainWriter {
  private readonly heads = new Map<string, ChainHead>();
  /**
   * The last INSERT, not yet awaited: the caller validates the next chunk
   * while the database writes this one. The connection runs statements in
   * order, so the next chunk's duplicate check still sees these rows.
   */
  private pendingInsert: Promise<unknown> = Promise.resolve();
  stored = 0;
  duplicates = 0;

  constructor(
    private readonly tx: Queryable,
    private readonly receivedAt: string,
  ) {}

  /** Appends a chunk; returns conflicts (same id, other content), in which case the caller must roll back. */
  async write(chunk: readonly IndexedEvent[]): Promise<RecordProblem[]> {
    const problems: RecordProblem[] = [];
    for (const [tenantId, events] of groupByTenant(chunk)) {
      problems.push(...(await this.writeTenant(tenantId, events)));
    }
    return problems;
  }

  /** Waits for the last INSERT whatever its outcome, so no statement is in flight when the transaction ends. */
  async settle(): Promise<void> {
    await this.pendingInsert.catch(() => undefined);
  }

  /** Moves each touched tenant's head to its last event; call once, after the last chunk. */
  async finish(): Promise<{ tenantId: string; firstSeq: number; lastSeq: number }[]> {
    await this.pendingInsert;
    const ranges = [];
    for (const [tenantId, head] of this.heads) {
      await this.tx.query('UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE tenant_id = $1', [
        tenantId,
        head.seq,
        head.hash,
      ]);
      if (head.firstSeq !== undefined) ranges.push({ tenantId, firstSeq: head.firstSeq, lastSeq: head.seq });
    }
    return ranges;
  }

  private async writeTenant(tenantId: string, events: readonly IndexedEvent[]): Promise<RecordProblem[]> {
    const head = await this.lockHead(tenantId);
    const known = await this.storedContent(tenantId, events);
    const problems: RecordProblem[] = [];
    const rows: ChainedEvent[] = [];

    for (const { index, event, content } of events) {
      const id = event.id.toLowerCase();
      const earlier = known.get(id);
      if (earlier !== undefined) {
        if (earlier === content) this.duplicates += 1;
        else problems.push({ index, field: 'id', problem: 'is already stored with different content' });
        continue;
      }
      known.set(id, content);
      const hash = chainHash(head.hash, this.receivedAt, content);
      head.seq += 1;
      head.firstSeq ??= head.seq;
      rows.push({ event, seq: head.seq, receivedAt: this.receivedAt, prevHash: head.hash, hash });
      head.hash = hash;
    }

    if (problems.length === 0 && rows.length > 0) {
      await this.pendingInsert;
      this.pendingInsert = this.tx.copyFrom
        ? this.tx.copyFrom(COPY_EVENTS, copyText(rows))
        : this.tx.query(INSERT_EVENTS, insertParameters(rows));
      // Rejections are rethrown where it is awaited; this keeps one from being reported as unhandled meanwhile.
      this.pendingInsert.catch(() => undefined);
      this.stored += rows.length;
    }
    return problems;
  }

  private async lockHead(tenantId: string): Promise<ChainHead> {
    const cached = this.heads.get(tenantId);
    if (cached) return cached;

    await this.tx.query(
      'INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING',
      [tenantId, GENESIS_HASH],
    );
    const { rows } = await this.tx.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = $1 FOR UPDATE',
      [tenantId],
    );
    const head = { seq: rows[0]?.seq ?? 0, hash: rows[0]?.hash ?? GENESIS_HASH };
    this.heads.set(tenantId, head);
    return head;
  }

  /** The canonical content of events already stored under any of these ids, earlier in this transaction included. */
  private async storedContent(tenantId: string, events: readonly IndexedEvent[]): Promise<Map<string, string>> {
    // Validated UUIDs need no quoting, and one text literal costs far less to send than a 5,000-element array.
    const ids = `{${events.map(({ event }) => event.id).join(',')}}`;
    const { rows } = await this.tx.query<StoredEvent>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    return new Map(rows.map((row) => [row.id, canonicalContent(row)]));
  }
}

function groupByTenant(chunk: readonly IndexedEvent[]): Map<string, IndexedEvent[]> {
  const groups = new Map<string, IndexedEvent[]>();
  for (const item of chunk) {
    const group = groups.get(item.event.tenant_id);
    if (group) group.push(item);
    else groups.set(item.event.tenant_id, [item]);
  }
  return groups;
}
