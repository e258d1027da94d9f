import { z } from 'zod';

/** Where SMS go: files in the data folder's sms-outbox (development's default), or Twilio. */
export const SmsProviders = ['outbox', 'twilio'] as const;
export type SmsProvider = (typeof SmsProviders)[number];

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** Twilio's account, sender and where it reports delivery; every field is checked when Twilio is the provider. */
const twilioSettings = z
  .object({
    accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID: AC and 32 hex digits'),
    /** A secret: signs in to Twilio and checks its callbacks' signatures. */
    authToken: z.string().min(32, 'must be at least 32 characters'),
    /** The sending number; or messagingServiceSid. */
    from: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +15555550123')
      .optional(),
    messagingServiceSid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID: MG and 32 hex digits')
      .optional(),
    /** Instead of https://api.twilio.com: `breachline twilio-fake` locally, or a proxy. */
    apiBaseUrl: httpUrl.optional(),
    /**
     * The public URL of the API's /v1/webhooks/twilio/status as Twilio calls
     * it. Callback signatures are checked against this URL, never one pieced
     * together from the request's Host or X-Forwarded headers.
     */
    statusCallbackUrl: httpUrl.optional(),
  })
  .strict()
  .partial();

export const smsSection = z
  .object({
    provider: z.enum(SmsProviders).default('outbox'),
    twilio: twilioSettings.prefault({}),
  })
  .strict()
  .prefault({})
  .superRefine((sms, ctx) => {
    if (sms.provider !== 'twilio') return;
    for (const setting of ['accountSid', 'authToken'] as const) {
      if (sms.twilio[setting] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['twilio', setting],
          message: 'required when the SMS provider is twilio',
        });
    }
    if (!sms.twilio.from && !sms.twilio.messagingServiceSid)
      ctx.addIssue({
        code: 'custom',
        path: ['twilio', 'from'],
        message: 'a from number or messagingServiceSid is required',
      });
  });

export type SmsSettings = z.output<typeof smsSection>;
export type TwilioSettings = SmsSettings['twilio'];

/**
 * In production delivery is known only from Twilio's callbacks, and they
 * carry the recipient's number: the callback URL is required, over HTTPS.
 */
export function requireTwilioCallbackInProduction(
  config: { mode?: unknown; sms?: { provider?: unknown; twilio?: { statusCallbackUrl?: unknown } } },
  ctx: z.RefinementCtx,
): void {
  if (config.mode !== 'production' || config.sms?.provider !== 'twilio') return;
  const url = config.sms.twilio?.statusCallbackUrl;
  const path = ['sms', 'twilio', 'statusCallbackUrl'];
  if (url === undefined) ctx.addIssue({ code: 'custom', path, message: 'required in production with Twilio' });
  else if (typeof url === 'string' && !url.startsWith('https://'))
    ctx.addIssue({ code: 'custom', path, message: 'must be an https:// URL in production' });
}
