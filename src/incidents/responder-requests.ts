import { z } from 'zod';
import { IncidentRole } from './vocabulary';

/**
 * What responders send to an incident. Every request names who acts and in
 * which role; the workflow checks the role against transitions.ts. Ids are
 * account names and references, never people's details, so they are safe in
 * timelines, the audit store and refusal messages. Free text (notes,
 * reasons) stays with the incident and is never copied into messages.
 */

const accountId = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ @ -');

const reference = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'must be 1 to 200 letters, digits or . _ : -');

const freeText = z.string().trim().min(1, 'required').max(4000, 'must be at most 4000 characters');

const actor = {
  actorId: accountId,
  role: z.enum(IncidentRole, { error: 'must be responder, privacy-officer, legal or admin' }),
};

export const acknowledgeRequestSchema = z.object({ ...actor, note: freeText.optional() }).strict();
export type AcknowledgeRequest = z.infer<typeof acknowledgeRequestSchema>;

export const assignRequestSchema = z.object({ ...actor, assigneeId: accountId }).strict();
export type AssignRequest = z.infer<typeof assignRequestSchema>;

export const noteRequestSchema = z.object({ ...actor, note: freeText }).strict();
export type NoteRequest = z.infer<typeof noteRequestSchema>;

export const containmentDecisionSchema = z
  .object({ ...actor, actionIndex: z.number().int().min(0), reason: freeText.optional() })
  .strict();
export type ContainmentDecision = z.infer<typeof containmentDecisionSchema>;

export const attachEvidenceRequestSchema = z
  .object({
    ...actor,
    artifactId: reference,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
    name: z.string().min(1).max(200),
    kind: z.string().regex(/^[a-z-]{1,40}$/, 'must be an artifact kind such as upload'),
  })
  .strict();
export type AttachEvidenceRequest = z.infer<typeof attachEvidenceRequestSchema>;

/** The assessment itself is checked by src/assessment/submission.ts, which names every bad field. */
export const submitAssessmentRequestSchema = z.object({ ...actor, submission: z.unknown() }).strict();
export type SubmitAssessmentRequest = z.infer<typeof submitAssessmentRequestSchema>;

const count = z.number().int().min(0);

const populationFields = {
  populationId: reference,
  total: count,
  byJurisdiction: z
    .record(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be a code such as US-CA or DE'), count)
    .default({}),
};

const withinTotal = (population: { total: number; byJurisdiction: Record<string, number> }) =>
  Object.values(population.byJurisdiction).every((n) => n <= population.total);
const WITHIN_TOTAL = { path: ['byJurisdiction'], error: 'no jurisdiction can count more residents than the total' };

/** The population alone, without who sets it: what the API takes in a body, the actor coming from the token. */
export const populationSchema = z.object(populationFields).strict().refine(withinTotal, WITHIN_TOTAL);

export const setPopulationRequestSchema = z
  .object({ ...actor, ...populationFields })
  .strict()
  .refine(withinTotal, WITHIN_TOTAL);
export type SetPopulationRequest = z.input<typeof setPopulationRequestSchema>;

/** The facts are checked by the obligations engine's schema (src/obligations/facts.ts), which names every bad field. */
export const setFactsRequestSchema = z
  .object({
    ...actor,
    facts: z.unknown(),
    /** Why, in a few words ("first facts", "Texas count corrected"): kept in the obligations status. */
    reason: z
      .string()
      .trim()
      .min(1, 'required')
      .max(200, 'must be at most 200 characters')
      .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters'),
  })
  .strict();
export type SetFactsRequest = z.infer<typeof setFactsRequestSchema>;

/** The notice text is checked by src/notification/notice-facts.ts, which names every bad field. */
export const startNotificationRequestSchema = z.object({ ...actor, notice: z.unknown() }).strict();
export type StartNotificationRequest = z.infer<typeof startNotificationRequestSchema>;

export const markFalsePositiveRequestSchema = z.object({ ...actor, reason: freeText }).strict();
export type MarkFalsePositiveRequest = z.infer<typeof markFalsePositiveRequestSchema>;

export const closeRequestSchema = z.object({ ...actor, reason: freeText }).strict();
export type CloseRequest = z.infer<typeof closeRequestSchema>;

/** One line per problem, naming the field and never echoing its value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
}
