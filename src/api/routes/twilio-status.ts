import fastifyFormbody from '@fastify/formbody';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import twilio from 'twilio';
import { z } from 'zod';
import type { SmsSettings, TwilioSettings } from '../../config/sms-schema';
import { recordSmsStatus, type ReportedSmsStatus } from '../../notification/record-sms-status';
import type { Queryable } from '../../store/database';
import { ApiProblem } from '../problems';

export const TWILIO_STATUS_PATH = '/v1/webhooks/twilio/status';

export interface TwilioStatusRouteOptions {
  db: Queryable;
  /** Unless Twilio is the SMS provider, every callback is refused. */
  sms: SmsSettings;
}

/** Twilio's message statuses that say something about delivery; the others (queued, sending...) change nothing. */
const REPORTED: Partial<Record<string, ReportedSmsStatus>> = {
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
};

/** The fields read; Twilio sends more, and all of them are covered by the signature. */
const statusCallbackSchema = z.looseObject({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be a Twilio message SID'),
  MessageStatus: z.string().min(1),
  ErrorCode: z
    .string()
    .regex(/^\d{1,6}$/, 'must be a Twilio error code')
    .optional(),
});

function invalidSignature(): ApiProblem {
  return new ApiProblem(403, 'forbidden', 'The request does not carry a valid X-Twilio-Signature');
}

/**
 * The signature is checked against the URL breachline gave Twilio as
 * StatusCallback (configured), never one rebuilt from Host or
 * X-Forwarded-* headers, which the caller controls.
 */
function signatureProblem(request: FastifyRequest, settings: TwilioSettings | undefined): ApiProblem | undefined {
  const { authToken, statusCallbackUrl } = settings ?? {};
  if (!authToken || !statusCallbackUrl) {
    request.log.warn('Twilio status callback refused: Twilio is not the configured SMS provider');
    return invalidSignature();
  }
  const signature = request.headers['x-twilio-signature'];
  const params = (request.body ?? {}) as Record<string, unknown>;
  const valid =
    typeof signature === 'string' && twilio.validateRequest(authToken, signature, statusCallbackUrl, params);

  return valid ? undefined : invalidSignature();
}

/**
 * Twilio's status callbacks for the SMS breachline sent. Authenticated by
 * Twilio's signature instead of an API token; exempt from the per-address
 * rate limit, since every callback of a large fan-out comes from Twilio's
 * few addresses and one refused is one delivery never recorded.
 */
export function twilioStatusRoutes(options: TwilioStatusRouteOptions): FastifyPluginAsyncZod {
  const settings = options.sms.provider === 'twilio' ? options.sms.twilio : undefined;

  return async (app) => {
    await app.register(fastifyFormbody);

    app.post(
      TWILIO_STATUS_PATH,
      {
        config: { access: { roles: [], signedBy: 'twilio' }, rateLimit: false },
        preValidation: (request, _reply, done) => done(signatureProblem(request, settings)),
        schema: {
          summary: "Twilio's status callback for a sent SMS (signed with X-Twilio-Signature)",
          tags: ['webhooks'],
          consumes: ['application/x-www-form-urlencoded'],
          body: statusCallbackSchema,
          response: { 204: z.null().describe('Recorded, or nothing to record (a repeat, or older news)') },
        },
      },
      async (request, reply) => {
        const { MessageSid, MessageStatus, ErrorCode } = request.body;
        const status = REPORTED[MessageStatus];
        if (!status) return reply.status(204).send(null);

        const errorCode = ErrorCode === undefined ? undefined : `twilio-${ErrorCode}`;
        const outcome = await recordSmsStatus(options.db, { providerId: MessageSid, status, errorCode });
        request.log.debug({ messageSid: MessageSid, status, outcome }, 'SMS status callback');
        return reply.status(204).send(null);
      },
    );
  };
}
