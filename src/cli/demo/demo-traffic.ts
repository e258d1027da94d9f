import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../audit/ingest-file';
import { InputFormat } from '../../audit/read-records';
import { addReferenceListEntries } from '../../detection/reference-lists';
import { allScenarios } from '../../generate/options';
import { planTraffic, trafficEvents } from '../../generate/traffic';
import { referenceEntriesFor } from '../../generate/reference-entries';
import type { TrafficLabels } from '../../generate/labels';
import type { Database } from '../../store/database';
import type { ApiCaller } from './api-caller';

/**
 * The demo's audit traffic: the nine HL7 FHIR AuditEvent examples, kept
 * unchanged as test fixtures, loaded as a FHIR import; then one generated
 * day of a hospital's PRM traffic with every incident scenario injected,
 * sent to the responder API in batches as the platform would, so each
 * committed batch wakes the detection sweep.
 */

export const DEMO_TENANT = 'st-elsewhere';

const HL7_EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'fhir-r4-auditevent');

/** About eleven thousand events: big enough to hide the scenarios in, small enough to load in seconds. */
const DEMO_DAY = {
  days: 1,
  staff: 40,
  patients: 2000,
  seed: 'breachline-demo',
  tenantId: DEMO_TENANT,
};

const BATCH = 5_000;

export async function loadHl7Examples(db: Database): Promise<number> {
  const files = readdirSync(HL7_EXAMPLES_DIR).filter((name) => name.startsWith('audit') && name.endsWith('.json'));
  let stored = 0;
  for (const file of files) {
    const report = await ingestFile(db, join(HL7_EXAMPLES_DIR, file), {
      format: InputFormat.fhir,
      tenantId: DEMO_TENANT,
    });
    stored += report.stored;
  }

  return stored;
}

/** Sends the generated day through the API; returns the labels, whose reference lists detection needs first. */
export async function sendGeneratedDay(
  db: Database,
  platform: ApiCaller,
  onBatch: (sent: number) => void,
): Promise<{ events: number; labels: TrafficLabels }> {
  const plan = planTraffic({ ...DEMO_DAY, scenarios: [...allScenarios] });
  // The platform's HR and chart flags exist before its traffic does.
  await addReferenceListEntries(db, referenceEntriesFor(plan.labels));

  let batch: unknown[] = [];
  let sent = 0;
  const flush = async () => {
    await platform.post('/v1/audit-events', batch);
    sent += batch.length;
    batch = [];
    onBatch(sent);
  };
  for (const event of trafficEvents(plan)) {
    batch.push(event);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();

  return { events: sent, labels: plan.labels };
}
