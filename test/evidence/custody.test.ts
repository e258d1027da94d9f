import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeArtifact, viewArtifact } from '../../src/evidence/artifacts';
import { checkCustodyChain } from '../../src/evidence/check-custody';
import { CUSTODY_GENESIS, type CustodyEntry, custodyHash } from '../../src/evidence/custody-entry';
import { readCustodyLog } from '../../src/evidence/custody-log';
import { EvidenceNotFoundError } from '../../src/evidence/errors';
import { ArtifactKind } from '../../src/evidence/vocabulary';
import type { Database } from '../../src/store/database';
import { storeBackends, type TestStore } from '../support/stores';

const INCIDENT = 'incident-st-elsewhere-5f0c2a';

function upload(db: Database, name: string, incidentId = INCIDENT) {
  return storeArtifact(db, {
    incidentId,
    kind: ArtifactKind.upload,
    name,
    mediaType: 'text/plain',
    content: Buffer.from(`content of ${name}`),
    actor: 'dr-rivera',
  });
}

/** The database's own error message, or '' when the statement went through. */
async function refusal(db: Database, sql: string): Promise<string> {
  return db.query(sql).then(
    () => '',
    (error: unknown) => (error as Error).message,
  );
}

describe.each(storeBackends())('the chain-of-custody log on $name', (backend) => {
  let store: TestStore;
  let db: Database;

  beforeEach(async () => {
    store = await backend.open();
    db = store.db;
  });

  afterEach(async () => {
    await store.dispose();
  });

  it('records every capture and view as an entry linked by hash to the one before', async () => {
    const first = await upload(db, 'a.txt');
    await upload(db, 'b.txt');
    await viewArtifact(db, { incidentId: INCIDENT, artifactId: first.artifact.id, actor: 'auditor-1' });

    const log = await readCustodyLog(db, INCIDENT);

    expect(log.map(({ seq, action, actor }) => ({ seq, action, actor }))).toEqual([
      { seq: 1, action: 'capture', actor: 'dr-rivera' },
      { seq: 2, action: 'capture', actor: 'dr-rivera' },
      { seq: 3, action: 'view', actor: 'auditor-1' },
    ]);
    expect(log[0]?.prevHash).toBe(CUSTODY_GENESIS);
    for (const [index, entry] of log.entries()) {
      const { prevHash, hash, ...fields } = entry;
      expect(hash).toBe(custodyHash(prevHash, fields));
      if (index > 0) expect(prevHash).toBe(log[index - 1]?.hash);
    }
    expect(checkCustodyChain(log, INCIDENT)).toEqual([]);
  });

  it("names the artifact's hash and size in its capture entry and in each view entry", async () => {
    const { artifact } = await upload(db, 'a.txt');
    await viewArtifact(db, { incidentId: INCIDENT, artifactId: artifact.id, actor: 'auditor-1' });

    const [capture, view] = await readCustodyLog(db, INCIDENT);

    expect(capture?.details).toMatchObject({ sha256: artifact.sha256, size: artifact.size, name: 'a.txt' });
    expect(view).toMatchObject({ artifactId: artifact.id, details: { sha256: artifact.sha256, size: artifact.size } });
  });

  it('keeps a separate chain for each incident, each starting from genesis', async () => {
    await upload(db, 'a.txt');
    await upload(db, 'b.txt', 'incident-other-77');

    const other = await readCustodyLog(db, 'incident-other-77');

    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ seq: 1, prevHash: CUSTODY_GENESIS });
  });

  it('keeps seq gap-free and the chain linked when captures for one incident run at once', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, n) => upload(db, `file-${n}.txt`)));

    const log = await readCustodyLog(db, INCIDENT);

    expect(log.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(checkCustodyChain(log, INCIDENT)).toEqual([]);
  });

  it('refuses to update or delete an artifact or a custody entry, or to empty either table', async () => {
    await upload(db, 'a.txt');

    expect(await refusal(db, "UPDATE evidence_artifacts SET name = 'b.txt'")).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(db, 'DELETE FROM evidence_artifacts')).toMatch(/append-only: DELETE refused/);
    expect(await refusal(db, "UPDATE evidence_custody SET actor = 'someone'")).toMatch(/append-only: UPDATE/);
    expect(await refusal(db, 'DELETE FROM evidence_custody')).toMatch(/append-only: DELETE refused/);
    expect(await refusal(db, 'TRUNCATE evidence_custody')).toMatch(/append-only: TRUNCATE refused/);
    expect(await readCustodyLog(db, INCIDENT)).toHaveLength(1);
  });

  it('refuses to view an artifact of another incident, and records no view', async () => {
    const { artifact } = await upload(db, 'a.txt', 'incident-other-77');

    await expect(
      viewArtifact(db, { incidentId: INCIDENT, artifactId: artifact.id, actor: 'auditor-1' }),
    ).rejects.toBeInstanceOf(EvidenceNotFoundError);
    expect(await readCustodyLog(db, INCIDENT)).toEqual([]);
  });
});

describe('checking a custody log on its own', () => {
  function chain(count: number): CustodyEntry[] {
    const entries: CustodyEntry[] = [];
    for (let seq = 1; seq <= count; seq += 1) {
      const prevHash = entries.at(-1)?.hash ?? CUSTODY_GENESIS;
      const fields = {
        incidentId: INCIDENT,
        seq,
        action: 'view' as const,
        artifactId: null,
        actor: 'auditor-1',
        at: '2026-11-02T14:00:00.000000Z',
        details: { n: seq },
      };
      entries.push({ ...fields, prevHash, hash: custodyHash(prevHash, fields) });
    }
    return entries;
  }

  it('names an edited entry, whose content no longer matches its hash', () => {
    const log = chain(3);
    log[1] = { ...(log[1] as CustodyEntry), actor: 'intruder' };

    expect(checkCustodyChain(log, INCIDENT)).toEqual([
      { subject: 'custody entry 2 (view by intruder)', problem: 'edited: its content does not match its hash' },
    ]);
  });

  it('names a rewritten entry, rehashed so that the next one no longer links to it', () => {
    const log = chain(3);
    const { prevHash, hash: _old, ...fields } = { ...(log[1] as CustodyEntry), actor: 'intruder' };
    log[1] = { ...fields, prevHash, hash: custodyHash(prevHash, fields) };

    expect(checkCustodyChain(log, INCIDENT)).toEqual([
      { subject: 'custody entry 2 (view by intruder)', problem: 'rewritten: entry 3 does not link to it' },
    ]);
  });

  it('names a missing entry and an entry from another incident', () => {
    const log = chain(4).filter((entry) => entry.seq !== 2);

    expect(checkCustodyChain(log, INCIDENT)).toEqual([
      { subject: 'custody entry 2', problem: 'missing: the log skips from 1 to 3' },
    ]);
    expect(checkCustodyChain(chain(1), 'incident-other-77')[0]?.problem).toBe(
      `foreign: belongs to incident ${INCIDENT}`,
    );
  });
});
