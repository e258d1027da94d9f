import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFhirPatientDirectory } from '../../src/notification/population/patient-directory';
import { type PrmSimulator, startPrmSimulator } from '../../src/prm-simulator/server';
import { syntheticPatient } from '../../src/prm-simulator/synthetic-patient';
import { wrapPglite } from '../../src/store/database';

let simulator: PrmSimulator;

beforeAll(async () => {
  // The directory reads no store; the simulator needs one for its event route only.
  const db = wrapPglite(new PGlite());
  simulator = await startPrmSimulator({ secret: 'patient-directory-test-secret', db });
});

afterAll(async () => {
  await simulator.stop();
});

const ids = Array.from({ length: 400 }, (_, index) => `pat-${String(index + 1).padStart(6, '0')}`);

describe('the simulated patient directory', () => {
  it('answers a FHIR _id search that the FHIR directory adapter reads, leaving out ids it does not know', async () => {
    const directory = createFhirPatientDirectory({ baseUrl: `${simulator.url}/fhir` });

    const { individuals, missing } = await directory.lookup([...ids, 'someone-else']);

    expect(individuals.map((individual) => individual.id)).toEqual(ids);
    expect(missing).toEqual(['someone-else']);
  });

  it('gives the same invented person for the same id every time', () => {
    expect(syntheticPatient('pat-000042')).toEqual(syntheticPatient('pat-000042'));
    expect(syntheticPatient('pat-000042')).not.toEqual(syntheticPatient('pat-000043'));
  });

  it('mixes what a notification run must handle: consent to email, mobiles, Spanish, the deceased, no address', async () => {
    const directory = createFhirPatientDirectory({ baseUrl: `${simulator.url}/fhir` });
    const { individuals } = await directory.lookup(ids);

    const share = (test: (individual: (typeof individuals)[number]) => boolean) =>
      individuals.filter(test).length / individuals.length;
    expect(share((individual) => individual.emailConsent && individual.email !== undefined)).toBeGreaterThan(0.3);
    expect(share((individual) => individual.mobile !== undefined)).toBeGreaterThan(0.4);
    expect(share((individual) => individual.language === 'es')).toBeGreaterThan(0.1);
    expect(individuals.some((individual) => individual.deceased && individual.nextOfKin !== undefined)).toBe(true);
    expect(individuals.some((individual) => !individual.address && !individual.emailConsent)).toBe(true);
    for (const { mobile } of individuals) if (mobile) expect(mobile).toMatch(/^\+1\d{3}55501\d{2}$/);
  });

  it('refuses a search for more ids than it serves at once', async () => {
    const response = await fetch(`${simulator.url}/fhir/Patient?_id=${ids.concat(ids).join(',')}`);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });
});
