import { hash, randomUUID } from 'node:crypto';
import { canonicalInstant } from '../audit/canonical';
import type { Database, Queryable } from '../store/database';
import type { JsonObject } from './custody-entry';
import { appendCustodyEntry, type CustodyHead, lockCustodyHead } from './custody-log';
import { ArtifactTooLargeError, EvidenceNotFoundError } from './errors';
import { parseRequest, type ViewRequest, viewRequestSchema } from './requests';
import { type ArtifactKind, CustodyAction, MAX_ARTIFACT_BYTES } from './vocabulary';

/**
 * Evidence artifacts in the store. Storing one and recording its capture in
 * the custody log happen in one transaction, so there is never an artifact
 * without its entry or an entry without its artifact. Reading one's content
 * is a view, and is recorded too.
 */

/** An artifact's description, without its content. */
export interface ArtifactRecord {
  id: string;
  incidentId: string;
  kind: ArtifactKind;
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
  capturedBy: string;
  capturedAt: string;
  source: JsonObject;
}

export interface NewArtifact {
  incidentId: string;
  kind: ArtifactKind;
  name: string;
  mediaType: string;
  content: Buffer;
  actor: string;
  /** How it was produced, for the manifest (an audit capture's selection); {} when absent. */
  source?: JsonObject;
  captureKey?: string;
}

export interface StoredArtifact {
  artifact: ArtifactRecord;
  /** False when the capture key was already used: the artifact is the one stored then, and nothing was added. */
  created: boolean;
}

const ARTIFACT_COLUMNS = `
  id::text AS id, incident_id AS "incidentId", kind, name, media_type AS "mediaType", sha256, size,
  captured_by AS "capturedBy",
  to_char(captured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "capturedAt", source`;

export function sha256Hex(content: Uint8Array): string {
  return hash('sha256', content, 'hex');
}

async function storedUnderKey(tx: Queryable, incidentId: string, key: string): Promise<ArtifactRecord | undefined> {
  const { rows } = await tx.query<ArtifactRecord>(
    `SELECT ${ARTIFACT_COLUMNS} FROM evidence_artifacts WHERE incident_id = $1 AND capture_key = $2`,
    [incidentId, key],
  );
  return rows[0];
}

async function insertArtifact(tx: Queryable, head: CustodyHead, artifact: NewArtifact): Promise<ArtifactRecord> {
  const record: ArtifactRecord = {
    id: randomUUID(),
    incidentId: artifact.incidentId,
    kind: artifact.kind,
    name: artifact.name,
    mediaType: artifact.mediaType,
    sha256: sha256Hex(artifact.content),
    size: artifact.content.length,
    capturedBy: artifact.actor,
    capturedAt: canonicalInstant(new Date().toISOString()),
    source: artifact.source ?? {},
  };
  await tx.query(
    `INSERT INTO evidence_artifacts (incident_id, id, kind, name, media_type, sha256, size, captured_by, captured_at,
       source, capture_key, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      record.incidentId,
      record.id,
      record.kind,
      record.name,
      record.mediaType,
      record.sha256,
      record.size,
      record.capturedBy,
      record.capturedAt,
      JSON.stringify(record.source),
      artifact.captureKey ?? null,
      artifact.content,
    ],
  );
  const { kind, name, mediaType, sha256, size } = record;
  await appendCustodyEntry(tx, head, {
    action: CustodyAction.capture,
    artifactId: record.id,
    actor: record.capturedBy,
    at: record.capturedAt,
    details: { kind, name, mediaType, sha256, size },
  });

  return record;
}

/** Stores an artifact with its capture entry; a capture key already used returns the artifact stored under it. */
export async function storeArtifact(db: Database, artifact: NewArtifact): Promise<StoredArtifact> {
  if (artifact.content.length > MAX_ARTIFACT_BYTES) {
    throw new ArtifactTooLargeError(artifact.incidentId, MAX_ARTIFACT_BYTES, 'split it into smaller files');
  }

  return db.transaction(async (tx) => {
    const head = await lockCustodyHead(tx, artifact.incidentId);
    const earlier = artifact.captureKey
      ? await storedUnderKey(tx, artifact.incidentId, artifact.captureKey)
      : undefined;
    if (earlier) return { artifact: earlier, created: false };

    return { artifact: await insertArtifact(tx, head, artifact), created: true };
  });
}

/** The incident's artifacts in the order they were captured, without their content. */
export async function listArtifacts(db: Queryable, incidentId: string): Promise<ArtifactRecord[]> {
  const { rows } = await db.query<ArtifactRecord>(
    `SELECT ${ARTIFACT_COLUMNS} FROM evidence_artifacts WHERE incident_id = $1 ORDER BY captured_at, id`,
    [incidentId],
  );
  return rows;
}

/** PGlite returns bytea as a Uint8Array, pg as a Buffer; a Buffer view over either costs no copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** An artifact's content as stored, read inside the caller's transaction. */
export async function readArtifactContent(tx: Queryable, artifactId: string): Promise<Buffer> {
  const { rows } = await tx.query<{ content: Uint8Array }>('SELECT content FROM evidence_artifacts WHERE id = $1', [
    artifactId,
  ]);
  const content = rows[0]?.content;
  if (!content) throw new Error('the artifact vanished inside a transaction');

  return asBuffer(content);
}

/** Reads an artifact's content for a responder and records the view; the entry names the hash of what was served. */
export async function viewArtifact(
  db: Database,
  input: ViewRequest,
): Promise<{ artifact: ArtifactRecord; content: Buffer }> {
  const request = parseRequest(viewRequestSchema, input);

  return db.transaction(async (tx) => {
    const head = await lockCustodyHead(tx, request.incidentId);
    const { rows } = await tx.query<ArtifactRecord>(
      `SELECT ${ARTIFACT_COLUMNS} FROM evidence_artifacts WHERE incident_id = $1 AND id = $2`,
      [request.incidentId, request.artifactId],
    );
    const artifact = rows[0];
    if (!artifact) throw new EvidenceNotFoundError(request.incidentId, request.artifactId);

    const content = await readArtifactContent(tx, artifact.id);
    await appendCustodyEntry(tx, head, {
      action: CustodyAction.view,
      artifactId: artifact.id,
      actor: request.actor,
      details: { sha256: sha256Hex(content), size: content.length },
    });

    return { artifact, content };
  });
}
