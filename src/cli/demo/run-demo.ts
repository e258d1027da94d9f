import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Client } from '@temporalio/client';
import { issueToken } from '../../api/tokens';
import { ApiRole } from '../../api/roles';
import { listIncidents } from '../../client/incidents';
import { loadConfig } from '../../config/load-config';
import type { Config } from '../../config/schema';
import { verifyBundle } from '../../evidence/verify-bundle';
import { ScenarioName } from '../../generate/options';
import type { IncidentStatus } from '../../incidents/incident-state';
import { createLogger } from '../../logging/logger';
import { createContactCipher } from '../../notification/population/contact-cipher';
import type { ObligationsStatus } from '../../obligations/tracking/status';
import { PATIENT_DIRECTORY_PATH } from '../../prm-simulator/patient-directory-routes';
import type { Database } from '../../store/database';
import { startLocalStack, type LocalStack } from '../stack';
import { type ApiCaller, ApiCallError, apiCaller } from './api-caller';
import { describeReport, reportedBreach } from './demo-breach';
import {
  assessAndDecide,
  DEMO_ACCOUNTS,
  incidentStatus,
  notifyPatients,
  respond,
  tryAgainAs,
  waitUntil,
} from './demo-people';
import { type DemoOutcome, printDemoSummary } from './demo-summary';
import { DEMO_TENANT, loadHl7Examples, sendGeneratedDay } from './demo-traffic';

/**
 * The main job, end to end, on one machine: the local stack (Temporal dev
 * server, embedded store, worker, responder API, SMTP sink, PRM simulator)
 * takes the HL7 example audit events and a generated day of hospital
 * traffic; detection opens incidents and containment acts on them; one
 * incident is followed through acknowledgement, approved suspension (which
 * the platform then enforces), evidence, assessment, the affected
 * population and facts from a real HHS OCR report, to the notices owed and
 * legal's reminders; its evidence bundle is exported and verified.
 * Escalation is shortened to seconds so the pages fire while you watch.
 */

const DEMO_FIRST_PAGE_MS = 3_000;
const DEMO_SECOND_PAGE_MS = 120_000;
/** Detection is done when no new incident has appeared for this long after the followed one. */
const QUIET_MS = 3_000;
const FOLLOWED_RULE = 'prm-mass-record-access';

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

async function callers(db: Database, apiUrl: string) {
  const caller = async (name: string, roles: ApiRole[]) =>
    apiCaller(apiUrl, (await issueToken(db, { tenantId: DEMO_TENANT, name, roles })).token);

  return {
    platform: await caller('demo.platform', [ApiRole.ingest]),
    responder: await caller(DEMO_ACCOUNTS.responder, [ApiRole.responder]),
    privacyOfficer: await caller(DEMO_ACCOUNTS.privacyOfficer, [ApiRole.privacyOfficer]),
    legal: await caller(DEMO_ACCOUNTS.legal, [ApiRole.legal]),
  };
}

/** Waits for detection to open the followed rule's incident and for the sweep to go quiet; answers every incident. */
async function incidentsOpened(client: Client, api: ApiCaller): Promise<IncidentStatus[]> {
  let seen = -1;
  let quietSince = Date.now();
  const listed = await waitUntil(
    'detection to open the incidents',
    async () => {
      const found = await listIncidents(client, { tenantId: DEMO_TENANT });
      if (found.length !== seen) [seen, quietSince] = [found.length, Date.now()];
      return found;
    },
    (found) => found.some((incident) => incident.rules.includes(FOLLOWED_RULE)) && Date.now() - quietSince >= QUIET_MS,
  );

  return Promise.all(listed.map((incident) => incidentStatus(api, incident.incidentId)));
}

/** The tracker starts a moment after the facts are set, and answers 404 until it has. */
async function remindedLegal(legal: ApiCaller, incidentId: string): Promise<ObligationsStatus> {
  return waitUntil(
    'a reminder to legal',
    () =>
      legal.get<ObligationsStatus>(`/v1/incidents/${incidentId}/obligations`).catch((error: unknown) => {
        if (error instanceof ApiCallError && error.status === 404) return undefined;
        throw error;
      }),
    (status): status is ObligationsStatus => status?.obligations.some((entry) => entry.remindersSent > 0) === true,
  );
}

async function followThrough(stack: LocalStack, config: Readonly<Config>, workDir: string): Promise<DemoOutcome> {
  const apiUrl = stack.apiUrl ?? '';
  const platformUrl = stack.platform?.url ?? '';
  const people = await callers(stack.store, apiUrl);

  console.log('Loading the nine HL7 FHIR AuditEvent examples');
  const hl7 = await loadHl7Examples(stack.store);
  console.log('Sending a generated day of PRM traffic, with every incident scenario in it, to the API');
  const day = await sendGeneratedDay(stack.store, people.platform, (sent) => console.log(`  ${sent} events stored`));

  console.log('Detection sweeps the new events...');
  const opened = await incidentsOpened(stack.client, people.responder);
  const followed = opened.find((incident) => incident.ruleIds.includes(FOLLOWED_RULE));
  const spree = day.labels.scenarios.find((label) => label.scenario === ScenarioName.massRecordAccess);
  if (!followed || !spree) throw new Error('The demo traffic did not produce the mass record access incident');
  console.log(`${opened.length} incidents open; following ${followed.incidentId} (${FOLLOWED_RULE})`);

  await waitUntil(
    'the first page to on-call',
    () => incidentStatus(people.responder, followed.incidentId),
    (status) => status.escalationsSent > 0,
  );
  console.log('Nobody acknowledged, so on-call was paged; a responder acknowledges and approves the suspension');
  await respond(people.responder, followed.incidentId);
  const deniedRetry = await tryAgainAs(platformUrl, spree.user_id, 'pat-000001');

  console.log('A privacy officer assesses the breach, finds the affected patients and sets the facts');
  const report = await reportedBreach();
  const { resolved } = await assessAndDecide(people.privacyOfficer, followed.incidentId, {
    db: stack.store,
    cipher: createContactCipher(config.encryption),
    directoryUrl: `${platformUrl}${PATIENT_DIRECTORY_PATH}`,
    spree,
    report,
  });
  const obligations = await remindedLegal(people.legal, followed.incidentId);
  console.log('Legal is reminded of the overdue notices, and sends the approved notice to the affected patients');
  const notices = await notifyPatients(people.legal, followed.incidentId);

  const bundleFile = resolve(workDir, `evidence-${followed.incidentId}.tar.gz`);
  await people.privacyOfficer.download(`/v1/incidents/${followed.incidentId}/evidence/bundle`, bundleFile);

  return {
    events: { hl7, generated: day.events },
    incidents: await Promise.all(opened.map((incident) => incidentStatus(people.responder, incident.incidentId))),
    followed: await incidentStatus(people.responder, followed.incidentId),
    deniedRetry,
    report: describeReport(report),
    population: { size: resolved.size, missing: resolved.missing, byJurisdiction: resolved.byJurisdiction },
    obligations,
    notices,
    bundle: { file: bundleFile, verification: await verifyBundle(bundleFile) },
    where: {
      outbox: stack.outboxDir,
      smsOutbox: resolve(config.dataDir, 'sms-outbox'),
      letters: resolve(config.notification.lettersDir ?? join(config.dataDir, 'letters')),
      apiUrl,
      temporal: stack.address,
      uiUrl: stack.uiUrl,
      staysUp: false,
    },
  };
}

/**
 * The demo runs in a folder of its own, `<dataDir>/demo`, emptied first, with
 * its own Temporal dev server and embedded store: every run starts from
 * nothing (its incident ids repeat from run to run), and it never writes into
 * a configured PostgreSQL or Temporal server that holds real incidents.
 */
function demoConfig(configured: Readonly<Config>): Readonly<Config> {
  const dataDir = join(configured.dataDir, 'demo');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  if (configured.database.url || configured.temporal.address)
    console.log(`The demo runs on a stack of its own in ${dataDir}; DATABASE_URL and TEMPORAL_ADDRESS are not used`);

  return withDemoEscalation({
    ...configured,
    dataDir,
    database: {},
    temporal: { ...configured.temporal, address: undefined },
  });
}

export async function runDemo(options: { keep?: boolean }): Promise<void> {
  const config = demoConfig(loadConfig());
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn' });
  const workDir = config.dataDir;
  const stack = await startLocalStack(config, logger, { allowDevServer: true, simulatePlatform: true, serveApi: true });

  try {
    const outcome = await followThrough(stack, config, workDir);
    const staysUp = options.keep === true;
    printDemoSummary({ ...outcome, where: { ...outcome.where, staysUp } });
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
