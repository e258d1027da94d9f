import type { Queryable } from '../store/database';
import { chainHash, GENESIS_HASH, canonicalContent } from './canonical';
import {
  type ChainedEvent,
  COPY_EVENTS,
  copyData,
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

/** How many COPYs may be queued on the connection before the writer waits for the oldest. */
const MAX_IN_FLIGHT = 3;
const UNIQUE_VIOLATION = '23505';

/** The optimistic pass met an id that is already stored; the caller starts over carefully. */
export class StoredIdsFound extends Error {
  constructor() {
    super('an id in the batch is already stored');
    this.name = 'StoredIdsFound';
  }
}

export const WriteMode = { careful: 'careful', optimistic: 'optimistic' } as const;
export type WriteMode = (typeof WriteMode)[keyof typeof WriteMode];

/**
 * Appends validated events to each tenant's hash chain inside one
 * transaction. The first touch of a tenant locks its chain-head row until the
 * transaction ends: concurrent ingest into that tenant waits, so seq stays
 * gap-free and every event links to the one before; other tenants proceed.
 * Tenants are locked in the order a batch meets them, so two concurrent
 * batches that each span the same tenants in opposite orders can deadlock;
 * PostgreSQL then aborts one of them whole, and it has to be sent again.
 *
 * Stored ids are found one of two ways. Carefully: look up each chunk's ids,
 * then write. Optimistically (PostgreSQL only): COPY without looking and let
 * the unique index object; an objection aborts the whole transaction with
 * StoredIdsFound, and the caller runs the batch again carefully. A first load
 * has no stored ids to find, and the lookups would cost the database about as
 * much as the writes. Optimistic COPYs are queued on the connection up to
 * MAX_IN_FLIGHT deep, so the database writes one chunk while the next is
 * chained and the one after is checked.
 */
export class ChainWriter {
  private readonly heads = new Map<string, ChainHead>();
  private readonly inFlight: Promise<void>[] = [];
  /** The last statement sent: the next one starts only when it has finished, as the driver requires. */
  private tail: Promise<unknown> = Promise.resolve();
  stored = 0;
  duplicates = 0;

  constructor(
    private readonly tx: Queryable,
    private readonly receivedAt: string,
    private readonly mode: WriteMode,
  ) {}

  /** Appends a chunk; returns conflicts (same id, other content), in which case the caller must roll back. */
  async write(chunk: readonly PreparedEvent[]): Promise<RecordProblem[]> {
    const problems: RecordProblem[] = [];
    for (const [tenantId, events] of groupByTenant(chunk)) {
      problems.push(...(await this.writeTenant(tenantId, events)));
      if (problems.length > 0) break;
    }
    return problems;
  }

  /** Waits for every queued COPY; throws StoredIdsFound if one met a stored id. */
  async land(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  /** Waits for any statement still running, whatever its outcome, so the transaction can end. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.inFlight.splice(0));
    await this.tail;
  }

  /** Moves each touched tenant's head to its last event; call once, after land(). */
  async finish(): Promise<{ tenantId: string; firstSeq: number; lastSeq: number }[]> {
    const ranges = [];
    for (const [tenantId, head] of this.heads) {
      await this.inTurn(() =>
        this.tx.query('UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE tenant_id = $1', [
          tenantId,
          head.seq,
          head.hash,
        ]),
      );
      if (head.firstSeq !== undefined) ranges.push({ tenantId, firstSeq: head.firstSeq, lastSeq: head.seq });
    }
    return ranges;
  }

  private async writeTenant(tenantId: string, events: readonly PreparedEvent[]): Promise<RecordProblem[]> {
    const head = await this.lockHead(tenantId);
    const optimistic = this.mode === WriteMode.optimistic && this.tx.copyFrom !== undefined;
    const known = optimistic ? new Map<string, string>() : await this.storedContent(tenantId, events);
    const { rows, problems } = this.chain(head, events, known);
    if (problems.length > 0 || rows.length === 0) return problems;

    if (optimistic) {
      if (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight.shift();
      const queued = this.copyOptimistically(rows);
      queued.catch(() => undefined); // rethrown where it is awaited
      this.inFlight.push(queued);
      return [];
    }
    await this.inTurn<unknown>(() =>
      this.tx.copyFrom
        ? this.tx.copyFrom(COPY_EVENTS, copyData(rows, this.receivedAt))
        : this.tx.query(INSERT_EVENTS, insertParameters(rows, this.receivedAt)),
    );
    this.stored += rows.length;
    return [];
  }

  /** Runs `statement` after every statement sent before it, without making the caller wait for them. */
  private inTurn<T>(statement: () => Promise<T>): Promise<T> {
    const result = this.tail.then(statement, statement);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Keeps only the encoded rows and their count while queued, so the events themselves die young. */
  private async copyOptimistically(rows: readonly ChainedEvent[]): Promise<void> {
    const data = copyData(rows, this.receivedAt);
    const count = rows.length;
    try {
      await this.inTurn(() => this.tx.copyFrom?.(COPY_EVENTS, data) ?? Promise.resolve());
    } catch (error) {
      throw (error as { code?: string }).code === UNIQUE_VIOLATION ? new StoredIdsFound() : error;
    }
    this.stored += count;
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

  private async lockHead(tenantId: string): Promise<ChainHead> {
    const cached = this.heads.get(tenantId);
    if (cached) return cached;

    await this.inTurn(() =>
      this.tx.query(
        'INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING',
        [tenantId, GENESIS_HASH],
      ),
    );
    const { rows } = await this.inTurn(() =>
      this.tx.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = $1 FOR UPDATE',
        [tenantId],
      ),
    );
    const head = { seq: rows[0]?.seq ?? 0, hash: rows[0]?.hash ?? GENESIS_HASH };
    this.heads.set(tenantId, head);
    return head;
  }

  /** The canonical content of events already stored under any of these ids, earlier in this transaction included. */
  private async storedContent(tenantId: string, events: readonly PreparedEvent[]): Promise<Map<string, string>> {
    // Validated UUIDs need no quoting, and one text literal costs far less to send than a 5,000-element array.
    const ids = `{${events.map(({ id }) => id).join(',')}}`;
    const { rows } = await this.inTurn(() =>
      this.tx.query<StoredEvent>(
        `SELECT ${STORED_EVENT_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [tenantId, ids],
      ),
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
