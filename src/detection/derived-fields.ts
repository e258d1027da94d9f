import type { CompileContext } from './compile-context';
import { isHourField, localHour, unusualHours } from './derived-hours';
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
 * The history is read once, narrow (no details, no hashes). New networks
 * and patients are computed per event over it into (tenant_id, seq, field)
 * rows; unusual hours per hour bucket (derived-hours.ts). Both are joined
 * to the events at or after `lowerBound`.
 */
export function derivedSource(fields: readonly HistoryField[], lowerBound: string, ctx: CompileContext): Source {
  const lookback = Math.max(...fields.map((field) => field.lookbackDays));
  const history = ctx.cte('history', historySql(fields, `${lowerBound} - ${ctx.days(lookback)}`, ctx));

  const columns: string[] = [];
  let joins = '';
  const perEvent = fields.filter((field) => !isHourField(field));
  if (perEvent.length > 0) {
    const flags = eventWindowFlags(perEvent, history, lowerBound, ctx);
    columns.push(...perEvent.map((field) => `f.${field.name}`));
    joins += ` JOIN ${flags} f ON f.tenant_id = e.tenant_id AND f.seq = e.seq`;
  }
  for (const field of fields.filter(isHourField)) {
    const lookup = unusualHours(field, history, lowerBound, ctx);
    columns.push(`${lookup.value} AS ${field.name}`);
    joins += lookup.join;
  }

  return {
    name: ctx.cte(
      'derived',
      `SELECT e.*, ${columns.join(', ')} FROM audit_events e${joins}` +
        ` WHERE ${ctx.scope.stored('e')} AND e.occurred_at >= ${lowerBound}`,
    ),
  };
}

const NETWORK = 'network(set_masklen(a.ip_address, CASE family(a.ip_address) WHEN 4 THEN 24 ELSE 64 END))';

function historySql(fields: readonly HistoryField[], from: string, ctx: CompileContext): string {
  const wants = (name: string): boolean => fields.some((field) => field.name === name);
  const columns = [
    'a.tenant_id',
    'a.user_id',
    'a.seq',
    'a.occurred_at',
    ...(wants(DerivedFieldName.networkNewForUser) ? [`${NETWORK} AS network`] : []),
    ...(wants(DerivedFieldName.patientNewForUser) ? ['a.patient_id'] : []),
    ...(fields.some(isHourField) ? [`${localHour('a.occurred_at', ctx)} AS lh`] : []),
  ];

  return (
    `SELECT ${columns.join(', ')} FROM audit_events a` + ` WHERE ${ctx.scope.stored('a')} AND a.occurred_at >= ${from}`
  );
}

/**
 * Partitions name user and patient ids in the "C" collation: it gives the
 * same partitions (equality does not depend on collation) and sorts by
 * plain byte comparison, several times faster over a million rows.
 */
const BY_USER = 'PARTITION BY h.tenant_id, h.user_id COLLATE "C"';

const PREVIOUS_ANY = `lag(h.occurred_at) OVER (${BY_USER} ORDER BY h.occurred_at, h.seq)`;

/** New networks and new patients: each event against the user's previous event, previous one from that network, and so on. */
function eventWindowFlags(
  fields: readonly HistoryField[],
  history: string,
  lowerBound: string,
  ctx: CompileContext,
): string {
  const windows = [`${PREVIOUS_ANY} AS previous_any`];
  if (fields.some((field) => field.name === DerivedFieldName.networkNewForUser)) {
    windows.push(
      `lag(h.occurred_at) OVER (${BY_USER}, h.network ORDER BY h.occurred_at, h.seq)` + ' AS previous_same_network',
    );
  }
  if (fields.some((field) => field.name === DerivedFieldName.patientNewForUser)) {
    windows.push(
      `lag(h.occurred_at) OVER (${BY_USER}, h.patient_id COLLATE "C" ORDER BY h.occurred_at, h.seq)` +
        ` AS previous_same_patient, min(h.occurred_at) OVER (${BY_USER}) AS first_seen`,
    );
  }
  const values = fields.map((field) => `${eventValue(field, ctx)} AS ${field.name}`);

  return ctx.cte(
    'event_flags',
    `SELECT h.tenant_id, h.seq, ${values.join(', ')} FROM (SELECT h.*, ${windows.join(', ')} FROM ${history} h) h` +
      ` WHERE h.occurred_at >= ${lowerBound}`,
  );
}

function eventValue(field: HistoryField, ctx: CompileContext): string {
  const since = `h.occurred_at - ${ctx.days(field.lookbackDays)}`;
  const hasBaseline = `coalesce(h.previous_any >= ${since}, false)`;
  switch (field.name) {
    case DerivedFieldName.networkNewForUser:
      return (
        `(h.network IS NOT NULL AND ${hasBaseline}` +
        ` AND (h.previous_same_network IS NULL OR h.previous_same_network < ${since}))`
      );
    case DerivedFieldName.patientNewForUser:
      return (
        `(h.patient_id IS NOT NULL AND h.first_seen <= h.occurred_at - ${ctx.days(field.settleDays)}` +
        ` AND (h.previous_same_patient IS NULL OR h.previous_same_patient < ${since}))`
      );
    case DerivedFieldName.hourUnusualForUser:
      throw new Error('hour_unusual_for_user is computed per hour bucket (derived-hours.ts)');
  }
}
