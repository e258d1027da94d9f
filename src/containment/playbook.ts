import { z } from 'zod';
import { ContainmentKind, ContainmentMode, TargetType, targetTypeOf } from './vocabulary';

/**
 * Containment playbooks: for each detection rule, the actions to take against
 * whoever the alert is about. A playbook names kinds of action only; the
 * target of each comes from the alert's subject when the incident opens
 * (suspend the user the alert grouped by, block its address). Pure, so the
 * incident workflow may plan with it; load-playbook.ts reads the YAML.
 */

/** More actions than kinds would mean a kind twice, which the schema refuses anyway. */
const MAX_ACTIONS_PER_RULE = Object.keys(ContainmentKind).length;

const ruleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,199}$/, 'must be a rule id such as prm-export-spike');

export const playbookActionSchema = z
  .object({
    kind: z.enum(ContainmentKind),
    mode: z.enum(ContainmentMode),
  })
  .strict();
export type PlaybookAction = z.infer<typeof playbookActionSchema>;

const ruleActionsSchema = z
  .array(playbookActionSchema)
  .max(MAX_ACTIONS_PER_RULE)
  .superRefine((actions, ctx) => {
    const kinds = actions.map((action) => action.kind);
    kinds.forEach((kind, index) => {
      if (kinds.indexOf(kind) !== index) {
        ctx.addIssue({ code: 'custom', path: [index, 'kind'], message: `"${kind}" is already listed for this rule` });
      }
    });
  });

export const playbookSchema = z
  .object({
    rules: z.record(ruleIdSchema, ruleActionsSchema),
  })
  .strict();
export type Playbook = z.infer<typeof playbookSchema>;

export const containmentTargetSchema = z
  .object({
    type: z.enum(TargetType),
    id: z.string().min(1).max(200),
  })
  .strict();
export type ContainmentTarget = z.infer<typeof containmentTargetSchema>;

/** Who an alert is about, as far as containment can act on it. An alert's `subject` fits as it is. */
export interface ContainmentSubject {
  userId?: string;
  ipAddress?: string;
  apiKeyId?: string;
}

export interface PlannedAction extends PlaybookAction {
  target: ContainmentTarget;
}

/** An action the playbook names but the alert gives no target for (a user-less alert cannot suspend anyone). */
export interface SkippedAction extends PlaybookAction {
  reason: string;
}

export interface ContainmentPlan {
  ruleId: string;
  actions: PlannedAction[];
  skipped: SkippedAction[];
}

const subjectField: Readonly<Record<TargetType, keyof ContainmentSubject>> = {
  user: 'userId',
  'ip-address': 'ipAddress',
  'api-key': 'apiKeyId',
};

/** The actions the playbook names for `ruleId`, each aimed at the alert's subject; a rule it lacks plans nothing. */
export function planContainment(playbook: Playbook, ruleId: string, subject: ContainmentSubject): ContainmentPlan {
  const plan: ContainmentPlan = { ruleId, actions: [], skipped: [] };

  for (const action of playbook.rules[ruleId] ?? []) {
    const type = targetTypeOf[action.kind];
    const id = subject[subjectField[type]];
    if (id) plan.actions.push({ ...action, target: { type, id } });
    else plan.skipped.push({ ...action, reason: `the alert names no ${type} to act on` });
  }

  return plan;
}
