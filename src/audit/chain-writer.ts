import type { Queryable } from '../store/database';
import { chainHash, GENESIS_HASH, canonicalContent } from './canonical';
import {
  type ChainedEvent,
  COPY_EVENTS,
  copyText,
  INSERT_EVENTS,
  insertParameters,
  type PreparedEvent,
  STORED_EVENT_COLUMNS,
  type StoredEvent,
} from './stored-event';
import type { RecordProblem } from './validate-record';

interface ChainHead {
  seq: number;
  hash: string;
  firstSeq?: number;
}

/** A chunk whose COPY has been sent but not yet awaited, with what is needed to redo it. */
interface InFlight {
  head: ChainHead;
  before: ChainHead;
  tenantId: string;
  events: readonly PreparedEvent[];
  rows: number;
  outcome: Promise<'stored' | 'conflict'>;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Appends validated events to each tenant's hash chain inside one
 * transaction. The first touch of a tenant locks its chain-head row until the
 * transaction ends: concurrent ingest into that tenant waits, so seq stays
 * gap-free and every event links to the one before; other tenants proceed.
 *
 * Stored ids are found one of two ways. Carefully: look up the chunk's ids
 * first, then write (PGlite always; PostgreSQL after a first conflict).
 * Optimistically, on PostgreSQL: COPY the chunk inside a savepoint and let the
 * unique index object; only a chunk it refuses is rolled back to the
 * savepoint and redone carefully. A first load has no stored ids to find,
 * and the lookup would cost the database about as much as the write.
 *
 * Optimistic COPYs are pipelined: the caller validates the next chunk while
 * the database writes this one, and its outcome is collected before the next
 * chunk is chained.
 */
export class ChainWriter {
  private readonly heads = new Map<string, ChainHead>();
  private inFlight: InFlight | undefined;
  private optimistic: boolean;
  stored = 0;
  duplicates = 0;

  constructor(
    private readonly tx: Queryable,
    private readonly receivedAt: string,
  ) {
    this.optimistic = tx.copyFrom !== undefined;
  }

  /** Appends a chunk; returns conflicts (same id, other content), in which case the caller must roll back. */
  async write(chunk: readonly PreparedEvent[]): Promise<RecordProblem[]> {
    const problems = await this.land();
    for (const [tenantId, events] of groupByTenant(chunk)) {
      if (problems.length > 0) break;
      problems.push(...(await this.writeTenant(tenantId, events)));
    }
    return problems;
  }

  /** Collects the chunk still in flight, redoing it carefully if it met a stored id. */
  async land(): Promise<RecordProblem[]> {
    const flight = this.inFlight;
    if (!flight) return [];
    this.inFlight = undefined;

    if ((await flight.outcome) === 'stored') {
      this.stored += flight.rows;
      return [];
    }
    Object.assign(flight.head, flight.before);
    this.optimistic = false;
    return this.writeTenant(flight.tenantId, flight.events);
  }

  /** Waits for any statement still running, whatever its outcome, so the transaction can end. */
  async settle(): Promise<void> {
    await this.inFlight?.outcome.catch(() => undefined);
  }

  /** Moves each touched tenant's head to its last event; call once, after land(). */
  async finish(): Promise<{ tenantId: string; firstSeq: number; lastSeq: number }[]> {
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

  private async writeTenant(tenantId: string, events: readonly PreparedEvent[]): Promise<RecordProblem[]> {
    const head = await this.lockHead(tenantId);
    const before = { ...head };
    const known = this.optimistic ? new Map<string, string>() : await this.storedContent(tenantId, events);
    const { rows, problems } = this.chain(head, events, known);
    if (problems.length > 0 || rows.length === 0) return problems;

    if (this.optimistic && this.tx.copyFrom) {
      this.inFlight = { head, before, tenantId, events, rows: rows.length, outcome: this.copyInSavepoint(rows) };
      return [];
    }
    await (this.tx.copyFrom
      ? this.tx.copyFrom(COPY_EVENTS, copyText(rows, this.receivedAt))
      : this.tx.query(INSERT_EVENTS, insertParameters(rows, this.receivedAt)));
    this.stored += rows.length;
    return [];
  }

  /** Links each new event to the one before; an id seen before is a duplicate or, with other content, a conflict. */
  private chain(head: ChainHead, events: readonly PreparedEvent[], known: Map<string, string>) {
    const problems: RecordProblem[] = [];
    const rows: ChainedEvent[] = [];
    for (const prepared of events) {
      const { index, id, content } = prepared;
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
      rows.push({ prepared, seq: head.seq, prevHash: head.hash, hash });
      head.hash = hash;
    }
    return { rows, problems };
  }

  private async copyInSavepoint(rows: readonly ChainedEvent[]): Promise<'stored' | 'conflict'> {
    const copy = this.tx.copyFrom;
    if (!copy) throw new Error('optimistic writes need COPY');
    await this.tx.query('SAVEPOINT chunk');
    try {
      await copy(COPY_EVENTS, copyText(rows, this.receivedAt));
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await this.tx.query('ROLLBACK TO SAVEPOINT chunk');
      return 'conflict';
    }
    await this.tx.query('RELEASE SAVEPOINT chunk');
    return 'stored';
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
  private async storedContent(tenantId: string, events: readonly PreparedEvent[]): Promise<Map<string, string>> {
    // Validated UUIDs need no quoting, and one text literal costs far less to send than a 5,000-element array.
    const ids = `{${events.map(({ id }) => id).join(',')}}`;
    const { rows } = await this.tx.query<StoredEvent>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    return new Map(rows.map((row) => [row.id, canonicalContent(row)]));
  }
}

function groupByTenant(chunk: readonly PreparedEvent[]): Map<string, PreparedEvent[]> {
  const groups = new Map<string, PreparedEvent[]>();
  for (const item of chunk) {
    const group = groups.get(item.tenantId);
    if (group) group.push(item);
    else groups.set(item.tenantId, [item]);
  }
  return groups;
}
