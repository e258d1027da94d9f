import { z } from 'zod';
import { timestampSchema } from '../audit/event';
import { tenantIdSchema } from '../incidents/alert';
import { EvidenceRequestError } from './errors';

/** Incident ids are workflow ids (`incident-<tenant>-<hash>`): plain text, safe in file names and messages. */
export const incidentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, 'must be 1 to 200 letters, digits or . _ : -, starting with one');

/** Who acts: a responder's account name or the system; never a person's details. */
export const actorSchema = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ @ -');

const UNSAFE_IN_NAME = /[/\\\p{Cc}]/u;

/** An artifact's name becomes part of a path in the bundle, so it can hold no separator and cannot climb out. */
export const artifactNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !UNSAFE_IN_NAME.test(name), 'must not contain / or \\ or control characters')
  .refine((name) => !name.startsWith('.'), 'must not start with a dot');

const mediaTypeSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i,
    'must be a media type like text/plain',
  );

/** Callers that may retry (activities) pass one; the same key returns the artifact first stored under it. */
const captureKeySchema = z.string().min(1).max(500).optional();

const subjectText = z.string().min(1).max(200).optional();

export const alertEvidenceRequestSchema = z
  .object({
    incidentId: incidentIdSchema,
    tenantId: tenantIdSchema,
    userId: subjectText,
    ipAddress: z.union([z.ipv4(), z.ipv6()]).optional(),
    patientId: subjectText,
    /** The window, both ends included. */
    from: timestampSchema,
    to: timestampSchema,
    actor: actorSchema,
    captureKey: captureKeySchema,
  })
  .strict()
  .superRefine(
    (request, context) => {
      if (request.userId === undefined && request.ipAddress === undefined && request.patientId === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['userId'],
          message: 'one of userId, ipAddress or patientId is needed',
        });
      }
      // Date.parse of a missing or malformed end is NaN, which compares false: that end has its own issue.
      if (Date.parse(request.from) > Date.parse(request.to)) {
        context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
      }
    },
    // Run even when other fields are bad, so one reply names every problem; the checks above tolerate bad fields.
    { when: () => true },
  );
export type AlertEvidenceRequest = z.input<typeof alertEvidenceRequestSchema>;

export const containmentEvidenceRequestSchema = z
  .object({
    incidentId: incidentIdSchema,
    actor: actorSchema,
    /** What the containment action did, as its activity reported it. */
    record: z.record(z.string(), z.json()),
    name: artifactNameSchema.default('containment-record.json'),
    captureKey: captureKeySchema,
  })
  .strict();
export type ContainmentEvidenceRequest = z.input<typeof containmentEvidenceRequestSchema>;

export const uploadRequestSchema = z
  .object({
    incidentId: incidentIdSchema,
    actor: actorSchema,
    name: artifactNameSchema,
    mediaType: mediaTypeSchema.default('application/octet-stream'),
    captureKey: captureKeySchema,
  })
  .strict();
export type UploadRequest = z.input<typeof uploadRequestSchema>;

export const viewRequestSchema = z
  .object({ incidentId: incidentIdSchema, artifactId: z.uuid(), actor: actorSchema })
  .strict();
export type ViewRequest = z.input<typeof viewRequestSchema>;

/** Parses a request, or throws EvidenceRequestError naming every bad field (never its value). */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new EvidenceRequestError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`),
    );
  }

  return parsed.data;
}
