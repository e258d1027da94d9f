import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import type { Config } from '../../src/config/schema';

export interface TestConfigOptions {
  smtpUrl: string;
  taskQueue: string;
  temporalAddress: string;
  /** Escalation delays in the config's duration syntax, e.g. ['1s', '1h']. */
  escalation?: string[];
}

/** A test-mode configuration loaded the way production loads one: environment plus a YAML file. */
export function loadTestConfig(options: TestConfigOptions): Readonly<Config> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-config-'));
  const levels = (options.escalation ?? ['30m', '1h'])
    .map((after, index) => `    - after: ${after}\n      email: [level${index + 1}@hospital.test]`)
    .join('\n');
  const file = join(dir, 'breachline.yaml');
  writeFileSync(file, `escalation:\n  levels:\n${levels}\n`);

  return loadConfig({
    BREACHLINE_MODE: 'test',
    BREACHLINE_CONFIG: file,
    BREACHLINE_DATA_DIR: dir,
    BREACHLINE_ENCRYPTION_KEYS: `test-1:${randomBytes(32).toString('base64')}`,
    BREACHLINE_ENCRYPTION_KEY_ID: 'test-1',
    SMTP_URL: options.smtpUrl,
    MAIL_FROM: 'breachline@hospital.test',
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    BREACHLINE_CHECKPOINT_KEY: randomBytes(24).toString('base64'),
  });
}
