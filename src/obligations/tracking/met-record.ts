import { z } from 'zod';
import { timestampSchema } from '../../audit/event';

/**
 * What legal records when a notice has gone out: when, how, and the
 * reference that proves it (an OCR portal transaction number, a certified
 * mail batch, an AG web-form confirmation). It is the record HIPAA's burden
 * of proof (45 CFR 164.414(b)) asks the organisation to keep.
 */

export const NoticeMethod = {
  mail: 'first-class-mail',
  email: 'email',
  portal: 'regulator-portal',
  webForm: 'web-form',
  pressRelease: 'press-release',
  websitePosting: 'website-posting',
  telephone: 'telephone',
  fax: 'fax',
  handDelivery: 'hand-delivery',
} as const;
export type NoticeMethod = (typeof NoticeMethod)[keyof typeof NoticeMethod];

/** Account names, not people's details: safe in status and logs. */
const actorId = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ @ -');

export const metRequestSchema = z
  .object({
    obligationId: z.string().min(1).max(200),
    metAt: timestampSchema,
    method: z.enum(NoticeMethod),
    /** Printable reference text; no line breaks, so it cannot forge lines in a reminder or report. */
    reference: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200)
      .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters'),
    recordedBy: actorId,
  })
  .strict();

export type MetRequest = z.input<typeof metRequestSchema>;
export type MetRecord = z.output<typeof metRequestSchema> & { recordedAt: string };

/** Tolerated clock skew between the caller and the workflow when a notice is recorded as given just now. */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Every problem with a met request, one line each, naming the field and never
 * echoing its value; empty when it is acceptable. `knownIds` are the
 * obligations being tracked, `alreadyMet` those recorded before.
 */
export function metRequestProblems(
  request: unknown,
  context: { knownIds: readonly string[]; alreadyMet: readonly string[]; discoveredAt: string; now: string },
): string[] {
  const parsed = metRequestSchema.safeParse(request);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`);
  }

  const { obligationId, metAt } = parsed.data;
  const problems: string[] = [];
  if (!context.knownIds.includes(obligationId)) problems.push('obligationId: no such obligation is tracked');
  if (context.alreadyMet.includes(obligationId)) problems.push('obligationId: already recorded as met');
  if (Date.parse(metAt) > Date.parse(context.now) + FUTURE_SKEW_MS) problems.push('metAt: must not be in the future');
  if (Date.parse(metAt) < Date.parse(context.discoveredAt)) problems.push('metAt: must not be before discoveredAt');

  return problems;
}
