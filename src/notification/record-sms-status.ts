import type { Queryable } from '../store/database';
import { DeliveryStatus } from './delivery-status';

/**
 * Applies a provider's delivery report for one SMS to its row in
 * notification_deliveries, found by the provider's message id (Twilio's
 * MessageSid). Reports come more than once and out of order, so a report
 * moves a row only forward: sending/retrying → sent → a final status
 * (delivered, undelivered or failed), and the first final status stays.
 * A late `sent` never moves a delivered message back, and a repeated
 * report changes nothing. The rank check and the update are one statement,
 * so two reports racing for the same row cannot both win.
 *
 * A report that arrives before the fan-out has stored the message id (Twilio
 * can call back within milliseconds of accepting) finds no row and is only
 * logged; such reports are not kept to be applied later yet.
 */

export type ReportedSmsStatus = typeof DeliveryStatus.sent | FinalSmsStatus;
type FinalSmsStatus =
  typeof DeliveryStatus.delivered | typeof DeliveryStatus.undelivered | typeof DeliveryStatus.failed;

export interface SmsStatusReport {
  providerId: string;
  status: ReportedSmsStatus;
  /** Stored as `<provider>-<code>`, e.g. `twilio-30003`, the form the fan-out stores its own failures in. */
  errorCode?: string;
}

/** applied: the row moved; stale: the row is already there or further; unknown: no row has this id (yet). */
export type SmsStatusOutcome = 'applied' | 'stale' | 'unknown';

const RANK_SQL = `CASE status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'undelivered' THEN 2 WHEN 'failed' THEN 2 ELSE 0 END`;

const RANKS: Record<ReportedSmsStatus, number> = { sent: 1, delivered: 2, undelivered: 2, failed: 2 };

export async function recordSmsStatus(db: Queryable, report: SmsStatusReport): Promise<SmsStatusOutcome> {
  const updated = await db.query(
    `UPDATE notification_deliveries
        SET status = $2, error_code = $3, updated_at = now()
      WHERE provider_id = $1 AND channel = 'sms' AND ${RANK_SQL} < $4
      RETURNING 1`,
    [report.providerId, report.status, report.errorCode ?? null, RANKS[report.status]],
  );
  if (updated.rows.length > 0) return 'applied';

  const known = await db.query(`SELECT 1 FROM notification_deliveries WHERE provider_id = $1 AND channel = 'sms'`, [
    report.providerId,
  ]);
  return known.rows.length > 0 ? 'stale' : 'unknown';
}
