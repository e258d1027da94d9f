import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ContainmentActionRequest, createContainmentActivities } from '../../activities/containment';
import { incidentIdFor } from '../../src/client/incident-id';
import type { Config } from '../../src/config/schema';
import type { Playbook } from '../../src/containment/playbook';
import { SignatureHeader } from '../../src/containment/signing';
import {
  ContainmentFailure,
  ContainmentKind,
  ContainmentMode,
  ContainmentOperation,
  ContainmentOutcome,
  containmentActivityOptions,
  TargetType,
} from '../../src/containment/vocabulary';
import { type PrmSimulator, startPrmSimulator } from '../../src/prm-simulator/server';
import { sampleAlert } from '../support/alerts';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { memoryLogger } from '../support/temporal';

const SECRET = 'containment-activity-test-secret-0123456789';
const alert = sampleAlert();
const TENANT = alert.tenantId;
const USER = 'user-4411';
const INCIDENT_ID = incidentIdFor(TENANT, alert.dedupKey);

const playbook: Playbook = {
  rules: {
    'prm-mass-record-access': [
      { kind: ContainmentKind.suspendUser, mode: ContainmentMode.approval },
      { kind: ContainmentKind.revokeSessions, mode: ContainmentMode.automatic },
      { kind: ContainmentKind.disableApiKey, mode: ContainmentMode.automatic },
    ],
  },
};

function actionRequest(kind: ContainmentKind, overrides: Partial<ContainmentActionRequest> = {}) {
  const request: ContainmentActionRequest = {
    incidentId: INCIDENT_ID,
    tenantId: TENANT,
    actionIndex: 0,
    action: { kind, mode: ContainmentMode.automatic },
    target: { type: TargetType.user, id: USER },
    ...overrides,
  };
  return request;
}

function activitiesFor(containment: Config['containment']) {
  return createContainmentActivities({ containment, playbook, logger: memoryLogger().logger });
}

/** The failure an activity call was rejected with. */
async function failureOf(call: Promise<unknown>): Promise<ApplicationFailure> {
  const error: unknown = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApplicationFailure)) throw new Error('expected the call to fail with an ApplicationFailure');
  return error;
}

interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body: object;
}

interface ScriptedServer {
  url: string;
  /** The headers of each request received, in order. */
  received: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** An admin API that gives the scripted answers in turn, repeating the last one. */
async function scriptedServer(answers: readonly ScriptedAnswer[]): Promise<ScriptedServer> {
  const received: IncomingHttpHeaders[] = [];
  const server: Server = createServer((request, response) => {
    received.push(request.headers);
    const answer = answers[Math.min(received.length, answers.length) - 1];
    request.resume();
    request.on('end', () => {
      response.writeHead(answer?.status ?? 500, { 'content-type': 'application/json', ...answer?.headers });
      response.end(JSON.stringify(answer?.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const unavailable = { error: 'unavailable', reason: 'the platform is under maintenance' };
const ok = (requestId: string) => ({ requestId, effectiveAt: '2026-12-03T10:20:00.000Z', changed: true });

describe('planContainment', () => {
  it('aims each playbook action of the rule at the alert subject, skipping those it names no target for', async () => {
    const activities = activitiesFor({});

    const plan = await activities.planContainment({ ruleId: alert.ruleId, subject: alert.subject });

    expect(plan).toEqual({
      ruleId: 'prm-mass-record-access',
      actions: [
        { kind: 'suspend-user', mode: 'approval', target: { type: 'user', id: USER } },
        { kind: 'revoke-sessions', mode: 'automatic', target: { type: 'user', id: USER } },
      ],
      skipped: [{ kind: 'disable-api-key', mode: 'automatic', reason: 'the alert names no api-key to act on' }],
    });
  });
});

describe('containment against the PRM simulator', () => {
  let store: TestStore;
  let simulator: PrmSimulator;
  let activities: ReturnType<typeof activitiesFor>;

  beforeAll(async () => {
    store = await openPgliteTestStore();
  });

  afterAll(async () => {
    await store.dispose();
  });

  beforeEach(async () => {
    simulator = await startPrmSimulator({ secret: SECRET, db: store.db });
    activities = activitiesFor({ adminApiUrl: simulator.url, signingSecret: SECRET });
  });

  afterEach(async () => {
    vi.useRealTimers();
    await simulator.stop();
  });

  /** Moves the clock on, as Temporal's retry interval (2 s at least) would between attempts. */
  function waitForRetry(): void {
    vi.useFakeTimers({ now: Date.now() + 2_000, toFake: ['Date'] });
  }

  it('suspends the user and records the apply as applied and changed, with the request id', async () => {
    const record = await activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser));

    expect(record).toMatchObject({
      incidentId: INCIDENT_ID,
      actionIndex: 0,
      kind: 'suspend-user',
      operation: 'apply',
      target: { type: 'user', id: USER },
      requestId: `${INCIDENT_ID}.0.apply`,
      outcome: ContainmentOutcome.applied,
      changed: true,
      httpStatus: 200,
      idempotentReplay: false,
    });
    expect(record.effectiveAt).not.toBeNull();
    expect(simulator.state.isSuspended(TENANT, USER)).toBe(true);
  });

  it('answers a retried apply of the same action from the platform idempotency store, with the first answer', async () => {
    const first = await activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser));
    waitForRetry();

    const retry = await activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser));

    expect(retry).toMatchObject({
      requestId: first.requestId,
      outcome: ContainmentOutcome.applied,
      changed: true,
      idempotentReplay: true,
      effectiveAt: first.effectiveAt,
    });
    expect(simulator.state.isSuspended(TENANT, USER)).toBe(true);
  });

  it('answers an apply sent again within the same second as a replay too, not as a rejection', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    await activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser));

    const again = await activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser));

    expect(again).toMatchObject({ outcome: ContainmentOutcome.applied, idempotentReplay: true });
  });

  it('reports changed false when another action of the incident suspends a user already suspended', async () => {
    await activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser));

    const second = await activities.executeContainmentAction(
      actionRequest(ContainmentKind.suspendUser, { actionIndex: 1 }),
    );

    expect(second).toMatchObject({ outcome: ContainmentOutcome.applied, changed: false, idempotentReplay: false });
  });

  it('reinstates a suspended user on undo, under a request id of its own', async () => {
    await activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser));

    const undo = await activities.undoContainmentAction(actionRequest(ContainmentKind.suspendUser));

    expect(undo).toMatchObject({
      operation: ContainmentOperation.undo,
      requestId: `${INCIDENT_ID}.0.undo`,
      outcome: ContainmentOutcome.undone,
      changed: true,
      httpStatus: 200,
    });
    expect(simulator.state.isSuspended(TENANT, USER)).toBe(false);
  });

  it('records an undo of revoked sessions as not reversible, without calling the platform', async () => {
    await activities.executeContainmentAction(actionRequest(ContainmentKind.revokeSessions));

    const undo = await activities.undoContainmentAction(actionRequest(ContainmentKind.revokeSessions));

    expect(undo).toMatchObject({
      kind: 'revoke-sessions',
      operation: ContainmentOperation.undo,
      outcome: ContainmentOutcome.notReversible,
      changed: false,
      httpStatus: null,
      idempotentReplay: false,
      effectiveAt: null,
    });
    expect(simulator.state.sessionsRevokedAt(TENANT, USER)).toHaveLength(1);
  });

  it('refuses an action whose target does not fit its kind as an invalid request, not retried', async () => {
    const request = actionRequest(ContainmentKind.suspendUser, {
      target: { type: TargetType.ipAddress, id: '10.1.2.3' },
    });

    const failure = await failureOf(activities.executeContainmentAction(request));

    expect(failure).toMatchObject({ type: ContainmentFailure.invalidRequest, nonRetryable: true });
    expect(failure.message).toBe('Invalid containment request: target.type: does not fit the action kind');
  });
});

describe('containment against an admin API that fails', () => {
  let server: ScriptedServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function activitiesAgainst(answers: readonly ScriptedAnswer[]) {
    server = await scriptedServer(answers);
    return { activities: activitiesFor({ adminApiUrl: server.url, signingSecret: SECRET }), server };
  }

  it('throws a retryable ContainmentUnavailable on 503, waiting as long as Retry-After says', async () => {
    const { activities } = await activitiesAgainst([
      { status: 503, headers: { 'retry-after': '7' }, body: unavailable },
    ]);

    const failure = await failureOf(activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser)));

    expect(failure).toMatchObject({
      type: ContainmentFailure.unavailable,
      nonRetryable: false,
      nextRetryDelay: 7_000,
      details: [{ requestId: `${INCIDENT_ID}.0.apply`, status: 503, reason: 'the platform is under maintenance' }],
    });
    expect(failure.message).not.toContain(USER);
  });

  it('leaves the retry delay to the retry policy on a 503 without Retry-After', async () => {
    const { activities } = await activitiesAgainst([{ status: 503, body: unavailable }]);

    const failure = await failureOf(activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser)));

    expect(failure).toMatchObject({ type: ContainmentFailure.unavailable, nonRetryable: false });
    expect(failure.nextRetryDelay).toBeUndefined();
  });

  it('applies the action on the attempt after a 503, under the same request id', async () => {
    const requestId = `${INCIDENT_ID}.0.apply`;
    const { activities, server } = await activitiesAgainst([
      { status: 503, body: unavailable },
      { status: 200, body: ok(requestId) },
    ]);
    await failureOf(activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser)));

    const record = await activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser));

    expect(record).toMatchObject({ outcome: ContainmentOutcome.applied, changed: true, httpStatus: 200 });
    expect(server.received.map((headers) => headers[SignatureHeader.requestId])).toEqual([requestId, requestId]);
  });

  it('holds a retry back no longer than the retry policy maximum interval, whatever Retry-After says', async () => {
    const { activities } = await activitiesAgainst([
      { status: 503, headers: { 'retry-after': '3600' }, body: unavailable },
    ]);

    const failure = await failureOf(activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser)));

    expect(containmentActivityOptions.retry?.maximumInterval).toBe('1 minute');
    expect(failure.nextRetryDelay).toBeLessThanOrEqual(60_000);
  });

  it('throws a non-retryable ContainmentRejected on 403, with the platform reason', async () => {
    const { activities } = await activitiesAgainst([
      { status: 403, body: { error: 'forbidden', reason: 'this platform does not serve that tenant' } },
    ]);

    const failure = await failureOf(activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser)));

    expect(failure).toMatchObject({
      type: ContainmentFailure.rejected,
      nonRetryable: true,
      details: [
        { requestId: `${INCIDENT_ID}.0.apply`, status: 403, reason: 'this platform does not serve that tenant' },
      ],
    });
    expect(failure.message).toBe(
      'The admin API refused /admin/users/:userId/suspend with status 403: this platform does not serve that tenant',
    );
  });
});

describe('containment with no admin API configured', () => {
  it('throws a non-retryable ContainmentNotConfigured for an action that needs a call', async () => {
    const activities = activitiesFor({});

    const failure = await failureOf(activities.executeContainmentAction(actionRequest(ContainmentKind.suspendUser)));

    expect(failure).toMatchObject({ type: ContainmentFailure.notConfigured, nonRetryable: true });
  });

  it('throws ContainmentNotConfigured when the URL is set but the signing secret is not', async () => {
    const activities = activitiesFor({ adminApiUrl: 'http://127.0.0.1:9' });

    const failure = await failureOf(activities.undoContainmentAction(actionRequest(ContainmentKind.suspendUser)));

    expect(failure).toMatchObject({ type: ContainmentFailure.notConfigured, nonRetryable: true });
  });
});
