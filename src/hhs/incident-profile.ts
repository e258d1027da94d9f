import { z } from 'zod';
import { usJurisdictions } from '../obligations/facts';
import {
  ActionTaken,
  actionTakenTerms,
  BreachLocation,
  breachLocationTerms,
  BreachType,
  breachTypeTerms,
  CoveredEntityType,
  inFormOrder,
  Safeguard,
  safeguardTerms,
} from './form-vocabulary';

/**
 * What the OCR form asks that the incident facts do not hold, because no
 * deadline depends on it: the kind of entity, where it is, how the breach
 * happened, where the information was, the safeguards in place before and
 * the actions taken since. It travels next to the facts; the facts keep what
 * deadlines need (dates, counts per jurisdiction, role).
 */

const distinctInFormOrder =
  <T extends string>(terms: Readonly<Record<T, { label: string }>>) =>
  (values: T[]): T[] =>
    inFormOrder(terms, values);

export const hhsIncidentProfileSchema = z
  .object({
    /** The entity type as OCR's listing records it (`business-associate` when a BA filed). */
    entityType: z.enum(CoveredEntityType),
    /** The state or territory of the entity's address, e.g. `US-MA`; not where the affected people live. */
    state: z.enum(usJurisdictions, { error: 'must be an ISO 3166-2 US code such as US-MA' }),
    breachTypes: z.array(z.enum(BreachType)).min(1).transform(distinctInFormOrder(breachTypeTerms)),
    locations: z.array(z.enum(BreachLocation)).min(1).transform(distinctInFormOrder(breachLocationTerms)),
    /** Whether the breach occurred at or by a business associate ("Business Associate Present"). */
    businessAssociatePresent: z.boolean(),
    /** Empty until someone says; OCR's public listing does not show them. */
    safeguards: z.array(z.enum(Safeguard)).default([]).transform(distinctInFormOrder(safeguardTerms)),
    actionsTaken: z.array(z.enum(ActionTaken)).default([]).transform(distinctInFormOrder(actionTakenTerms)),
  })
  .strict()
  .refine((profile) => !profile.safeguards.includes('none') || profile.safeguards.length === 1, {
    error: 'lists None together with safeguards that were in place',
    path: ['safeguards'],
  });

export type HhsIncidentProfileInput = z.input<typeof hhsIncidentProfileSchema>;
export type HhsIncidentProfile = z.output<typeof hhsIncidentProfileSchema>;
