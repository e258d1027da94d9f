import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { decode } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  acknowledgeIncident,
  getIncidentStatus,
  markFalsePositive,
  raiseAlert,
  RequestRefusedError,
  setIncidentFacts,
  submitAssessment,
} from '../../src/client/incidents';
import { getObligationsStatus, recordObligationMet } from '../../src/client/obligations';
import { trackObligationsWorkflowId } from '../../workflows/obligation-messages';
import { withFactor } from '../assessment/submissions';
import { texasFacts } from '../support/breach-facts';
import type { Config } from '../../src/config/schema';
import { type SmtpSink } from '../../src/messaging/smtp-sink';
import { EncryptionCodec } from '../../src/temporal/encryption-codec';
import { sampleAlert, SYNTHETIC_PATIENT_NAME } from '../support/alerts';
import { uniqueName } from '../support/temporal';
import { type DevServerWorker, startDevServerWorker } from '../support/dev-server-worker';

let stack: DevServerWorker;
let address: string;
let config: Readonly<Config>;
let client: Client;
let sink: SmtpSink;

beforeAll(async () => {
  stack = await startDevServerWorker({ escalation: ['2s', '1h'] });
  ({ address, config, client, sink } = stack);
});

afterAll(() => stack.stop());

/** An alert of a rule with no containment playbook, unless `overrides` names another rule. */
function alertFor(test: string, overrides: Parameters<typeof sampleAlert>[0] = {}) {
  return sampleAlert({ dedupKey: uniqueName(test), ruleId: 'prm-break-glass-access', ...overrides });
}

describe('the incident workflow on the dev server', () => {
  it('opens one incident for alerts that share a dedup key, answers status, and takes an acknowledgement', async () => {
    const alert = alertFor('dedup');
    const incidentId = await raiseAlert(client, config, alert);
    const sameIncident = await raiseAlert(client, config, { ...alert, alertId: 'alert-2', severity: 'critical' });
    expect(sameIncident).toBe(incidentId);

    const status = await getIncidentStatus(client, incidentId);
    expect(status).toMatchObject({ incidentId, phase: 'triage', severity: 'critical', alertCount: 2 });

    const acknowledged = await acknowledgeIncident(client, incidentId, { actorId: 'a.chen', role: 'responder' });
    expect(acknowledged.acknowledged?.by).toBe('a.chen');
    await expect(acknowledgeIncident(client, incidentId, { actorId: 'b.diaz', role: 'responder' })).rejects.toThrow(
      RequestRefusedError,
    );

    const ended = await markFalsePositive(client, incidentId, {
      actorId: 'a.chen',
      role: 'responder',
      reason: 'drill',
    });
    expect(ended.phase).toBe('false-positive');
    await vi.waitFor(
      async () => expect((await client.workflow.getHandle(incidentId).describe()).status.name).toBe('COMPLETED'),
      { timeout: 15_000, interval: 100 },
    );
    await expect(acknowledgeIncident(client, incidentId, { actorId: 'b.diaz', role: 'responder' })).rejects.toThrow(
      /no open incident/,
    );
  });

  it('tracks the notices of a reportable breach once its facts are set, and takes legal’s record of one met', async () => {
    const incidentId = await raiseAlert(client, config, alertFor('obligations'));
    const privacy = { actorId: 'p.nakamura', role: 'privacy-officer' as const };
    await acknowledgeIncident(client, incidentId, { actorId: 'a.chen', role: 'responder' });
    await vi.waitFor(async () => expect((await getIncidentStatus(client, incidentId)).phase).toBe('assessment'), {
      timeout: 30_000,
      interval: 250,
    });
    const assessed = await submitAssessment(client, incidentId, {
      ...privacy,
      submission: withFactor('natureAndExtent', 'high'),
    });
    const facts = texasFacts(assessed.discoveredAt ?? '');

    await setIncidentFacts(client, incidentId, { ...privacy, facts, reason: 'first facts' });
    const tracked = await vi.waitFor(() => getObligationsStatus(client, incidentId), {
      timeout: 30_000,
      interval: 250,
    });
    const met = await recordObligationMet(client, incidentId, {
      obligationId: 'HIPAA/individuals',
      metAt: new Date().toISOString(),
      method: 'first-class-mail',
      reference: 'USPS batch 2026-0117',
      recordedBy: 'l.abara',
    });

    expect(tracked.obligations.map((entry) => entry.id)).toContain('HIPAA/individuals');
    expect(met.obligations.find((entry) => entry.id === 'HIPAA/individuals')?.met?.reference).toBe(
      'USPS batch 2026-0117',
    );
    await expect(
      recordObligationMet(client, incidentId, {
        obligationId: 'HIPAA/nothing-like-this',
        metAt: new Date().toISOString(),
        method: 'email',
        reference: 'x',
        recordedBy: 'l.abara',
      }),
    ).rejects.toThrow(RequestRefusedError);
    await client.workflow.getHandle(trackObligationsWorkflowId(incidentId)).terminate('test finished');
    await client.workflow.getHandle(incidentId).terminate('test finished');
  });

  it('emails the first escalation level when nobody acknowledges, without patient details', async () => {
    const incidentId = await raiseAlert(client, config, alertFor('escalate'));

    await vi.waitFor(
      async () => {
        expect((await getIncidentStatus(client, incidentId)).escalationsSent).toBe(1);
      },
      { timeout: 30_000, interval: 250 },
    );

    const pages = readdirSync(sink.outboxDir)
      .filter((file) => file.endsWith('.eml'))
      .map((file) => readFileSync(join(sink.outboxDir, file), 'utf8'))
      .filter((message) => message.replace(/=\r?\n/g, '').includes(incidentId));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatch(/To: "On-call level 1" <level1@hospital\.test>/);
    expect(pages[0]).not.toContain(SYNTHETIC_PATIENT_NAME);
    await client.workflow.getHandle(incidentId).terminate('test finished');
  });

  it('keeps PHI out of the plain text of the workflow history', async () => {
    const incidentId = await raiseAlert(client, config, alertFor('history'));
    await acknowledgeIncident(client, incidentId, {
      actorId: 'a.chen',
      role: 'responder',
      note: `Called ${SYNTHETIC_PATIENT_NAME} to confirm`,
    });

    // A client with no codec sees exactly what the server stores.
    const raw = await Connection.connect({ address });
    const { history } = await raw.workflowService.getWorkflowExecutionHistory({
      namespace: config.temporal.namespace,
      execution: { workflowId: incidentId },
    });
    await raw.close();
    const stored = Buffer.from(temporal.api.history.v1.History.encode(history ?? {}).finish());
    expect(stored.includes(SYNTHETIC_PATIENT_NAME)).toBe(false);
    expect(stored.includes('Quillon')).toBe(false);

    // The same history, decrypted, does hold the name: the check above looked in the right place.
    const payloads = (history?.events ?? []).flatMap((event) => [
      ...(event.workflowExecutionSignaledEventAttributes?.input?.payloads ?? []),
      ...(event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? []),
    ]);
    const decoded = await decode([new EncryptionCodec(config.encryption)], payloads);
    const plain = decoded.map((payload) => Buffer.from(payload.data ?? new Uint8Array()).toString()).join('\n');
    expect(plain).toContain(SYNTHETIC_PATIENT_NAME);
    await client.workflow.getHandle(incidentId).terminate('test finished');
  });

  it('keeps the subject of an alert out of the workflow id and the search attributes, which are stored in plain text', async () => {
    const alert = sampleAlert({ ruleId: 'prm-break-glass-access' });
    const incidentId = await raiseAlert(client, config, alert);
    await acknowledgeIncident(client, incidentId, { actorId: 'a.chen', role: 'responder' });

    const handle = client.workflow.getHandle(incidentId);
    const described = await vi.waitFor(
      async () => {
        const current = await handle.describe();
        expect(current.typedSearchAttributes.getAll().map((pair) => pair.key.name)).toContain('IncidentPhase');
        return current;
      },
      { timeout: 15_000, interval: 250 },
    );
    const visible = JSON.stringify([described.workflowId, described.typedSearchAttributes.getAll()]);

    expect(visible).toContain('prm-break-glass-access');
    for (const secret of [alert.dedupKey, 'user-4411', '10.20.30.40', 'Patient/88231', SYNTHETIC_PATIENT_NAME]) {
      expect(visible).not.toContain(secret);
    }
    await client.workflow.getHandle(incidentId).terminate('test finished');
  });
});
