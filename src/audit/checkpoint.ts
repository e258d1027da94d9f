import { createHmac, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import type { Queryable } from '../store/database';
import type { ChainBreak, ChainVerification } from './verify-chain';

/**
 * A signed statement of a tenant's chain head at some moment. Kept outside
 * the database (a file, a ticket, a WORM bucket), it catches what the chain
 * alone cannot: rows cut off its end, the chain-head row included. The
 * signature is HMAC-SHA256 over the RFC 8785 form of the other fields.
 */

export const checkpointSchema = z
  .object({
    tenantId: z.string(),
    seq: z.number().int().nonnegative(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    id: z.string().nullable(),
    createdAt: z.string(),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type Checkpoint = z.infer<typeof checkpointSchema>;

function sign(fields: Omit<Checkpoint, 'signature'>, key: string): string {
  return createHmac('sha256', key)
    .update(canonicalize(fields) ?? '')
    .digest('hex');
}

export async function createCheckpoint(db: Queryable, tenantId: string, key: string): Promise<Checkpoint> {
  const { rows } = await db.query<{ seq: number; hash: string; id: string | null }>(
    `SELECT h.seq, h.hash, e.id::text AS id
       FROM audit_chain_heads h LEFT JOIN audit_events e ON e.tenant_id = h.tenant_id AND e.seq = h.seq
      WHERE h.tenant_id = $1`,
    [tenantId],
  );
  const head = rows[0] ?? { seq: 0, hash: '0'.repeat(64), id: null };
  const fields = { tenantId, seq: head.seq, hash: head.hash, id: head.id, createdAt: new Date().toISOString() };

  return { ...fields, signature: sign(fields, key) };
}

export function hasValidSignature(checkpoint: Checkpoint, key: string): boolean {
  const { signature, ...fields } = checkpoint;
  const expected = Buffer.from(sign(fields, key), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** A break the checkpoint reveals in a chain that verified on its own, or undefined. */
export async function checkAgainstCheckpoint(
  db: Queryable,
  verification: ChainVerification,
  checkpoint: Checkpoint,
): Promise<ChainBreak | undefined> {
  if (verification.head.seq < checkpoint.seq) {
    return {
      kind: 'missing',
      seq: verification.head.seq + 1,
      ...(checkpoint.id ? { id: checkpoint.id } : {}),
      detail: `chain ends at seq ${verification.head.seq}; a checkpoint signed seq ${checkpoint.seq}`,
    };
  }
  const { rows } = await db.query<{ hash: string; id: string }>(
    'SELECT hash, id::text AS id FROM audit_events WHERE tenant_id = $1 AND seq = $2',
    [checkpoint.tenantId, checkpoint.seq],
  );
  if (checkpoint.seq > 0 && rows[0]?.hash !== checkpoint.hash) {
    return {
      kind: 'edited',
      seq: checkpoint.seq,
      ...(rows[0] ? { id: rows[0].id } : {}),
      detail: 'the chain was rebuilt: this event differs from the one the checkpoint signed',
    };
  }
  return undefined;
}
