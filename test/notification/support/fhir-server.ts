import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';

/** A small local FHIR R4 server answering Patient searches by `_id`, over real HTTP. */
export async function startFhirServer(patients: Record<string, unknown>[]) {
  const app = Fastify({ logger: false });
  const searches: string[] = [];
  app.get('/fhir/Patient', (request, reply) => {
    const query = request.query as { _id?: string };
    searches.push(query._id ?? '');
    const ids = new Set((query._id ?? '').split(','));
    const entry = patients.filter((patient) => ids.has(String(patient.id))).map((resource) => ({ resource }));
    return reply.type('application/fhir+json').send({ resourceType: 'Bundle', type: 'searchset', entry });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;

  return { baseUrl: `http://127.0.0.1:${port}/fhir`, searches, close: () => app.close() };
}

/** A FHIR R4 Patient with the contact elements the directory adapter reads. */
export function fhirPatient(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id,
    name: [{ use: 'official', family: 'Pérez', given: ['Ana', 'María'] }],
    telecom: [
      { system: 'email', value: `${id}@example.test` },
      { system: 'phone', use: 'mobile', value: '+16175550101' },
    ],
    address: [{ use: 'home', line: ['12 Elm St'], city: 'Boston', state: 'MA', postalCode: '02115', country: 'US' }],
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es-US' }] }, preferred: true }],
    extension: [
      { url: 'https://breachline.dev/fhir/StructureDefinition/electronic-notice-consent', valueBoolean: true },
    ],
    ...overrides,
  };
}
