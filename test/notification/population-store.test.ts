import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/audit/ingest';
import { createContactCipher } from '../../src/notification/population/contact-cipher';
import { PopulationImportError } from '../../src/notification/population/import-problems';
import { createFhirPatientDirectory } from '../../src/notification/population/patient-directory';
import { createPopulation, readIndividuals, readPopulation } from '../../src/notification/population/population-store';
import { resolvePopulationFromAudit } from '../../src/notification/population/resolve-population';
import { auditEvents } from '../support/audit-events';
import { storeBackends } from '../support/stores';
import { fhirPatient, startFhirServer } from './support/fhir-server';
import { individual } from './support/individuals';

const keyring = { keys: new Map([['k1', randomBytes(32)]]), currentKeyId: 'k1' };
const cipher = createContactCipher(keyring);
const origin = { incidentId: 'inc-1', tenantId: 'st-elsewhere', source: 'json' };

describe.each(storeBackends())('populations on $name', (backend) => {
  it('stores contact details only as ciphertext and pages them back decrypted by cursor', async () => {
    const store = await backend.open();
    const db = store.db;
    try {
      const people = Array.from({ length: 7 }, (_, n) => individual(n + 1));
      const populationId = await createPopulation(db, cipher, origin, people);

      const raw = await db.query<{ contact: Uint8Array }>('SELECT contact FROM notification_individuals');
      const stored = raw.rows.map((row) => Buffer.from(row.contact).toString('latin1')).join('');
      expect(stored).not.toContain('example.test');
      expect(stored).not.toContain('Patient 1');

      const first = await readIndividuals(db, cipher, populationId, 0, 4);
      const rest = await readIndividuals(db, cipher, populationId, first.at(-1)?.ordinal ?? 0, 4);
      expect([...first, ...rest].map(({ ordinal: _, ...person }) => person)).toEqual(people);
      expect(await readPopulation(db, populationId)).toMatchObject({ incidentId: 'inc-1', size: 7 });
    } finally {
      await store.dispose();
    }
  });

  it('refuses to open a contact moved onto another individual row', async () => {
    const store = await backend.open();
    const db = store.db;
    try {
      const populationId = await createPopulation(db, cipher, origin, [individual(1), individual(2)]);
      await db.query(
        `UPDATE notification_individuals SET contact = (SELECT contact FROM notification_individuals WHERE ordinal = 1)
         WHERE ordinal = 2`,
      );

      await expect(readIndividuals(db, cipher, populationId, 1, 1)).rejects.toThrow('could not be decrypted');
    } finally {
      await store.dispose();
    }
  });

  it('resolves an incident population from its audit events through a FHIR patient directory, with residents per state', async () => {
    const store = await backend.open();
    const db = store.db;
    const fhir = await startFhirServer([
      fhirPatient('pat-1000'),
      fhirPatient('pat-1001', { deceasedBoolean: true, contact: [kin()] }),
    ]);
    try {
      await ingest(db, [...auditEvents(3), ...auditEvents(1, 3, { phi_accessed: false, patient_id: 'pat-9' })]);
      const directory = createFhirPatientDirectory({ baseUrl: fhir.baseUrl });
      const scope = { tenantId: 'st-elsewhere', from: '2026-11-01T00:00:00Z', to: '2026-11-03T00:00:00Z' };

      const resolved = await resolvePopulationFromAudit(db, directory, cipher, { incidentId: 'inc-2', scope });

      expect(resolved).toMatchObject({ size: 2, missing: 1, byJurisdiction: { 'US-MA': 2 } });
      expect(fhir.searches).toEqual(['pat-1000,pat-1001,pat-1002']);
      const [ana, late] = await readIndividuals(db, cipher, resolved.populationId, 0, 10);
      expect(ana).toMatchObject({ id: 'pat-1000', name: 'Ana María Pérez', language: 'es', emailConsent: true });
      expect(ana?.mobile).toBe('+16175550101');
      expect(late).toMatchObject({ deceased: true, nextOfKin: { name: 'Luis Pérez' } });
    } finally {
      await fhir.close();
      await store.dispose();
    }
  });
});

function kin() {
  return {
    relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N' }] }],
    name: { family: 'Pérez', given: ['Luis'] },
    address: { line: ['3 Oak Rd'], city: 'Salem', state: 'MA', postalCode: '01970' },
  };
}

describe('the FHIR patient directory', () => {
  let fhir: Awaited<ReturnType<typeof startFhirServer>>;
  beforeAll(async () => {
    fhir = await startFhirServer([
      fhirPatient('pat-1', { telecom: [{ system: 'phone', use: 'mobile', value: '555' }] }),
    ]);
  });
  afterAll(() => fhir.close());

  it('rejects a Patient whose contact details are unusable, naming the field and not the value', async () => {
    const directory = createFhirPatientDirectory({ baseUrl: fhir.baseUrl });
    const error = await directory.lookup(['pat-1']).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PopulationImportError);
    expect((error as PopulationImportError).problems).toEqual([
      { row: 1, field: 'mobile', problem: expect.any(String) as string },
    ]);
    expect((error as Error).message).not.toContain('555');
  });
});
