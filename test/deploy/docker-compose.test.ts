import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import which from 'which';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';

/**
 * Checks the deployment files without a Docker engine: `docker-compose config`
 * (Debian's v1 package) interpolates and validates the file offline. Machines
 * without it skip these tests; CI sets BREACHLINE_REQUIRE_COMPOSE_CHECK=1 so a
 * missing binary fails instead of passing silently.
 */

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const COMPOSE_FILE = join(PROJECT_ROOT, 'docker-compose.yml');
const EXAMPLE_CONFIG = join(PROJECT_ROOT, 'deploy', 'breachline.example.yaml');

const composeBinary = which.sync('docker-compose', { nothrow: true });
const composeRequired = process.env.BREACHLINE_REQUIRE_COMPOSE_CHECK === '1';

/** Dummy values for every variable the compose file refuses to start without. */
const requiredVariables = {
  POSTGRES_PASSWORD: 'not-a-real-password',
  BREACHLINE_ENCRYPTION_KEYS: `test-1:${Buffer.alloc(32).toString('base64')}`,
  BREACHLINE_ENCRYPTION_KEY_ID: 'test-1',
  SMTP_URL: 'smtp://mail.invalid:25',
  MAIL_FROM: 'breachline@example.org',
  BREACHLINE_CONFIG_FILE: EXAMPLE_CONFIG,
  BREACHLINE_CHECKPOINT_KEY: 'not-a-real-checkpoint-key-0123456789',
  PRM_ADMIN_URL: 'https://prm.invalid/admin',
  PRM_SIGNING_SECRET: 'not-a-real-signing-secret-0123456789',
};

function withoutVariables(env: NodeJS.ProcessEnv, names: readonly string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
}

/** An empty env file, so a developer's own .env cannot fill in what a test leaves unset. */
let emptyEnvFile = '';
let scratchDir: string | undefined;

beforeAll(() => {
  scratchDir = mkdtempSync(join(tmpdir(), 'breachline-compose-'));
  emptyEnvFile = join(scratchDir, 'empty.env');
  writeFileSync(emptyEnvFile, '');
});

afterAll(() => {
  if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
});

function composeConfig(variables: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  if (!composeBinary) {
    throw new Error('docker-compose is not on PATH; install it with `apt-get install docker-compose`');
  }
  // Only the test decides which required variables are set, whatever the parent shell has.
  const env = { ...withoutVariables(process.env, Object.keys(requiredVariables)), ...variables };

  return spawnSync(composeBinary, ['--env-file', emptyEnvFile, '-f', COMPOSE_FILE, 'config', '-q'], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('docker-compose.yml', () => {
  const skip = composeBinary === null && !composeRequired;

  it.skipIf(skip)('validates when every required variable is set', () => {
    const result = composeConfig(requiredVariables);

    expect(result.error).toBeUndefined();
    expect(result.status, result.stderr).toBe(0);
  });

  it.skipIf(skip)('refuses to start without an encryption key, naming the missing variable', () => {
    const result = composeConfig(withoutVariables(requiredVariables, ['BREACHLINE_ENCRYPTION_KEYS']));

    expect(result.error).toBeUndefined();
    expect(result.status).not.toBe(0);
    // v1 echoes the whole uninterpolated environment first, so match the reason at the end.
    expect(result.stderr.trim()).toMatch(/set BREACHLINE_ENCRYPTION_KEYS \(id:base64 of 32 bytes\)$/);
  });
});

describe('deploy/breachline.example.yaml', () => {
  it('is a valid production configuration together with the variables compose requires', () => {
    const env = { ...requiredVariables, BREACHLINE_MODE: 'production', BREACHLINE_CONFIG: EXAMPLE_CONFIG };

    const config = loadConfig(env);

    expect(config.escalation.levels.map((level) => level.after)).toEqual([30 * 60_000, 60 * 60_000]);
  });
});
