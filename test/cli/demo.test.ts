import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { freePort } from '../support/free-port';
import { uniqueName } from '../support/temporal';

describe('breachline demo', () => {
  it('runs the main job end to end on its own stack and leaves a page in the outbox', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'breachline-demo-'));
    const demo = runCli(['demo'], {
      BREACHLINE_MODE: 'development',
      BREACHLINE_DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: '',
      TEMPORAL_DEV_SERVER_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      TEMPORAL_TASK_QUEUE: uniqueName('cli-demo'),
    });

    expect(await demo.exit()).toBe(0);
    const output = demo.output();
    expect(output).toMatch(/phase closed, severity critical, 2 alerts/);
    expect(output).toMatch(/escalated \(paged level 1\)/);

    const outbox = join(dataDir, 'outbox');
    const pages = readdirSync(outbox).map((file) => readFileSync(join(outbox, file), 'utf8'));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('oncall@breachline.localhost');
  });
});
