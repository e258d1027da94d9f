import { addHours, civilDateOf } from './civil-time';
import type { CivilDate, Deadline, Obligation } from './obligation';
import { civilDateAfter } from './state-deadlines';

/**
 * Deadlines timed against another notice. Once that notice is recorded as
 * met, they become fixed (California's AG: 15 days after the consumer
 * notice went out); until then each carries the latest date it could fall on,
 * if the other notice is given on its own last day.
 */

type Relative = Extract<Deadline, { kind: 'relative' }>;

function calendarOf(obligation: Obligation): string {
  return obligation.businessDayCalendar ?? obligation.jurisdiction;
}

function resolved(obligation: Obligation, deadline: Relative, metAt: string): Deadline {
  const period = deadline.period;
  if (deadline.relation !== 'after' || period === undefined) return { kind: 'instant', dueAt: addHours(metAt, 0) };
  if (period.unit === 'hours') return { kind: 'instant', dueAt: addHours(metAt, period.count) };

  const metDate = civilDateOf(metAt, obligation.timeZone);
  return { kind: 'civil-date', dueDate: civilDateAfter(metDate, period, calendarOf(obligation)) };
}

/** The last civil day an obligation can be due on, or undefined when nothing bounds it. */
function latestDate(
  obligation: Obligation | undefined,
  byId: Map<string, Obligation>,
  seen: Set<string>,
): CivilDate | undefined {
  if (!obligation || seen.has(obligation.id)) return undefined;

  const deadline = obligation.deadline;
  switch (deadline.kind) {
    case 'instant':
      return civilDateOf(deadline.dueAt, obligation.timeZone);
    case 'civil-date':
      return deadline.dueDate;
    case 'without-unreasonable-delay':
      return deadline.targetDate;
    case 'relative': {
      const target = latestDate(byId.get(deadline.to), byId, new Set([...seen, obligation.id]));
      if (target === undefined) return undefined;
      return deadline.relation === 'after' && deadline.period
        ? civilDateAfter(target, deadline.period, calendarOf(obligation))
        : target;
    }
  }
}

export function resolveRelativeDeadlines(
  obligations: Obligation[],
  met: Readonly<Record<string, string>>,
): Obligation[] {
  const byId = new Map(obligations.map((obligation) => [obligation.id, obligation]));

  return obligations.map((obligation) => {
    const metAt = met[obligation.id];
    const withMet = metAt === undefined ? obligation : { ...obligation, metAt };
    const deadline = obligation.deadline;
    if (deadline.kind !== 'relative') return withMet;

    const targetMetAt = met[deadline.to];
    if (targetMetAt !== undefined) {
      const reason = `${deadline.to} was met on ${civilDateOf(targetMetAt, obligation.timeZone)}`;
      return {
        ...withMet,
        deadline: resolved(obligation, deadline, targetMetAt),
        reasons: [...obligation.reasons, reason],
      };
    }
    const latest = latestDate(obligation, byId, new Set());
    return latest === undefined ? withMet : { ...withMet, deadline: { ...deadline, latestDate: latest } };
  });
}
