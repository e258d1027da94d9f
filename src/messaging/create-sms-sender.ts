import { join } from 'node:path';
import type { Config } from '../config/schema';
import { createOutboxSmsSender, type SmsSender } from './sms';
import { createTwilioSmsSender } from './twilio-sms';

/** Twilio when the configuration names it the SMS provider; otherwise files in the data folder's sms-outbox. */
export function createSmsSender(config: Readonly<Config>): SmsSender {
  if (config.sms.provider !== 'twilio') return createOutboxSmsSender(join(config.dataDir, 'sms-outbox'));

  const { accountSid, authToken, ...rest } = config.sms.twilio;
  // Validation requires both when the provider is twilio; this guards a config built by hand (tests).
  if (!accountSid || !authToken) throw new RangeError('Twilio needs an account SID and an auth token');
  return createTwilioSmsSender({ accountSid, authToken, ...rest });
}
