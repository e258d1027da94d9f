import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ArtifactRecord, storeArtifact } from '../../src/evidence/artifacts';
import { type CustodyEntry, custodyHash } from '../../src/evidence/custody-entry';
import { readCustodyLog } from '../../src/evidence/custody-log';
import { BundleUnreadableError, EvidenceNotFoundError } from '../../src/evidence/errors';
import { exportBundle } from '../../src/evidence/export-bundle';
import { artifactPath, MANIFEST_FILE } from '../../src/evidence/manifest';
import { readBundle } from '../../src/evidence/read-bundle';
import { verifyBundle } from '../../src/evidence/verify-bundle';
import { ArtifactKind } from '../../src/evidence/vocabulary';
import type { Database } from '../../src/store/database';
import { storeBackends, type TestStore } from '../support/stores';
import { editCustodyLine, flipOneByte, removeFile, tamperedCopy } from './tamper';

const INCIDENT = 'incident-st-elsewhere-5f0c2a';

async function store(db: Database, name: string, text: string): Promise<ArtifactRecord> {
  const content = Buffer.from(text);
  const kind = ArtifactKind.upload;
  const stored = await storeArtifact(db, {
    incidentId: INCIDENT,
    kind,
    name,
    mediaType: 'text/plain',
    content,
    actor: 'dr-rivera',
  });
  return stored.artifact;
}

describe.each(storeBackends())('evidence bundles on $name', (backend) => {
  let testStore: TestStore;
  let db: Database;
  let dir: string;
  let artifacts: ArtifactRecord[];
  let bundle: string;

  beforeEach(async () => {
    testStore = await backend.open();
    db = testStore.db;
    dir = mkdtempSync(join(tmpdir(), 'breachline-evidence-'));
    artifacts = [await store(db, 'notes.txt', 'first responder notes\n'), await store(db, 'log.txt', 'x'.repeat(500))];
    bundle = join(dir, 'bundle.tar.gz');
    await exportBundle(db, { incidentId: INCIDENT, actor: 'counsel-1', out: bundle });
  });

  afterEach(async () => {
    await testStore.dispose();
  });

  async function tampered(edit: Parameters<typeof tamperedCopy>[2]): Promise<string> {
    const out = join(dir, 'tampered.tar.gz');
    await tamperedCopy(bundle, out, edit);
    return out;
  }

  it('writes a manifest, every artifact byte for byte, and the custody log, and the bundle verifies', async () => {
    const contents = await readBundle(bundle);
    const result = await verifyBundle(bundle);

    expect([...contents.files.keys()].sort()).toEqual(artifacts.map(artifactPath).sort());
    expect(contents.files.get(artifactPath(artifacts[1] as ArtifactRecord))?.size).toBe(500);
    expect(result).toMatchObject({ incidentId: INCIDENT, artifacts: 2, custodyEntries: 3, problems: [] });
  });

  it('records the export as a custody entry, the last one in the bundle it wrote', async () => {
    const log = await readCustodyLog(db, INCIDENT);
    const result = await verifyBundle(bundle);

    expect(log.at(-1)).toMatchObject({ seq: 3, action: 'export', actor: 'counsel-1', artifactId: null });
    expect(log.at(-1)?.details).toEqual({ artifacts: 2, file: 'bundle.tar.gz' });
    expect(result.headHash).toBe(log.at(-1)?.hash);
  });

  it('fails a bundle with one altered byte, naming the artifact', async () => {
    const target = artifacts[0] as ArtifactRecord;

    const result = await verifyBundle(await tampered(flipOneByte(artifactPath(target))));

    expect(result.problems).toEqual([
      {
        subject: `artifact ${target.id} (${artifactPath(target)})`,
        problem: 'altered: its SHA-256 differs from the manifest',
      },
    ]);
  });

  it('names a missing artifact', async () => {
    const target = artifacts[1] as ArtifactRecord;

    const result = await verifyBundle(await tampered(removeFile(artifactPath(target))));

    expect(result.problems).toEqual([
      { subject: `artifact ${target.id} (${artifactPath(target)})`, problem: 'missing from the bundle' },
    ]);
  });

  it('catches a custody entry rewritten with a fresh hash, which the next entry no longer links to', async () => {
    const rehashed = editCustodyLine(0, (entry) => {
      const { prevHash, hash: _old, ...fields } = { ...(entry as CustodyEntry), actor: 'intruder' };
      return { ...fields, prevHash, hash: custodyHash(prevHash, fields) };
    });

    const result = await verifyBundle(await tampered(rehashed));

    expect(result.problems).toContainEqual({
      subject: 'custody entry 1 (capture by intruder)',
      problem: 'rewritten: entry 2 does not link to it',
    });
  });

  it('catches an artifact rewritten together with its manifest line, by its capture entry', async () => {
    const target = artifacts[0] as ArtifactRecord;
    const forged = 'forged notes\n';
    const rewrite = async (unpacked: string): Promise<void> => {
      await writeFile(join(unpacked, artifactPath(target)), forged);
      const manifest = JSON.parse(await readFile(join(unpacked, MANIFEST_FILE), 'utf8')) as {
        artifacts: { id: string; sha256: string; size: number }[];
      };
      const listed = manifest.artifacts.find((artifact) => artifact.id === target.id);
      Object.assign(listed ?? {}, {
        size: forged.length,
        sha256: createHash('sha256').update(forged).digest('hex'),
      });
      await writeFile(join(unpacked, MANIFEST_FILE), JSON.stringify(manifest));
    };

    const result = await verifyBundle(await tampered(rewrite));

    expect(result.problems).toEqual([
      {
        subject: `artifact ${target.id} (${artifactPath(target)})`,
        problem: 'altered: the manifest differs from its capture (custody entry 1)',
      },
    ]);
  });

  it('names a file the manifest does not list, and a head that differs from one recorded elsewhere', async () => {
    const extra = await tampered((unpacked) => writeFile(join(unpacked, 'artifacts', 'planted.txt'), 'x'));

    const result = await verifyBundle(extra, { expectedHead: '0'.repeat(64) });

    expect(result.problems).toEqual([
      { subject: 'artifacts/planted.txt', problem: 'extra: not listed in the manifest' },
      { subject: 'custody head', problem: 'differs from the head hash recorded outside the bundle' },
    ]);
  });

  it('refuses to export an incident with no evidence, and says a file is not a bundle', async () => {
    const notBundle = join(dir, 'not-a-bundle.tar.gz');
    await writeFile(notBundle, 'plain text');

    await expect(
      exportBundle(db, { incidentId: 'incident-none-1', actor: 'counsel-1', out: join(dir, 'none.tar.gz') }),
    ).rejects.toBeInstanceOf(EvidenceNotFoundError);
    await expect(verifyBundle(notBundle)).rejects.toBeInstanceOf(BundleUnreadableError);
  });
});
