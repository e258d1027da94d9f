import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeArtifact } from '../../src/evidence/artifacts';
import { checkCustodyChain } from '../../src/evidence/check-custody';
import { readCustodyLog } from '../../src/evidence/custody-log';
import { EvidenceRequestError } from '../../src/evidence/errors';
import { ArtifactKind } from '../../src/evidence/vocabulary';
import { readReportEvidence } from '../../src/reports/read-report-evidence';
import type { Database } from '../../src/store/database';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { INCIDENT_ID } from './closed-incident';

function upload(db: Database) {
  return storeArtifact(db, {
    incidentId: INCIDENT_ID,
    kind: ArtifactKind.upload,
    name: 'hr-statement.txt',
    mediaType: 'text/plain',
    content: Buffer.from('statement'),
    actor: 'dr.okafor',
  });
}

describe('readReportEvidence', () => {
  let store: TestStore;

  beforeEach(async () => {
    store = await openPgliteTestStore();
  });

  afterEach(async () => {
    await store.dispose();
  });

  it('records the report as an export and returns the log ending with that entry', async () => {
    const { artifact } = await upload(store.db);
    const request = { incidentId: INCIDENT_ID, actor: 'privacy.officer', format: 'pdf', file: 'closure.pdf' } as const;

    const evidence = await readReportEvidence(store.db, request);

    expect(evidence.artifacts.map((listed) => listed.id)).toEqual([artifact.id]);
    expect(evidence.custody.map((entry) => entry.action)).toEqual(['capture', 'export']);
    expect(evidence.custody.at(-1)).toMatchObject({
      artifactId: null,
      actor: 'privacy.officer',
      details: { report: 'pdf', file: 'closure.pdf' },
      at: evidence.exportedAt,
    });
    expect(checkCustodyChain(evidence.custody, INCIDENT_ID)).toEqual([]);
  });

  it('records nothing for a request with a bad actor, and says which field is wrong', async () => {
    await upload(store.db);
    const request = { incidentId: INCIDENT_ID, actor: 'Dr Okafor', format: 'md', file: 'closure.md' } as const;

    const refused = readReportEvidence(store.db, request);

    await expect(refused).rejects.toThrow(EvidenceRequestError);
    await expect(refused).rejects.toThrow(/actor: /);
    expect(await readCustodyLog(store.db, INCIDENT_ID)).toHaveLength(1);
  });
});
