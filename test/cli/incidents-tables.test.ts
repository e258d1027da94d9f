import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  acknowledgeIncident,
  getIncidentStatus,
  listIncidents,
  raiseAlert,
  setIncidentFacts,
  submitAssessment,
} from '../../src/client/incidents';
import { getObligationsStatus } from '../../src/client/obligations';
import { trackObligationsWorkflowId } from '../../workflows/obligation-messages';
import { withFactor } from '../assessment/submissions';
import { texasFacts } from '../support/breach-facts';
import { sampleAlert } from '../support/alerts';
import { runCli } from '../support/cli';
import { type DevServerWorker, startDevServerWorker } from '../support/dev-server-worker';
import { uniqueName } from '../support/temporal';

/**
 * `breachline incidents list|show|assign` and `obligations status|met`
 * against running workflows on the dev server: readable tables by default,
 * the same data with --json.
 */

let stack: DevServerWorker;
let incidentId: string;
let env: NodeJS.ProcessEnv;

const DETECTED_AT = '2032-05-06T07:08:09Z';

beforeAll(async () => {
  stack = await startDevServerWorker();
  const alert = sampleAlert({ dedupKey: uniqueName('cli-table'), ruleId: 'prm-break-glass-access' });
  incidentId = await raiseAlert(stack.client, stack.config, { ...alert, detectedAt: DETECTED_AT });
  await acknowledgeIncident(stack.client, incidentId, { actorId: 'a.chen', role: 'responder' });
  await vi.waitFor(
    async () => expect(await listIncidents(stack.client, { discoveredSince: new Date(DETECTED_AT) })).toHaveLength(1),
    { timeout: 30_000, interval: 250 },
  );

  const { currentKeyId, keys } = stack.config.encryption;
  env = {
    BREACHLINE_MODE: 'development',
    BREACHLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'breachline-cli-')),
    TEMPORAL_ADDRESS: stack.address,
    TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
    BREACHLINE_ENCRYPTION_KEYS: `${currentKeyId}:${keys.get(currentKeyId)?.toString('base64') ?? ''}`,
    BREACHLINE_ENCRYPTION_KEY_ID: currentKeyId,
  };
});

afterAll(async () => {
  await stack.client.workflow.getHandle(incidentId).terminate('test finished');
  await stack.stop();
});

async function run(args: string[]): Promise<string> {
  const cli = runCli(args, env);
  const code = await cli.exit();
  expect(code, cli.output()).toBe(0);

  return cli.output();
}

describe('breachline incidents, as tables and as JSON', () => {
  it('lists incidents discovered in a window as a table with a header', async () => {
    const output = await run([
      'incidents',
      'list',
      '--since',
      '2032-05-06T07:00:00Z',
      '--until',
      '2032-05-06T08:00:00Z',
    ]);

    const [header, row, ...rest] = output.trim().split('\n');
    expect(header).toMatch(/^INCIDENT\s+STATUS\s+PHASE\s+SEVERITY\s+RULES\s+DISCOVERED\s+NEXT DUE$/);
    expect(row).toMatch(
      new RegExp(`^${incidentId}\\s+RUNNING\\s+\\w+\\s+high\\s+prm-break-glass-access\\s+2032-05-06T07:08:09.000Z`),
    );
    expect(rest).toEqual([]);
  });

  it('lists the same incidents as JSON', async () => {
    const output = await run(['incidents', 'list', '--since', '2032-05-06T07:00:00Z', '--json']);

    expect(JSON.parse(output)).toEqual([expect.objectContaining({ incidentId, rules: ['prm-break-glass-access'] })]);
  });

  it('refuses a window bound that is not an instant, naming the option', async () => {
    const cli = runCli(['incidents', 'list', '--since', 'last tuesday'], env);

    expect(await cli.exit()).not.toBe(0);
    expect(cli.output()).toMatch(/--since.*ISO 8601 instant/);
  });

  it("shows an incident's header and its timeline as a table", async () => {
    const output = await run(['incidents', 'show', incidentId]);

    expect(output).toContain(`${incidentId}  `);
    expect(output).toContain('acknowledged by a.chen');
    expect(output).toMatch(/Timeline:\nAT\s+ACTOR\s+ACTION\s+DETAIL\n/);
    expect(output).toMatch(/a\.chen\s+acknowledged/);
  });

  it('assigns and prints the updated incident as JSON', async () => {
    const output = await run(['incidents', 'assign', incidentId, 'b.diaz', '--as', 'a.chen', '--json']);

    expect(JSON.parse(output)).toMatchObject({ incidentId, assignee: { responderId: 'b.diaz', by: 'a.chen' } });
  });
});

describe('breachline obligations status|met, as tables and as JSON', () => {
  it("prints an incident's tracked obligations as a table, and records one met with --json", async () => {
    const alert = sampleAlert({ dedupKey: uniqueName('cli-obligations'), ruleId: 'prm-break-glass-access' });
    const breachId = await raiseAlert(stack.client, stack.config, alert);
    const privacy = { actorId: 'p.nakamura', role: 'privacy-officer' as const };
    await acknowledgeIncident(stack.client, breachId, { actorId: 'a.chen', role: 'responder' });
    await vi.waitFor(async () => expect((await getIncidentStatus(stack.client, breachId)).phase).toBe('assessment'), {
      timeout: 60_000,
      interval: 250,
    });
    const assessed = await submitAssessment(stack.client, breachId, {
      ...privacy,
      submission: withFactor('natureAndExtent', 'high'),
    });
    const facts = texasFacts(assessed.discoveredAt ?? '');
    await setIncidentFacts(stack.client, breachId, { ...privacy, facts, reason: 'first facts' });
    await vi.waitFor(() => getObligationsStatus(stack.client, breachId), { timeout: 30_000, interval: 250 });

    try {
      const status = await run(['obligations', 'status', breachId]);
      const met = await run([
        'obligations',
        'met',
        breachId,
        'HIPAA/individuals',
        '--as',
        'l.abara',
        '--at',
        new Date().toISOString(),
        '--method',
        'first-class-mail',
        '--reference',
        'USPS batch 9',
        '--json',
      ]);

      expect(status).toMatch(/^OBLIGATION\s+DUE\s+NEXT REMINDER\s+STANDING$/m);
      expect(status).toMatch(/^HIPAA\/individuals\s+\S+\s+\S+\s+open$/m);
      const recorded = (JSON.parse(met) as { obligations: { id: string; met?: { reference: string } }[] }).obligations;
      expect(recorded.find((entry) => entry.id === 'HIPAA/individuals')?.met?.reference).toBe('USPS batch 9');
    } finally {
      await stack.client.workflow.getHandle(trackObligationsWorkflowId(breachId)).terminate('test finished');
      await stack.client.workflow.getHandle(breachId).terminate('test finished');
    }
  });
});
