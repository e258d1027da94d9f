import twilio from 'twilio';
import type { SmsSender } from './sms';
import { classifyTwilioError } from './twilio-failure';
import { BaseUrlRequestClient } from './twilio-request-client';

export interface TwilioSmsSettings {
  accountSid: string;
  authToken: string;
  /** The sending number; or a Messaging Service picks one. One of the two is required. */
  from?: string;
  messagingServiceSid?: string;
  /** Instead of https://api.twilio.com: the local fake, or a proxy. */
  apiBaseUrl?: string;
  /** The public URL Twilio posts status changes to; without one no callbacks come. */
  statusCallbackUrl?: string;
  /** Per request; the SDK's default is 30 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

function sdkClient(settings: TwilioSmsSettings) {
  const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const httpClient = settings.apiBaseUrl ? new BaseUrlRequestClient(settings.apiBaseUrl, { timeout }) : undefined;

  return twilio(settings.accountSid, settings.authToken, {
    httpClient,
    timeout,
    // Retries belong to the fan-out's retry policy, which sees the 429 as a transient failure.
    autoRetry: false,
    // Never 'debug' (whatever TWILIO_LOG_LEVEL says): the SDK then prints every request body, number and text.
    logLevel: 'info',
  });
}

/**
 * SMS through Twilio's Messages API with the real SDK. Each message asks
 * for status callbacks at the configured public URL, where the API's
 * webhook records delivery. A refusal becomes a SendFailure (transient or
 * permanent, see twilio-failure.ts).
 *
 * Twilio's create-Message has no idempotency key, so the message's
 * `idempotencyKey` cannot reach it: if an answer is lost after Twilio
 * accepted the request, the retry sends a second text. The fan-out's
 * delivery record keeps this to sends in flight at the moment of a failure.
 */
export function createTwilioSmsSender(settings: TwilioSmsSettings): SmsSender {
  if (!settings.from && !settings.messagingServiceSid)
    throw new RangeError('Twilio needs a sending number or a Messaging Service SID');
  const client = sdkClient(settings);

  return {
    async send(message) {
      try {
        const created = await client.messages.create({
          to: message.to,
          body: message.body,
          ...(settings.messagingServiceSid
            ? { messagingServiceSid: settings.messagingServiceSid }
            : { from: settings.from }),
          ...(settings.statusCallbackUrl ? { statusCallback: settings.statusCallbackUrl } : {}),
        });
        return { id: created.sid };
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },
  };
}
