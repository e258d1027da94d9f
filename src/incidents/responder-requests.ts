import { z } from 'zod';

/** Responder ids are account names, not people's details: safe in timelines and messages. */
const responderId = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ @ -');

export const acknowledgeRequestSchema = z
  .object({
    responderId,
    note: z.string().max(4000).optional(),
  })
  .strict();
export type AcknowledgeRequest = z.infer<typeof acknowledgeRequestSchema>;

export const closeRequestSchema = z
  .object({
    responderId,
    reason: z.string().min(1).max(4000),
  })
  .strict();
export type CloseRequest = z.infer<typeof closeRequestSchema>;

/** One line per problem, naming the field and never echoing its value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
}
