import type { AuditAction, AuditOutcome } from './event';
import type { FhirAuditEvent } from './fhir-schema';

/** The code tables the FHIR mapping reads actions, outcomes and PHI from. */

/** Codes from http://hl7.org/fhir/restful-interaction and DICOM (DCM) event types, most specific first in use. */
export const EVENT_CODE_ACTIONS = new Map<string, AuditAction>(
  Object.entries({
    read: 'read',
    vread: 'read',
    'history-instance': 'read',
    'history-type': 'search',
    'history-system': 'search',
    search: 'search',
    'search-type': 'search',
    'search-system': 'search',
    create: 'create',
    update: 'update',
    patch: 'update',
    delete: 'delete',
    '110106': 'export', // DCM Export
    '110107': 'create', // DCM Import: records enter this system
    '110112': 'search', // DCM Query
    '110114': 'login', // DCM User Authentication; its Logout subtype is checked first
    '110122': 'login', // DCM Login
    '110123': 'logout', // DCM Logout
  }),
);

export const ACTION_CODES: Record<NonNullable<FhirAuditEvent['action']>, AuditAction> = {
  C: 'create',
  R: 'read',
  U: 'update',
  D: 'delete',
  E: 'admin',
};

export const OUTCOMES: Record<NonNullable<FhirAuditEvent['outcome']>, AuditOutcome> = {
  '0': 'success',
  '4': 'failure',
  '8': 'failure',
  '12': 'failure',
};

/**
 * Conformance, terminology and directory resources: they describe the system
 * or the workforce, not a patient. Any other resource type counts as PHI, so a
 * type we do not know errs towards a reportable access.
 */
export const NON_PHI_TYPES = new Set([
  'CapabilityStatement',
  'CodeSystem',
  'ConceptMap',
  'Endpoint',
  'HealthcareService',
  'Location',
  'NamingSystem',
  'OperationDefinition',
  'OperationOutcome',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'SearchParameter',
  'StructureDefinition',
  'ValueSet',
]);
