import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { tenantIdSchema } from '../incidents/alert';
import type { Queryable } from '../store/database';
import { API_ROLES, type ApiRole } from './roles';

/**
 * API tokens look like `bl_<id>_<secret>`: the id finds the row, the secret
 * proves possession. Only the secret's SHA-256 is stored, and it is compared
 * in constant time, so neither the table nor response timing gives it away.
 */

const TOKEN_PATTERN = /^bl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const SECRET_BYTES = 32;

export interface Principal {
  tokenId: string;
  tenantId: string;
  /** The token's name, which the audit log records as the actor. */
  name: string;
  roles: readonly ApiRole[];
}

export const tokenRequestSchema = z
  .object({
    tenantId: tenantIdSchema,
    name: z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ @ -'),
    roles: z.array(z.enum(API_ROLES)).min(1, 'needs at least one role'),
  })
  .strict();
export type TokenRequest = z.input<typeof tokenRequestSchema>;

/** Thrown when a token cannot be issued; the message names the bad fields. */
export class TokenRequestError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot issue the token: ${problems.join('; ')}`);
    this.name = 'TokenRequestError';
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Issues a token and returns it; this is the only time its secret is ever seen. */
export async function issueToken(db: Queryable, request: TokenRequest): Promise<{ token: string; tokenId: string }> {
  const parsed = tokenRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new TokenRequestError(parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`));
  }

  const tokenId = randomBytes(8).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const { tenantId, name, roles } = parsed.data;
  await db.query('INSERT INTO api_tokens (id, tenant_id, name, roles, secret_sha256) VALUES ($1, $2, $3, $4, $5)', [
    tokenId,
    tenantId,
    name,
    [...new Set(roles)],
    sha256(secret),
  ]);

  return { token: `bl_${tokenId}_${secret}`, tokenId };
}

export async function revokeToken(db: Queryable, tokenId: string): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [tokenId],
  );
  return rows.length > 0;
}

interface TokenRow {
  id: string;
  tenant_id: string;
  name: string;
  roles: string[];
  secret_sha256: string;
}

/** The principal a presented token stands for, or undefined for a malformed, unknown or revoked one. */
export async function authenticateToken(db: Queryable, presented: string): Promise<Principal | undefined> {
  const match = TOKEN_PATTERN.exec(presented);
  if (!match) return undefined;
  const [, tokenId = '', secret = ''] = match;

  const { rows } = await db.query<TokenRow>(
    'SELECT id, tenant_id, name, roles, secret_sha256 FROM api_tokens WHERE id = $1 AND revoked_at IS NULL',
    [tokenId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const expected = Buffer.from(row.secret_sha256, 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sha256(secret), 'hex'))) return undefined;

  return { tokenId: row.id, tenantId: row.tenant_id, name: row.name, roles: row.roles as ApiRole[] };
}
