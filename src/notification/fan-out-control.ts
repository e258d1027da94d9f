import { z } from 'zod';
import { IncidentRole } from '../incidents/vocabulary';

/**
 * Legal's controls over a running fan-out: pause and resume. Who may use
 * them is the privacy office's and legal's call (45 CFR 164.530(a)), with
 * admins standing in; the reason is free text kept with the workflow only.
 */

const accountId = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ @ -');

export const fanOutControlRequestSchema = z
  .object({
    actorId: accountId,
    role: z.enum(IncidentRole, { error: 'must be responder, privacy-officer, legal or admin' }),
    reason: z.string().trim().min(1).max(500, 'must be at most 500 characters').optional(),
  })
  .strict();
export type FanOutControlRequest = z.infer<typeof fanOutControlRequestSchema>;

export const fanOutControlRoles: readonly IncidentRole[] = [
  IncidentRole.legal,
  IncidentRole.privacyOfficer,
  IncidentRole.admin,
];

/** Why the request may not pause or resume, or undefined when it may; never echoes a value. */
export function controlRefusal(raw: unknown): string | undefined {
  const parsed = fanOutControlRequestSchema.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
  }
  if (!fanOutControlRoles.includes(parsed.data.role)) {
    return `the ${parsed.data.role} role may not pause or resume notification; it takes ${fanOutControlRoles.join(' or ')}`;
  }

  return undefined;
}
