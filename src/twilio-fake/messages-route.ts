import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { basicCredentials, sameSecret } from './basic-auth';
import type { FakeBehaviour } from './fake-behaviour';
import { type FakeMessage, messageResource, newMessageSid } from './message-resource';
import { accountSidPattern, MESSAGES_ROUTE } from './openapi-excerpt';
import type { FormParams } from './signature';
import type { StatusCallbacks } from './status-callbacks';
import { scriptedError, type TwilioErrorBody, twilioError } from './twilio-errors';
import { formValue, validateCreate } from './validate-create';

export interface MessagesRouteOptions {
  accountSid: string;
  authToken: string;
  behaviour: FakeBehaviour;
  messages: Map<string, FakeMessage>;
  callbacks: StatusCallbacks;
  clock: () => number;
}

function sendError(reply: FastifyReply, error: TwilioErrorBody): FastifyReply {
  if (error.code === 20003) void reply.header('www-authenticate', 'Basic realm="Twilio API"');
  return reply.code(error.status).send(error);
}

/** Twilio's answer when the caller is not the account in the path, or undefined when it is. */
function refuseCaller(request: FastifyRequest, options: MessagesRouteOptions, pathSid: string) {
  if (!accountSidPattern.test(pathSid)) return twilioError(20404, request.url.split('?')[0]);
  const credentials = basicCredentials(request.headers.authorization);
  const valid =
    credentials !== undefined &&
    credentials.username === pathSid &&
    pathSid === options.accountSid &&
    sameSecret(credentials.password, options.authToken);
  return valid ? undefined : twilioError(20003);
}

/** What Twilio says about this recipient before accepting anything: a scripted answer, an opt-out, a landline. */
function refuseRecipient(options: MessagesRouteOptions, params: FormParams): TwilioErrorBody | undefined {
  const to = formValue(params, 'To');
  if (to === undefined) return undefined;

  const scripted = options.behaviour.takeScriptedError(to);
  if (scripted) return scriptedError(scripted.code, scripted.status, to);
  if (options.behaviour.isUnsubscribed(to)) return twilioError(21610);
  if (options.behaviour.isLandline(to)) return twilioError(21614, to);
  return undefined;
}

function acceptMessage(options: MessagesRouteOptions, params: FormParams): FakeMessage | TwilioErrorBody {
  const valid = validateCreate(params);
  if ('code' in valid) return valid;

  const refused = refuseRecipient(options, params);
  if (refused) return refused;
  const now = new Date(options.clock());
  return {
    sid: newMessageSid(),
    accountSid: options.accountSid,
    ...valid,
    // A Messaging Service first accepts the request, then picks a sender and queues it.
    status: valid.from === null ? 'accepted' : 'queued',
    errorCode: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: null,
  };
}

/** POST /2010-04-01/Accounts/{AccountSid}/Messages.json: Twilio's create-Message, checks and answers. */
export function registerMessagesRoute(app: FastifyInstance, options: MessagesRouteOptions): void {
  app.post<{ Params: { AccountSid: string }; Body: FormParams | undefined }>(MESSAGES_ROUTE, (request, reply) => {
    const refusedCaller = refuseCaller(request, options, request.params.AccountSid);
    if (refusedCaller) return sendError(reply, refusedCaller);
    if (!options.behaviour.admitRequest(options.clock())) return sendError(reply, twilioError(20429));

    const accepted = acceptMessage(options, request.body ?? {});
    if ('code' in accepted) return sendError(reply, accepted);
    options.messages.set(accepted.sid, accepted);
    options.callbacks.schedule(accepted, options.behaviour.undeliverable(accepted.to));

    return reply.code(201).send(messageResource(accepted));
  });
}
