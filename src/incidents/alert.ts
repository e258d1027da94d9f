import { z } from 'zod';
import { Severity } from './vocabulary';

/** Tenant ids appear in workflow ids, which Temporal never encrypts, so they stay plain slugs. */
export const tenantIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a lowercase slug of letters, digits and dashes');

/**
 * What a detection (ours or an outside detector's) reports. Alerts with the
 * same tenant and dedup key feed one incident. `summary` may quote PHI: it
 * only ever travels inside encrypted payloads and is never logged.
 */
export const alertSchema = z
  .object({
    alertId: z.string().min(1).max(200),
    tenantId: tenantIdSchema,
    ruleId: z.string().min(1).max(200),
    ruleTitle: z.string().min(1).max(300),
    severity: z.enum(Severity),
    dedupKey: z.string().min(1).max(500),
    detectedAt: z.iso.datetime({ offset: true }),
    eventCount: z.number().int().min(1),
    subject: z
      .object({
        userId: z.string().max(200).optional(),
        ipAddress: z.string().max(64).optional(),
        patientIds: z.array(z.string().max(200)).max(1000).optional(),
      })
      .strict(),
    summary: z.string().max(4000).optional(),
    /**
     * When the events that fired the rule happened. Detection can run long
     * after them (a platform uploading yesterday's log), so evidence is
     * gathered around these instants, not only around `detectedAt`.
     */
    eventsBetween: z
      .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
      .strict()
      .refine((span) => Date.parse(span.from) <= Date.parse(span.to), 'from must not be after to')
      .optional(),
  })
  .strict();

export type Alert = z.infer<typeof alertSchema>;
