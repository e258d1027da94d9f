import { randomBytes } from 'node:crypto';
import { API_VERSION, type MessageStatus, messageFields } from './openapi-excerpt';

/** A message the fake accepted, as it keeps it. */
export interface FakeMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  status: MessageStatus;
  errorCode: number | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
}

export function newMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** RFC 2822 in GMT, the way Twilio writes dates: `Thu, 24 Aug 2023 05:01:45 +0000`. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** Characters of the GSM 03.38 basic set; a body with any other character is sent as UCS-2. */
const GSM_BASIC = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

/**
 * How many SMS segments the body takes: 160 or 153 per part in GSM-7, 70 or
 * 67 UTF-16 code units in UCS-2 (an emoji takes two).
 */
export function segmentCount(body: string): number {
  const length = body.length;
  const [single, part] = GSM_BASIC.test(body) ? [160, 153] : [70, 67];

  return length <= single ? 1 : Math.ceil(length / part);
}

/** The Message resource as Twilio answers it, with exactly the fields of its OpenAPI description. */
export function messageResource(message: FakeMessage): Record<string, unknown> {
  const uri = `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}`;
  const values: Record<string, unknown> = {
    body: message.body,
    num_segments: String(segmentCount(message.body)),
    direction: 'outbound-api',
    from: message.from,
    to: message.to,
    date_updated: rfc2822(message.dateUpdated),
    price: null,
    error_message: null,
    uri: `${uri}.json`,
    account_sid: message.accountSid,
    num_media: '0',
    status: message.status,
    messaging_service_sid: message.messagingServiceSid,
    sid: message.sid,
    date_sent: message.dateSent ? rfc2822(message.dateSent) : null,
    date_created: rfc2822(message.dateCreated),
    error_code: message.errorCode,
    price_unit: null,
    api_version: API_VERSION,
    subresource_uris: { media: `${uri}/Media.json` },
  };

  return Object.fromEntries(messageFields.map((field) => [field, values[field] ?? null]));
}
