/**
 * The Twilio error codes the fake answers with, each with the HTTP status
 * and the message text Twilio gives (https://www.twilio.com/docs/api/errors).
 * Like Twilio's, some texts quote the number back: a client must not log
 * or keep them.
 */
const ERRORS = {
  20003: { status: 401, message: () => 'Authenticate' },
  20404: { status: 404, message: (detail: string) => `The requested resource ${detail} was not found` },
  20429: { status: 429, message: () => 'Too Many Requests' },
  20500: { status: 500, message: () => 'An internal server error has occurred' },
  20503: { status: 503, message: () => 'Service is unavailable. Please try again' },
  21211: { status: 400, message: (to: string) => `The 'To' number ${to} is not a valid phone number.` },
  21212: {
    status: 400,
    message: (from: string) =>
      `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
  },
  21408: {
    status: 400,
    message: (to: string) =>
      `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`,
  },
  21602: { status: 400, message: () => 'Message body is required.' },
  21603: { status: 400, message: () => "A 'From' or 'MessagingServiceSid' parameter is required to send a message." },
  21604: { status: 400, message: () => "A 'To' phone number is required." },
  21609: { status: 400, message: (url: string) => `The StatusCallback URL ${url} is not a valid URL.` },
  21610: { status: 400, message: () => 'Attempt to send to unsubscribed recipient' },
  21612: { status: 400, message: () => "The 'To' phone number is not currently reachable via SMS." },
  21614: { status: 400, message: (to: string) => `'To' number ${to} is not a valid mobile number` },
  21617: { status: 400, message: () => 'The concatenated message body exceeds the 1600 character limit.' },
  21701: { status: 400, message: (sid: string) => `The Messaging Service Sid ${sid} is invalid.` },
} as const satisfies Record<number, { status: number; message: (detail: string) => string }>;

export type TwilioErrorCode = keyof typeof ERRORS;

export function isKnownErrorCode(code: number): code is TwilioErrorCode {
  return code in ERRORS;
}

/** The JSON body of a Twilio API error. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export function twilioError(code: TwilioErrorCode, detail = ''): TwilioErrorBody {
  const { status, message } = ERRORS[code];
  return { code, message: message(detail), more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** An answer a test asked for: any code, with the status given or Twilio's own for a known code. */
export function scriptedError(code: number, status?: number, detail = ''): TwilioErrorBody {
  if (isKnownErrorCode(code)) {
    const known = twilioError(code, detail);
    return { ...known, status: status ?? known.status };
  }
  return {
    code,
    message: `Error ${code}`,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status: status ?? 400,
  };
}
