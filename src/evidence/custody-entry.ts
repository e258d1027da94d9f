import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { CustodyAction } from './vocabulary';

/**
 * One chain-of-custody entry and the hash that links it to the one before.
 *
 * An entry is the RFC 8785 canonical JSON of exactly these members:
 *
 *   incidentId, seq, action, artifactId (or null), actor
 *   at          UTC, microseconds: `YYYY-MM-DDTHH:MM:SS.ffffffZ`
 *   details     a JSON object
 *   v           1, the version of this form
 *
 * and hash = SHA-256( prevHash "\n" canonical entry ), lowercase hex. An
 * incident's first entry has prevHash CUSTODY_GENESIS. `seq` is inside the
 * hash, so an entry moved to another place no longer verifies there.
 *
 * The same form is written to a bundle's custody.ndjson (one entry a line,
 * with prevHash and hash), so a bundle verifies without the database.
 */

export const CUSTODY_FORM_VERSION = 1;

/** The prevHash of an incident's first custody entry. */
export const CUSTODY_GENESIS = '0'.repeat(64);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');

export const custodyEntrySchema = z
  .object({
    incidentId: z.string().min(1),
    seq: z.number().int().positive(),
    action: z.enum(CustodyAction),
    artifactId: z.uuid().nullable(),
    actor: z.string().min(1),
    at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/, 'must be UTC with microseconds'),
    details: z.record(z.string(), z.json()),
    prevHash: sha256Hex,
    hash: sha256Hex,
  })
  .strict();

export type CustodyEntry = z.infer<typeof custodyEntrySchema>;

/** A JSON object, as custody details and artifact sources are. */
export type JsonObject = CustodyEntry['details'];

/** What the hash covers: everything but the two hashes. */
export type CustodyFields = Omit<CustodyEntry, 'prevHash' | 'hash'>;

export function custodyHash(prevHash: string, fields: CustodyFields): string {
  const { incidentId, seq, action, artifactId, actor, at, details } = fields;
  const canonical = canonicalize({ incidentId, seq, action, artifactId, actor, at, details, v: CUSTODY_FORM_VERSION });
  if (canonical === undefined) throw new TypeError('a custody entry cannot be canonicalised');

  return hash('sha256', `${prevHash}\n${canonical}`, 'hex');
}

/** The entry as one custody.ndjson line, members in a fixed order. */
export function custodyLine(entry: CustodyEntry): string {
  const { incidentId, seq, action, artifactId, actor, at, details, prevHash } = entry;
  return JSON.stringify({ incidentId, seq, action, artifactId, actor, at, details, prevHash, hash: entry.hash });
}
