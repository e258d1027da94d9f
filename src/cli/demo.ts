import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import {
  acknowledgeIncident,
  approveContainment,
  closeIncident,
  getIncidentStatus,
  raiseAlert,
  RequestRefusedError,
  setAffectedPopulation,
  setIncidentFacts,
  submitAssessment,
} from '../client/incidents';
import { getObligationsStatus } from '../client/obligations';
import { loadConfig } from '../config/load-config';
import type { ObligationsStatus } from '../obligations/tracking';
import type { Config } from '../config/schema';
import type { Alert } from '../incidents/alert';
import type { IncidentStatus } from '../incidents/incident-state';
import { IncidentRole } from '../incidents/vocabulary';
import { demoAssessment, demoFacts } from './demo-assessment';
import { createLogger } from '../logging/logger';
import { startLocalStack } from './stack';

/**
 * The main job as far as it is built: a detection alert opens an incident and
 * a second with the same dedup key joins it; containment revokes the user's
 * sessions on the simulated platform at once; nobody acknowledges, so
 * escalation pages on-call; a responder acknowledges and approves the
 * suspension; evidence is captured; the privacy officer assesses the breach
 * as reportable, sets the affected population and closes. Escalation delays
 * are shortened to seconds so the page fires while you watch.
 */

const DEMO_FIRST_PAGE_MS = 3_000;
const DEMO_SECOND_PAGE_MS = 120_000;
const POLL_MS = 250;
const STEP_WAIT_LIMIT_MS = 60_000;
const RESPONDER = { actorId: 'demo.responder', role: IncidentRole.responder };
const PRIVACY_OFFICER = { actorId: 'demo.privacy', role: IncidentRole.privacyOfficer };
const DEMO_POPULATION = { populationId: 'demo-population', total: 180, byJurisdiction: { 'US-TX': 171, 'US-OK': 9 } };

function demoAlert(alertId: string, severity: Alert['severity']): Alert {
  return {
    alertId,
    tenantId: 'demo-hospital',
    ruleId: 'prm-mass-record-access',
    ruleTitle: 'One user read many unrelated patient records',
    severity,
    dedupKey: `prm-mass-record-access|user-7731|${new Date().toISOString().slice(0, 13)}|${randomUUID()}`,
    detectedAt: new Date().toISOString(),
    eventCount: 180,
    subject: { userId: 'user-7731', ipAddress: '10.4.8.15', patientIds: ['Patient/1001', 'Patient/1002'] },
    summary: 'user-7731 opened 180 charts of patients outside their care team within 20 minutes',
  };
}

function withDemoEscalation(config: Readonly<Config>): Readonly<Config> {
  const [first, second] = config.escalation.levels;
  const contacts = (first ?? second)?.email ?? [];
  return {
    ...config,
    escalation: {
      levels: [
        { after: DEMO_FIRST_PAGE_MS, email: first?.email ?? contacts },
        { after: DEMO_SECOND_PAGE_MS, email: second?.email ?? contacts },
      ],
    },
  };
}

function newestMessage(outboxDir: string | undefined): string {
  if (!outboxDir) return 'sent through SMTP_URL';
  const files = readdirSync(outboxDir)
    .filter((name) => name.endsWith('.eml'))
    .sort();
  const newest = files.at(-1);
  return newest ? join(outboxDir, newest) : 'no message in the outbox';
}

interface Where {
  address: string;
  uiUrl?: string;
  temporalCli?: string;
  /** Whether the server is still up once the demo returns. */
  serverStaysUp: boolean;
}

/** The tracker starts just after the facts are set; the incident may close a moment before it answers. */
async function waitForObligations(client: Client, incidentId: string): Promise<ObligationsStatus> {
  const deadline = Date.now() + STEP_WAIT_LIMIT_MS;
  for (;;) {
    try {
      return await getObligationsStatus(client, incidentId);
    } catch (error) {
      if (!(error instanceof RequestRefusedError) || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function printObligations(status: ObligationsStatus): void {
  console.log(
    `Notices owed (tracked until legal records each met: breachline obligations status ${status.incidentId}):`,
  );
  for (const entry of status.obligations) {
    console.log(
      `  ${(entry.dueDate ?? entry.dueAt ?? entry.deadlineKind).padEnd(24)} ${entry.id.padEnd(28)} ${entry.citation}`,
    );
  }
}

function printSummary(status: IncidentStatus, obligations: ObligationsStatus, page: string, where: Where) {
  console.log('');
  console.log(`Incident ${status.incidentId}`);
  console.log(
    `  phase ${status.phase}, severity ${status.severity}, ${status.alertCount} alerts, rules ${status.ruleIds.join(', ')}`,
  );
  for (const entry of status.timeline) {
    console.log(`  ${entry.at}  ${entry.actor.padEnd(16)} ${entry.action}${entry.detail ? ` (${entry.detail})` : ''}`);
  }
  printObligations(obligations);
  console.log(`Page sent to on-call: ${page}`);
  if (!where.serverStaysUp) {
    console.log('The dev server stops with the demo; run `npm run demo -- --keep` to explore it afterwards.');
    return;
  }
  console.log(`Temporal: ${where.address}${where.uiUrl ? `, Web UI ${where.uiUrl}` : ''}`);
  const cli = where.temporalCli ?? 'temporal';
  console.log(`List workflows: ${cli} workflow list --address ${where.address}`);
}

/** Polls the incident until `done` holds for its status; the workflow moves on its own between responder steps. */
async function waitFor(
  client: Client,
  incidentId: string,
  what: string,
  done: (status: IncidentStatus) => boolean,
): Promise<IncidentStatus> {
  const deadline = Date.now() + STEP_WAIT_LIMIT_MS;
  for (;;) {
    const status = await getIncidentStatus(client, incidentId);
    if (done(status)) return status;
    if (Date.now() > deadline)
      throw new Error(`The demo incident did not reach "${what}" within ${STEP_WAIT_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The responders' part: acknowledge, approve the suspension, assess, set the population, close. */
async function respond(client: Client, incidentId: string): Promise<IncidentStatus> {
  await waitFor(client, incidentId, 'first page', (status) => status.escalationsSent > 0);
  console.log('Escalation paged on-call; a responder acknowledges and approves suspending the account');
  await acknowledgeIncident(client, incidentId, RESPONDER);
  const planned = await getIncidentStatus(client, incidentId);
  const suspension = planned.actions.find((action) => action.kind === 'suspend-user');
  if (suspension) await approveContainment(client, incidentId, { ...RESPONDER, actionIndex: suspension.index });

  await waitFor(client, incidentId, 'assessment', (status) => status.phase === 'assessment');
  console.log('Containment done and evidence captured; the privacy officer submits the risk assessment');
  await submitAssessment(client, incidentId, { ...PRIVACY_OFFICER, submission: demoAssessment() });
  const assessed = await setAffectedPopulation(client, incidentId, { ...PRIVACY_OFFICER, ...DEMO_POPULATION });
  const facts = demoFacts(assessed.discoveredAt ?? new Date().toISOString());
  await setIncidentFacts(client, incidentId, { ...PRIVACY_OFFICER, facts, reason: 'first facts' });
  return closeIncident(client, incidentId, { ...PRIVACY_OFFICER, reason: 'demo finished; notices tracked' });
}

export async function runDemo(options: { keep?: boolean }): Promise<void> {
  const config = withDemoEscalation(loadConfig());
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn' });
  const stack = await startLocalStack(config, logger, { allowDevServer: true, simulatePlatform: true });

  try {
    console.log('Raising an alert: one user read many unrelated patient records');
    const first = demoAlert(`demo-${randomUUID()}`, 'high');
    const incidentId = await raiseAlert(stack.client, config, first);
    await raiseAlert(stack.client, config, { ...first, alertId: `demo-${randomUUID()}`, severity: 'critical' });
    console.log(`Incident ${incidentId} opened; waiting ${DEMO_FIRST_PAGE_MS / 1000} s for nobody to acknowledge...`);

    const closed = await respond(stack.client, incidentId);
    const obligations = await waitForObligations(stack.client, incidentId);
    const serverStaysUp = options.keep === true || config.temporal.address !== undefined;
    printSummary(closed, obligations, newestMessage(stack.outboxDir), { ...stack, serverStaysUp });
  } catch (error) {
    await stack.stop();
    throw error;
  }

  if (options.keep) {
    console.log('The stack keeps running (--keep); press Ctrl-C to stop it.');
    await stack.running;
  } else {
    await stack.stop();
  }
}
