import type { AddressInfo } from 'node:net';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyError } from 'fastify';
import type { Logger } from '../logging/logger';
import { FakeBehaviour, type FakeBehaviourOptions } from './fake-behaviour';
import type { FakeMessage } from './message-resource';
import { registerMessagesRoute } from './messages-route';
import { type CallbackRecord, StatusCallbacks } from './status-callbacks';
import { scriptedError } from './twilio-errors';

/**
 * A local stand-in for Twilio's Messages API, for tests and the demo: the
 * real Twilio SDK talks to it as it would to api.twilio.com. It checks
 * credentials and parameters as Twilio does, answers with Twilio's Message
 * and error JSON, and later posts signed status callbacks. Messages live in
 * memory; nothing is ever sent to a phone.
 */

export interface TwilioFakeOptions {
  accountSid: string;
  authToken: string;
  behaviour?: FakeBehaviourOptions;
  /** Between two status callbacks of one message; default 10 ms. */
  callbackStepMs?: number;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  clock?: () => number;
  logger?: Logger;
}

export interface TwilioFake {
  /** The base URL to give the SDK in place of https://api.twilio.com. */
  url: string;
  behaviour: FakeBehaviour;
  /** Every accepted message by SID, with its current status. */
  messages: ReadonlyMap<string, FakeMessage>;
  /** Every status callback posted so far. */
  callbacks: readonly CallbackRecord[];
  /** Resolves when every accepted message has reached its final status and been called back. */
  callbacksSettled(): Promise<void>;
  /** Stops listening; status changes still to come are dropped. */
  stop(): Promise<void>;
}

const DEFAULT_CALLBACK_STEP_MS = 10;

/** Twilio documents no code for a body it cannot parse; the fake uses its generic client-error code. */
const UNREADABLE_REQUEST_CODE = 20001;

export async function startTwilioFake(options: TwilioFakeOptions): Promise<TwilioFake> {
  const behaviour = new FakeBehaviour(options.behaviour);
  const messages = new Map<string, FakeMessage>();
  const callbacks = new StatusCallbacks({
    authToken: options.authToken,
    stepDelayMs: options.callbackStepMs ?? DEFAULT_CALLBACK_STEP_MS,
    logger: options.logger,
  });

  const app = Fastify({ logger: false });
  await app.register(fastifyFormbody);
  // Unreadable requests get Twilio's error shape; the parser's own text could quote the body.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) options.logger?.error({ code: error.code }, 'Twilio fake failed on a request');
    return reply.code(status).send(scriptedError(status >= 500 ? 20500 : UNREADABLE_REQUEST_CODE, status));
  });
  registerMessagesRoute(app, { ...options, behaviour, messages, callbacks, clock: options.clock ?? Date.now });

  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const { address, port } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    behaviour,
    messages,
    callbacks: callbacks.records,
    callbacksSettled: () => callbacks.settled(),
    async stop() {
      await callbacks.stop();
      await app.close();
    },
  };
}
