import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { raiseAlert } from '../../src/client/incidents';
import { loadConfig } from '../../src/config/load-config';
import { connectClient } from '../../src/temporal/connection';
import { sampleAlert } from '../support/alerts';
import { type RunningCli, runCli } from '../support/cli';
import { freePort } from '../support/free-port';
import { uniqueName } from '../support/temporal';

let running: RunningCli | undefined;

afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

describe('breachline dev', () => {
  it('starts a dev server with a SQLite file, runs the worker, shows its workflows to the temporal CLI, and stops on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'breachline-dev-'));
    const env = {
      BREACHLINE_MODE: 'development',
      BREACHLINE_DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: '',
      TEMPORAL_DEV_SERVER_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      API_PORT: String(await freePort()),
      TEMPORAL_TASK_QUEUE: uniqueName('cli-dev'),
      LOG_LEVEL: 'info',
    };
    running = runCli(['dev'], env);

    const ready = JSON.parse(await running.waitFor(/breachline is running/)) as {
      temporal: string;
      ui: string;
      api: string;
    };
    expect(ready.ui).toBe(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}`);
    expect((await fetch(`${ready.api}/health`)).status).toBe(200);
    expect(existsSync(join(dataDir, 'temporal.sqlite'))).toBe(true);

    const config = loadConfig(env);
    const client = await connectClient(config, ready.temporal);
    const incidentId = await raiseAlert(client, config, sampleAlert({ dedupKey: uniqueName('dev') }));
    await client.connection.close();

    const listed = execFileSync(inject('temporalCli'), ['workflow', 'list', '--address', ready.temporal, '-o', 'json']);
    expect(listed.toString()).toContain(incidentId);

    running.child.kill('SIGINT');
    expect(await running.exit()).toBe(0);
    expect(running.output()).toMatch(/"msg":"Stopped"/);
    expect(() =>
      execFileSync(inject('temporalCli'), ['operator', 'cluster', 'health', '--address', ready.temporal], {
        stdio: 'pipe',
        timeout: 15_000,
      }),
    ).toThrow();
  });

  it('names every bad setting and exits with status 2 instead of starting', async () => {
    running = runCli(['dev'], { BREACHLINE_MODE: 'production', TEMPORAL_UI_PORT: 'eighty' });

    expect(await running.exit()).toBe(2);
    const output = running.output();
    expect(output).toContain('temporal.uiPort (TEMPORAL_UI_PORT)');
    expect(output).toContain('encryption.keys (BREACHLINE_ENCRYPTION_KEYS)');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
