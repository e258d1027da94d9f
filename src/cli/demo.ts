import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { acknowledgeIncident, closeIncident, getIncidentStatus, raiseAlert } from '../client/incidents';
import { loadConfig } from '../config/load-config';
import type { Config } from '../config/schema';
import type { Alert } from '../incidents/alert';
import type { IncidentStatus } from '../incidents/incident-state';
import { createLogger } from '../logging/logger';
import { startLocalStack } from './stack';

/**
 * The main job as far as it is built: a detection alert opens an incident, a
 * second alert with the same dedup key joins it, nobody acknowledges so
 * escalation pages on-call by email, then a responder acknowledges and closes.
 * Escalation delays are shortened to seconds so the page fires while you watch.
 */

const DEMO_FIRST_PAGE_MS = 3_000;
const DEMO_SECOND_PAGE_MS = 120_000;
const POLL_MS = 250;
const PAGE_WAIT_LIMIT_MS = 60_000;
const RESPONDER = 'demo.responder';

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

async function waitForFirstPage(client: Client, incidentId: string): Promise<IncidentStatus> {
  const deadline = Date.now() + PAGE_WAIT_LIMIT_MS;
  for (;;) {
    const status = await getIncidentStatus(client, incidentId);
    if (status.escalationsSent > 0) return status;
    if (Date.now() > deadline) throw new Error(`No escalation page within ${PAGE_WAIT_LIMIT_MS} ms`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
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

function printSummary(status: IncidentStatus, page: string, where: Where) {
  console.log('');
  console.log(`Incident ${status.incidentId}`);
  console.log(
    `  phase ${status.phase}, severity ${status.severity}, ${status.alertCount} alerts, rules ${status.ruleIds.join(', ')}`,
  );
  for (const entry of status.timeline) {
    console.log(`  ${entry.at}  ${entry.actor.padEnd(16)} ${entry.action}${entry.detail ? ` (${entry.detail})` : ''}`);
  }
  console.log(`Page sent to on-call: ${page}`);
  if (!where.serverStaysUp) {
    console.log('The dev server stops with the demo; run `npm run demo -- --keep` to explore it afterwards.');
    return;
  }
  console.log(`Temporal: ${where.address}${where.uiUrl ? `, Web UI ${where.uiUrl}` : ''}`);
  const cli = where.temporalCli ?? 'temporal';
  console.log(`List workflows: ${cli} workflow list --address ${where.address}`);
}

export async function runDemo(options: { keep?: boolean }): Promise<void> {
  const config = withDemoEscalation(loadConfig());
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn' });
  const stack = await startLocalStack(config, logger, { allowDevServer: true });

  try {
    console.log('Raising an alert: one user read many unrelated patient records');
    const first = demoAlert(`demo-${randomUUID()}`, 'high');
    const incidentId = await raiseAlert(stack.client, config, first);
    await raiseAlert(stack.client, config, { ...first, alertId: `demo-${randomUUID()}`, severity: 'critical' });
    console.log(`Incident ${incidentId} opened; waiting ${DEMO_FIRST_PAGE_MS / 1000} s for nobody to acknowledge...`);

    await waitForFirstPage(stack.client, incidentId);
    console.log('Escalation paged on-call; a responder acknowledges and closes the incident');
    await acknowledgeIncident(stack.client, incidentId, { responderId: RESPONDER });
    const closed = await closeIncident(stack.client, incidentId, { responderId: RESPONDER, reason: 'demo finished' });

    const serverStaysUp = options.keep === true || config.temporal.address !== undefined;
    printSummary(closed, newestMessage(stack.outboxDir), { ...stack, serverStaysUp });
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
