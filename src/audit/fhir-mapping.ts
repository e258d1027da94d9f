import { z } from 'zod';
import { tenantIdSchema } from '../incidents/alert';
import { type AuditAction, type AuditEventInput, auditEventSchema, timestampSchema } from './event';
import { ACTION_CODES, EVENT_CODE_ACTIONS, NON_PHI_TYPES, OUTCOMES } from './fhir-codes';
import { eventId } from './fhir-ids';
import {
  type Contained,
  type FhirAgent,
  type FhirAuditEvent,
  type FhirCoding,
  type FhirEntity,
  fhirAuditEventSchema,
  type Target,
} from './fhir-schema';

/**
 * Maps FHIR R4 AuditEvent resources (alone, in a Bundle of any type, or in an
 * array of either) to the platform's audit event. Each resource maps on its
 * own: a bad one yields problems and no event, and the others still map.
 * Problems name the FHIR path and what is wrong, never the value, because
 * audit fields carry patient and user identifiers.
 *
 * | column       | from the AuditEvent                                                                         |
 * | ------------ | ------------------------------------------------------------------------------------------- |
 * | id           | `id` when it is a UUID; else UUID v5 of tenant + `id`; with no `id`, of tenant + the        |
 * |              | canonical JSON of the resource. Re-ingesting a file yields the same ids, so it dedups.      |
 * | occurred_at  | `period.start` if present, else `recorded` (required); no UTC offset is refused             |
 * | tenant_id    | the caller's `tenantId`                                                                     |
 * | user_id      | acting agent (the `requestor`, else the first with a `who`): `who.identifier.value`,        |
 * |              | `who.reference`, `altId` or `name`, first present                                           |
 * | ip_address   | acting agent's `network.address` when `network.type` is 2 (IP) and it parses; else null     |
 * | user_agent   | null: FHIR has no user agent; `source.observer` is the recording system, kept in details    |
 * | action       | disclosure (subtype `Disclosure`, entity lifecycle 11) -> disclose; else the first known    |
 * |              | code among `subtype[]` then `type` (restful-interaction, DICOM 110106/7/12/14/22/23);       |
 * |              | else `action` C/R/U/D -> create/read/update/delete, E or absent -> admin                    |
 * | resource_*   | first entity `what.reference` (`Patient/x/_history/1` -> Patient, x; `#id` -> contained     |
 * |              | type, no id); else a REST `query`'s type; else Patient for a patient-role entity; else the  |
 * |              | first entity type's display; else AuditEvent with no id                                     |
 * | patient_id   | id of a `Patient/` reference; else the identifier value of a patient-role (1) entity        |
 * | phi_accessed | an entity is a Person, has the Patient role, or names a resource type that can hold PHI     |
 * | outcome      | `outcome` 0 or absent -> success; 4, 8, 12 -> failure                                       |
 * | details      | `{ fhir: { id, type, subtype, outcome, outcomeDesc, purposeOfEvent, source, network } }`,   |
 * |              | codes as `system|code`; no agent names; `outcome` only when it is a failure code;           |
 * |              | `network` only for the acting agent's machine name or an IP that did not parse              |
 */

export interface FhirMappingOptions {
  /** The tenant every mapped event belongs to; part of the derived ids. */
  tenantId: string;
}

/** `index` is the resource's position in the flattened input; `field` a FHIR path inside it. */
export interface FhirMappingProblem {
  index: number;
  field: string;
  problem: string;
}

export interface FhirMappingResult {
  events: AuditEventInput[];
  problems: FhirMappingProblem[];
}

type FieldProblem = Omit<FhirMappingProblem, 'index'>;
type Slot = { resource: unknown } | FieldProblem;
type Json = NonNullable<AuditEventInput['details']>[string];

const ipSchema = z.union([z.ipv4(), z.ipv6()]);

export function isFhirInput(input: unknown): boolean {
  return Array.isArray(input) ? input.length > 0 && input.every(isFhirResource) : isFhirResource(input);
}

export function mapFhirAuditEvents(input: unknown, options: FhirMappingOptions): FhirMappingResult {
  if (!tenantIdSchema.safeParse(options.tenantId).success) throw new Error('tenantId must be a tenant slug');
  const result: FhirMappingResult = { events: [], problems: [] };
  slotsOf(input).forEach((slot, index) => {
    const mapped = 'resource' in slot ? mapResource(slot.resource, options.tenantId) : [slot];
    if (Array.isArray(mapped)) result.problems.push(...mapped.map((problem) => ({ index, ...problem })));
    else result.events.push(mapped);
  });

  return result;
}

function slotsOf(input: unknown): Slot[] {
  const items = Array.isArray(input) ? input : [input];
  return items.flatMap((item) =>
    isRecord(item) && item.resourceType === 'Bundle' ? bundleSlots(item) : [{ resource: item }],
  );
}

function bundleSlots(bundle: Record<string, unknown>): Slot[] {
  const entries = bundle.entry ?? [];
  if (!Array.isArray(entries)) return [{ field: 'entry', problem: 'must be an array of Bundle entries' }];
  return entries.map((entry) => ({ resource: isRecord(entry) ? entry.resource : undefined }));
}

function mapResource(resource: unknown, tenantId: string): AuditEventInput | FieldProblem[] {
  if (!isRecord(resource)) return [{ field: 'resource', problem: 'must be a FHIR resource object' }];
  if (resource.resourceType !== 'AuditEvent') {
    return [
      {
        field: 'resourceType',
        problem: 'must be AuditEvent, or Bundle at the top level; Bundle entries may hold only AuditEvents',
      },
    ];
  }
  const parsed = fhirAuditEventSchema.safeParse(resource);
  if (!parsed.success) return parsed.error.issues.map((issue) => describeIssue(issue, resource));

  const event = parsed.data;
  const occurredAt = occurredAtOf(event);
  const actor = actingAgent(event.agent);
  if ('problem' in occurredAt || 'problem' in actor) return [occurredAt, actor].filter(isProblem);

  const id = eventId(tenantId, event.id, resource);
  const checked = auditEventSchema.safeParse(toAuditEvent(event, { id, tenantId, at: occurredAt.at, ...actor }));
  return checked.success ? checked.data : checked.error.issues.map((issue) => columnProblem(issue, actor.index));
}

function toAuditEvent(
  event: FhirAuditEvent,
  known: { id: string; tenantId: string; at: string; agent: FhirAgent; index: number; userId: string },
): AuditEventInput {
  const entities = event.entity ?? [];
  const target = resourceTarget(entities, event.contained);
  const ipAddress = ipAddressOf(known.agent);

  return {
    id: known.id,
    occurred_at: known.at,
    tenant_id: known.tenantId,
    user_id: known.userId,
    ip_address: ipAddress,
    user_agent: null,
    action: actionOf(event),
    resource_type: target.type,
    resource_id: target.id,
    patient_id: patientIdOf(entities, event.contained),
    phi_accessed: entities.some((entity) => holdsPhi(entity, event.contained)),
    outcome: event.outcome === undefined ? 'success' : OUTCOMES[event.outcome],
    details: { fhir: fhirDetails(event, ipAddress === null ? known.agent.network : undefined) },
  };
}

function occurredAtOf(event: FhirAuditEvent): { at: string } | FieldProblem {
  const [field, text] =
    event.period?.start === undefined ? ['recorded', event.recorded] : ['period.start', event.period.start];
  if (timestampSchema.safeParse(text).success) return { at: text };
  // A dateTime with a time but no offset is legal FHIR, yet the instant it names depends on a zone we would guess.
  const noOffset = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
  return {
    field,
    problem: noOffset
      ? 'has no UTC offset; the instant would depend on a guessed time zone'
      : 'must be a date-time with a UTC offset and at most 6 fractional digits',
  };
}

/** The requestor acted; without one, the first agent with a `who` is the best attribution FHIR offers. */
function actingAgent(agents: FhirAgent[]): { agent: FhirAgent; index: number; userId: string } | FieldProblem {
  const requestor = agents.findIndex((agent) => agent.requestor === true);
  const index = requestor >= 0 ? requestor : agents.findIndex((agent) => agent.who !== undefined);
  const agent = agents[index];
  if (agent === undefined) return { field: 'agent', problem: 'has no requestor and no agent with a who' };
  const userId = [agent.who?.identifier?.value, agent.who?.reference, agent.altId, agent.name].find(Boolean);
  if (userId === undefined) {
    return {
      field: `agent[${index}].who`,
      problem: 'needs identifier.value or reference, or the agent an altId or name',
    };
  }

  return { agent, index, userId };
}

function ipAddressOf(agent: FhirAgent): string | null {
  const address = agent.network?.type === '2' ? agent.network.address : undefined;
  return address !== undefined && ipSchema.safeParse(address).success ? address : null;
}

function actionOf(event: FhirAuditEvent): AuditAction {
  if (isDisclosure(event)) return 'disclose';
  const codes = [...(event.subtype ?? []), ...(event.type ? [event.type] : [])].map((coding) => coding.code);
  const known = codes.map((code) => EVENT_CODE_ACTIONS.get(code ?? '')).find(Boolean);
  if (known !== undefined) return known;

  return event.action === undefined ? 'admin' : ACTION_CODES[event.action];
}

/** HIPAA accounting of disclosures: the subtype says so, or an entity's lifecycle is DICOM 11 "Disclosure". */
function isDisclosure(event: FhirAuditEvent): boolean {
  const subtypes = event.subtype ?? [];
  return (
    subtypes.some((coding) => coding.code?.toLowerCase() === 'disclosure') ||
    (event.entity ?? []).some((entity) => hasCode(entity.lifecycle, 'dicom-audit-lifecycle', '11'))
  );
}

function resourceTarget(entities: FhirEntity[], contained: Contained): Target {
  const referenced = entities.map((entity) => referenceTarget(entity.what?.reference, contained)).find(Boolean);
  const queried = entities.map((entity) => queriedTarget(entity.query)).find(Boolean);
  const patient = entities.some((entity) => isPatientRole(entity)) ? { type: 'Patient', id: null } : undefined;
  const typeName = entities.map((entity) => entity.type?.display ?? entity.type?.code).find(Boolean);

  return referenced ?? queried ?? patient ?? { type: typeName ?? 'AuditEvent', id: null };
}

/** `Type/id`, optionally absolute or versioned; `#id` is a contained resource, whose id means nothing outside it. */
function referenceTarget(reference: string | undefined, contained: Contained): Target | undefined {
  if (reference?.startsWith('#')) {
    const local = contained?.find((resource) => resource.id === reference.slice(1));
    return local && { type: local.resourceType, id: null };
  }
  const match = /(?:^|\/)([A-Z][A-Za-z]{0,99})\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(
    reference ?? '',
  );
  return match?.[1] && match[2] ? { type: match[1], id: match[2] } : undefined;
}

/** A base64 REST query (`Encounter?participant=13`): only its resource type is read, never the parameters. */
function queriedTarget(query: string | undefined): Target | undefined {
  const path =
    Buffer.from(query ?? '', 'base64')
      .toString('utf8')
      .split('?')[0] ?? '';
  const type = /(?:^|\/)([A-Z][A-Za-z]{0,99})(?:\/_search)?$/.exec(path)?.[1];
  return type === undefined ? undefined : { type, id: null };
}

/**
 * A patient-role entity often carries only an identifier (an HL7 v2 CX such as
 * `id^^^&oid&ISO`); its whole value is kept, as the assigning authority is
 * what makes it unique.
 */
function patientIdOf(entities: FhirEntity[], contained: Contained): string | null {
  const referenced = entities.map((entity) => referenceTarget(entity.what?.reference, contained));
  const fromReference = referenced.find((target) => target?.type === 'Patient' && target.id !== null)?.id;
  const fromRole = entities.find((entity) => isPatientRole(entity) && entity.what?.identifier?.value)?.what?.identifier;

  return fromReference ?? fromRole?.value ?? null;
}

/** An unresolvable reference counts as PHI: absence of proof is not proof of absence in a breach review. */
function holdsPhi(entity: FhirEntity, contained: Contained): boolean {
  if (isPatientRole(entity) || hasCode(entity.type, 'audit-entity-type', '1') || entity.type?.code === 'Patient') {
    return true;
  }
  const reference = entity.what?.reference;
  const target = reference === undefined ? queriedTarget(entity.query) : referenceTarget(reference, contained);
  if (target === undefined) return reference !== undefined;

  return !NON_PHI_TYPES.has(target.type);
}

function isPatientRole(entity: FhirEntity): boolean {
  return hasCode(entity.role, 'object-role', '1');
}

/** Matches a terminology.hl7.org code system by its last path segment, or a coding that omits the system. */
function hasCode(coding: FhirCoding | undefined, system: string, code: string): boolean {
  return coding?.code === code && (coding.system === undefined || coding.system.endsWith(`/CodeSystem/${system}`));
}

function fhirDetails(event: FhirAuditEvent, network: FhirAgent['network']): Json {
  const source = event.source;
  const observer = source?.observer;
  // Machine names and unparsed IPs identify a workstation; phone and email (types 3, 4) identify a person.
  const workstation = network?.type === '1' || network?.type === '2' ? network : undefined;

  return compact({
    id: event.id,
    type: event.type && token(event.type),
    subtype: event.subtype?.map(token),
    outcome: event.outcome === '0' ? undefined : event.outcome,
    outcomeDesc: event.outcomeDesc,
    purposeOfEvent: event.purposeOfEvent?.flatMap((concept) => (concept.coding ?? []).map(token)),
    source: source && {
      site: source.site,
      observer: observer?.display ?? observer?.reference ?? observer?.identifier?.value,
      type: source.type?.map(token),
    },
    network: workstation && { address: workstation.address, type: workstation.type },
  });
}

/** FHIR token syntax, so codes from different systems cannot be confused. */
function token(coding: FhirCoding): string | undefined {
  const code = coding.code ?? coding.display;
  return coding.system !== undefined && code !== undefined ? `${coding.system}|${code}` : code;
}

/** Drops absent values and empty lists so the stored details stay small and valid JSON. */
function compact(value: unknown): Json {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (!isRecord(value)) return value as Json;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && !isEmptyList(item));
  return Object.fromEntries(entries.map(([key, item]) => [key, compact(item)]));
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => item === undefined);
}

/** Zod's own messages are not relied on: ours are written to never carry the input value. */
function describeIssue(issue: z.core.$ZodIssue, resource: Record<string, unknown>): FieldProblem {
  const field = fhirPath(issue.path);
  if (issue.code === 'invalid_type') {
    return {
      field,
      problem: valueAt(resource, issue.path) === undefined ? 'is required' : `must be ${issue.expected}`,
    };
  }
  if (issue.code === 'invalid_value')
    return { field, problem: `must be one of ${issue.values.map(String).join(', ')}` };

  if (issue.code === 'invalid_format') return { field, problem: 'does not have the format FHIR requires' };

  return { field, problem: issue.code === 'too_small' ? 'must not be empty' : 'is malformed' };
}

/** The mapped event broke a column limit (an over-long id, say); name the FHIR element it came from. */
function columnProblem(issue: z.core.$ZodIssue, agentIndex: number): FieldProblem {
  const column = String(issue.path[0]);
  return {
    field: columnSource(column, agentIndex),
    problem: `maps to ${column}, which the audit store refuses (${issue.code})`,
  };
}

function columnSource(column: string, agentIndex: number): string {
  if (column === 'user_id') return `agent[${agentIndex}].who`;
  return column.startsWith('resource_') || column === 'patient_id' ? 'entity.what' : column;
}

function fhirPath(path: PropertyKey[]): string {
  return path
    .map((key, at) => (typeof key === 'number' ? `[${key}]` : `${at === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    root,
  );
}

function isProblem(part: object): part is FieldProblem {
  return 'problem' in part;
}

function isFhirResource(value: unknown): boolean {
  return isRecord(value) && (value.resourceType === 'AuditEvent' || value.resourceType === 'Bundle');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
