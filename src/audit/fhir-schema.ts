import { z } from 'zod';

/**
 * The parts of a FHIR R4 AuditEvent the mapping reads (fhir-mapping.ts), as
 * zod schemas. Anything else in a resource is ignored; the full R4 schema is
 * far larger and would reject real-world exports over elements we never use.
 */

const codingSchema = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const identifierSchema = z.object({ system: z.string().optional(), value: z.string().optional() });
const referenceSchema = z.object({
  reference: z.string().optional(),
  identifier: identifierSchema.optional(),
  display: z.string().optional(),
});

/** Only the elements the mapping reads; anything else in the resource is ignored. */
export const fhirAuditEventSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9\-.]{1,64}$/)
    .optional(),
  contained: z.array(z.object({ resourceType: z.string(), id: z.string().optional() })).optional(),
  type: codingSchema.optional(),
  subtype: z.array(codingSchema).optional(),
  action: z.enum(['C', 'R', 'U', 'D', 'E']).optional(),
  period: z.object({ start: z.string().optional() }).optional(),
  recorded: z.string(),
  outcome: z.enum(['0', '4', '8', '12']).optional(),
  outcomeDesc: z.string().optional(),
  purposeOfEvent: z.array(z.object({ coding: z.array(codingSchema).optional() })).optional(),
  agent: z
    .array(
      z.object({
        who: referenceSchema.optional(),
        altId: z.string().optional(),
        name: z.string().optional(),
        // Required in R4, but an absent flag has one sensible reading; refusing would lose the record.
        requestor: z.boolean().optional(),
        network: z
          .object({ address: z.string().optional(), type: z.enum(['1', '2', '3', '4', '5']).optional() })
          .optional(),
      }),
    )
    .min(1),
  source: z
    .object({
      site: z.string().optional(),
      observer: referenceSchema.optional(),
      type: z.array(codingSchema).optional(),
    })
    .optional(),
  entity: z
    .array(
      z.object({
        what: referenceSchema.optional(),
        type: codingSchema.optional(),
        role: codingSchema.optional(),
        lifecycle: codingSchema.optional(),
        query: z.string().optional(),
      }),
    )
    .optional(),
});

export type FhirAuditEvent = z.infer<typeof fhirAuditEventSchema>;
export type FhirAgent = FhirAuditEvent['agent'][number];
export type FhirEntity = NonNullable<FhirAuditEvent['entity']>[number];
export type FhirCoding = z.infer<typeof codingSchema>;
export type Contained = FhirAuditEvent['contained'];
export type Target = { type: string; id: string | null };
