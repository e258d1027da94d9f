import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import type { Activities } from '../../activities';
import type { ContainmentActionRequest, ContainmentRecord } from '../../activities/containment';
import type { PageRequest } from '../../activities/escalation';
import type { TimelineEntryRequest } from '../../activities/incident-timeline';
import { planContainment } from '../../src/containment/playbook';
import { loadPlaybookFile } from '../../src/containment/load-playbook';
import { ContainmentFailure, type ContainmentOperation } from '../../src/containment/vocabulary';
import type { Alert } from '../../src/incidents/alert';
import { DEFAULT_REMINDER_POLICY } from '../../src/obligations/tracking';
import { createDataConverter } from '../../src/temporal/data-converter';
import type { EncryptionKeyring } from '../../src/temporal/encryption-codec';
import { incidentSearchAttributeTypes } from '../../src/temporal/dev-server';
import type { handleIncident, HandleIncidentInput } from '../../workflows/handle-incident';
import { alertSignal } from '../../workflows/messages';
import { sampleAlert } from '../support/alerts';
import { installQuietRuntime, randomKeyring, uniqueName, workflowBundle } from '../support/temporal';

/**
 * The incident workflow on the time-skipping server, with activities that
 * record each call and the virtual time it happened at. Containment is
 * planned from the real playbook; the platform calls succeed unless a test
 * makes them fail.
 */

export const MINUTE = 60_000;
/** Real time allowed for an activity to run once its timer fired; generous for a loaded CI machine. */
export const WAIT = { timeout: 15_000, interval: 50 };
export const ESCALATION_DELAYS_MS = [30 * MINUTE, 60 * MINUTE];

let dataConverter = createDataConverter(randomKeyring());
const playbook = loadPlaybookFile();
let env: TestWorkflowEnvironment | undefined;

/** Starts a test server; `keyring` fixes the payload key, for histories recorded to be replayed later. */
export async function startEnvironment(keyring: EncryptionKeyring = randomKeyring()): Promise<void> {
  installQuietRuntime();
  dataConverter = createDataConverter(keyring);
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } },
    client: { dataConverter },
  });
  // The test server answers AddSearchAttributes but not ListSearchAttributes.
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: incidentSearchAttributeTypes(),
  });
}

export async function stopEnvironment(): Promise<void> {
  await env?.teardown();
}

export function testEnv(): TestWorkflowEnvironment {
  if (!env) throw new Error('the time-skipping environment did not start');
  return env;
}

export interface PlatformCall {
  operation: ContainmentOperation;
  actionIndex: number;
  kind: string;
}

/** What the fake activities saw, for the assertions. */
export interface Recorded {
  pages: (PageRequest & { atMs: number })[];
  platformCalls: PlatformCall[];
  timelineWrites: TimelineEntryRequest[];
  evidenceCaptures: string[];
  /** Whose audit events each alert capture asked for. */
  alertCaptureSubjects: { userId?: string; ipAddress?: string; patientId?: string }[];
  /** The `from` of each alert evidence capture. */
  alertCaptureFrom: string[];
  legalReminders: string[];
  /** When set, alert evidence capture waits for it: holds the incident in the evidence phase. */
  captureGate?: Promise<void>;
  /** Action kinds the platform refuses for good. */
  refuse: Set<string>;
}

function containmentRecord(request: ContainmentActionRequest, operation: ContainmentOperation): ContainmentRecord {
  const at = new Date().toISOString();
  return {
    incidentId: request.incidentId,
    actionIndex: request.actionIndex,
    kind: request.action.kind,
    operation,
    target: request.target,
    requestId: `req-${request.actionIndex}-${operation}`,
    outcome: operation === 'apply' ? 'applied' : 'undone',
    changed: true,
    httpStatus: 200,
    idempotentReplay: false,
    requestedAt: at,
    completedAt: at,
    effectiveAt: at,
  };
}

function fakeActivities(recorded: Recorded): Activities {
  const platform = (operation: ContainmentOperation) => (request: ContainmentActionRequest) => {
    recorded.platformCalls.push({ operation, actionIndex: request.actionIndex, kind: request.action.kind });
    if (recorded.refuse.has(request.action.kind)) {
      throw ApplicationFailure.create({ type: ContainmentFailure.rejected, message: 'refused', nonRetryable: true });
    }
    return Promise.resolve(containmentRecord(request, operation));
  };
  const reference = (name: string) => ({
    artifactId: `artifact-${name}`,
    kind: 'audit-events' as const,
    name,
    sha256: 'a'.repeat(64),
    size: 10,
    capturedAt: new Date().toISOString(),
    created: true,
  });

  const activities: Partial<Activities> = {
    pageOnCall: async (request) => {
      recorded.pages.push({ ...request, atMs: await testEnv().currentTimeMs() });
      return { messageId: `<m-${recorded.pages.length}>`, recipients: 1, texts: 1 };
    },
    recordTimelineEntry: (request) => {
      recorded.timelineWrites.push(request);
      return Promise.resolve({ eventId: `e-${request.entry.seq}`, duplicate: false });
    },
    planContainment: (request) => Promise.resolve(planContainment(playbook, request.ruleId, request.subject)),
    executeContainmentAction: platform('apply'),
    undoContainmentAction: platform('undo'),
    captureAlertEvidence: async (request) => {
      await recorded.captureGate;
      recorded.evidenceCaptures.push(request.captureKey ?? 'no key');
      const { userId, ipAddress, patientId } = request;
      recorded.alertCaptureSubjects.push({ userId, ipAddress, patientId });
      recorded.alertCaptureFrom.push(request.from);
      return Promise.resolve({ ...reference(`${request.captureKey}.ndjson`), eventCount: 212 });
    },
    legalReminderPolicy: () => Promise.resolve(DEFAULT_REMINDER_POLICY),
    logSmallBreach: () => Promise.resolve(),
    sendLegalReminder: (request) => {
      recorded.legalReminders.push(request.reminderKey);
      return Promise.resolve({ messageId: `<${request.reminderKey}>`, emails: 1, texts: 0 });
    },
    captureContainmentEvidence: (request) => {
      recorded.evidenceCaptures.push(request.captureKey ?? 'no key');
      return Promise.resolve({
        ...reference(request.name ?? 'containment-record.json'),
        kind: 'containment-record' as const,
      });
    },
  };
  return activities as Activities;
}

export function emptyRecord(): Recorded {
  return {
    pages: [],
    platformCalls: [],
    timelineWrites: [],
    evidenceCaptures: [],
    alertCaptureSubjects: [],
    alertCaptureFrom: [],
    legalReminders: [],
    refuse: new Set(),
  };
}

/** Runs a worker with the fake activities for as long as `run` takes. */
export async function withWorker(
  run: (recorded: Recorded, taskQueue: string) => Promise<void>,
  recorded = emptyRecord(),
) {
  const taskQueue = uniqueName('timeskip');
  const worker = await Worker.create({
    connection: testEnv().nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: fakeActivities(recorded),
    dataConverter,
  });
  await worker.runUntil(run(recorded, taskQueue));
}

export function startIncident(
  taskQueue: string,
  alert: Alert = sampleAlert(),
  options: Partial<HandleIncidentInput> = {},
) {
  const incidentId = options.incidentId ?? uniqueName('incident');
  return testEnv().client.workflow.signalWithStart<typeof handleIncident, [Alert]>('handleIncident', {
    workflowId: incidentId,
    taskQueue,
    args: [{ incidentId, tenantId: alert.tenantId, escalationDelaysMs: ESCALATION_DELAYS_MS, ...options }],
    signal: alertSignal,
    signalArgs: [alert],
  });
}

/** An alert whose rule has no playbook entry, so no containment is planned for it. */
export function uncontainedAlert(overrides: Partial<Alert> = {}): Alert {
  return sampleAlert({ ruleId: 'prm-break-glass-access', ...overrides });
}
