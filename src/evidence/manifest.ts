import { z } from 'zod';
import type { ArtifactRecord } from './artifacts';
import type { CustodyEntry } from './custody-entry';
import { CUSTODY_GENESIS } from './custody-entry';
import { artifactNameSchema } from './requests';
import { ArtifactKind } from './vocabulary';

/**
 * The layout of an evidence bundle (a gzipped tar) and its manifest:
 *
 *   manifest.json            this schema: the incident, each artifact's
 *                            description and hash, the custody log's head
 *   artifacts/<id>-<name>    each artifact's bytes, exactly as stored
 *   custody.ndjson           the incident's custody log, one entry a line,
 *                            the export that wrote the bundle included
 */

export const BUNDLE_FORMAT = 'breachline-evidence-bundle';
export const BUNDLE_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const CUSTODY_FILE = 'custody.ndjson';
export const ARTIFACTS_DIR = 'artifacts';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');

const manifestArtifactSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ArtifactKind),
    name: artifactNameSchema,
    mediaType: z.string().min(1),
    sha256: sha256Hex,
    size: z.number().int().nonnegative(),
    capturedBy: z.string().min(1),
    capturedAt: z.string().min(1),
    source: z.record(z.string(), z.json()),
  })
  .strict();
export type ManifestArtifact = z.infer<typeof manifestArtifactSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    incidentId: z.string().min(1),
    exportedAt: z.string().min(1),
    exportedBy: z.string().min(1),
    artifacts: z.array(manifestArtifactSchema),
    custody: z
      .object({ entries: z.number().int().nonnegative(), headSeq: z.number().int().nonnegative(), headHash: sha256Hex })
      .strict(),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

export function artifactPath(artifact: { id: string; name: string }): string {
  return `${ARTIFACTS_DIR}/${artifact.id}-${artifact.name}`;
}

export function buildManifest(
  incidentId: string,
  artifacts: readonly ArtifactRecord[],
  custody: readonly CustodyEntry[],
  exported: { at: string; by: string },
): Manifest {
  const head = custody.at(-1);

  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    incidentId,
    exportedAt: exported.at,
    exportedBy: exported.by,
    artifacts: artifacts.map(({ id, kind, name, mediaType, sha256, size, capturedBy, capturedAt, source }) => ({
      id,
      kind,
      name,
      mediaType,
      sha256,
      size,
      capturedBy,
      capturedAt,
      source,
    })),
    custody: { entries: custody.length, headSeq: head?.seq ?? 0, headHash: head?.hash ?? CUSTODY_GENESIS },
  };
}
