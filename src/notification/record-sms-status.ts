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
 * A report usually arrives before the fan-out has stored the message id
 * (it stores a chunk's ids after the chunk is sent). So the report is first
 * kept in sms_status_reports, where a trigger applies it when the id is
 * stored (migration 014), and dropped from there once a row took it. A
 * report arriving while the very statement that stores its id runs can
 * still be missed: that statement's trigger does not see it yet.
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

/** applied: the row moved; stale: the row is already there or further; held: no row has this id yet. */
export type SmsStatusOutcome = 'applied' | 'stale' | 'held';

/** Reports no delivery row claimed within this long are for texts without one (pages to staff). */
const UNCLAIMED_REPORTS_KEPT = '1 day';

async function holdReport(db: Queryable, report: SmsStatusReport): Promise<void> {
  await db.query(
    `INSERT INTO sms_status_reports AS r (provider_id, status, error_code) VALUES ($1, $2, $3)
     ON CONFLICT (provider_id) DO UPDATE SET status = EXCLUDED.status, error_code = EXCLUDED.error_code
       WHERE sms_delivery_rank(r.status) < sms_delivery_rank(EXCLUDED.status)`,
    [report.providerId, report.status, report.errorCode ?? null],
  );
}

async function applyToDelivery(db: Queryable, report: SmsStatusReport): Promise<SmsStatusOutcome> {
  const updated = await db.query(
    `UPDATE notification_deliveries
        SET status = $2, error_code = $3, updated_at = now()
      WHERE provider_id = $1 AND channel = 'sms' AND sms_delivery_rank(status) < sms_delivery_rank($2)
      RETURNING 1`,
    [report.providerId, report.status, report.errorCode ?? null],
  );
  if (updated.rows.length > 0) return 'applied';

  const known = await db.query(`SELECT 1 FROM notification_deliveries WHERE provider_id = $1 AND channel = 'sms'`, [
    report.providerId,
  ]);
  return known.rows.length > 0 ? 'stale' : 'held';
}

export async function recordSmsStatus(db: Queryable, report: SmsStatusReport): Promise<SmsStatusOutcome> {
  await holdReport(db, report);
  const outcome = await applyToDelivery(db, report);

  if (outcome !== 'held') await db.query(`DELETE FROM sms_status_reports WHERE provider_id = $1`, [report.providerId]);
  await db.query(`DELETE FROM sms_status_reports WHERE received_at < now() - $1::interval`, [UNCLAIMED_REPORTS_KEPT]);
  return outcome;
}
