import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acknowledgeIncident, listIncidents, raiseAlert } from '../../src/client/incidents';
import { sampleAlert } from '../support/alerts';
import { runCli } from '../support/cli';
import { type DevServerWorker, startDevServerWorker } from '../support/dev-server-worker';
import { uniqueName } from '../support/temporal';

/**
 * `breachline incidents list|show|assign` against a running incident on the
 * dev server: readable tables by default, the same data with --json.
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
