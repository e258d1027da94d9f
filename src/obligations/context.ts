import { addCalendarDays, civilDateOf } from './civil-time';
import type { IncidentFacts } from './facts';
import { lawEnforcementWindow, type LawEnforcementWindow } from './law-enforcement-delay';
import type { CivilDate, Deadline } from './obligation';
import type { ObligationOptions } from './options';

/** The facts read once into the civil dates every rule counts from. */
export interface IncidentContext {
  facts: IncidentFacts;
  options: ObligationOptions;
  discoveryDate: CivilDate;
  determinationDate: CivilDate;
  totalAffected: number;
  /** Encrypted with a key that stayed safe: the shared test of HIPAA's and the states' safe harbors. */
  securedByEncryption: boolean;
  lawEnforcement?: LawEnforcementWindow;
}

export function incidentContext(facts: IncidentFacts, options: ObligationOptions): IncidentContext {
  const lawEnforcement = lawEnforcementWindow(facts);

  return {
    facts,
    options,
    discoveryDate: civilDateOf(facts.discoveredAt, facts.timeZone),
    determinationDate: civilDateOf(facts.determinedAt, facts.timeZone),
    totalAffected: facts.affected.reduce((sum, entry) => sum + entry.count, 0),
    securedByEncryption: facts.encryption.encrypted && !facts.encryption.keyCompromised,
    ...(lawEnforcement === undefined ? {} : { lawEnforcement }),
  };
}

/** The organisation's own target for a notice the law only wants "without unreasonable delay". */
export function internalTarget(anchor: CivilDate, context: IncidentContext): Deadline {
  const targetDays = context.options.internalTargetDays;

  return { kind: 'without-unreasonable-delay', targetDate: addCalendarDays(anchor, targetDays), targetDays };
}

export function encryptionReason(context: IncidentContext): string {
  return context.facts.encryption.encrypted
    ? 'data was encrypted but the key was compromised, so it counts as unsecured'
    : 'data was not encrypted';
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
