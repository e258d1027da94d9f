import { dueDateOf, dueInstant } from '../due';
import type { Deadline, Obligation } from '../obligation';
import type { MetRecord } from './met-record';
import { nextReminder, type TrackedObligation, type TrackerState } from './tracker';

/**
 * What the tracking workflow answers to its `status` query: every obligation
 * with its due date, next reminder and met state. Ids, recipients, dates and
 * counts only, never patient data.
 */

export interface ObligationStatus {
  id: string;
  regime: Obligation['regime'];
  recipient: Obligation['recipient'];
  recipientName: string;
  jurisdiction: string;
  citation: string;
  deadlineKind: Deadline['kind'];
  /** The civil day it is due by, in the entity's zone; absent for a relative deadline with no bound yet. */
  dueDate?: string;
  /** The instant it is due by (end of `dueDate`, or the hour deadline itself). */
  dueAt?: string;
  /** For a deadline timed against another notice not yet given. */
  relativeTo?: string;
  lawEnforcementDelay?: Obligation['lawEnforcementDelay'];
  nextReminder?: { key: string; at: string; escalationLevel: number };
  remindersSent: number;
  overdue: boolean;
  met?: MetRecord;
}

export interface ObligationsStatus {
  incidentId: string;
  asOf: string;
  obligations: ObligationStatus[];
  /** Met records of obligations a later recomputation no longer lists (kept, never dropped). */
  metElsewhere: MetRecord[];
  recomputations: TrackerState['recomputations'];
  allMet: boolean;
}

function statusOf(entry: TrackedObligation, state: TrackerState, now: string): ObligationStatus {
  const { obligation } = entry;
  const dueAt = dueInstant(obligation);
  const dueDate = dueDateOf(obligation);
  const next = nextReminder(entry, state, now);
  const met = state.met[obligation.id];

  return {
    id: obligation.id,
    regime: obligation.regime,
    recipient: obligation.recipient,
    recipientName: obligation.recipientName,
    jurisdiction: obligation.jurisdiction,
    citation: obligation.citation,
    deadlineKind: obligation.deadline.kind,
    ...(dueDate === undefined ? {} : { dueDate }),
    ...(dueAt === undefined ? {} : { dueAt }),
    ...(obligation.deadline.kind === 'relative' ? { relativeTo: obligation.deadline.to } : {}),
    ...(obligation.lawEnforcementDelay ? { lawEnforcementDelay: obligation.lawEnforcementDelay } : {}),
    ...(next ? { nextReminder: { key: next.key, at: next.at, escalationLevel: next.escalationLevel } } : {}),
    remindersSent: entry.sent.length,
    overdue: met === undefined && dueAt !== undefined && now > dueAt,
    ...(met ? { met } : {}),
  };
}

export function trackerStatus(incidentId: string, state: TrackerState, now: string): ObligationsStatus {
  const listed = new Set(state.tracked.map((entry) => entry.obligation.id));
  const obligations = state.tracked.map((entry) => statusOf(entry, state, now));

  return {
    incidentId,
    asOf: now,
    obligations,
    metElsewhere: Object.values(state.met).filter((record) => !listed.has(record.obligationId)),
    recomputations: state.recomputations,
    allMet: obligations.every((entry) => entry.met !== undefined),
  };
}
