import { z } from 'zod';
import { timestampSchema } from '../audit/event';
import { GdprRisk } from './rules/gdpr';

/**
 * What the organisation decides, as opposed to what happened: its own target
 * for notices the law wants "without unreasonable delay", the risk its GDPR
 * assessment found, a shorter business-associate-agreement deadline, and
 * which notices it has already given (which fixes the dates of notices timed
 * against them).
 */

/** Half HIPAA's outer limit: a target that leaves room before any 45- or 60-day statute. */
export const DEFAULT_INTERNAL_TARGET_DAYS = 30;

export const obligationOptionsSchema = z
  .object({
    /** Days after the anchor by which the organisation aims to give a notice that has no fixed limit. */
    internalTargetDays: z.number().int().min(1).max(365).default(DEFAULT_INTERNAL_TARGET_DAYS),
    /** Obligation id → when it was met (an instant with offset). */
    met: z.record(z.string().min(1), timestampSchema).default({}),
    /** The GDPR risk assessment: Art. 33 unless `unlikely`, Art. 34 only when `high`. */
    gdprRisk: z.enum(GdprRisk).default('risk'),
    /** A business associate agreement's deadline to the covered entity, when shorter than HIPAA's 60 days. */
    businessAssociateAgreementDays: z.number().int().min(1).max(60).optional(),
  })
  .strict();

export type ObligationOptionsInput = z.input<typeof obligationOptionsSchema>;
export type ObligationOptions = z.output<typeof obligationOptionsSchema>;
