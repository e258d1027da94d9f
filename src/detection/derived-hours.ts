import type { CompileContext } from './compile-context';
import { USER_FIRST } from './derived-novelty';
import { DerivedFieldName, type HistoryField } from './field-mapping';

/**
 * hour_unusual_for_user, computed over hour buckets rather than events.
 *
 * The field (see derived-fields.ts for its meaning) asks two things of
 * each event at time t and local hour H:
 *
 * - baseline: did the user do anything in [t - lookback, t - 12 h]?
 * - usual: did the user do anything at a local hour within H ± spread in
 *   that same interval?
 *
 * Both are existence questions over an interval, so the user's history
 * can be summarised without changing an answer: events are grouped into
 * (user, local clock hour) buckets, and each bucket is kept as its first
 * and last instant, its two "points". A bucket spans at most two hours
 * (the hour repeated when clocks go back), and the interval is at least
 * twelve hours long, so a bucket that overlaps the interval has one of its
 * points inside it.
 *
 * Events are grouped the same way, and each event's bucket asks once,
 * for its first instant `lo`: the latest point at or before lo - 12 h
 * (`before`) and the earliest point after it (`after`). An event at
 * t ≥ lo then has something in its interval exactly when
 * before ≥ t - lookback or after ≤ t - 12 h: a point after lo - 12 h lies
 * within the interval if it lies at or before t - 12 h, since t is less
 * than two hours after lo; and a bucket holding lo - 12 h inside it has its
 * first point counted in `before`, which is then inside the interval too.
 *
 * One pass over the events builds the buckets; the look-ups are window
 * functions over the buckets' points, a small fraction of the events. The
 * earlier form kept 24 running maxima per event and cost several times
 * as much over a million events.
 */

/** A constant of the code: events at least this long before one are from an earlier shift. */
export const ESTABLISHED_AFTER = "interval '12 hours'";

/** `baseline` and `usual` partitions: every hour of the user's day, or one hour of it (0-23). */
const ANY_HOUR = -1;

type HourField = Extract<HistoryField, { name: typeof DerivedFieldName.hourUnusualForUser }>;

export function isHourField(field: HistoryField): field is HourField {
  return field.name === DerivedFieldName.hourUnusualForUser;
}

/** How a source of events reads the field: a join on the event's hour bucket, and the field's value over it. */
export interface HourLookup {
  join: string;
  value: string;
}

/** The local clock hour an event at `instant` falls in, as a timestamp without zone. */
export function localHour(instant: string, ctx: CompileContext): string {
  return `date_trunc('hour', ${instant} AT TIME ZONE ${ctx.scope.timeZone})`;
}

/**
 * The field for the events aliased `e` that occurred at or after
 * `lowerBound`, whose local hour is `eventHour`, from `history`
 * (tenant_id, user_id, occurred_at, lh: the local hour), which must reach
 * back the look-back before it.
 */
export function unusualHours(
  field: HourField,
  history: string,
  lowerBound: string,
  eventHour: string,
  ctx: CompileContext,
): HourLookup {
  const buckets = ctx.cte(
    'hour_buckets',
    'SELECT h.tenant_id, h.user_id, h.lh, extract(hour FROM h.lh)::int AS hour,' +
      ` min(h.occurred_at) AS lo, max(h.occurred_at) AS hi FROM ${history} h GROUP BY h.tenant_id, h.user_id, h.lh`,
  );

  const anyHour = ctx.params.add(ANY_HOUR, 'int');
  const spread = Array.from({ length: 2 * field.spreadHours + 1 }, (_, i) => i - field.spreadHours);
  const serves = [anyHour, ...spread.map((offset) => `(b.hour + ${ctx.params.add(offset + 24, 'int')}) % 24`)];
  // Written out as a union rather than unnest()ed, so no join, not even with a function, is left to plan.
  const dataPoints = serves.flatMap((serve) =>
    ['b.lo', 'b.hi'].map(
      (at) => `SELECT b.tenant_id, b.user_id, ${serve} AS serve, ${at} AS at, NULL::timestamp AS lh`,
    ),
  );
  const askingPoints = [anyHour, 'b.hour'].map(
    (serve) =>
      `SELECT b.tenant_id, b.user_id, ${serve} AS serve, b.lo - ${ESTABLISHED_AFTER} AS at, b.lh` +
      ` FROM ${buckets} b WHERE b.hi >= ${lowerBound}`,
  );
  const points = ctx.cte(
    'hour_points',
    [...dataPoints.map((select) => `${select} FROM ${buckets} b`), ...askingPoints].join('\nUNION ALL '),
  );

  const partition = `PARTITION BY ${USER_FIRST('p')}, p.serve`;
  const asked = ctx.cte(
    'hour_asked',
    `SELECT p.tenant_id, p.user_id, p.lh, p.serve,` +
      ` max(p.at) FILTER (WHERE p.lh IS NULL) OVER (${partition} ORDER BY p.at RANGE UNBOUNDED PRECEDING) AS before,` +
      ` min(p.at) FILTER (WHERE p.lh IS NULL) OVER (${partition} ORDER BY p.at DESC RANGE UNBOUNDED PRECEDING) AS after` +
      ` FROM ${points} p`,
  );

  const isAny = `a.serve = ${anyHour}`;
  const answers = ctx.cte(
    'hour_answers',
    `SELECT a.tenant_id, a.user_id, a.lh, max(a.before) FILTER (WHERE ${isAny}) AS any_before,` +
      ` min(a.after) FILTER (WHERE ${isAny}) AS any_after, max(a.before) FILTER (WHERE NOT ${isAny}) AS near_before,` +
      ` min(a.after) FILTER (WHERE NOT ${isAny}) AS near_after FROM ${asked} a WHERE a.lh IS NOT NULL` +
      ' GROUP BY a.tenant_id, a.user_id, a.lh',
  );

  const since = `e.occurred_at - ${ctx.days(field.lookbackDays)}`;
  const inInterval = (kind: 'any' | 'near'): string =>
    `(coalesce(q.${kind}_before >= ${since}, false)` +
    ` OR coalesce(q.${kind}_after <= e.occurred_at - ${ESTABLISHED_AFTER}, false))`;

  return {
    join: ` JOIN ${answers} q ON q.tenant_id = e.tenant_id AND q.user_id = e.user_id` + ` AND q.lh = ${eventHour}`,
    value: `(${inInterval('any')} AND NOT ${inInterval('near')})`,
  };
}
