import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApiServer } from '../../src/api/server';
import type { Config } from '../../src/config/schema';
import type { TwilioSettings } from '../../src/config/sms-schema';
import { createTwilioSmsSender } from '../../src/messaging/twilio-sms';
import type { Database } from '../../src/store/database';
import { CarrierErrors } from '../../src/twilio-fake/fake-behaviour';
import { startTwilioFake } from '../../src/twilio-fake/server';
import { type FormParams, twilioSignature } from '../../src/twilio-fake/signature';
import { storeBackends, type TestStore } from '../support/stores';
import { memoryLogger } from '../support/temporal';
import { loadTestConfig } from '../support/test-config';

const PATH = '/v1/webhooks/twilio/status';
const ACCOUNT_SID = `AC${'6'.repeat(32)}`;
const AUTH_TOKEN = 'webhook-test-auth-token-thirty-two';
const INCIDENT = 'incident-twilio-webhook';
const TO = '+14155550100';

const messageSid = (n: number): string => `SM${n.toString(16).padStart(32, '0')}`;

/** A free port, so the configured public URL can name it before the server listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  await new Promise((closed) => server.close(closed));
  return typeof address === 'object' && address ? address.port : 0;
}

function configFor(twilio: TwilioSettings, provider: 'twilio' | 'outbox' = 'twilio'): Readonly<Config> {
  const config = loadTestConfig({ smtpUrl: 'smtp://127.0.0.1:1', taskQueue: 'unused', temporalAddress: '127.0.0.1:1' });
  return { ...config, sms: { provider, twilio } };
}

async function seedPopulation(db: Database): Promise<string> {
  const populationId = randomUUID();
  await db.query(
    `INSERT INTO notification_populations (id, incident_id, tenant_id, source, size) VALUES ($1, $2, 'st-elsewhere', 'test', 3)`,
    [populationId, INCIDENT],
  );
  return populationId;
}

async function seedDelivery(db: Database, populationId: string, individual: string, status: string, sid?: string) {
  await db.query(
    `INSERT INTO notification_deliveries (incident_id, individual_id, channel, population_id, status, attempts, provider_id)
     VALUES ($1, $2, 'sms', $3, $4, 1, $5)`,
    [INCIDENT, individual, populationId, status, sid ?? null],
  );
}

async function deliveryOf(db: Database, individual: string) {
  const { rows } = await db.query<{ status: string; error_code: string | null }>(
    `SELECT status, error_code FROM notification_deliveries WHERE incident_id = $1 AND individual_id = $2 AND channel = 'sms'`,
    [INCIDENT, individual],
  );
  return rows[0];
}

describe.each(storeBackends())('the Twilio status webhook on $name', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  let publicUrl: string;
  let populationId: string;
  let logLines: string[];

  /** A callback as Twilio would post it, signed for `url`. */
  function callback(params: FormParams, options: { url?: string; signature?: string | null } = {}) {
    const signature =
      options.signature === undefined
        ? twilioSignature(AUTH_TOKEN, options.url ?? publicUrl, params)
        : options.signature;
    return app.inject({
      method: 'POST',
      url: PATH,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature === null ? {} : { 'x-twilio-signature': signature }),
      },
      payload: new URLSearchParams(params as Record<string, string>).toString(),
    });
  }

  const status = (sid: string, messageStatus: string, errorCode?: number): Record<string, string> => ({
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: messageStatus,
    SmsStatus: messageStatus,
    To: TO,
    From: '+15005550006',
    ...(errorCode === undefined ? {} : { ErrorCode: String(errorCode) }),
  });

  async function startApiWith(config: Readonly<Config>, listen = false) {
    const memory = memoryLogger('warn');
    logLines = memory.lines;
    app = await buildApiServer({ config, db: store.db, client: new Client(), logger: memory.logger });
    if (listen) await app.listen({ host: '127.0.0.1', port: Number(new URL(publicUrl).port) });
  }

  beforeEach(async () => {
    store = await backend.open();
    publicUrl = `https://breachline.example.org${PATH}`;
    populationId = await seedPopulation(store.db);
  });

  afterEach(async () => {
    await app.close();
    await store.dispose();
  });

  describe('signature', () => {
    beforeEach(async () => {
      await startApiWith(configFor({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, statusCallbackUrl: publicUrl }));
      await seedDelivery(store.db, populationId, 'p-1', 'sent', messageSid(1));
    });

    it('accepts a callback signed for the configured public URL', async () => {
      const answer = await callback(status(messageSid(1), 'delivered'));

      expect(answer.statusCode).toBe(204);
      expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'delivered', error_code: null });
    });

    it('refuses a tampered body, another URL, a missing header and a wrong token with 403 and no internals', async () => {
      const params = status(messageSid(1), 'delivered');
      const signed = twilioSignature(AUTH_TOKEN, publicUrl, params);
      const answers = [
        await callback({ ...params, MessageStatus: 'undelivered' }, { signature: signed }),
        await callback(params, { url: 'http://localhost/v1/webhooks/twilio/status' }),
        await callback(params, { signature: null }),
        await callback(params, { signature: twilioSignature('another-token', publicUrl, params) }),
      ];

      for (const answer of answers) {
        expect(answer.statusCode).toBe(403);
        expect(Object.keys(answer.json<object>()).sort()).toEqual(['error', 'message', 'requestId']);
        expect(answer.body).not.toContain(AUTH_TOKEN);
        expect(answer.body).not.toContain(TO);
      }
      expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'sent', error_code: null });
    });

    it('checks against the configured URL whatever Host and X-Forwarded headers claim', async () => {
      const forgedUrl = `https://attacker.example${PATH}`;
      const params = status(messageSid(1), 'delivered');
      const answer = await app.inject({
        method: 'POST',
        url: PATH,
        headers: {
          host: 'attacker.example',
          'x-forwarded-host': 'attacker.example',
          'x-forwarded-proto': 'https',
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(AUTH_TOKEN, forgedUrl, params),
        },
        payload: new URLSearchParams(params).toString(),
      });

      expect(answer.statusCode).toBe(403);
    });

    it('answers a validly signed callback without a message SID with 400', async () => {
      expect((await callback({ MessageStatus: 'delivered' })).statusCode).toBe(400);
    });
  });

  it('refuses every callback when Twilio is not the SMS provider', async () => {
    await startApiWith(
      configFor({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, statusCallbackUrl: publicUrl }, 'outbox'),
    );

    expect((await callback(status(messageSid(1), 'delivered'))).statusCode).toBe(403);
    expect(logLines.join('\n')).toContain('Twilio is not the configured SMS provider');
  });

  describe('deliveries', () => {
    beforeEach(async () => {
      await startApiWith(configFor({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, statusCallbackUrl: publicUrl }));
    });

    it('records undelivered and failed with the error code, and delivered without one', async () => {
      await seedDelivery(store.db, populationId, 'p-1', 'sent', messageSid(1));
      await seedDelivery(store.db, populationId, 'p-2', 'sent', messageSid(2));
      await seedDelivery(store.db, populationId, 'p-3', 'sent', messageSid(3));

      await callback(status(messageSid(1), 'delivered'));
      await callback(status(messageSid(2), 'undelivered', CarrierErrors.unreachableHandset));
      await callback(status(messageSid(3), 'failed', 30008));

      expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'delivered', error_code: null });
      expect(await deliveryOf(store.db, 'p-2')).toEqual({ status: 'undelivered', error_code: 'twilio-30003' });
      expect(await deliveryOf(store.db, 'p-3')).toEqual({ status: 'failed', error_code: 'twilio-30008' });
    });

    it('is idempotent: a repeated callback answers 204 and changes nothing', async () => {
      await seedDelivery(store.db, populationId, 'p-1', 'sent', messageSid(1));
      await callback(status(messageSid(1), 'undelivered', CarrierErrors.unknownHandset));
      const { rows: before } = await store.db.query(`SELECT updated_at FROM notification_deliveries`);

      const again = await callback(status(messageSid(1), 'undelivered', CarrierErrors.unknownHandset));
      const { rows: after } = await store.db.query(`SELECT updated_at FROM notification_deliveries`);

      expect(again.statusCode).toBe(204);
      expect(after).toEqual(before);
      expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'undelivered', error_code: 'twilio-30005' });
    });

    it('never moves a delivered message back to sent, nor a final status to another', async () => {
      await seedDelivery(store.db, populationId, 'p-1', 'sending', messageSid(1));

      await callback(status(messageSid(1), 'delivered'));
      await callback(status(messageSid(1), 'sent'));
      await callback(status(messageSid(1), 'queued'));
      await callback(status(messageSid(1), 'undelivered', CarrierErrors.unreachableHandset));

      expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'delivered', error_code: null });
    });

    it('moves sending to sent, and leaves rows of other channels and other messages alone', async () => {
      await seedDelivery(store.db, populationId, 'p-1', 'sending', messageSid(1));
      await seedDelivery(store.db, populationId, 'p-2', 'sending', messageSid(2));

      await callback(status(messageSid(1), 'sent'));

      expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'sent', error_code: null });
      expect(await deliveryOf(store.db, 'p-2')).toEqual({ status: 'sending', error_code: null });
    });

    it('holds a report that comes before the delivery has its SID, and applies it when the SID is stored', async () => {
      await seedDelivery(store.db, populationId, 'p-1', 'sending');
      await seedDelivery(store.db, populationId, 'p-2', 'sending');

      expect((await callback(status(messageSid(1), 'sent'))).statusCode).toBe(204);
      await callback(status(messageSid(1), 'undelivered', CarrierErrors.unreachableHandset));
      await callback(status(messageSid(1), 'sent'));
      expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'sending', error_code: null });
      // What the fan-out does once its chunk is sent: each row gets its outcome and SID.
      await store.db.query(
        `UPDATE notification_deliveries SET status = 'sent', provider_id = $1 WHERE individual_id = 'p-1'`,
        [messageSid(1)],
      );
      await store.db.query(
        `UPDATE notification_deliveries SET status = 'sent', provider_id = $1 WHERE individual_id = 'p-2'`,
        [messageSid(2)],
      );

      expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'undelivered', error_code: 'twilio-30003' });
      expect(await deliveryOf(store.db, 'p-2')).toEqual({ status: 'sent', error_code: null });
      const { rows } = await store.db.query('SELECT provider_id FROM sms_status_reports');
      expect(rows).toEqual([]);
    });

    it('drops held reports no delivery claimed within a day', async () => {
      await callback(status(messageSid(7), 'delivered'));
      await store.db.query(`UPDATE sms_status_reports SET received_at = now() - interval '25 hours'`);

      await callback(status(messageSid(8), 'delivered'));

      const { rows } = await store.db.query<{ provider_id: string }>('SELECT provider_id FROM sms_status_reports');
      expect(rows).toEqual([{ provider_id: messageSid(8) }]);
    });
  });

  it('records what the fake reports for messages the SDK sender sent, callbacks signed by the fake', async () => {
    publicUrl = `http://127.0.0.1:${await freePort()}${PATH}`;
    const twilio = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, statusCallbackUrl: publicUrl };
    await startApiWith(configFor(twilio), true);
    const unreachable = '+14155550199';
    const fake = await startTwilioFake({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      // Callbacks race the recording of the SID, as Twilio's do; either order must end the same.
      callbackStepMs: 1,
      behaviour: { undeliverable: { [unreachable]: { errorCode: CarrierErrors.landlineOrUnreachableCarrier } } },
    });
    const sender = createTwilioSmsSender({ ...twilio, from: '+15005550006', apiBaseUrl: fake.url });

    try {
      // A row per send, its SID recorded after the send as the fan-out records it.
      for (const [individual, to] of [
        ['p-1', TO],
        ['p-2', unreachable],
      ] as const) {
        await seedDelivery(store.db, populationId, individual, 'sending');
        const { id } = await sender.send({ to, body: 'Notice', idempotencyKey: `${INCIDENT}/${individual}/sms` });
        await store.db.query(
          `UPDATE notification_deliveries SET status = 'sent', provider_id = $1 WHERE individual_id = $2`,
          [id, individual],
        );
      }
      await fake.callbacksSettled();
    } finally {
      await fake.stop();
    }

    expect(fake.callbacks.map((sent) => sent.answered)).toEqual(Array(6).fill(204));
    expect(await deliveryOf(store.db, 'p-1')).toEqual({ status: 'delivered', error_code: null });
    expect(await deliveryOf(store.db, 'p-2')).toEqual({ status: 'undelivered', error_code: 'twilio-30006' });
  });
});
