import type { CompileContext } from './compile-context';
import { DerivedFieldName, type HistoryField } from './field-mapping';

/**
 * network_new_for_user and patient_new_for_user (see derived-fields.ts for
 * their meaning), computed over day buckets rather than events.
 *
 * Only the first event of a user with one network (or patient) in a UTC
 * day can be new: any later one that day has an earlier one less than a
 * day before it, and the look-back is at least a day. So the history is
 * grouped by (user, key, day), and a bucket's first event is new when the
 * bucket before it, for the same user and key, ended more than the
 * look-back earlier. The users' days are grouped the same way for the
 * baseline: whether the user did anything in the look-back before.
 *
 * Both groupings hash; the window functions that follow run over the
 * buckets, a tenth of the events or fewer, where comparing each event with
 * the previous one of its kind means sorting them all.
 *
 * "First" is by time: events of one user with one key at the very same
 * microsecond all count as the first.
 */

type NoveltyField = Extract<
  HistoryField,
  { name: typeof DerivedFieldName.networkNewForUser | typeof DerivedFieldName.patientNewForUser }
>;

export function isNoveltyField(field: HistoryField): field is NoveltyField {
  return field.name === DerivedFieldName.networkNewForUser || field.name === DerivedFieldName.patientNewForUser;
}

/** The /24 (IPv4) or /64 (IPv6) an address belongs to. */
export function networkOf(address: string): string {
  return `network(set_masklen(${address}, CASE family(${address}) WHEN 4 THEN 24 ELSE 64 END))`;
}

/** The history column that holds a field's key (historySql in derived-fields.ts writes it). */
export function keyColumn(field: NoveltyField): string {
  return field.name === DerivedFieldName.networkNewForUser ? 'network' : 'patient_id';
}

/**
 * A window partition by user, user first and compared bytewise: sorting on
 * it then mostly compares the leading bytes of distinct user ids, where
 * leading with the tenant (the same for nearly every row) and the
 * database's collation cost several times as much. Bytewise or not,
 * equal is equal, so the partitions are the same.
 */
export const USER_FIRST = (alias: string): string => `${alias}.user_id COLLATE "C", ${alias}.tenant_id`;

/** The UTC day: always 24 hours long, as the argument above needs, and cheap to compute. */
const DAY = "(h.occurred_at AT TIME ZONE 'UTC')::date";

/** Per user and UTC day: the first event, the last event of the user's previous day, and the user's first event at all. */
export function userDays(history: string, ctx: CompileContext): string {
  return ctx.cte(
    'user_days',
    `SELECT d.*, lag(d.hi) OVER (PARTITION BY ${USER_FIRST('d')} ORDER BY d.day) AS previous_hi,` +
      ` min(d.lo) OVER (PARTITION BY ${USER_FIRST('d')}) AS first_seen` +
      ` FROM (SELECT h.tenant_id, h.user_id, ${DAY} AS day, min(h.occurred_at) AS lo, max(h.occurred_at) AS hi` +
      ` FROM ${history} h GROUP BY h.tenant_id, h.user_id, ${DAY}) d`,
  );
}

export interface NoveltyLookup {
  join: string;
  value: string;
}

/**
 * The field for the events aliased `e` at or after `lowerBound`, whose key
 * is `eventKey`, from `history` (tenant_id, user_id, occurred_at and the
 * key column) and `days` (userDays over the same history).
 */
export function novelty(
  field: NoveltyField,
  history: string,
  days: string,
  lowerBound: string,
  eventKey: string,
  ctx: CompileContext,
): NoveltyLookup {
  const key = keyColumn(field);
  const textKey = field.name === DerivedFieldName.patientNewForUser;
  const buckets = ctx.cte(
    `${key}_days`,
    `SELECT h.tenant_id, h.user_id, h.${key} AS k, ${DAY} AS day, min(h.occurred_at) AS lo, max(h.occurred_at) AS hi` +
      ` FROM ${history} h WHERE h.${key} IS NOT NULL GROUP BY h.tenant_id, h.user_id, h.${key}, ${DAY}`,
  );

  const lookback = ctx.days(field.lookbackDays);
  const baseline =
    field.name === DerivedFieldName.networkNewForUser
      ? `(u.lo < b.lo OR u.previous_hi >= b.lo - ${lookback})`
      : `u.first_seen <= b.lo - ${ctx.days(field.settleDays)}`;
  const firsts = ctx.cte(
    `${key}_new`,
    `SELECT b.tenant_id, b.user_id, b.k, b.lo FROM (SELECT b.*,` +
      ` lag(b.hi) OVER (PARTITION BY ${USER_FIRST('b')}, b.k${textKey ? ' COLLATE "C"' : ''} ORDER BY b.day) AS previous_hi` +
      ` FROM ${buckets} b) b JOIN ${days} u ON u.tenant_id = b.tenant_id AND u.user_id = b.user_id AND u.day = b.day` +
      ` WHERE b.lo >= ${lowerBound} AND (b.previous_hi IS NULL OR b.previous_hi < b.lo - ${lookback}) AND ${baseline}`,
  );

  const alias = `n_${key}`;
  return {
    join:
      ` LEFT JOIN ${firsts} ${alias} ON ${alias}.tenant_id = e.tenant_id AND ${alias}.user_id = e.user_id` +
      ` AND ${alias}.k = ${eventKey} AND ${alias}.lo = e.occurred_at`,
    value: `(${alias}.lo IS NOT NULL)`,
  };
}
