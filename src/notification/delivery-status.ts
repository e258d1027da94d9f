/**
 * The status of one row of notification_deliveries: one notice to one
 * individual by one channel. The fan-out writes `sending` before it hands a
 * notice to the provider and the outcome after; a provider's status
 * callback may later move `sent` on to `delivered` or `undelivered`.
 */
export const DeliveryStatus = {
  /** Recorded before the send; the provider may or may not have it. A restarted fan-out sends it again. */
  sending: 'sending',
  /** The last attempt failed in a way that may pass (an outage, a 4xx); the next attempt sends it again. */
  retrying: 'retrying',
  /** The provider accepted it (an SMTP 250, a Twilio message SID, a letter PDF in the mail-house folder). */
  sent: 'sent',
  /** The provider confirmed delivery to the handset or mailbox (a status callback). */
  delivered: 'delivered',
  /** The provider accepted it but later reported it could not be delivered (a status callback). */
  undelivered: 'undelivered',
  /** Refused for good (a bounced address, a number that cannot take texts); the channel is given up. */
  failed: 'failed',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

/** Statuses after which a notice is never sent again by this channel: it went out, or it never can. */
export function isSettled(status: string): boolean {
  return status !== DeliveryStatus.sending && status !== DeliveryStatus.retrying;
}

/** The notice did not reach the person by this channel, and repeating it will not help. */
export function isUndeliverable(status: string): boolean {
  return status === DeliveryStatus.failed || status === DeliveryStatus.undelivered;
}
