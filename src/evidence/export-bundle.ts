import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { create as createTar } from 'tar';
import { z } from 'zod';
import type { Database, Queryable } from '../store/database';
import { type ArtifactRecord, listArtifacts, readArtifactContent } from './artifacts';
import { custodyLine } from './custody-entry';
import { appendCustodyEntry, lockCustodyHead, readCustodyLog } from './custody-log';
import { EvidenceNotFoundError } from './errors';
import { ARTIFACTS_DIR, artifactPath, buildManifest, CUSTODY_FILE, MANIFEST_FILE } from './manifest';
import { actorSchema, incidentIdSchema, parseRequest } from './requests';
import { CustodyAction } from './vocabulary';

/**
 * Writes an incident's evidence bundle. The export is itself a custody
 * entry, appended in the same transaction that reads the artifacts and the
 * log, so the bundle's custody.ndjson ends with the entry that describes it
 * and no capture can slip in between. The files are staged in a folder next
 * to the output (the same disk, never a shared temporary folder, since they
 * hold PHI), and the archive is moved into place only after the export entry
 * is committed: a bundle never exists without its entry. Should the move
 * itself fail, the entry stays, recording an export that left no file.
 */

const ARCHIVE = 'bundle.tar.gz';

const exportRequestSchema = z.object({ incidentId: incidentIdSchema, actor: actorSchema, out: z.string().min(1) });
export type ExportRequest = z.input<typeof exportRequestSchema>;

export interface ExportReport {
  file: string;
  artifacts: number;
  bytes: number;
  custodyEntries: number;
  headHash: string;
}

async function stageArtifacts(tx: Queryable, staging: string, artifacts: readonly ArtifactRecord[]): Promise<void> {
  await mkdir(join(staging, ARTIFACTS_DIR));
  for (const artifact of artifacts) {
    await writeFile(join(staging, artifactPath(artifact)), await readArtifactContent(tx, artifact.id));
  }
}

export async function exportBundle(db: Database, input: ExportRequest): Promise<ExportReport> {
  const { incidentId, actor, out } = parseRequest(exportRequestSchema, input);
  const file = resolve(out);
  const staging = await mkdtemp(join(dirname(file), '.evidence-export-'));

  try {
    const report = await db.transaction(async (tx) => {
      const head = await lockCustodyHead(tx, incidentId);
      const artifacts = await listArtifacts(tx, incidentId);
      if (artifacts.length === 0) throw new EvidenceNotFoundError(incidentId);

      const exported = await appendCustodyEntry(tx, head, {
        action: CustodyAction.export,
        artifactId: null,
        actor,
        details: { artifacts: artifacts.length, file: basename(file) },
      });
      const custody = await readCustodyLog(tx, incidentId);
      const manifest = buildManifest(incidentId, artifacts, custody, { at: exported.at, by: actor });

      await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      await writeFile(join(staging, CUSTODY_FILE), custody.map((entry) => `${custodyLine(entry)}\n`).join(''));
      await stageArtifacts(tx, staging, artifacts);
      const members = [MANIFEST_FILE, ...artifacts.map(artifactPath), CUSTODY_FILE];
      await createTar(
        { gzip: true, file: join(staging, ARCHIVE), cwd: staging, portable: true, mtime: new Date(exported.at) },
        members,
      );

      const bytes = artifacts.reduce((sum, artifact) => sum + artifact.size, 0);
      return { file, artifacts: artifacts.length, bytes, custodyEntries: custody.length, headHash: exported.hash };
    });
    await rename(join(staging, ARCHIVE), file);

    return report;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
