import type { FastifyInstance } from 'fastify';
import { syntheticPatient } from './synthetic-patient';

/**
 * The simulated platform's patient directory: FHIR R4 `GET /fhir/Patient`
 * with an `_id` search (a comma list), answering a `searchset` Bundle. It
 * knows every id in the traffic generator's form (`pat-` and six digits) as
 * an invented person, and nobody else, so a lookup of a stranger comes back
 * without them, as a real directory's would.
 */

export const PATIENT_DIRECTORY_PATH = '/fhir';

const KNOWN_ID = /^pat-\d{6}$/;
const MAX_IDS = 200;

export function registerPatientDirectory(app: FastifyInstance): void {
  app.get(`${PATIENT_DIRECTORY_PATH}/Patient`, async (request, reply) => {
    const { _id: ids } = request.query as { _id?: string };
    const wanted = (ids ?? '').split(',').filter((id) => id !== '');
    if (wanted.length > MAX_IDS) {
      return reply.code(400).send({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'too-costly', diagnostics: `at most ${MAX_IDS} ids per search` }],
      });
    }

    const patients = wanted.filter((id) => KNOWN_ID.test(id)).map(syntheticPatient);
    return reply.type('application/fhir+json').send({
      resourceType: 'Bundle',
      type: 'searchset',
      total: patients.length,
      entry: patients.map((resource) => ({ resource })),
    });
  });
}
