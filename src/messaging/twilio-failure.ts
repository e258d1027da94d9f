import twilio from 'twilio';
import { SendFailure, SendFailureKinds } from './send-failure';

/**
 * Twilio's answers sorted into the two kinds of SendFailure. A rate limit
 * (HTTP 429, code 20429), a Twilio outage (5xx) or a network failure passes:
 * try again later. Anything else Twilio refuses with a 4xx gets the same
 * answer on every retry, so it is permanent, the codes below with a sentence
 * of their own. Authentication (20003) is permanent too: a wrong token fails
 * every message until someone fixes the configuration.
 */
const PERMANENT_REASONS: Record<number, string> = {
  20003: 'the account SID or auth token was refused',
  21211: 'the number is not a valid phone number',
  21212: 'the sender is not a valid number, short code or sender ID',
  21408: 'SMS to this region is not enabled on the account',
  21602: 'the message body is empty',
  21603: 'no sender (From or MessagingServiceSid) was given',
  21604: 'no recipient number was given',
  21609: 'the status callback URL is not valid',
  21610: 'the recipient has opted out of messages from this sender',
  21612: 'the number cannot be reached by SMS',
  21614: 'the number is not a mobile number',
  21617: 'the message body is longer than 1600 characters',
  21701: 'the Messaging Service SID is not valid',
};

const TOO_MANY_REQUESTS = 429;
const RATE_LIMIT_CODE = 20429;

/** Network failures axios reports with a code of Node's; their messages and config quote the request. */
interface NetworkError {
  isAxiosError: true;
  code?: string;
}

function isNetworkError(error: unknown): error is NetworkError {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

function fromRestException(error: InstanceType<typeof twilio.RestException>): SendFailure {
  const status = error.status;
  const code = typeof error.code === 'number' ? error.code : undefined;
  const providerCode = code === undefined ? undefined : String(code);
  const base = { provider: 'twilio', providerCode, status };

  if (status === TOO_MANY_REQUESTS || code === RATE_LIMIT_CODE)
    return new SendFailure({ ...base, kind: SendFailureKinds.transient, reason: 'rate limited' });
  if (status >= 500)
    return new SendFailure({ ...base, kind: SendFailureKinds.transient, reason: `Twilio answered ${status}` });
  const reason = (code !== undefined && PERMANENT_REASONS[code]) || `Twilio refused the request with ${status}`;
  return new SendFailure({ ...base, kind: SendFailureKinds.permanent, reason });
}

/** The SendFailure for what the SDK threw; errors from elsewhere (a bug here) are returned unchanged. */
export function classifyTwilioError(error: unknown): unknown {
  if (error instanceof twilio.RestException) return fromRestException(error);
  if (isNetworkError(error)) {
    const reason = `could not reach Twilio (${error.code ?? 'network error'})`;
    return new SendFailure({ provider: 'twilio', kind: SendFailureKinds.transient, reason });
  }
  return error;
}
