import type { Database } from '../store/database';
import { type StoredArtifact, storeArtifact } from './artifacts';
import {
  type ContainmentEvidenceRequest,
  containmentEvidenceRequestSchema,
  parseRequest,
  type UploadRequest,
  uploadRequestSchema,
} from './requests';
import { ArtifactKind, JSON_MEDIA_TYPE } from './vocabulary';

/** Stores what a containment action did as a JSON artifact, written with two-space indents for people to read. */
export async function recordContainment(db: Database, input: ContainmentEvidenceRequest): Promise<StoredArtifact> {
  const request = parseRequest(containmentEvidenceRequestSchema, input);

  return storeArtifact(db, {
    incidentId: request.incidentId,
    kind: ArtifactKind.containmentRecord,
    name: request.name,
    mediaType: JSON_MEDIA_TYPE,
    content: Buffer.from(`${JSON.stringify(request.record, null, 2)}\n`),
    actor: request.actor,
    ...(request.captureKey ? { captureKey: request.captureKey } : {}),
  });
}

/** Stores a file a responder attached, byte for byte. */
export async function storeUpload(db: Database, input: UploadRequest, content: Buffer): Promise<StoredArtifact> {
  const request = parseRequest(uploadRequestSchema, input);

  return storeArtifact(db, {
    incidentId: request.incidentId,
    kind: ArtifactKind.upload,
    name: request.name,
    mediaType: request.mediaType,
    content,
    actor: request.actor,
    ...(request.captureKey ? { captureKey: request.captureKey } : {}),
  });
}
