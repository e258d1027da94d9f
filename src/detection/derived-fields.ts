import type { CompileContext, Instant } from './compile-context';
import { isHourField, localHour, unusualHours } from './derived-hours';
import { isNoveltyField, keyColumn, networkOf, novelty, userDays } from './derived-novelty';
import type { EventPart } from './compile-detection';
import { DerivedFieldName, type HistoryField } from './field-mapping';

/**
 * Fields computed from the user's own history rather than stored:
 *
 * - network_new_for_user: the event came from a /24 (IPv4) or /64 (IPv6)
 *   the user did not use in the previous `lookbackDays`.
 * - hour_unusual_for_user: the event falls outside the user's established
 *   working hours. Established means from earlier shifts: events at least
 *   ESTABLISHED_AFTER before this one, within the previous `lookbackDays`.
 *   The hour is unusual when the user has such history and none of it lies
 *   within ±`spreadHours` of this hour of the day (in the sweep's time
 *   zone). The session in progress never vouches for itself: an intruder's
 *   03:00 login does not make the reads after it look usual.
 * - patient_new_for_user: the event names a patient the user did not touch
 *   in the previous `lookbackDays`, and the user's history in the look-back
 *   reaches back at least `settleDays`.
 *
 * All are false for a user with no history at all in the look-back: with
 * no baseline, everything would look unusual. "Previous" means earlier by
 * (occurred_at, seq), so an earlier event of the same session counts for
 * the network and the patient, and only the first event from a new
 * network or of a new patient is flagged.
 *
 * They are computed set-wise, with window functions over the history,
 * never per event: a sweep over a million events would otherwise run a
 * million subqueries. The joins that bring the results back to the events
 * are hash joins of whole sets; rules run with nested loops off
 * (RULE_SETTINGS in evaluate-rules.ts), because with stale statistics
 * (right after a bulk ingest, and always on PGlite, which has no
 * autovacuum) the planner chose them, and took minutes over a few
 * thousand events.
 */

interface Source {
  /** A CTE with every audit_events column plus one boolean column per derived field, named as the field. */
  name: string;
}

/**
 * The parts of an event small enough to travel with the history through
 * its sorts. A rule whose condition reads only these is evaluated on the
 * history rows themselves; any other reads the events a second time, and
 * the fields are joined to them.
 */
const CARRIED = new Set<EventPart>([
  'tenant_id',
  'seq',
  'id',
  'occurred_at',
  'user_id',
  'ip_address',
  'action',
  'resource_type',
  'resource_id',
  'patient_id',
  'phi_accessed',
  'outcome',
]);

/** What the rule being compiled asks of the derived source. */
export interface RuleNeeds {
  fields: readonly HistoryField[];
  reads: ReadonlySet<EventPart>;
  /** The rule's condition over `e`, in which each history field appears as `e.<name>`. */
  predicate: string;
}

/**
 * The users with an event in the sweep that could match the rule for some
 * value of its history fields: the condition holds with each field set to
 * true or to false, in every combination. Only their history is worth
 * reading; for a rule about outside networks that is usually nobody.
 * The fields' names are the code's own (DerivedFieldName), never rule text.
 */
function candidateUsers(rule: RuleNeeds, lowerBound: Instant, ctx: CompileContext): string {
  let cases = [rule.predicate];
  for (const field of rule.fields) {
    const reference = new RegExp(String.raw`\be\.${field.name}\b`, 'g');
    cases = cases.flatMap((sql) => [sql.replace(reference, 'true'), sql.replace(reference, 'false')]);
  }

  return (
    `SELECT DISTINCT e.tenant_id, e.user_id FROM audit_events e WHERE ${ctx.scope.candidate('e')}` +
    ` AND e.occurred_at >= ${lowerBound.sql} AND (${cases.join(' OR ')})`
  );
}

/**
 * The history is read once, narrow, and each field is computed over it
 * per bucket: new networks and patients per (user, key, day)
 * (derived-novelty.ts), unusual hours per (user, local hour)
 * (derived-hours.ts). The answers are joined to the events on their
 * bucket. When the rule reads nothing else of an event, the events are the
 * history's own rows, and the table is read once.
 *
 * The history is read only for the users who could match: one more read
 * of the sweep's events, which for a rule about outside networks usually
 * leaves nothing to compute, and for a sweep of a few minutes' events a
 * handful of users. Hour fields skip that read when the new events span
 * their look-back, as in a first sweep over a whole log: their rules (PHI
 * read at an odd hour) could then match for nearly every user, and the
 * read would cost as much as it saves.
 */
export function derivedSource(rule: RuleNeeds, lowerBound: Instant, ctx: CompileContext): Source {
  const { fields, reads } = rule;
  const lookback = Math.max(...fields.map((field) => field.lookbackDays));
  const from = `${lowerBound.sql} - ${ctx.days(lookback)}`;
  const novel = fields.filter(isNoveltyField);
  const narrowed = novel.length > 0 || ctx.newSpanMs < lookback * DAY_MS;
  const users = narrowed ? `(a.tenant_id, a.user_id) IN (${candidateUsers(rule, lowerBound, ctx)})` : 'true';
  const carries = [...reads].every((part) => CARRIED.has(part));
  const carried = carries ? [...reads].filter((part) => !HISTORY_COLUMNS.includes(part)) : [];
  const history = ctx.cte('history', historySql(fields, from, carried, ctx, users));
  const events = carries ? history : 'audit_events';

  const columns: string[] = [];
  let joins = '';
  const days = novel.length > 0 ? userDays(history, ctx) : '';
  for (const field of novel) {
    const key = carries
      ? `e.${keyColumn(field)}`
      : field.name === DerivedFieldName.networkNewForUser
        ? networkOf('e.ip_address')
        : 'e.patient_id';
    const lookup = novelty(field, history, days, lowerBound.sql, key, ctx);
    columns.push(`${lookup.value} AS ${field.name}`);
    joins += lookup.join;
  }
  for (const field of fields.filter(isHourField)) {
    const lookup = unusualHours(
      field,
      history,
      lowerBound.sql,
      carries ? 'e.lh' : localHour('e.occurred_at', ctx),
      ctx,
    );
    columns.push(`${lookup.value} AS ${field.name}`);
    joins += lookup.join;
  }

  return {
    name: ctx.cte(
      'derived',
      `SELECT e.*, ${columns.join(', ')} FROM ${events} e${joins}` +
        ` WHERE ${ctx.scope.stored('e')} AND e.occurred_at >= ${lowerBound.sql}`,
    ),
  };
}

const DAY_MS = 86_400_000;

const HISTORY_COLUMNS: readonly EventPart[] = ['tenant_id', 'user_id', 'seq', 'occurred_at'];

function historySql(
  fields: readonly HistoryField[],
  from: string,
  carried: readonly EventPart[],
  ctx: CompileContext,
  users: string,
): string {
  const wants = (name: string): boolean => fields.some((field) => field.name === name);
  const patient = wants(DerivedFieldName.patientNewForUser) && !carried.includes('patient_id');
  const columns = [
    ...[...HISTORY_COLUMNS, ...carried].map((column) => `a.${column}`),
    ...(wants(DerivedFieldName.networkNewForUser) ? [`${networkOf('a.ip_address')} AS network`] : []),
    ...(patient ? ['a.patient_id'] : []),
    ...(fields.some(isHourField) ? [`${localHour('a.occurred_at', ctx)} AS lh`] : []),
  ];

  return (
    `SELECT ${columns.join(', ')} FROM audit_events a` +
    ` WHERE ${ctx.scope.stored('a')} AND a.occurred_at >= ${from} AND ${users}`
  );
}
