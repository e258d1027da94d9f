import { z } from 'zod';
import { RiskRating } from './vocabulary';

/**
 * What a privacy officer submits as the breach risk assessment. Every
 * finding carries a rationale, because a "not reportable" conclusion is only
 * as good as its documentation (45 CFR 164.414(b)).
 *
 * The sections follow the order of the decision: is it PHI, was it secured,
 * does an exception apply, and only then the four factors. A section is
 * required once the decision reaches it, so a not-PHI finding needs no factor
 * ratings; sections filled in beyond that point are kept but not needed.
 *
 * Rationales are free text kept with the incident and printed in the closure
 * report: they should describe the data and the people by kind and role
 * (e.g. "names and visit dates of 212 patients", "a billing clerk"), never
 * name a patient.
 */

/** Messages say "required" for a missing field and what is expected otherwise, never echoing the value. */
function expecting(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : expected);
}

const MAX_RATIONALE = 4000;

const rationale = z
  .string({ error: expecting('must be text') })
  .trim()
  .min(1, 'required: explain the finding')
  .max(MAX_RATIONALE, `must be at most ${MAX_RATIONALE} characters`);

const yesNo = z.boolean({ error: expecting('must be true or false') });

const rating = z.enum(RiskRating, { error: expecting('must be low, medium or high') });

/** The same rule as responder ids: account names, safe to show in reports and messages. */
const assessorId = z
  .string({ error: expecting('must be text') })
  .regex(/^[A-Za-z0-9._@-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ @ -');

/** A NIST publication or FIPS process, recorded as used: whether a newer revision meets the 2009 guidance is a legal judgment. */
const standard = z
  .string({ error: expecting('must be text, e.g. NIST SP 800-111') })
  .trim()
  .min(1, 'required: name the standard followed, e.g. NIST SP 800-111')
  .max(200, 'must be at most 200 characters');

function section<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape, { error: expecting('must be an object') }).strict();
}

const phiFinding = section({ involved: yesNo, rationale });

const securingFinding = z.discriminatedUnion(
  'method',
  [
    section({ method: z.literal('none'), rationale }),
    section({ method: z.literal('encryption'), standard, keyCompromised: yesNo, rationale }),
    section({ method: z.literal('destruction'), standard, rationale }),
  ],
  { error: expecting('method must be none, encryption or destruction') },
);

const exceptionFinding = section({ applies: yesNo, rationale });

const factorFinding = section({ rating, rationale });

const exceptionFindings = section({
  unintentionalWorkforceUse: exceptionFinding,
  inadvertentAuthorizedDisclosure: exceptionFinding,
  recipientCouldNotRetain: exceptionFinding,
});

const factorFindings = section({
  natureAndExtent: factorFinding,
  unauthorizedPerson: factorFinding,
  acquiredOrViewed: factorFinding,
  mitigation: factorFinding,
});

/** The rule asks for "at least" the four factors; an assessor may weigh more. */
const otherFactor = section({
  name: z
    .string({ error: expecting('must be text') })
    .trim()
    .min(1, 'required: name the factor')
    .max(200, 'must be at most 200 characters'),
  rating,
  rationale,
});

export const riskAssessmentSubmissionSchema = z
  .object(
    {
      assessedBy: assessorId,
      assessedAt: z.iso.datetime({ offset: true, error: expecting('must be an ISO 8601 instant with an offset') }),
      phi: phiFinding,
      securing: securingFinding.optional(),
      exceptions: exceptionFindings.optional(),
      factors: factorFindings.optional(),
      otherFactors: z.array(otherFactor).max(20, 'at most 20 other factors').optional(),
    },
    { error: expecting('must be an object') },
  )
  .strict()
  .superRefine(requireReachedSections, { when: () => true });

export type RiskAssessmentSubmission = z.output<typeof riskAssessmentSubmissionSchema>;
export type PhiFinding = z.output<typeof phiFinding>;
export type SecuringFinding = z.output<typeof securingFinding>;
export type ExceptionFindings = z.output<typeof exceptionFindings>;
export type FactorFindings = z.output<typeof factorFindings>;

/** Reads a path of a value that may not have passed validation yet. */
function valueAt(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function isSecured(securing: unknown): boolean {
  const method = valueAt(securing, 'method');
  return method === 'destruction' || (method === 'encryption' && valueAt(securing, 'keyCompromised') === false);
}

function anyExceptionApplies(exceptions: unknown): boolean {
  if (typeof exceptions !== 'object' || exceptions === null) return false;
  return Object.values(exceptions).some((finding) => valueAt(finding, 'applies') === true);
}

/**
 * Runs even when other fields are invalid (`when` above), so one answer names
 * every problem. A section counts as reached unless a finding before it that
 * ends the decision was actually made; an unreadable finding ends nothing.
 */
function requireReachedSections(value: unknown, ctx: z.RefinementCtx): void {
  if (typeof value !== 'object' || value === null) return;
  const missing = (section: string, message: string) => {
    if (valueAt(value, section) === undefined) ctx.addIssue({ code: 'custom', path: [section], message });
  };

  if (valueAt(value, 'phi', 'involved') === false) return;
  missing('securing', 'required when the information is PHI');

  if (isSecured(valueAt(value, 'securing'))) return;
  missing('exceptions', 'required when the PHI was not secured');

  if (anyExceptionApplies(valueAt(value, 'exceptions'))) return;
  missing('factors', 'required when no exception applies');
}

export interface FieldProblem {
  /** Dotted path of the field, e.g. `factors.mitigation.rationale`. */
  field: string;
  problem: string;
}

/** Thrown when a submission is refused; `problems` names every bad field at once, never a value. */
export class RiskAssessmentRejectedError extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`Risk assessment rejected: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`);
    this.name = 'RiskAssessmentRejectedError';
  }
}

/** One problem per field; an unknown key is named as the field it tried to be. */
function toProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: at ? `${at}.${key}` : key, problem: 'not a field of the assessment' }));
    }
    return [{ field: at || 'submission', problem: issue.message }];
  });
}

/** Every problem with a submission, or none; for update validators that word their own refusal. */
export function riskAssessmentProblems(input: unknown): FieldProblem[] {
  const parsed = riskAssessmentSubmissionSchema.safeParse(input);
  return parsed.success ? [] : toProblems(parsed.error);
}

export function parseRiskAssessment(input: unknown): RiskAssessmentSubmission {
  const parsed = riskAssessmentSubmissionSchema.safeParse(input);
  if (!parsed.success) throw new RiskAssessmentRejectedError(toProblems(parsed.error));

  return parsed.data;
}
