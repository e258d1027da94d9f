import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEscalationActivities, type PageRequest } from '../../activities/escalation';
import { incidentIdFor } from '../../src/client/incident-id';
import type { EscalationLevel } from '../../src/config/schema';
import { PageReason } from '../../src/incidents/vocabulary';
import type { Mailer, MailMessage } from '../../src/messaging/mailer';
import type { SmsMessage, SmsSender } from '../../src/messaging/sms';
import { sampleAlert, SYNTHETIC_PATIENT_NAME } from '../support/alerts';
import { memoryLogger } from '../support/temporal';

const alert = sampleAlert();
const INCIDENT_ID = incidentIdFor(alert.tenantId, alert.dedupKey);
const OPENED_AT = '2026-12-03T10:15:00.000Z';
/** 45 minutes after the incident opened. */
const NOW = '2026-12-03T11:00:00.000Z';

const levels: EscalationLevel[] = [
  { after: 30 * 60_000, email: ['oncall@hospital.test', 'security@hospital.test'], sms: ['+15005550006'] },
  { after: 60 * 60_000, email: ['ciso@hospital.test'], sms: ['+15005550007', '+15005550008'] },
];

function pageRequest(overrides: Partial<PageRequest> = {}): PageRequest {
  return {
    incidentId: INCIDENT_ID,
    tenantId: alert.tenantId,
    level: 0,
    severity: alert.severity,
    ruleIds: [alert.ruleId],
    openedAt: OPENED_AT,
    reason: PageReason.unacknowledged,
    ...overrides,
  };
}

function fakes() {
  const mail: MailMessage[] = [];
  const texts: SmsMessage[] = [];
  const mailer: Mailer = {
    send: (message) => {
      mail.push(message);
      return Promise.resolve({ messageId: message.messageId, accepted: message.to.length });
    },
    close: () => undefined,
  };
  const sms: SmsSender = {
    send: (message) => {
      texts.push(message);
      return Promise.resolve({ id: `sms-${texts.length}` });
    },
  };
  const log = memoryLogger('info');
  const activities = createEscalationActivities({ mailer, sms, levels, logger: log.logger });
  return { mail, texts, activities, lines: log.lines };
}

/** The Message-ID and SMS keys one page is sent with. */
async function keysOf(request: PageRequest): Promise<{ messageId: string; smsKeys: string[] }> {
  const { mail, texts, activities } = fakes();
  await activities.pageOnCall(request);
  return { messageId: mail[0]?.messageId ?? '', smsKeys: texts.map((text) => text.idempotencyKey) };
}

describe('pageOnCall', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date(NOW), toFake: ['Date'] });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('emails every level-0 address under the level name, with a subject naming severity, reason, age and incident', async () => {
    const { mail, activities } = fakes();

    const receipt = await activities.pageOnCall(pageRequest());

    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toEqual([
      { name: 'On-call level 1', address: 'oncall@hospital.test' },
      { name: 'On-call level 1', address: 'security@hospital.test' },
    ]);
    expect(mail[0]?.subject).toBe(`[breachline] high incident unacknowledged after 45 min: ${INCIDENT_ID}`);
    expect(mail[0]?.messageId).toBe(`<page-${INCIDENT_ID}-unacknowledged-level-1@breachline>`);
    expect(receipt).toEqual({ messageId: mail[0]?.messageId, recipients: 2, texts: 1 });
  });

  it('writes the incident, tenant, rules, opening time, level and the acknowledge command into the email text', async () => {
    const { mail, activities } = fakes();

    await activities.pageOnCall(pageRequest());

    expect(mail[0]?.text).toBe(
      [
        `Incident ${INCIDENT_ID} (tenant st-elsewhere): unacknowledged.`,
        'Severity: high',
        'Rules: prm-mass-record-access',
        `Opened: ${OPENED_AT} (45 minutes ago)`,
        'Escalation level: 1',
        '',
        `Acknowledge it with: breachline incidents ack ${INCIDENT_ID} --as <your responder id>`,
      ].join('\n'),
    );
  });

  it('texts the level-0 number a short body with severity, incident, reason and level', async () => {
    const { texts, activities } = fakes();

    await activities.pageOnCall(pageRequest());

    expect(texts).toEqual([
      {
        to: '+15005550006',
        body: `breachline: high incident ${INCIDENT_ID} unacknowledged, level 1`,
        idempotencyKey: `page-${INCIDENT_ID}-unacknowledged-level-1-sms-1`,
      },
    ]);
  });

  it('pages the second level on its own addresses and each of its numbers', async () => {
    const { mail, texts, activities } = fakes();

    const receipt = await activities.pageOnCall(pageRequest({ level: 1 }));

    expect(mail[0]?.to).toEqual([{ name: 'On-call level 2', address: 'ciso@hospital.test' }]);
    expect(texts.map((text) => text.to)).toEqual(['+15005550007', '+15005550008']);
    expect(receipt).toEqual({ messageId: mail[0]?.messageId, recipients: 1, texts: 2 });
  });

  it('pages the last configured level when asked for a level beyond the configured ones', async () => {
    const { mail, texts, activities } = fakes();

    await activities.pageOnCall(pageRequest({ level: 4 }));

    expect(mail[0]?.to.map((to) => to.address)).toEqual(['ciso@hospital.test']);
    expect(texts.map((text) => text.to)).toEqual(['+15005550007', '+15005550008']);
    expect(mail[0]?.text).toContain('Escalation level: 5');
  });

  it('sends a retried page with the same Message-ID and SMS keys, even minutes later', async () => {
    const { mail, texts, activities } = fakes();

    await activities.pageOnCall(pageRequest({ level: 1 }));
    vi.setSystemTime(new Date(Date.parse(NOW) + 3 * 60_000));
    await activities.pageOnCall(pageRequest({ level: 1 }));

    expect(mail[1]?.messageId).toBe(mail[0]?.messageId);
    expect(texts.slice(2).map((text) => text.idempotencyKey)).toEqual(
      texts.slice(0, 2).map((text) => text.idempotencyKey),
    );
    expect(mail[1]?.subject).toContain('after 48 min');
  });

  it('gives each SMS recipient of one page a key of its own', async () => {
    const keys = await keysOf(pageRequest({ level: 1 }));

    expect(keys.smsKeys).toEqual([
      `page-${INCIDENT_ID}-unacknowledged-level-2-sms-1`,
      `page-${INCIDENT_ID}-unacknowledged-level-2-sms-2`,
    ]);
  });

  it('keys a page from a history without a reason like an unacknowledged page, so replays match', async () => {
    const { reason: _reason, ...withoutReason } = pageRequest();

    const legacy = await keysOf(withoutReason);
    const current = await keysOf(pageRequest({ reason: PageReason.unacknowledged }));

    expect(legacy).toEqual(current);
  });

  it('uses different Message-IDs and SMS keys for different levels', async () => {
    const first = await keysOf(pageRequest({ level: 0 }));
    const second = await keysOf(pageRequest({ level: 1 }));

    expect(second.messageId).not.toBe(first.messageId);
    expect(second.smsKeys).not.toContain(first.smsKeys[0]);
  });

  it('uses different Message-IDs and SMS keys for each reason and each action', async () => {
    const pages = [
      pageRequest({ reason: PageReason.unacknowledged }),
      pageRequest({ reason: PageReason.approvalPending, actionIndex: 0 }),
      pageRequest({ reason: PageReason.approvalPending, actionIndex: 1 }),
      pageRequest({ reason: PageReason.containmentFailed, actionIndex: 0 }),
    ];

    const keys = await Promise.all(pages.map(keysOf));

    expect(new Set(keys.map((key) => key.messageId)).size).toBe(pages.length);
    expect(new Set(keys.flatMap((key) => key.smsKeys)).size).toBe(pages.length);
  });

  it('names the pending action and the approve command in an approval page', async () => {
    const { mail, texts, activities } = fakes();

    await activities.pageOnCall(pageRequest({ reason: PageReason.approvalPending, actionIndex: 2 }));

    expect(mail[0]?.subject).toBe(
      `[breachline] high incident containment awaits approval (action #2) after 45 min: ${INCIDENT_ID}`,
    );
    expect(mail[0]?.text).toContain(`Decide with: breachline incidents approve ${INCIDENT_ID} 2 --as <id> (or reject)`);
    expect(mail[0]?.messageId).toBe(`<page-${INCIDENT_ID}-approval-pending-action-2-level-1@breachline>`);
    expect(texts[0]?.body).toBe(
      `breachline: high incident ${INCIDENT_ID} containment awaits approval (action #2), level 1`,
    );
  });

  it('points a containment-failed page at the incident', async () => {
    const { mail, activities } = fakes();

    await activities.pageOnCall(pageRequest({ reason: PageReason.containmentFailed, actionIndex: 0 }));

    expect(mail[0]?.subject).toBe(
      `[breachline] high incident containment failed (action #0) after 45 min: ${INCIDENT_ID}`,
    );
    expect(mail[0]?.text).toContain(`Check the platform and the incident: breachline incidents show ${INCIDENT_ID}`);
  });

  it('copies no patient data into the email or SMS, even when the caller passes the whole alert along', async () => {
    const { mail, texts, activities } = fakes();
    // Spread properties escape excess-property checks, as a careless caller's would.
    const request: PageRequest = { ...alert, ...pageRequest() };

    await activities.pageOnCall(request);

    const sent = JSON.stringify({ mail, texts });
    expect(sent).not.toContain('Patient/88231');
    expect(sent).not.toContain(SYNTHETIC_PATIENT_NAME);
    expect(sent).not.toContain(alert.dedupKey);
    expect(sent).not.toContain('user-4411');
    expect(sent).not.toContain('10.20.30.40');
  });

  it('logs the level and counts of a page but no address or number', async () => {
    const { activities, lines } = fakes();

    await activities.pageOnCall(pageRequest({ level: 1 }));

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        msg: 'Paged on-call',
        incidentId: INCIDENT_ID,
        escalationLevel: 2,
        reason: 'unacknowledged',
        recipients: 1,
        texts: 2,
      }),
    ]);
    expect(lines.join('\n')).not.toMatch(/ciso@hospital\.test|\+1500555000/);
  });
});
