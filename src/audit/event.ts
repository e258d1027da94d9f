import { z } from 'zod';
import { tenantIdSchema } from '../incidents/alert';

/**
 * One entry of the platform's PHI access audit log, in the platform's own
 * wire shape (snake_case, as the columns are named). FHIR AuditEvents are
 * mapped into this shape before they are stored.
 */

/** What the user did. `login` with outcome `failure` is a failed login. */
export const AuditAction = {
  read: 'read',
  search: 'search',
  create: 'create',
  update: 'update',
  delete: 'delete',
  export: 'export',
  print: 'print',
  disclose: 'disclose',
  login: 'login',
  logout: 'logout',
  admin: 'admin',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** `denied` is an access the platform refused (a suspended account, a missing grant). */
export const AuditOutcome = {
  success: 'success',
  failure: 'failure',
  denied: 'denied',
} as const;
export type AuditOutcome = (typeof AuditOutcome)[keyof typeof AuditOutcome];

/**
 * An instant with an explicit offset (`Z` or `±hh:mm`), at most microsecond
 * precision as PostgreSQL keeps. A time without an offset is refused rather
 * than read in some guessed zone.
 */
export const timestampSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date and time with an offset (Z or ±hh:mm)' })
  .refine((text) => !/\.\d{7,}/.test(text), 'has more than 6 fractional digits; PostgreSQL keeps microseconds');

const optionalText = (max: number) => z.string().min(1).max(max).nullable().default(null);

export const auditEventSchema = z
  .object({
    id: z.uuid(),
    occurred_at: timestampSchema,
    tenant_id: tenantIdSchema,
    user_id: z.string().min(1).max(200),
    ip_address: z.union([z.ipv4(), z.ipv6()]).nullable().default(null),
    user_agent: optionalText(1000),
    action: z.enum(AuditAction),
    resource_type: z.string().min(1).max(100),
    resource_id: optionalText(200),
    /** The patient whose record was touched, when there is one; the key for patient-centred detection. */
    patient_id: optionalText(200),
    phi_accessed: z.boolean(),
    outcome: z.enum(AuditOutcome),
    details: z.record(z.string(), z.json()).default({}),
  })
  .strict();

/** An event as a client sends it: optional fields may be left out. */
export type AuditEventInput = z.input<typeof auditEventSchema>;
/** An event after validation: every field present, absent ones null. */
export type AuditEvent = z.output<typeof auditEventSchema>;
