import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEventSchema } from '../../src/audit/event';
import { isFhirInput, mapFhirAuditEvents } from '../../src/audit/fhir-mapping';

const EXAMPLES_DIR = join(__dirname, '..', 'fixtures', 'fhir-r4-auditevent');

/** The nine AuditEvent examples published with FHIR R4, in the order the Bundle test packs them. */
const EXAMPLE_FILES = [
  'audit-event-example-login.json',
  'audit-event-example-logout.json',
  'audit-event-example-media.json',
  'audit-event-example-pixQuery.json',
  'audit-event-example-search.json',
  'audit-event-example-vread.json',
  'auditevent-example-disclosure.json',
  'auditevent-example-error.json',
  'auditevent-example.json',
] as const;

const TENANT = { tenantId: 'st-elsewhere' };

type Resource = Record<string, unknown>;

function example(file: (typeof EXAMPLE_FILES)[number]): Resource {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Resource;
}

function bundleOf(resources: unknown[]): Resource {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

/** The single event an input must map to, failing the test with the problems when there are any. */
function mapOne(input: unknown) {
  const result = mapFhirAuditEvents(input, TENANT);
  expect(result.problems).toEqual([]);
  expect(result.events).toHaveLength(1);
  return auditEventSchema.parse(result.events[0]);
}

function minimalEvent(overrides: Resource = {}): Resource {
  return {
    resourceType: 'AuditEvent',
    id: 'minimal-1',
    type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110110', display: 'Patient Record' },
    action: 'R',
    recorded: '2024-03-01T09:30:00Z',
    agent: [{ who: { reference: 'Practitioner/dr-okafor' }, requestor: true }],
    source: { observer: { display: 'EHR' } },
    entity: [{ what: { reference: 'Patient/p-42' } }],
    ...overrides,
  };
}

describe('mapFhirAuditEvents on the HL7 examples', () => {
  it.each(EXAMPLE_FILES)('maps %s without problems to an event the audit store accepts', (file) => {
    const event = mapOne(example(file));

    expect(event.tenant_id).toBe('st-elsewhere');
    expect(event.user_agent).toBeNull();
  });

  it('maps the login example to a successful login by user 95 from 127.0.0.1 with no PHI', () => {
    expect(mapOne(example('audit-event-example-login.json'))).toMatchObject({
      action: 'login',
      outcome: 'success',
      user_id: '95',
      ip_address: '127.0.0.1',
      occurred_at: '2013-06-20T23:41:23Z',
      resource_type: 'AuditEvent',
      resource_id: null,
      patient_id: null,
      phi_accessed: false,
    });
  });

  it('maps the logout example to a logout', () => {
    expect(mapOne(example('audit-event-example-logout.json'))).toMatchObject({ action: 'logout', user_id: '95' });
  });

  it('maps the search example to a search on the queried resource type without keeping the query', () => {
    const event = mapOne(example('audit-event-example-search.json'));

    expect(event).toMatchObject({
      action: 'search',
      resource_type: 'Encounter',
      resource_id: null,
      phi_accessed: true,
    });
    expect(JSON.stringify(event)).not.toContain('participant');
  });

  it('maps the PIX query example to a search keyed on the patient identifier', () => {
    expect(mapOne(example('audit-event-example-pixQuery.json'))).toMatchObject({
      action: 'search',
      resource_type: 'Patient',
      patient_id: 'e3cdfc81a0d24bd^^^&2.16.840.1.113883.4.2&ISO',
      phi_accessed: true,
    });
  });

  it('maps the vread example to a read of Patient example, dropping the version', () => {
    expect(mapOne(example('audit-event-example-vread.json'))).toMatchObject({
      action: 'read',
      resource_type: 'Patient',
      resource_id: 'example',
      patient_id: 'example',
      phi_accessed: true,
      ip_address: null,
    });
  });

  it('maps the media example to an export of a DocumentManifest by the requestor, not the first agent', () => {
    expect(mapOne(example('audit-event-example-media.json'))).toMatchObject({
      action: 'export',
      user_id: '95',
      resource_type: 'DocumentManifest',
      resource_id: 'example',
      patient_id: 'e3cdfc81a0d24bd^^^&2.16.840.1.113883.4.2&ISO',
      phi_accessed: true,
    });
  });

  it('maps the disclosure example to a disclosure, keeping the machine name and codes but no agent name', () => {
    const event = mapOne(example('auditevent-example-disclosure.json'));

    expect(event).toMatchObject({ action: 'disclose', user_id: 'SomeIdiot@nowhere', ip_address: null });
    expect(event).toMatchObject({ resource_type: 'Patient', resource_id: 'example', patient_id: 'example' });
    expect(event.details).toEqual({
      fhir: {
        id: 'example-disclosure',
        type: 'http://dicom.nema.org/resources/ontology/DCM|110106',
        subtype: ['Disclosure'],
        outcomeDesc: 'Successful  Disclosure',
        purposeOfEvent: ['http://terminology.hl7.org/CodeSystem/v3-ActReason|HMARKT'],
        source: {
          site: 'Watcher',
          observer: 'Watchers Accounting of Disclosures Application',
          type: ['http://terminology.hl7.org/CodeSystem/security-source-type|4'],
        },
        network: { address: 'custodian.net', type: '1' },
      },
    });
    expect(JSON.stringify(event)).not.toContain('That guy');
  });

  it('maps the error example to a failed create on a contained OperationOutcome with no PHI', () => {
    const event = mapOne(example('auditevent-example-error.json'));

    expect(event).toMatchObject({ action: 'create', outcome: 'failure', resource_type: 'OperationOutcome' });
    expect(event).toMatchObject({ resource_id: null, patient_id: null, phi_accessed: false });
    expect(event.details).toMatchObject({ fhir: { outcome: '8' } });
  });

  it('maps the application-start example to admin, attributed to the first agent with a who', () => {
    expect(mapOne(example('auditevent-example.json'))).toMatchObject({
      action: 'admin',
      user_id: 'Grahame',
      ip_address: '127.0.0.1',
      occurred_at: '2012-10-25T22:04:27+11:00',
      phi_accessed: false,
    });
  });

  it('maps a Bundle of all nine examples to nine events in entry order', () => {
    const resources = EXAMPLE_FILES.map(example);
    const result = mapFhirAuditEvents(bundleOf(resources), TENANT);

    expect(result.problems).toEqual([]);
    expect(result.events.map((event) => event.details?.fhir)).toEqual(
      resources.map((resource) => expect.objectContaining({ id: resource.id }) as unknown),
    );
  });

  it('gives the same ids when the same input is mapped again, and different ids in another tenant', () => {
    const bundle = bundleOf(EXAMPLE_FILES.map(example));
    const ids = () => mapFhirAuditEvents(bundle, TENANT).events.map((event) => event.id);
    const elsewhere = mapFhirAuditEvents(bundle, { tenantId: 'mercy-west' }).events.map((event) => event.id);

    expect(ids()).toEqual(ids());
    expect(new Set(ids()).size).toBe(9);
    expect(elsewhere.filter((id) => ids().includes(id))).toEqual([]);
  });
});

describe('mapFhirAuditEvents ids', () => {
  it('keeps an AuditEvent id that is already a UUID, in lower case', () => {
    const event = mapOne(minimalEvent({ id: '3F2504E0-4F89-41D3-9A0C-0305E82C3301' }));

    expect(event.id).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
  });

  it('derives a version 5 UUID from the content when the resource has no id, stable under key order', () => {
    const { id: _ignored, ...withoutId } = minimalEvent();
    const reordered = Object.fromEntries(Object.entries(withoutId).reverse());
    const first = mapOne(withoutId).id;

    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(mapOne(reordered).id).toBe(first);
    expect(mapOne({ ...withoutId, recorded: '2024-03-01T09:31:00Z' }).id).not.toBe(first);
  });
});

describe('mapFhirAuditEvents timestamps', () => {
  it('uses period.start over recorded when it has an offset', () => {
    const event = mapOne(minimalEvent({ period: { start: '2024-03-01T09:29:58.125+01:00' } }));

    expect(event.occurred_at).toBe('2024-03-01T09:29:58.125+01:00');
  });

  it('reports a missing recorded by field and index', () => {
    const { recorded: _ignored, ...noRecorded } = minimalEvent();
    const result = mapFhirAuditEvents([minimalEvent(), noRecorded], TENANT);

    expect(result.events).toHaveLength(1);
    expect(result.problems).toEqual([{ index: 1, field: 'recorded', problem: 'is required' }]);
  });

  it('refuses a period.start without a UTC offset rather than guess its time zone', () => {
    const result = mapFhirAuditEvents(minimalEvent({ period: { start: '2024-03-01T09:29:58' } }), TENANT);

    expect(result.events).toEqual([]);
    expect(result.problems).toEqual([
      { index: 0, field: 'period.start', problem: expect.stringContaining('no UTC offset') as unknown },
    ]);
  });
});

describe('mapFhirAuditEvents input shapes', () => {
  it('refuses a non-AuditEvent entry in a Bundle by its entry index and maps the other entries', () => {
    const bundle = bundleOf([minimalEvent(), { resourceType: 'Patient', id: 'p-42' }, minimalEvent({ id: 'b' })]);
    const result = mapFhirAuditEvents(bundle, TENANT);

    expect(result.events).toHaveLength(2);
    expect(result.problems).toEqual([{ index: 1, field: 'resourceType', problem: expect.any(String) as unknown }]);
  });

  it('numbers the resources of an array of bundles and resources in flattened order', () => {
    const input = [bundleOf([minimalEvent(), minimalEvent({ id: 'b' })]), minimalEvent({ action: 'X' })];
    const result = mapFhirAuditEvents(input, TENANT);

    expect(result.events).toHaveLength(2);
    expect(result.problems).toEqual([{ index: 2, field: 'action', problem: 'must be one of C, R, U, D, E' }]);
  });

  it('reports a requestor agent that identifies no user at its index', () => {
    const agent = [{ who: { reference: 'Device/d1' } }, { who: { display: 'someone' }, requestor: true }];
    const result = mapFhirAuditEvents(minimalEvent({ agent }), TENANT);

    expect(result.problems).toEqual([{ index: 0, field: 'agent[1].who', problem: expect.any(String) as unknown }]);
  });

  it('leaves ip_address null when a type 2 network address is not an IP', () => {
    const agent = [{ who: { reference: 'Practitioner/a' }, requestor: true, network: { address: 'ws-1', type: '2' } }];

    expect(mapOne(minimalEvent({ agent })).ip_address).toBeNull();
  });

  it('treats a login with no patient entity as no PHI access, and any clinical entity as PHI access', () => {
    const login = { type: { code: '110114' }, subtype: [{ code: '110122' }], action: 'E', entity: undefined };

    expect(mapOne(minimalEvent(login)).phi_accessed).toBe(false);
    expect(mapOne(minimalEvent({ entity: [{ what: { reference: 'Observation/bp-1' } }] })).phi_accessed).toBe(true);
    expect(mapOne(minimalEvent({ entity: [{ what: { reference: 'ValueSet/vs-1' } }] })).phi_accessed).toBe(false);
  });
});

describe('mapFhirAuditEvents problem messages', () => {
  it('never contain a value from the input', () => {
    const secret = 'ZEBRA-7731-SECRET';
    const badResources = [
      minimalEvent({ recorded: secret, action: secret, outcome: secret, id: `${secret} x` }),
      minimalEvent({ period: { start: '2031-07-04T13:37:42.424242' } }),
      minimalEvent({ agent: [{ who: { reference: 'Practitioner/a' }, requestor: secret }], entity: secret }),
      minimalEvent({ agent: [{ who: { identifier: { value: secret.repeat(20) } }, requestor: true }] }),
      { resourceType: secret },
      secret,
    ];
    const result = mapFhirAuditEvents(bundleOf(badResources), TENANT);
    const text = JSON.stringify(result.problems);

    expect(result.events).toEqual([]);
    expect(new Set(result.problems.map((problem) => problem.index))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(text).not.toContain('ZEBRA');
    expect(text).not.toContain('7731');
    expect(text).not.toContain('13:37:42');
  });
});

describe('isFhirInput', () => {
  it('recognises an AuditEvent, a Bundle and an array of them', () => {
    expect(isFhirInput(minimalEvent())).toBe(true);
    expect(isFhirInput(bundleOf([minimalEvent()]))).toBe(true);
    expect(isFhirInput([minimalEvent(), bundleOf([])])).toBe(true);
  });

  it('rejects platform events, empty arrays and mixed arrays', () => {
    const platformEvent = { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', action: 'read' };

    expect(isFhirInput(platformEvent)).toBe(false);
    expect(isFhirInput([])).toBe(false);
    expect(isFhirInput([minimalEvent(), platformEvent])).toBe(false);
    expect(isFhirInput(null)).toBe(false);
  });
});
