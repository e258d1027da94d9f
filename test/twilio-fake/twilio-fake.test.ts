import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Ajv from 'ajv';
import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import excerpt from '../../src/twilio-fake/messages-openapi.json';
import { CarrierErrors } from '../../src/twilio-fake/fake-behaviour';
import { startTwilioFake, type TwilioFake } from '../../src/twilio-fake/server';
import { twilioSignature } from '../../src/twilio-fake/signature';

/** Twilio's full OpenAPI description of API v2010, an unchanged copy (MIT). */
const FULL_SPEC = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'twilio-oai', 'twilio_api_v2010.json'), 'utf8'),
) as { paths: Record<string, { post?: unknown }>; components: { schemas: Record<string, unknown> } };

const MESSAGES_PATH = '/2010-04-01/Accounts/{AccountSid}/Messages.json';
const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const AUTH_TOKEN = 'a-test-auth-token-of-thirty-two-chars';
const FROM = '+15005550006';
const TO = '+14155550100';

/** Validates against a schema of Twilio's description, resolving its $refs within it. */
function messageValidator() {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ components: FULL_SPEC.components }, 'twilio');
  return ajv.compile({ $ref: 'twilio#/components/schemas/api.v2010.account.message' });
}

let fake: TwilioFake;

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function createMessage(params: Record<string, string>, auth = basic(ACCOUNT_SID, AUTH_TOKEN), sid = ACCOUNT_SID) {
  const response = await fetch(`${fake.url}/2010-04-01/Accounts/${sid}/Messages.json`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

beforeEach(async () => {
  fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackStepMs: 1 });
});

afterEach(async () => {
  await fake.stop();
});

describe("the fake's OpenAPI excerpt", () => {
  it("is the create-Message operation and its schemas exactly as in Twilio's full description", () => {
    expect(excerpt.paths[MESSAGES_PATH].post).toEqual(FULL_SPEC.paths[MESSAGES_PATH]?.post);
    for (const [name, schema] of Object.entries(excerpt.components.schemas)) {
      expect(schema, name).toEqual(FULL_SPEC.components.schemas[name]);
    }
  });
});

describe('creating a message', () => {
  it("answers 201 with a queued Message whose every field is in Twilio's schema, and keeps the message", async () => {
    const answer = await createMessage({ To: TO, From: FROM, Body: 'Notice of a breach' });
    const validate = messageValidator();

    expect(answer.status).toBe(201);
    expect(validate(answer.body), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(answer.body).sort()).toEqual(
      Object.keys(excerpt.components.schemas['api.v2010.account.message'].properties).sort(),
    );
    expect(answer.body).toMatchObject({ to: TO, from: FROM, status: 'queued', direction: 'outbound-api' });
    expect(answer.body.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(fake.messages.get(String(answer.body.sid))).toMatchObject({ to: TO, body: 'Notice of a breach' });
  });

  it('answers a Messaging Service send as accepted, without a From', async () => {
    const service = `MG${'2'.repeat(32)}`;
    const answer = await createMessage({ To: TO, MessagingServiceSid: service, Body: 'x' });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'accepted', from: null, messaging_service_sid: service });
  });

  it('counts segments as Twilio does: GSM-7 in 160 or 153, UCS-2 in 70 or 67', async () => {
    const bodies = { ['a'.repeat(160)]: '1', ['a'.repeat(161)]: '2', ['ñ'.repeat(160)]: '1', ['€'.repeat(71)]: '2' };

    for (const [body, segments] of Object.entries(bodies)) {
      expect((await createMessage({ To: TO, From: FROM, Body: body })).body.num_segments).toBe(segments);
    }
  });
});

describe("Twilio's refusals", () => {
  const cases: [string, Record<string, string>, number, number][] = [
    ['a missing To', { From: FROM, Body: 'x' }, 400, 21604],
    ['a To that is not E.164', { To: '4155550100', From: FROM, Body: 'x' }, 400, 21211],
    ['no From nor Messaging Service', { To: TO, Body: 'x' }, 400, 21603],
    ['a malformed Messaging Service SID', { To: TO, MessagingServiceSid: 'MG123', Body: 'x' }, 400, 21701],
    ['a From that is no sender', { To: TO, From: '+0', Body: 'x' }, 400, 21212],
    ['an empty Body', { To: TO, From: FROM, Body: '' }, 400, 21602],
    ['a Body over 1600 characters', { To: TO, From: FROM, Body: 'x'.repeat(1601) }, 400, 21617],
    ['a StatusCallback that is no URL', { To: TO, From: FROM, Body: 'x', StatusCallback: 'nope' }, 400, 21609],
  ];

  it.each(cases)('refuses %s with its code in Twilio’s error shape', async (_what, params, status, code) => {
    const answer = await createMessage(params);

    expect(answer.status).toBe(status);
    expect(Object.keys(answer.body).sort()).toEqual(['code', 'message', 'more_info', 'status']);
    expect(answer.body).toMatchObject({ code, status, more_info: `https://www.twilio.com/docs/errors/${code}` });
    expect(fake.messages.size).toBe(0);
  });

  it('refuses a wrong auth token, a missing header and another account with 20003 and a Basic challenge', async () => {
    const other = `AC${'3'.repeat(32)}`;
    const answers = [
      await createMessage({ To: TO, From: FROM, Body: 'x' }, basic(ACCOUNT_SID, 'wrong')),
      await createMessage({ To: TO, From: FROM, Body: 'x' }, ''),
      await createMessage({ To: TO, From: FROM, Body: 'x' }, basic(other, AUTH_TOKEN), other),
    ];

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ code: 20003, message: 'Authenticate' });
      expect(answer.headers.get('www-authenticate')).toContain('Basic');
    }
  });

  it('answers a malformed account SID in the path with 20404', async () => {
    const answer = await createMessage({ To: TO, From: FROM, Body: 'x' }, basic('ACnope', AUTH_TOKEN), 'ACnope');

    expect(answer).toMatchObject({ status: 404, body: { code: 20404 } });
  });

  it('refuses an opted-out number with 21610 and a landline with 21614', async () => {
    fake.behaviour.unsubscribe('+14155550111');
    const landlineFake = await startTwilioFake({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      behaviour: { landlines: ['+14155550112'] },
    });

    expect(await createMessage({ To: '+14155550111', From: FROM, Body: 'x' })).toMatchObject({
      status: 400,
      body: { code: 21610, message: 'Attempt to send to unsubscribed recipient' },
    });
    const previous = fake;
    fake = landlineFake;
    expect(await createMessage({ To: '+14155550112', From: FROM, Body: 'x' })).toMatchObject({ body: { code: 21614 } });
    fake = previous;
    await landlineFake.stop();
  });

  it('answers a scripted error for a number as many times as asked, then accepts', async () => {
    fake.behaviour.answerWithError(TO, { code: 20503, times: 2 });

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await createMessage({ To: TO, From: FROM, Body: 'x' })).status);

    expect(statuses).toEqual([503, 503, 201]);
  });

  it('answers 20429 with HTTP 429 past the configured requests per second', async () => {
    let now = 1_000_000;
    const limited = await startTwilioFake({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      behaviour: { maxRequestsPerSecond: 2 },
      clock: () => now,
    });
    const previous = fake;
    fake = limited;

    const first = [];
    for (let i = 0; i < 3; i += 1) first.push((await createMessage({ To: TO, From: FROM, Body: 'x' })).status);
    now += 1000;
    const next = (await createMessage({ To: TO, From: FROM, Body: 'x' })).status;

    expect(first).toEqual([201, 201, 429]);
    expect(next).toBe(201);
    fake = previous;
    await limited.stop();
  });
});

describe('status callbacks', () => {
  let receiver: Server;
  let receiverUrl: string;
  let received: { params: Record<string, string>; signature: string | undefined }[];

  beforeEach(async () => {
    received = [];
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const signature = request.headers['x-twilio-signature'];
        received.push({
          params: Object.fromEntries(new URLSearchParams(body)),
          signature: typeof signature === 'string' ? signature : undefined,
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((listening) => receiver.listen(0, '127.0.0.1', listening));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/status?tenant=a`;
  });

  afterEach(async () => {
    await new Promise((closed) => receiver.close(closed));
  });

  it('posts queued, sent, delivered, each signed so that the SDK validates it against the callback URL', async () => {
    const sid = String((await createMessage({ To: TO, From: FROM, Body: 'x', StatusCallback: receiverUrl })).body.sid);
    await fake.callbacksSettled();

    expect(received.map((callback) => callback.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
    for (const { params, signature } of received) {
      expect(params).toMatchObject({ MessageSid: sid, SmsSid: sid, AccountSid: ACCOUNT_SID, To: TO, From: FROM });
      expect(params.ErrorCode).toBeUndefined();
      expect(twilio.validateRequest(AUTH_TOKEN, signature ?? '', receiverUrl, params)).toBe(true);
    }
    expect(fake.messages.get(sid)?.status).toBe('delivered');
    expect(fake.callbacks.map((callback) => callback.answered)).toEqual([204, 204, 204]);
  });

  it.each([CarrierErrors.unreachableHandset, CarrierErrors.unknownHandset, CarrierErrors.landlineOrUnreachableCarrier])(
    'reports a number the carrier cannot reach as undelivered with ErrorCode %i',
    async (errorCode) => {
      fake.behaviour.makeUndeliverable(TO, { errorCode });
      await createMessage({ To: TO, From: FROM, Body: 'x', StatusCallback: receiverUrl });
      await fake.callbacksSettled();

      expect(received.map((callback) => callback.params.MessageStatus)).toEqual(['queued', 'sent', 'undelivered']);
      expect(received.at(-1)?.params.ErrorCode).toBe(String(errorCode));
    },
  );

  it('reports a message Twilio could not send as failed, never sent', async () => {
    fake.behaviour.makeUndeliverable(TO, { errorCode: 30008, status: 'failed' });
    await createMessage({ To: TO, From: FROM, Body: 'x', StatusCallback: receiverUrl });
    await fake.callbacksSettled();

    expect(received.map((callback) => [callback.params.MessageStatus, callback.params.ErrorCode])).toEqual([
      ['queued', undefined],
      ['failed', '30008'],
    ]);
  });

  it('posts nothing for a message sent without a StatusCallback, yet still moves it to delivered', async () => {
    const sid = String((await createMessage({ To: TO, From: FROM, Body: 'x' })).body.sid);
    await fake.callbacksSettled();

    expect(received).toEqual([]);
    expect(fake.messages.get(sid)?.status).toBe('delivered');
  });
});

describe('the signer', () => {
  it("agrees with the SDK's expected signature, repeated parameters and query strings included", () => {
    const url = 'https://hooks.example.org/twilio/status?b=2&a=1';
    const params = { MessageSid: `SM${'a'.repeat(32)}`, Body: 'ñ €', MediaUrl: ['z', 'a', 'z'], To: '+14155550100' };

    expect(twilioSignature(AUTH_TOKEN, url, params)).toBe(
      twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params as Record<string, unknown>),
    );
  });
});
