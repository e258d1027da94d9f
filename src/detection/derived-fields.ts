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
 * They are computed set-wise with window functions over the history
 * (one sort per field), not as a lookup per event: a sweep over a million
 * events would otherwise run a million subqueries.
 */

/**
 * Half a day: longer than any session or shift, so this shift's own events
 * never count as established, and shorter than a day less the spread, so
 * yesterday's events at the same hour always do. A constant of the code,
 * written into the SQL as a literal.
 */
const ESTABLISHED_AFTER = "interval '12 hours'";

/** A window frame over one partition ordered by occurred_at: every row at least ESTABLISHED_AFTER earlier. */
const ESTABLISHED_FRAME = `RANGE BETWEEN UNBOUNDED PRECEDING AND ${ESTABLISHED_AFTER} PRECEDING`;

interface Source {
  /** A CTE with every audit_events column plus one boolean column per derived field, named as the field. */
  name: string;
}

export function derivedSource(fields: readonly HistoryField[], lowerBound: string, ctx: CompileContext): Source {
  const lookback = Math.max(...fields.map((field) => field.lookbackDays));
  const history = ctx.cte('history', historySql(fields, `${lowerBound} - ${ctx.days(lookback)}`, ctx));
  const hourField = fields.find((field) => field.name === DerivedFieldName.hourUnusualForUser);
  const bands = hourField ? ctx.cte('hour_bands', hourBandsSql(history, hourField.spreadHours, ctx)) : undefined;

  const columns = fields.map((field) => `${derivedValue(field, bands, ctx)} AS ${field.name}`);
  const join = bands ? `LEFT JOIN ${bands} b ON b.tenant_id = h.tenant_id AND b.seq = h.seq AND b.own` : '';

  return { name: ctx.cte('derived', `SELECT h.*, ${columns.join(', ')} FROM ${history} h ${join}`) };
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

  const established = fields.some((field) => field.name === DerivedFieldName.hourUnusualForUser)
    ? `, max(a.occurred_at) OVER (PARTITION BY a.tenant_id, a.user_id ORDER BY a.occurred_at ${ESTABLISHED_FRAME})` +
      ' AS previous_established'
    : '';

  return (
    `SELECT a.*, ${PREVIOUS_ANY} AS previous_any${sameNetwork}${samePatient}${established} FROM audit_events a` +
    ` WHERE ${ctx.scope.stored('a')} AND a.occurred_at >= ${from}`
  );
}

/**
 * Each event is copied into the 2·spread+1 hour bands it belongs to; in
 * the band of its own hour, the latest row at least ESTABLISHED_AFTER
 * earlier is then the user's latest event of an earlier shift within
 * ±spread hours of it, whatever that event's hour.
 */
function hourBandsSql(history: string, spreadHours: number, ctx: CompileContext): string {
  const spread = ctx.params.add(spreadHours, 'int');
  const hour = `extract(hour FROM x.occurred_at AT TIME ZONE ${ctx.scope.timeZone})::int`;

  return (
    `SELECT y.tenant_id, y.seq, y.own, max(y.occurred_at) OVER ` +
    `(PARTITION BY y.tenant_id, y.user_id, y.band ORDER BY y.occurred_at ${ESTABLISHED_FRAME}) AS established_in_band` +
    ` FROM (` +
    `SELECT x.tenant_id, x.user_id, x.seq, x.occurred_at, s.shift = 0 AS own, (${hour} + s.shift + 24) % 24 AS band` +
    ` FROM ${history} x CROSS JOIN generate_series(-${spread}, ${spread}) AS s(shift)) y`
  );
}

function derivedValue(field: HistoryField, bands: string | undefined, ctx: CompileContext): string {
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
      return bands
        ? `(coalesce(h.previous_established >= ${since}, false)` +
            ` AND (b.established_in_band IS NULL OR b.established_in_band < ${since}))`
        : 'false';
  }
}
