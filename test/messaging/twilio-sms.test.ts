import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema';
import { createSmsSender } from '../../src/messaging/create-sms-sender';
import { SendFailure, SendFailureTypes } from '../../src/messaging/send-failure';
import type { SmsMessage } from '../../src/messaging/sms';
import { createTwilioSmsSender, type TwilioSmsSettings } from '../../src/messaging/twilio-sms';
import { startTwilioFake, type TwilioFake } from '../../src/twilio-fake/server';
import { loadTestConfig } from '../support/test-config';

const ACCOUNT_SID = `AC${'4'.repeat(32)}`;
const AUTH_TOKEN = 'sender-test-auth-token-thirty-two-c';
const FROM = '+15005550006';
const TO = '+14155550100';
const CALLBACK_URL = 'https://breachline.example.org/v1/webhooks/twilio/status';

let fake: TwilioFake;

function settings(overrides: Partial<TwilioSmsSettings> = {}): TwilioSmsSettings {
  return {
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: FROM,
    apiBaseUrl: fake.url,
    statusCallbackUrl: CALLBACK_URL,
    ...overrides,
  };
}

function message(to = TO): SmsMessage {
  return { to, body: 'Aviso: sus datos médicos', idempotencyKey: 'incident-1/individual-1/sms' };
}

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SendFailure);
  return error as SendFailure;
}

beforeEach(async () => {
  // Callbacks go to a URL nobody listens on; these tests look at what the fake received.
  fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackStepMs: 60_000 });
});

afterEach(async () => {
  await fake.stop();
});

describe('the Twilio SMS sender on the real SDK', () => {
  it('sends To, Body, From and the configured StatusCallback, and answers with the message SID', async () => {
    const receipt = await createTwilioSmsSender(settings()).send(message());

    expect(receipt.id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.messages.get(receipt.id)).toMatchObject({
      accountSid: ACCOUNT_SID,
      to: TO,
      from: FROM,
      messagingServiceSid: null,
      body: 'Aviso: sus datos médicos',
      statusCallback: CALLBACK_URL,
    });
  });

  it('sends through a Messaging Service when one is configured', async () => {
    const service = `MG${'5'.repeat(32)}`;
    const receipt = await createTwilioSmsSender(settings({ from: undefined, messagingServiceSid: service })).send(
      message(),
    );

    expect(fake.messages.get(receipt.id)).toMatchObject({ from: null, messagingServiceSid: service });
  });

  it("keeps a configured base URL's path in front of Twilio's path (the fake serves none there: 404)", async () => {
    const failure = await failureOf(
      createTwilioSmsSender(settings({ apiBaseUrl: `${fake.url}/proxy` })).send(message()),
    );

    expect(failure.status).toBe(404);
  });

  it('turns 21211 into a permanent failure that names the code and not the number', async () => {
    const failure = await failureOf(createTwilioSmsSender(settings()).send(message('415-555-0100')));

    expect(failure).toMatchObject({ kind: 'permanent', provider: 'twilio', providerCode: '21211', status: 400 });
    expect(failure.name).toBe(SendFailureTypes.permanent);
    expect(failure.message).not.toContain('415');
    expect(failure.cause).toBeUndefined();
  });

  it.each([
    ['an opted-out recipient', 21610],
    ['a landline', 21614],
    ['a region not enabled', 21408],
  ])('turns a refusal for %s (%i) into a permanent failure', async (_what, code) => {
    fake.behaviour.answerWithError(TO, { code });

    const failure = await failureOf(createTwilioSmsSender(settings()).send(message()));

    expect(failure).toMatchObject({ kind: 'permanent', providerCode: String(code) });
  });

  it('turns 20429 into a transient failure, and the retry succeeds', async () => {
    fake.behaviour.answerWithError(TO, { code: 20429, times: 1 });
    const sender = createTwilioSmsSender(settings());

    const failure = await failureOf(sender.send(message()));
    const receipt = await sender.send(message());

    expect(failure).toMatchObject({ kind: 'transient', providerCode: '20429', status: 429 });
    expect(failure.name).toBe(SendFailureTypes.transient);
    expect(fake.messages.get(receipt.id)?.to).toBe(TO);
    expect(fake.messages.size).toBe(1);
  });

  it("turns the fake's own rate limit (HTTP 429) into a transient failure", async () => {
    fake.behaviour.setMaxRequestsPerSecond(1);
    const sender = createTwilioSmsSender(settings());

    await sender.send(message());
    const failure = await failureOf(sender.send(message()));

    expect(failure).toMatchObject({ kind: 'transient', status: 429 });
  });

  it('turns a Twilio 5xx into a transient failure', async () => {
    fake.behaviour.answerWithError(TO, { code: 20500 });

    expect(await failureOf(createTwilioSmsSender(settings()).send(message()))).toMatchObject({
      kind: 'transient',
      status: 500,
    });
  });

  it('turns an unreachable API into a transient failure without the request in it', async () => {
    const sender = createTwilioSmsSender(settings({ apiBaseUrl: 'http://127.0.0.1:1' }));

    const failure = await failureOf(sender.send(message()));

    expect(failure).toMatchObject({ kind: 'transient', provider: 'twilio' });
    expect(failure.message).toContain('ECONNREFUSED');
    expect(failure.message).not.toContain(TO);
  });

  it('turns a wrong auth token into a permanent failure (20003)', async () => {
    const failure = await failureOf(createTwilioSmsSender(settings({ authToken: 'x'.repeat(32) })).send(message()));

    expect(failure).toMatchObject({ kind: 'permanent', providerCode: '20003', status: 401 });
  });

  it('refuses to start without a sender', () => {
    expect(() => createTwilioSmsSender(settings({ from: undefined }))).toThrow(/sending number or a Messaging Service/);
  });
});

describe('choosing the SMS provider', () => {
  function configWith(sms: Config['sms']): Readonly<Config> {
    const config = loadTestConfig({
      smtpUrl: 'smtp://127.0.0.1:1',
      taskQueue: 'unused',
      temporalAddress: '127.0.0.1:1',
    });
    return { ...config, dataDir: mkdtempSync(join(tmpdir(), 'breachline-sms-')), sms };
  }

  it('is the outbox unless Twilio is configured', async () => {
    const config = configWith({ provider: 'outbox', twilio: {} });

    const receipt = await createSmsSender(config).send(message());

    expect(readdirSync(join(config.dataDir, 'sms-outbox'))).toEqual([receipt.id]);
    expect(fake.messages.size).toBe(0);
  });

  it('is Twilio when sms.provider is twilio', async () => {
    const config = configWith({ provider: 'twilio', twilio: settings() });

    const receipt = await createSmsSender(config).send(message());

    expect(fake.messages.get(receipt.id)?.to).toBe(TO);
  });
});
