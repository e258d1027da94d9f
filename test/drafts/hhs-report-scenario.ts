import type { HhsBreachReportInput } from '../../src/drafts/hhs-breach-report';
import type { HhsIncidentProfileInput } from '../../src/hhs/incident-profile';
import { incidentFactsSchema, type IncidentFactsInput } from '../../src/obligations';

/** A hacked email server at a Boston provider, discovered late on a March evening; tests override what they vary. */

export const baseFacts: IncidentFactsInput = {
  // 23:30 EDT on 9 March is 10 March in UTC: the form's dates must be the entity's civil days.
  discoveredAt: '2026-03-09T23:30:00-04:00',
  determinedAt: '2026-03-20T10:00:00-04:00',
  timeZone: 'America/New_York',
  entityRole: 'covered-entity',
  breach: { startedAt: '2026-02-28T22:00:00-05:00', endedAt: '2026-03-02T08:00:00-05:00' },
  affected: [
    { jurisdiction: 'US-MA', count: 650 },
    { jurisdiction: 'US-NH', count: 40 },
  ],
  dataElements: ['name', 'medical'],
  encryption: { encrypted: false, keyCompromised: false },
};

export const baseProfile: HhsIncidentProfileInput = {
  entityType: 'healthcare-provider',
  state: 'US-MA',
  breachTypes: ['hacking-it-incident'],
  locations: ['network-server', 'email'],
  businessAssociatePresent: false,
  safeguards: ['security-technical', 'privacy-rule'],
  actionsTaken: ['trained-workforce'],
};

export function reportInput(
  facts: Partial<IncidentFactsInput> = {},
  profile: Partial<HhsIncidentProfileInput> = {},
): HhsBreachReportInput {
  return {
    facts: incidentFactsSchema.parse({ ...baseFacts, ...facts }),
    profile: { ...baseProfile, ...profile },
  };
}

/** A profile field set to a value no type allows, as a JSON file could hold it. */
export function withUntyped(field: keyof HhsIncidentProfileInput, value: unknown): HhsBreachReportInput {
  const input = reportInput();

  return { ...input, profile: { ...input.profile, [field]: value } };
}
