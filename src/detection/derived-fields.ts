import type { CompileContext } from './compile-context';
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
 * They are computed set-wise with window functions over the history, in
 * one pass with no join: a sweep over a million events would otherwise run
 * a million subqueries, and a join of the history with itself is planned
 * as a nested loop whenever the statistics are stale (right after a bulk
 * ingest, and always on PGlite, which has no autovacuum), which takes
 * minutes on a few thousand events.
 */

/**
 * Half a day: longer than any session or shift, so this shift's own events
 * never count as established, and shorter than a day less the spread, so
 * yesterday's events at the same hour always do. A constant of the code,
 * written into the SQL as a literal.
 */
const ESTABLISHED_AFTER = "interval '12 hours'";

const HOURS_OF_DAY = Array.from({ length: 24 }, (_, hour) => hour);

interface Source {
  /** A CTE with every audit_events column plus one boolean column per derived field, named as the field. */
  name: string;
}

export function derivedSource(fields: readonly HistoryField[], lowerBound: string, ctx: CompileContext): Source {
  const lookback = Math.max(...fields.map((field) => field.lookbackDays));
  const history = ctx.cte('history', historySql(fields, `${lowerBound} - ${ctx.days(lookback)}`, ctx));

  const columns = fields.map((field) => `${derivedValue(field, ctx)} AS ${field.name}`);

  return { name: ctx.cte('derived', `SELECT h.*, ${columns.join(', ')} FROM ${history} h`) };
}

const PREVIOUS_ANY = 'lag(a.occurred_at) OVER (PARTITION BY a.tenant_id, a.user_id ORDER BY a.occurred_at, a.seq)';

function historySql(fields: readonly HistoryField[], from: string, ctx: CompileContext): string {
  const network = 'network(set_masklen(a.ip_address, CASE family(a.ip_address) WHEN 4 THEN 24 ELSE 64 END))';
  const sameNetwork = fields.some((field) => field.name === DerivedFieldName.networkNewForUser)
    ? `, lag(a.occurred_at) OVER (PARTITION BY a.tenant_id, a.user_id, ${network} ORDER BY a.occurred_at, a.seq)` +
      ' AS previous_same_network'
    : '';

  const samePatient = fields.some((field) => field.name === DerivedFieldName.patientNewForUser)
    ? `, lag(a.occurred_at) OVER (PARTITION BY a.tenant_id, a.user_id, a.patient_id ORDER BY a.occurred_at, a.seq)` +
      ' AS previous_same_patient, min(a.occurred_at) OVER (PARTITION BY a.tenant_id, a.user_id) AS first_seen'
    : '';

  const hours = fields.some((field) => field.name === DerivedFieldName.hourUnusualForUser);
  const source = hours
    ? `(SELECT a.*, extract(hour FROM a.occurred_at AT TIME ZONE ${ctx.scope.timeZone})::int AS local_hour` +
      ` FROM audit_events a WHERE ${ctx.scope.stored('a')} AND a.occurred_at >= ${from}) a`
    : `audit_events a WHERE ${ctx.scope.stored('a')} AND a.occurred_at >= ${from}`;

  return (
    `SELECT a.*, ${PREVIOUS_ANY} AS previous_any${sameNetwork}${samePatient}${hours ? establishedHours() : ''}` +
    ` FROM ${source}` +
    (hours
      ? ' WINDOW established AS (PARTITION BY a.tenant_id, a.user_id ORDER BY a.occurred_at' +
        ` RANGE BETWEEN UNBOUNDED PRECEDING AND ${ESTABLISHED_AFTER} PRECEDING)`
      : '')
  );
}

/**
 * The user's latest established event (previous_established) and, for each
 * local hour of the day, the latest established event at that hour
 * (established_hours[hour + 1]): 25 running maxima over one window, whose
 * frame start never moves, so each row costs the same however long the
 * history.
 */
function establishedHours(): string {
  const byHour = HOURS_OF_DAY.map(
    (hour) => `max(a.occurred_at) FILTER (WHERE a.local_hour = ${hour}) OVER established`,
  );

  return (
    ', max(a.occurred_at) OVER established AS previous_established' +
    `, ARRAY[${byHour.join(', ')}] AS established_hours`
  );
}

/** The latest established event within ±spread hours of the event's local hour (greatest skips nulls). */
function establishedNearHour(spreadHours: number, ctx: CompileContext): string {
  const offsets = Array.from({ length: 2 * spreadHours + 1 }, (_, i) => i - spreadHours);
  const slots = offsets.map(
    (offset) => `h.established_hours[(h.local_hour + ${ctx.params.add(offset + 24, 'int')}) % 24 + 1]`,
  );

  return `greatest(${slots.join(', ')})`;
}

function derivedValue(field: HistoryField, ctx: CompileContext): string {
  const since = `h.occurred_at - ${ctx.days(field.lookbackDays)}`;
  const hasBaseline = `coalesce(h.previous_any >= ${since}, false)`;
  switch (field.name) {
    case DerivedFieldName.networkNewForUser:
      return (
        `(h.ip_address IS NOT NULL AND ${hasBaseline}` +
        ` AND (h.previous_same_network IS NULL OR h.previous_same_network < ${since}))`
      );
    case DerivedFieldName.patientNewForUser:
      return (
        `(h.patient_id IS NOT NULL AND h.first_seen <= h.occurred_at - ${ctx.days(field.settleDays)}` +
        ` AND (h.previous_same_patient IS NULL OR h.previous_same_patient < ${since}))`
      );
    case DerivedFieldName.hourUnusualForUser:
      return (
        `(coalesce(h.previous_established >= ${since}, false)` +
        ` AND coalesce(${establishedNearHour(field.spreadHours, ctx)} < ${since}, true))`
      );
  }
}
