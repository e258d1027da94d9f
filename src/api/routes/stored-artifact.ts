import { listArtifacts } from '../../evidence/artifacts';
import type { Database } from '../../store/database';
import { ApiProblem } from '../problems';

/**
 * What the incident workflow records about an attached artifact, read from
 * the evidence store rather than taken from the caller: the hash and name
 * the timeline shows are then the store's own, and an artifact of another
 * incident cannot be attached.
 */
export async function storedArtifactReference(db: Database, incidentId: string, artifactId: string) {
  const artifact = (await listArtifacts(db, incidentId)).find((stored) => stored.id === artifactId);
  if (!artifact) {
    throw ApiProblem.unprocessable('No such artifact in this incident’s evidence', [
      { field: 'body.artifactId', problem: 'names no artifact of this incident' },
    ]);
  }

  return { artifactId: artifact.id, sha256: artifact.sha256, name: artifact.name, kind: artifact.kind };
}
