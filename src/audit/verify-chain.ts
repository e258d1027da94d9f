import type { Queryable } from '../store/database';
import { canonicalContent, canonicalInstant, chainHash, GENESIS_HASH } from './canonical';
import { STORED_EVENT_COLUMNS, type StoredEvent } from './stored-event';

/**
 * Recomputes a tenant's hash chain from the stored rows, in seq order, and
 * names the first break:
 *
 *   edited     a row's content no longer matches its own hash; or a row was
 *              rewritten with a fresh hash, which the next row's prev_hash exposes
 *   missing    seq skips (a row was deleted), or the chain ends before a
 *              signed checkpoint says it reached
 *   reordered  a row verifies on its own but links to a row other than the
 *              one before it
 */

export const BreakKind = { edited: 'edited', missing: 'missing', reordered: 'reordered' } as const;
export type BreakKind = (typeof BreakKind)[keyof typeof BreakKind];

export interface ChainBreak {
  kind: BreakKind;
  seq: number;
  /** The event at that seq, when one is stored there. */
  id?: string;
  detail: string;
}

export interface ChainVerification {
  tenantId: string;
  events: number;
  head: { seq: number; hash: string };
  break?: ChainBreak;
}

const PAGE_SIZE = 5_000;

async function* rowsInOrder(db: Queryable, tenantId: string): AsyncGenerator<StoredEvent> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<StoredEvent>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [tenantId, after, PAGE_SIZE],
    );
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE_SIZE) return;
    after = last.seq;
  }
}

async function storedWithHash(db: Queryable, tenantId: string, hash: string): Promise<{ seq: number } | undefined> {
  const { rows } = await db.query<{ seq: number }>(
    'SELECT seq FROM audit_events WHERE tenant_id = $1 AND hash = $2 LIMIT 1',
    [tenantId, hash],
  );
  return rows[0];
}

async function classify(
  db: Queryable,
  row: StoredEvent,
  expected: { seq: number; prevHash: string; previous?: StoredEvent },
): Promise<ChainBreak | undefined> {
  const seq = row.seq;
  if (chainHash(row.prev_hash, canonicalInstant(row.received_at), canonicalContent(row)) !== row.hash) {
    return { kind: 'edited', seq, id: row.id, detail: 'content does not match its hash' };
  }
  if (seq !== expected.seq) {
    return {
      kind: 'missing',
      seq: expected.seq,
      id: row.id,
      detail: `seq ${expected.seq}..${seq - 1} absent before this event`,
    };
  }
  if (row.prev_hash === expected.prevHash) return undefined;

  const linked = await storedWithHash(db, row.tenant_id, row.prev_hash);
  if (linked) {
    return { kind: 'reordered', seq, id: row.id, detail: `links to seq ${linked.seq} instead of seq ${seq - 1}` };
  }
  const previous = expected.previous;
  return {
    kind: 'edited',
    seq: seq - 1,
    ...(previous ? { id: previous.id } : {}),
    detail: 'rewritten with a new hash: the next event does not link to it',
  };
}

export async function verifyTenantChain(db: Queryable, tenantId: string): Promise<ChainVerification> {
  const expected: { seq: number; prevHash: string; previous?: StoredEvent } = { seq: 1, prevHash: GENESIS_HASH };
  let events = 0;

  for await (const row of rowsInOrder(db, tenantId)) {
    const found = await classify(db, row, expected);
    if (found) return { tenantId, events, head: { seq: expected.seq - 1, hash: expected.prevHash }, break: found };
    events += 1;
    expected.seq += 1;
    expected.prevHash = row.hash;
    expected.previous = row;
  }

  const head = { seq: expected.seq - 1, hash: expected.prevHash };
  const recorded = await recordedHead(db, tenantId);
  const tailBreak = recorded ? compareWithRecordedHead(head, recorded) : undefined;
  return { tenantId, events, head, ...(tailBreak ? { break: tailBreak } : {}) };
}

async function recordedHead(db: Queryable, tenantId: string): Promise<{ seq: number; hash: string } | undefined> {
  const { rows } = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = $1',
    [tenantId],
  );
  return rows[0];
}

/** Ingest moves the head row with every batch, so a chain that stops short of it lost its tail. */
function compareWithRecordedHead(
  head: { seq: number; hash: string },
  recorded: { seq: number; hash: string },
): ChainBreak | undefined {
  const recordedSeq = recorded.seq;
  if (recordedSeq > head.seq) {
    return {
      kind: 'missing',
      seq: head.seq + 1,
      detail: `chain ends at seq ${head.seq}; its head row says ${recordedSeq}`,
    };
  }
  if (recordedSeq === head.seq && recorded.hash !== head.hash) {
    return { kind: 'edited', seq: head.seq, detail: 'the last event differs from the one the head row records' };
  }
  return undefined;
}

export async function tenantsWithEvents(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM audit_chain_heads UNION SELECT DISTINCT tenant_id FROM audit_events ORDER BY 1',
  );
  return rows.map((row) => row.tenant_id);
}
