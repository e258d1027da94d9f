import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../../src/messaging/mailer';
import { createOutboxSmsSender } from '../../src/messaging/sms';
import { type BatchDependencies, notifyBatch } from '../../src/notification/fan-out/notify-batch';
import { createLetterFolder } from '../../src/notification/fan-out/letter-folder';
import { createNoticeSender } from '../../src/notification/fan-out/notice-senders';
import { createProviderLimiters } from '../../src/notification/fan-out/provider-limits';
import { createContactCipher } from '../../src/notification/population/contact-cipher';
import type { Individual } from '../../src/notification/population/individual';
import { createPopulation } from '../../src/notification/population/population-store';
import { type CountingSmtpServer, startCountingSmtpServer } from '../support/counting-smtp-server';
import { storeBackends, type TestStore } from '../support/stores';
import { memoryLogger, randomKeyring } from '../support/temporal';
import { individual, sampleAddress } from './support/individuals';
import { sampleNoticeFacts } from './support/sample-notice';

const INCIDENT = 'incident-st-elsewhere-batch';
const cipher = createContactCipher(randomKeyring());
const fast = { perSecond: 10_000, concurrency: 20 };

let smtp: CountingSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startCountingSmtpServer();
  mailer = createSmtpMailer(smtp.url, 'privacy@st-elsewhere.test');
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
});

/** Everyone the plan has a rule for: email and SMS, letter only, next of kin, nobody reachable. */
function mixedPopulation(): Individual[] {
  return [
    individual(1),
    individual(2, { emailConsent: false, mobile: undefined }),
    individual(3, { deceased: true, nextOfKin: { name: 'Kin Three', address: sampleAddress } }),
    individual(4, { email: undefined, address: undefined, emailConsent: false, mobile: undefined }),
    individual(5, { mobile: undefined }),
  ];
}

describe.each(storeBackends())('a notification batch on $name', (backend) => {
  let store: TestStore;
  let deps: BatchDependencies;
  let lettersDir: string;
  let smsDir: string;

  async function population(people: Individual[]): Promise<string> {
    return createPopulation(store.db, cipher, { incidentId: INCIDENT, tenantId: 't', source: 'json' }, people);
  }

  const request = (populationId: string, afterOrdinal = 0, limit = 100) => ({
    incidentId: INCIDENT,
    populationId,
    notice: sampleNoticeFacts(),
    afterOrdinal,
    limit,
    chunkSize: 2,
  });

  async function deliveries(): Promise<Record<string, string>> {
    const { rows } = await store.db.query<{ individual_id: string; channel: string; status: string }>(
      'SELECT individual_id, channel, status FROM notification_deliveries ORDER BY individual_id, channel',
    );
    return Object.fromEntries(rows.map((row) => [`${row.individual_id}/${row.channel}`, row.status]));
  }

  beforeEach(async () => {
    store = await backend.open();
    smtp.received.clear();
    smtp.refuse = () => undefined;
    lettersDir = mkdtempSync(join(tmpdir(), 'letters-'));
    smsDir = mkdtempSync(join(tmpdir(), 'sms-'));
    const letters = createLetterFolder(lettersDir);
    const sms = createOutboxSmsSender(smsDir);
    deps = {
      store: store.db,
      cipher,
      send: createNoticeSender({ mailer, sms, letters, messageIdDomain: 'st-elsewhere.test' }),
      limiters: createProviderLimiters({ email: fast, sms: fast, mail: fast }),
      letters,
      logger: memoryLogger().logger,
      throwIfCancelled: () => undefined,
    };
  });

  afterEach(async () => {
    await store.dispose();
  });

  it('sends each planned notice once, records every one, and counts substitute notice and the deceased', async () => {
    const populationId = await population(mixedPopulation());

    const report = await notifyBatch(deps, request(populationId));

    expect(await deliveries()).toEqual({
      'pat-1/email': 'sent',
      'pat-1/sms': 'sent',
      'pat-2/mail': 'sent',
      'pat-3/mail': 'sent',
      'pat-5/email': 'sent',
    });
    expect(smtp.total()).toBe(2);
    expect(readdirSync(smsDir)).toHaveLength(1);
    expect(report).toMatchObject({ afterOrdinal: 0, lastOrdinal: 5, unsettled: 0 });
    expect(report.tally).toMatchObject({ individuals: 5, substituteNotice: 1, noNextOfKinAddress: 0, fallenBack: 0 });
    expect(report.tally.channels.email).toEqual({ sent: 2, delivered: 0, failed: 0, pending: 0 });
  });

  it('writes a PDF per letter and a manifest addressed to the next of kin on behalf of the deceased', async () => {
    const populationId = await population(mixedPopulation());

    await notifyBatch(deps, request(populationId));

    const folder = join(lettersDir, INCIDENT);
    expect(readdirSync(folder).sort()).toEqual([
      'letter-pat-2.pdf',
      'letter-pat-3.pdf',
      'manifest-000000001-000000005.csv',
    ]);
    expect(readFileSync(join(folder, 'letter-pat-2.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const manifest = readFileSync(join(folder, 'manifest-000000001-000000005.csv'), 'utf8').trim().split('\n');
    expect(manifest).toHaveLength(3);
    expect(manifest[2]).toContain('letter-pat-3.pdf,pat-3,es,Kin Three,Patient 3,12 Elm St,,,Boston,MA,02115,US');
  });

  it('sends nothing again when the same batch runs a second time, and reports the same figures', async () => {
    const populationId = await population(mixedPopulation());
    const first = await notifyBatch(deps, request(populationId));

    const second = await notifyBatch(deps, request(populationId));

    expect(smtp.total()).toBe(2);
    expect(second.tally).toEqual(first.tally);
  });

  it('sends again a notice left sending by a crash, but not one recorded sent', async () => {
    const populationId = await population([individual(1, { mobile: undefined }), individual(2, { mobile: undefined })]);
    await store.db.query(
      `INSERT INTO notification_deliveries (incident_id, individual_id, channel, population_id, status, attempts)
       VALUES ($1, 'pat-1', 'email', $2, 'sending', 1), ($1, 'pat-2', 'email', $2, 'sent', 1)`,
      [INCIDENT, populationId],
    );

    await notifyBatch(deps, request(populationId));

    expect(smtp.total()).toBe(1);
    const { rows } = await store.db.query<{ attempts: number }>(
      `SELECT attempts FROM notification_deliveries WHERE individual_id = 'pat-1'`,
    );
    expect(rows[0]?.attempts).toBe(2);
  });

  it('gives up an address the relay rejects for good, records the bounce and sends a letter instead', async () => {
    smtp.refuse = (address) => (address === 'patient1@example.test' ? 550 : undefined);
    const populationId = await population([individual(1, { mobile: undefined })]);

    const report = await notifyBatch(deps, request(populationId));

    expect(await deliveries()).toEqual({ 'pat-1/email': 'failed', 'pat-1/mail': 'sent' });
    const { rows } = await store.db.query<{ error_code: string }>(
      `SELECT error_code FROM notification_deliveries WHERE channel = 'email'`,
    );
    expect(rows[0]?.error_code).toBe('smtp-550');
    expect(report.tally).toMatchObject({ fallenBack: 1, substituteNotice: 0 });
    expect(readdirSync(join(lettersDir, INCIDENT))).toContain('letter-pat-1.pdf');
  });

  it('counts a bounced individual without an address toward substitute notice', async () => {
    smtp.refuse = () => 550;
    const populationId = await population([individual(1, { mobile: undefined, address: undefined })]);

    const report = await notifyBatch(deps, request(populationId));

    expect(report.tally).toMatchObject({ fallenBack: 0, substituteNotice: 1 });
  });

  it('retries a try-later reply at once and sends the notice when the relay takes it', async () => {
    let refusals = 0;
    smtp.refuse = () => (refusals++ === 0 ? 451 : undefined);
    const populationId = await population([individual(1, { mobile: undefined })]);

    const report = await notifyBatch(deps, request(populationId));

    expect(refusals).toBe(2);
    expect(await deliveries()).toEqual({ 'pat-1/email': 'sent' });
    expect(report.unsettled).toBe(0);
  });

  it('leaves a notice the relay keeps deferring as retrying, for the next attempt of the batch to send', async () => {
    smtp.refuse = () => 451;
    const populationId = await population([individual(1, { mobile: undefined })]);

    const deferred = await notifyBatch(deps, request(populationId));
    expect(deferred.unsettled).toBe(1);
    expect(await deliveries()).toEqual({ 'pat-1/email': 'retrying' });

    smtp.refuse = () => undefined;
    const retried = await notifyBatch(deps, request(populationId));
    expect(retried.unsettled).toBe(0);
    expect(await deliveries()).toEqual({ 'pat-1/email': 'sent' });
    expect(smtp.total()).toBe(1);
  });

  it('pages by ordinal: a batch after a cursor touches only its own individuals', async () => {
    const populationId = await population(
      Array.from({ length: 6 }, (_, n) => individual(n + 1, { mobile: undefined })),
    );

    const report = await notifyBatch(deps, request(populationId, 2, 3));

    expect(report).toMatchObject({ afterOrdinal: 2, lastOrdinal: 5 });
    expect(Object.keys(await deliveries())).toEqual(['pat-3/email', 'pat-4/email', 'pat-5/email']);
  });
});
