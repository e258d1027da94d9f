import { messagingServiceSidPattern } from './openapi-excerpt';
import type { FormParams } from './signature';
import { type TwilioErrorBody, twilioError } from './twilio-errors';

/** A create-Message request that passed Twilio's checks. */
export interface CreateMessageRequest {
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
}

export const E164 = /^\+[1-9]\d{1,14}$/;
const SHORT_CODE = /^\d{5,6}$/;
/** Up to 11 letters, digits and spaces with at least one letter. */
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
const MAX_BODY_CHARACTERS = 1600;

/** The first value of a parameter; a repeated scalar takes its first value, as Twilio does. */
export function formValue(params: FormParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : value?.[0];
}

function isSender(from: string): boolean {
  return E164.test(from) || SHORT_CODE.test(from) || ALPHANUMERIC_SENDER.test(from);
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);
}

/** Twilio's checks in Twilio's order: the first failing one decides the error. */
export function validateCreate(params: FormParams): CreateMessageRequest | TwilioErrorBody {
  const to = formValue(params, 'To') ?? '';
  const from = formValue(params, 'From') || null;
  const messagingServiceSid = formValue(params, 'MessagingServiceSid') || null;
  const body = formValue(params, 'Body') ?? '';
  const statusCallback = formValue(params, 'StatusCallback') || null;

  if (to === '') return twilioError(21604);
  if (!E164.test(to)) return twilioError(21211, to);
  if (from === null && messagingServiceSid === null) return twilioError(21603);
  if (messagingServiceSid !== null && !messagingServiceSidPattern.test(messagingServiceSid))
    return twilioError(21701, messagingServiceSid);
  if (from !== null && !isSender(from)) return twilioError(21212, from);
  if (body === '') return twilioError(21602);
  if (body.length > MAX_BODY_CHARACTERS) return twilioError(21617);
  if (statusCallback !== null && !isHttpUrl(statusCallback)) return twilioError(21609, statusCallback);

  return { to, from, messagingServiceSid, body, statusCallback };
}
