import type { IncidentFactsInput } from '../../src/obligations/facts';

/** The facts of a reportable snooping breach in Texas, discovered when the incident opened. */
export function texasFacts(discoveredAt: string, texans = 212): IncidentFactsInput {
  return {
    discoveredAt,
    timeZone: 'America/Chicago',
    entityRole: 'covered-entity',
    breach: { startedAt: discoveredAt },
    affected: [{ jurisdiction: 'US-TX', count: texans }],
    dataElements: ['name', 'medical'],
    encryption: { encrypted: false, keyCompromised: false },
  };
}
